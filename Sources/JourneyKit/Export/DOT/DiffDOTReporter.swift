/// Draws a comparison as the new journey's flow diagram with the changes on it: added elements
/// green, changed ones amber naming what changed, removed touchpoints as dashed ghosts where
/// they used to be, the findings the change introduced drawn as on the flow view, and a box of
/// the journey, persona, channel and stage changes in the legend.
public struct DiffDOTReporter: Reporter {
    public let id = "dot"

    /// A BCP 47 tag choosing the words the picture adds; nil for the new journey's language.
    public var language: String?

    /// A reporter drawing in `language`, else the journey's own.
    public init(language: String? = nil) {
        self.language = language
    }

    public func report(_ comparison: JourneyComparison) -> String {
        let empty = Journey(id: comparison.new?.id ?? comparison.old?.id ?? "", title: "")
        let changes = DiagramChanges(comparison.diff, old: comparison.old ?? empty)
        return DOTExporter(language: language).export(comparison.new ?? empty, findings: comparison.diff.introducedFindings, changes: changes)
    }
}
