/// Escapes text for Markdown so that names and messages print as they are.
enum MarkdownText {
    static func escape(_ text: String) -> String {
        var result = ""
        var previousWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || MermaidText.isControl(scalar) {
                if !previousWasSpace { result.append(" ") }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~":
                result.append("\\")
                result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingSpaces
    }

    /// Text for a table cell: line breaks become spaces, other control characters visible
    /// escapes, and Markdown's special characters are escaped, scalar by scalar, so that no
    /// name can split a row or a column.
    static func tableCell(_ text: String) -> String {
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
