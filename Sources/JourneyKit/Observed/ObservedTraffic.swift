/// What customers were observed to do, as the diagrams draw it over the journey: the steps
/// between touchpoints with the number of cases that took each, and, when an event log was
/// read, how many cases reached each touchpoint.
///
/// From an event log (`--events`, through `EventLogConformance`) or from a table of
/// transitions pre-aggregated elsewhere (`--transitions`, read by `read(transitions:file:journey:)`),
/// which knows the steps but not the cases that reached each touchpoint.
public struct ObservedTraffic: Sendable, Hashable {
    /// The observed steps, most taken first.
    public var transitions: [ConformanceReport.Transition]
    /// Cases that reached each touchpoint, in journey order; empty for a transitions table.
    public var visits: [ConformanceReport.TouchpointVisits]

    /// The traffic of a conformance check's report.
    public init(_ report: ConformanceReport) {
        transitions = report.transitions
        visits = report.touchpoints
    }

    public init(transitions: [ConformanceReport.Transition], visits: [ConformanceReport.TouchpointVisits] = []) {
        self.transitions = transitions
        self.visits = visits
    }

    /// The visits by touchpoint id.
    public var visitsByTouchpoint: [String: ConformanceReport.TouchpointVisits] {
        Dictionary(visits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The columns of a transitions table.
    public static let transitionColumns = ["from", "to", "cases"]

    /// Reads a transitions table (`from`, `to`, `cases`, in any order; other columns ignored):
    /// the steps with their case counts, most taken first, or every problem located by line and
    /// column — an unknown touchpoint (with did-you-mean), a count that is not a whole number,
    /// a step listed twice.
    public static func read(transitions table: CSVTable, journey: Journey) -> (traffic: ObservedTraffic?, errors: [Diagnostic]) {
        let file = table.file
        let (columns, headerErrors) = CSVColumns.read(header: table.header, file: file, required: transitionColumns, optional: [])
        guard headerErrors.isEmpty, let fromColumn = columns.positions["from"], let toColumn = columns.positions["to"],
              let casesColumn = columns.positions["cases"] else { return (nil, headerErrors) }
        let ids = journey.touchpoints.map(\.id)
        let known = Set(ids)
        var planned: Set<String> = []
        for touchpoint in journey.touchpoints {
            for target in touchpoint.next { planned.insert(touchpoint.id + "\u{1F}" + target) }
        }
        var errors: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var transitions: [ConformanceReport.Transition] = []
        for record in table.records {
            var ends: [String] = []
            for column in [fromColumn, toColumn] {
                let id = record.field(column).csvTrimmed
                if known.contains(id) {
                    ends.append(id)
                } else {
                    errors.append(.error("unknown touchpoint \"\(id)\"", at: record.location(in: file, column: column),
                                         hint: Suggestion.hint(for: id, among: ids, fallback: "use the id of a touchpoint of journey \"\(journey.id)\"")))
                }
            }
            let casesText = record.field(casesColumn).csvTrimmed
            guard let cases = Int(casesText), cases >= 0 else {
                errors.append(.error("the number of cases \"\(casesText)\" is not a whole number", at: record.location(in: file, column: casesColumn),
                                     hint: "write how many distinct cases took the step, e.g. 120"))
                continue
            }
            guard ends.count == 2 else { continue }
            let key = ends[0] + "\u{1F}" + ends[1]
            if let row = seen[key] {
                errors.append(.error("the step \"\(ends[0])\" → \"\(ends[1])\" is listed twice (first in data row \(row))",
                                     at: record.location(in: file, column: fromColumn),
                                     hint: "give each step one row with its number of distinct cases"))
                continue
            }
            seen[key] = record.row
            transitions.append(ConformanceReport.Transition(from: ends[0], to: ends[1], cases: cases, isPlanned: planned.contains(key)))
        }
        guard errors.isEmpty else { return (nil, errors) }
        transitions.sort { ($1.cases, $0.from, $0.to) < ($0.cases, $1.from, $1.to) }
        return (ObservedTraffic(transitions: transitions), [])
    }
}
