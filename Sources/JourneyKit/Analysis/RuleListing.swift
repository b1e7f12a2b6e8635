/// The words about each rule in the forms people read them: `cjm rules` on a terminal, and
/// the rule sections of `docs/rules.md` with their examples (a test regenerates that file
/// and checks that the committed one is the same).
public enum RuleListing {
    /// Every rule as `id (severity)`, its summary, and its explanation wrapped to `width` columns.
    /// With a project `configuration`, the severity is the effective one, and a rule the file
    /// sets says so: `id (error, set by .cjm.json; default warning)`.
    public static func text(_ rules: [any Rule] = Analyzer.allRules, width: Int = 80,
                            configuration: ProjectConfiguration? = nil) -> String {
        var blocks: [String] = []
        for rule in rules {
            let heading: String
            if let configuration, let setting = configuration.rules[rule.id] {
                heading = "\(rule.id) (\(setting.rawValue), set by \(configuration.file); default \(rule.defaultSeverity.rawValue))"
            } else {
                heading = "\(rule.id) (\(rule.defaultSeverity.rawValue))"
            }
            var lines = [heading]
            lines += wrap(rule.summary, width: width, indent: "  ")
            lines.append("")
            lines += wrap(rule.explanation, width: width, indent: "  ")
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The line of `docs/rules.md` below which the page is generated: the hand-written
    /// introduction stays above it, and `markdownDocument(introduction:)` writes the rest.
    public static let generatedMarker = """
        <!-- Everything below is generated from the rule descriptions in
             Sources/JourneyKit/Analysis/Rules (`cjm rules --format markdown`).
             Edit those, then run: CJM_RECORD_GOLDEN=1 swift test --filter RulesDocumentation -->
        """

    /// The whole of `docs/rules.md`: `introduction` (the hand-written text above the marker,
    /// ending with a blank line), the marker, and every rule's section.
    public static func markdownDocument(introduction: String, rules: [any Rule] = Analyzer.allRules) -> String {
        introduction + generatedMarker + "\n\n" + markdown(rules)
    }

    /// Every rule's Markdown section, separated by blank lines.
    public static func markdown(_ rules: [any Rule] = Analyzer.allRules) -> String {
        rules.map(markdownSection).joined(separator: "\n\n") + "\n"
    }

    /// The Markdown heading, text and examples of one rule, as `docs/rules.md` holds it.
    public static func markdownSection(_ rule: any Rule) -> String {
        let description = type(of: rule).description
        var blocks = [
            "## `\(description.id)`",
            "Default severity: **\(description.defaultSeverity.rawValue)**",
            description.summary,
            description.explanation,
        ]
        for example in description.triggeringExamples { blocks += markdown(example, label: "Fails.") }
        for example in description.nonTriggeringExamples { blocks += markdown(example, label: "Passes.") }
        return blocks.joined(separator: "\n\n")
    }

    /// An example's caption and its journey in a fenced block (and its actuals, when it has some).
    private static func markdown(_ example: RuleDescription.Example, label: String) -> [String] {
        var blocks = ["**\(label)** \(example.caption):", "```json\n\(example.json)\n```"]
        if let asOf = example.asOf {
            blocks += ["Checked with `--as-of \(asOf)`."]
        }
        if !example.kpiReadings.isEmpty {
            let rows = example.kpiReadings.map { [$0.touchpoint, $0.kpi, $0.value, $0.date ?? ""].joined(separator: ",") }
            blocks += ["With `--actuals`:", "```csv\ntouchpoint,kpi,value,date\n\(rows.joined(separator: "\n"))\n```"]
        }
        return blocks
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
