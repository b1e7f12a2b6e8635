/// Prints reports compiler-style, one line per problem, so editors and CI logs link to them:
///
///     samples/x.journey.json:12:7: error: unknown key "chanels" in this touchpoint
///       hint: did you mean "channels"?
public struct TextReporter: Reporter {
    public let id = "text"

    /// Whether to colour severities (only on a terminal).
    public var useColor: Bool

    /// A reporter; colour only when asked (on a terminal).
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
    /// When a journey was checked in a scenario, each report is headed by its path and scenario
    /// (`path [scenario con-api]`), so that the same finding in two scenarios can be told apart.
    public func report(_ files: [FileReport]) -> String {
        var lines: [String] = []
        let headed = files.contains { $0.scenario != nil }
        for file in files {
            if headed {
                let style = TerminalStyle(enabled: useColor)
                lines.append(style.bold(TerminalText.sanitize(file.path + (file.scenario.map { " [scenario \($0)]" } ?? ""))))
            }
            for diagnostic in (file.diagnostics + file.findings).sorted() {
                lines.append(line(for: diagnostic))
            }
        }
        lines.append(summary(files))
        return lines.joined(separator: "\n") + "\n"
    }

    /// E.g. `3 files checked: 2 valid, 1 invalid (4 errors); 5 findings (2 warnings, 3 info)`.
    public func summary(_ files: [FileReport]) -> String {
        let invalid = files.filter { !$0.isValid }.count
        let inScenarios = files.filter { $0.scenario != nil }.count
        let fileCount = files.count - inScenarios
        var text = "\(files.count) \(files.count == 1 ? "file" : "files") checked"
        if inScenarios > 0 {
            // A report per scenario: say how many files and scenarios the counts below cover.
            text = fileCount == 0
                ? Self.plural(files.count, "file") + " checked in a scenario"
                : Self.plural(fileCount, "file") + " checked as written and in " + Self.plural(inScenarios, "scenario")
        }
        text += ": \(files.count - invalid) valid, \(invalid) invalid"
        let problems = Self.counts(files.flatMap(\.diagnostics))
        if !problems.isEmpty { text += " (" + problems + ")" }
        let findings = files.flatMap(\.findings)
        if findings.isEmpty {
            if invalid < files.count { text += "; no findings" }
        } else {
            text += "; " + Self.plural(findings.count, "finding") + " (" + Self.counts(findings) + ")"
        }
        return text
    }

    /// E.g. `2 errors, 1 warning, 3 info`, most serious first, leaving out severities that do not occur.
    static func counts(_ diagnostics: [Diagnostic]) -> String {
        var counts: [String] = []
        for severity in Diagnostic.Severity.allCases.reversed() {
            let count = diagnostics.filter { $0.severity == severity }.count
            guard count > 0 else { continue }
            counts.append(severity == .info ? "\(count) info" : plural(count, severity.rawValue))
        }
        return counts.joined(separator: ", ")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension TerminalStyle {
    /// A severity's word, coloured as compilers colour it.
    func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: red("error")
        case .warning: yellow("warning")
        case .info: cyan("info")
        }
    }
}
