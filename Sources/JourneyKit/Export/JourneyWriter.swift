/// Writes a journey in the canonical form of a format: what `cjm convert` and `cjm fmt` write.
public enum JourneyWriter {
    public static func write(_ journey: Journey, as format: JourneyFormat) -> String {
        switch format {
        case .json: JourneyJSONWriter.write(journey)
        case .xml: JourneyJSONWriter.write(journey)
        }
    }
}
