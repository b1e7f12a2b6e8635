/// Writes a journey in the canonical form of a format: what `cjm convert`, `cjm fmt` and
/// `cjm import` write.
public enum JourneyWriter {
    /// The canonical text; throws when the journey holds text the format cannot carry (XML 1.0
    /// has no place for most control characters).
    public static func write(_ journey: Journey, as format: JourneyFormat) throws(JourneyXMLWriter.UnrepresentableText) -> String {
        switch format {
        case .json: JourneyJSONWriter.write(journey)
        case .xml: try JourneyXMLWriter.write(journey)
        }
    }

    /// What is lost when writing `journey` in `format`, for a warning; `nil` when nothing is.
    public static func lossWarning(for journey: Journey, as format: JourneyFormat) -> String? {
        guard format == .xml, journey.jsonSchema != nil else { return nil }
        return "\"$schema\" is not carried into the XML form (XML has no place for it)"
    }
}
