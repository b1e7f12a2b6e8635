/// The words about each rule in the forms people read them: `cjm rules` on a terminal, and
/// the rule sections of `docs/rules.md` (a test keeps that file in step with this text).
public enum RuleListing {
    /// Every rule as `id (severity)`, its summary, and its explanation wrapped to `width` columns.
    public static func text(_ rules: [any Rule] = Analyzer.allRules, width: Int = 80) -> String {
        var blocks: [String] = []
        for rule in rules {
            var lines = ["\(rule.id) (\(rule.defaultSeverity.rawValue))"]
            lines += wrap(rule.summary, width: width, indent: "  ")
            lines.append("")
            lines += wrap(rule.explanation, width: width, indent: "  ")
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Every rule's Markdown section, separated by blank lines.
    public static func markdown(_ rules: [any Rule] = Analyzer.allRules) -> String {
        rules.map(markdownSection).joined(separator: "\n\n") + "\n"
    }

    /// The Markdown heading and text of one rule, as `docs/rules.md` holds it.
    public static func markdownSection(_ rule: any Rule) -> String {
        """
        ## `\(rule.id)`

        Default severity: **\(rule.defaultSeverity.rawValue)**

        \(rule.summary)

        \(rule.explanation)
        """
    }

    /// Splits `text` into lines of at most `width` characters (longer words stay whole).
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent.count + line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }
}
