/// Draws a comparison as the new journey's flow diagram with the changes on it: added elements
/// green, changed ones amber, removed touchpoints as dashed ghosts where they used to be.
public struct DiffDOTReporter: Reporter {
    public let id = "dot"

    public init() {}

    public func report(_ comparison: JourneyComparison) -> String {
        let empty = Journey(id: comparison.new?.id ?? comparison.old?.id ?? "", title: "")
        let changes = DiagramChanges(comparison.diff, old: comparison.old ?? empty)
        return DOTExporter(showsFindings: false).export(comparison.new ?? empty, changes: changes)
    }
}
