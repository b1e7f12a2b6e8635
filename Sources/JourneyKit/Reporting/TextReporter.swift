/// Prints reports compiler-style, one line per problem, so editors and CI logs link to them:
///
///     samples/x.journey.json:12:7: error: unknown key "chanels" in this touchpoint
///       hint: did you mean "channels"?
public struct TextReporter: Reporter, StreamingReporter {
    public let id = "text"

    /// Whether to colour severities (only on a terminal).
    public var useColor: Bool

    /// A reporter; colour only when asked (on a terminal).
    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// One diagnostic as `path:line:column: severity: message [rule]`, with its hint below.
    public func line(for diagnostic: Diagnostic) -> String {
        line(for: diagnostic, hintIndent: "  ")
    }

    /// The same line with the hint's line indented by `hintIndent` (`cjm diff` nests findings
    /// deeper). Sanitising leaves no other line break in it.
    func line(for diagnostic: Diagnostic, hintIndent: String) -> String {
        let style = TerminalStyle(enabled: useColor)
        var text = style.bold(TerminalText.sanitize(diagnostic.location.description)) + ": "
            + style.severity(diagnostic.severity) + ": " + TerminalText.sanitize(diagnostic.message)
        if let rule = diagnostic.rule { text += " [\(rule)]" }
        if let hint = diagnostic.hint { text += "\n" + hintIndent + style.dim("hint: " + TerminalText.sanitize(hint)) }
        return text
    }

    /// The whole report: every diagnostic and finding of every file, then a summary line.
    /// When a journey was checked in a scenario, each report is headed by its path and scenario
    /// (`path [scenario con-api]`), so that the same finding in two scenarios can be told apart.
    public func report(_ files: [FileReport]) -> String {
        var text = ""
        report(files) { text += $0 }
        return text
    }

    /// The same report, handed to `emit` in pieces of about `chunkSize` bytes as it is written.
    public func report(_ files: [FileReport], chunkSize: Int = 1 << 16, into emit: (String) -> Void) {
        report(files, chunkSize: chunkSize) { emit(String(decoding: $0, as: UTF8.self)) }
    }

    /// The same report as UTF-8 bytes, handed to `emit` in pieces of about `chunkSize` bytes.
    ///
    /// The lines are written as UTF-8 bytes into one buffer: a String per line, joined and
    /// copied, was a tenth of `cjm check`'s time on 200,000 findings, and making each piece a
    /// String checked its 64 kB of UTF-8 again on the way to standard output.
    public func report(_ files: [FileReport], chunkSize: Int = 1 << 16, writing emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var out = UTF8Text()
        out.bytes.reserveCapacity(chunkSize + chunkSize / 4)
        var file = SanitizedFile()
        let headed = files.contains { $0.scenario != nil }
        for report in files {
            if headed {
                let style = TerminalStyle(enabled: useColor)
                out.verbatim(style.bold(TerminalText.sanitize(report.path + (report.scenario.map { " [scenario \($0)]" } ?? ""))))
                out.append("\n")
            }
            for diagnostic in Self.inOrder(report) {
                write(diagnostic, to: &out, file: &file)
                if out.bytes.count >= chunkSize {
                    out.bytes.withUnsafeBufferPointer(emit)
                    out.bytes.removeAll(keepingCapacity: true)
                }
            }
        }
        out.verbatim(summary(files))
        out.append("\n")
        out.bytes.withUnsafeBufferPointer(emit)
    }

