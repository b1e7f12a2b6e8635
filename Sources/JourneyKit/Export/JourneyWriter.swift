/// Writes a journey in the canonical form of a format: what `cjm convert`, `cjm fmt` and
/// `cjm import` write.
public enum JourneyWriter {
    /// The canonical text; throws when the journey holds text the format cannot carry (XML 1.0
    /// has no place for most control characters).
    ///
    /// - Parameter comments: The comments of the XML file the journey was read from; XML output
    ///   keeps them, JSON has no place for them (see `lossWarnings`).
    public static func write(
        _ journey: Journey, as format: JourneyFormat, comments: XMLComments = XMLComments()
    ) throws(JourneyXMLWriter.UnrepresentableText) -> String {
        switch format {
        case .json: JourneyJSONWriter.write(journey)
        case .xml: try JourneyXMLWriter.write(journey, comments: comments)
        }
    }

    /// The canonical text of a catalogue, held in the journey shape `ImportedCatalog.document`
    /// gives (id, title, description, personas, channels); in XML its root element is `<catalog>`.
    public static func writeCatalog(
        _ document: Journey, as format: JourneyFormat, comments: XMLComments = XMLComments()
    ) throws(JourneyXMLWriter.UnrepresentableText) -> String {
        switch format {
        case .json: JourneyJSONWriter.write(document)
        case .xml: try JourneyXMLWriter.write(document, root: "catalog", comments: comments)
        }
    }

    /// What is lost when writing `journey` in `format`, one warning each.
    public static func lossWarnings(for journey: Journey, as format: JourneyFormat, comments: XMLComments = XMLComments()) -> [String] {
        switch format {
        case .xml where journey.jsonSchema != nil:
            ["\"$schema\" is not carried into the XML form (XML has no place for it)"]
        case .json where !comments.isEmpty:
            ["the file's \(comments.count == 1 ? "comment is" : "\(comments.count) comments are") not carried into JSON (JSON has no comments); keep the XML file if they matter"]
        default:
            []
        }
    }
}
