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
        let escape = Self.escape
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

    /// Text for a table cell: line breaks become spaces, other control characters visible
    /// escapes, and Markdown's special characters are escaped, scalar by scalar.
    static func escape(_ text: String) -> String {
        var flattened = ""
        for scalar in text.unicodeScalars {
            flattened.unicodeScalars.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        var escaped = ""
        for scalar in TerminalText.sanitize(flattened).unicodeScalars {
            switch scalar {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#", "~": escaped.unicodeScalars.append("\\")
            default: break
            }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }
}
