/// Comma-separated values (RFC 4180); several touchpoints in a cell are separated by a line break.
public struct MatrixCSVReporter: Reporter {
    public let id = "csv"

    public init() {}

    public func report(_ matrix: CoverageMatrix) -> String {
        let stages = matrix.stages, rows = matrix.rows
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        var records = [(["Channel"] + stages).map(field).joined(separator: ",")]
        for row in rows {
            records.append(([row.label] + row.cells.map { $0.map(matrix.label(for:)).joined(separator: "\n") }).map(field).joined(separator: ","))
        }
        if let footer = matrix.personaRow() { records.append(footer.map(field).joined(separator: ",")) }
        return records.joined(separator: "\r\n") + "\r\n"
    }
}
