/// Comma-separated values (RFC 4180); several touchpoints in a cell are separated by a line break.
///
/// Safe to open in a spreadsheet and to print: control characters and bidirectional overrides
/// are shown escaped as in the text format (`\\u{1B}`), quoting is decided on Unicode scalars
/// (so `"\\r\\n"` or a `,` or `"` followed by a combining accent cannot split a record or a
/// field), and a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab) is
/// prefixed with `'`.
public struct MatrixCSVReporter: Reporter {
    public let id = "csv"

    public init() {}

    public func report(_ matrix: CoverageMatrix) -> String {
        var out = ""
        CSVText.appendRecord((["Channel"] + matrix.stages).map { Self.cell([$0]) }, guard: .display, to: &out)
        for row in matrix.rows {
            CSVText.appendRecord([Self.cell([row.label])] + row.cells.map { Self.cell($0.map(matrix.label(for:))) }, guard: .display, to: &out)
        }
        if let footer = matrix.personaRow() { CSVText.appendRecord(footer.map { Self.cell([$0]) }, guard: .display, to: &out) }
        return out
    }

    /// One cell holding `lines` (the touchpoints of a cell), each shown safely and neutralised,
    /// separated by a line break; quoting is the CSV writer's.
    static func cell(_ lines: [String]) -> String {
        lines.map { CSVText.neutralised(TerminalText.sanitize($0), .display) }.joined(separator: "\n")
    }
}
