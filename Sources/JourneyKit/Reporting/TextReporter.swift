/// Prints reports compiler-style, one line per problem, so editors and CI logs link to them:
///
///     samples/x.journey.json:12:7: error: unknown key "chanels" in this touchpoint
///       hint: did you mean "channels"?
public struct TextReporter: Sendable {
    /// Whether to colour severities (only on a terminal).
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// One diagnostic as `path:line:column: severity: message [rule]`, with its hint below.
    public func line(for diagnostic: Diagnostic) -> String {
        let style = TerminalStyle(enabled: useColor)
        var text = style.bold(TerminalText.sanitize(diagnostic.location.description)) + ": "
            + style.severity(diagnostic.severity) + ": " + TerminalText.sanitize(diagnostic.message)
        if let rule = diagnostic.rule { text += " [\(rule)]" }
        if let hint = diagnostic.hint { text += "\n  " + style.dim("hint: " + TerminalText.sanitize(hint)) }
        return text
    }

    /// The whole report: every diagnostic and finding of every file, then a summary line.
    public func report(_ files: [FileReport]) -> String {
        var lines: [String] = []
        for file in files {
            for diagnostic in (file.diagnostics + file.findings).sorted() {
                lines.append(line(for: diagnostic))
            }
        }
        lines.append(summary(files))
        return lines.joined(separator: "\n") + "\n"
    }

    /// E.g. `3 files checked: 2 valid, 1 invalid (4 errors)`.
    public func summary(_ files: [FileReport]) -> String {
        let invalid = files.filter { !$0.isValid }.count
        let all = files.flatMap { $0.diagnostics + $0.findings }
        var parts = ["\(files.count) \(files.count == 1 ? "file" : "files") checked: \(files.count - invalid) valid, \(invalid) invalid"]
        var counts: [String] = []
        for severity in Diagnostic.Severity.allCases.reversed() {
            let count = all.filter { $0.severity == severity }.count
            if count > 0 { counts.append(Self.plural(count, severity.rawValue)) }
        }
        if !counts.isEmpty { parts.append("(" + counts.joined(separator: ", ") + ")") }
        return parts.joined(separator: " ")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