    /// `line(for:hintIndent:)` and a line break, written as bytes. Colour (on a terminal, never
    /// 200,000 lines at a time) takes `line(for:hintIndent:)` itself.
    func write(_ diagnostic: Diagnostic, to out: inout UTF8Text, file: inout SanitizedFile, hintIndent: String = "  ") {
        guard !useColor else {
            out.verbatim(line(for: diagnostic, hintIndent: hintIndent))
            out.append("\n")
            return
        }
        // `sanitize(location.description)`: the line and column are digits, left as they are.
        file.write(diagnostic.location.file, to: &out)
        out.append(":")
        out.decimal(diagnostic.location.line)
        out.append(":")
        out.decimal(diagnostic.location.column)
        out.append(": ")
        out.verbatim(diagnostic.severity.rawValue)
        out.append(": ")
        let message = out.bytes.count
        diagnostic.writeMessage(to: &out)
        Self.sanitizeWritten(from: message, in: &out)
        if let rule = diagnostic.rule {
            out.append(" [")
            out.verbatim(rule)
            out.append("]")
        }
        if let hint = diagnostic.hint {
            out.append("\n")
            out.verbatim(hintIndent)
            out.append("hint: ")
            Self.writeSanitized(hint, to: &out)
        }
        out.append("\n")
    }

    /// `TerminalText.sanitize(text)`, appended. Works on the UTF-8 bytes: everything `sanitize`
    /// escapes is a C0 control or DEL (a byte below 0x20, or 0x7F), a C1 control (lead byte
    /// 0xC2) or a bidirectional control (lead byte 0xE2), so text without those bytes is
    /// copied as it is and only the rest goes through `sanitize`.
    static func writeSanitized(_ text: String, to out: inout UTF8Text) {
        let start = out.bytes.count
        out.verbatim(text)
        sanitizeWritten(from: start, in: &out)
    }

    /// Sanitises the text written from byte `start` on (see `writeSanitized`): left as it is
    /// unless it holds one of those bytes.
    static func sanitizeWritten(from start: Int, in out: inout UTF8Text) {
        guard out.bytes[start...].contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return }
        let text = String(decoding: out.bytes[start...], as: UTF8.self)
        out.bytes.removeSubrange(start...)
        out.verbatim(TerminalText.sanitize(text))
    }

    /// The path of the diagnostics being written, sanitised once: a file's 200,000 findings
    /// share one path (the same string, so comparing it costs nothing).
    struct SanitizedFile {
        private var path: String?
        private var bytes: [UInt8] = []

        mutating func write(_ file: String, to out: inout UTF8Text) {
            if file != path {
                var sanitized = UTF8Text()
                TextReporter.writeSanitized(file, to: &sanitized)
                path = file
                bytes = sanitized.bytes
            }
            out.bytes.append(contentsOf: bytes)
        }
    }

    /// A file's diagnostics and findings sorted together. The analyser hands its findings over
    /// sorted already: a valid file's findings are then used as they are, without a sorted copy
    /// of 200,000 findings (the sort is stable, so the order is the same either way).
    static func inOrder(_ file: FileReport) -> [Diagnostic] {
        if file.diagnostics.isEmpty, file.findings.isSorted { return file.findings }
        return (file.diagnostics + file.findings).sorted()
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
        let problems = Self.counts(files.map(\.diagnostics))
        if !problems.isEmpty { text += " (" + problems + ")" }
        let findingCount = files.reduce(0) { $0 + $1.findings.count }
        if findingCount == 0 {
            if invalid < files.count { text += "; no findings" }
        } else {
            text += "; " + Self.plural(findingCount, "finding") + " (" + Self.counts(files.map(\.findings)) + ")"
        }
        return text
    }

    /// E.g. `2 errors, 1 warning, 3 info`, most serious first, leaving out severities that do not occur.
    static func counts(_ diagnostics: [Diagnostic]) -> String {
        counts([diagnostics])
    }

    /// The same for several lists, counted where they are rather than joined into one copy.
    static func counts(_ lists: [[Diagnostic]]) -> String {
        var errors = 0, warnings = 0, infos = 0
        for list in lists {
            for diagnostic in list {
                switch diagnostic.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
            }
        }
        var counts: [String] = []
        if errors > 0 { counts.append(plural(errors, Diagnostic.Severity.error.rawValue)) }
        if warnings > 0 { counts.append(plural(warnings, Diagnostic.Severity.warning.rawValue)) }
        if infos > 0 { counts.append("\(infos) info") }
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
