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
        let stages = matrix.stages, rows = matrix.rows
        var records = [(["Channel"] + stages).map { Self.field([$0]) }.joined(separator: ",")]
        for row in rows {
            records.append(([Self.field([row.label])] + row.cells.map { Self.field($0.map(matrix.label(for:))) }).joined(separator: ","))
        }
        if let footer = matrix.personaRow() { records.append(footer.map { Self.field([$0]) }.joined(separator: ",")) }
        return records.joined(separator: "\r\n") + "\r\n"
    }

    /// One field holding `lines` (the touchpoints of a cell), each made safe, separated by a line break.
    static func field(_ lines: [String]) -> String {
        let text = lines.map { neutralisingFormula(TerminalText.sanitize($0)) }.joined(separator: "\n")
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// `=SUM(A1)` as `'=SUM(A1)`: spreadsheets run a cell that starts with these as a formula.
    static func neutralisingFormula(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }
}
