/// A GitHub-flavoured Markdown table; several touchpoints in a cell are separated by `<br>`.
public struct MatrixMarkdownReporter: Reporter {
    public let id = "markdown"

    public init() {}

    public func report(_ matrix: CoverageMatrix) -> String {
        let stages = matrix.stages, rows = matrix.rows
        func escape(_ text: String) -> String {
            var escaped = ""
            for character in text {
                switch character {
                case "|": escaped += "\\|"
                case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "~": escaped += "\\" + String(character)
                case "\n", "\r": escaped += " "
                default: escaped.append(character)
                }
            }
            return escaped
        }
        var lines = ["| Channel | " + stages.map(escape).joined(separator: " | ") + " |",
                     "| --- |" + String(repeating: " --- |", count: stages.count)]
        for row in rows {
            lines.append("| " + ([escape(row.label)] + row.cells.map { $0.map { escape(matrix.label(for: $0)) }.joined(separator: "<br>") })
                .joined(separator: " | ") + " |")
        }
        if let footer = matrix.personaRow() {
            lines.append("| " + footer.map(escape).joined(separator: " | ") + " |")
        }
        let legend = matrix.legend()
        for sentence in legend { lines += ["", escape(sentence)] }
        return lines.joined(separator: "\n") + "\n"
    }
}
