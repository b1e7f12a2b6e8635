/// A GitHub-flavoured Markdown table; several touchpoints in a cell are separated by `<br>`.
///
/// Control characters and bidirectional overrides are shown escaped as in the text format,
/// and escaping works on Unicode scalars, so a `|` followed by a combining accent cannot open
/// a column.
public struct MatrixMarkdownReporter: Reporter {
    public let id = "markdown"

    public init() {}

    public func report(_ matrix: CoverageMatrix) -> String {
        let stages = matrix.stages, rows = matrix.rows
        var lines = ["| Channel | " + stages.map(MarkdownText.tableCell).joined(separator: " | ") + " |",
                     "| --- |" + String(repeating: " --- |", count: stages.count)]
        for row in rows {
            lines.append("| " + ([MarkdownText.tableCell(row.label)] + row.cells.map { $0.map { MarkdownText.tableCell(matrix.label(for: $0)) }.joined(separator: "<br>") })
                .joined(separator: " | ") + " |")
        }
        if let footer = matrix.personaRow() {
            lines.append("| " + footer.map(MarkdownText.tableCell).joined(separator: " | ") + " |")
        }
        let legend = matrix.legend()
        for sentence in legend { lines += ["", MarkdownText.tableCell(sentence)] }
        return lines.joined(separator: "\n") + "\n"
    }
}
