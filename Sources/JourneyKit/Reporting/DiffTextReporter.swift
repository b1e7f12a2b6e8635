/// Prints a `JourneyDiff` for people, grouped the way a journey reads: journey, personas,
/// channels, then each stage with its touchpoints, then the findings the change introduced
/// and resolved.
public struct DiffTextReporter: Reporter, StreamingDiffReporter {
    public typealias Subject = JourneyComparison
    public let id = "text"

    /// Whether to colour additions, removals and changes (only on a terminal).
    public var useColor: Bool

    /// A reporter; colour only when asked (on a terminal).
    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func report(_ comparison: JourneyComparison) -> String {
        report(comparison.diff, oldPath: comparison.oldPath, newPath: comparison.newPath)
    }

    public func report(_ comparison: JourneyComparison, chunkSize: Int, into emit: (String) -> Void) {
        report(comparison.diff, oldPath: comparison.oldPath, newPath: comparison.newPath, chunkSize: chunkSize, into: emit)
    }

    /// The report of `diff` between the files `oldPath` and `newPath`, as `diff -u` heads them.
    public func report(_ diff: JourneyDiff, oldPath: String, newPath: String) -> String {
        var text = ""
        report(diff, oldPath: oldPath, newPath: newPath) { text += $0 }
        return text
    }

    /// The same report, handed to `emit` in pieces of about `chunkSize` bytes as it is written.
    public func report(_ diff: JourneyDiff, oldPath: String, newPath: String, chunkSize: Int = 1 << 16, into emit: (String) -> Void) {
        let style = TerminalStyle(enabled: useColor)
        var text = ""
        // Each line ends in a line break; a full piece goes out at once, so that the report of
        // ten thousand changes is never held whole (it was held as lines and then joined).
        func append(_ line: String) {
            text += line
            endLine()
        }
        func endLine() {
            text += "\n"
            guard text.utf8.count >= chunkSize else { return }
            emit(text)
            text = ""
        }
        defer { emit(text) }
        append("--- " + TerminalText.sanitize(oldPath))
        append("+++ " + TerminalText.sanitize(newPath))
        guard !diff.isEmpty else {
            append("no changes to the journey")
            return
        }

        func section(_ title: String, _ changes: [JourneyDiff.Change], entity: String) {
            guard !changes.isEmpty else { return }
            append("")
            append(style.bold(title))
            for change in changes { describe(change, entity: entity, indent: "  ") }
        }

        func describe(_ change: JourneyDiff.Change, entity: String, indent: String) {
            let label = "\(entity) \(quoted(change.name)) (\(TerminalText.sanitize(change.id)))"
            switch change.kind {
            case .added:
                append(indent + style.green("+ added \(label)"))
            case .removed:
                append(indent + style.red("- removed \(label)"))
            case .changed, .renamed:
                if change.kind == .renamed, let previousID = change.previousID {
                    append(indent + style.yellow("↷ renamed \(entity) \(quoted(change.name)) (\(TerminalText.sanitize(previousID)) → \(TerminalText.sanitize(change.id)))"))
                }
                if let moved = change.fields.first(where: { $0.field == "stage" }) {
                    append(indent + style.yellow("→ moved \(label) here from stage \(TerminalText.sanitize(moved.old))"))
                }
                let otherFields = change.fields.filter { $0.field != "stage" }
                if !otherFields.isEmpty {
                    if change.kind == .changed { append(indent + style.yellow("~ changed \(label)")) }
                    for field in otherFields { describe(field, indent: indent + "    ") }
                }
            }
        }

        func describe(_ field: JourneyDiff.FieldChange, indent: String) {
            // A list edit shows the items taken out and put in, not both whole lists.
            if let edit = field.listEdit {
                append(indent + "\(field.field):")
                for item in edit.removed { append(indent + "  " + style.red("- " + TerminalText.sanitize(item))) }
                for item in edit.added { append(indent + "  " + style.green("+ " + TerminalText.sanitize(item))) }
                return
            }
            let verb = field.field == "stages" || field.field == "touchpoints" || (field.old.hasPrefix("[") && field.new.hasPrefix("[")) ? " reordered" : ""
            append(indent + "\(field.field)\(verb): \(TerminalText.sanitize(field.old)) → \(TerminalText.sanitize(field.new))")
        }

        section("journey", diff.changes.filter { $0.entity == .journey }, entity: "journey")
        section("personas", diff.changes.filter { $0.entity == .persona }, entity: "persona")
        section("channels", diff.changes.filter { $0.entity == .channel }, entity: "channel")

        // Stages in the order the diff lists them, each with its own change and its touchpoints.
        // Gathered in one pass: scanning every change once per stage took 7 s for 10,000 stages.
        var stageOrder: [String] = []
        var stageNames: [String: String] = [:]
        var stageChanges: [String: [JourneyDiff.Change]] = [:]
        var touchpointChanges: [String: [JourneyDiff.Change]] = [:]
        for change in diff.changes where change.entity == .stage || change.entity == .touchpoint {
            let id = change.entity == .stage ? change.id : (change.stageID ?? "")
            if stageNames[id] == nil {
                stageOrder.append(id)
                stageNames[id] = change.entity == .stage ? change.name : (change.stageName ?? id)
            }
            if change.entity == .stage {
                stageChanges[id, default: []].append(change)
            } else if let stageID = change.stageID {
                touchpointChanges[stageID, default: []].append(change)
            }
        }
        for stageID in stageOrder {
            append("")
            append(style.bold("stage \(quoted(stageNames[stageID] ?? stageID)) (\(TerminalText.sanitize(stageID)))"))
            for change in stageChanges[stageID] ?? [] {
                describe(change, entity: "stage", indent: "  ")
            }
            for change in touchpointChanges[stageID] ?? [] {
                describe(change, entity: "touchpoint", indent: "  ")
            }
        }

        if !diff.introducedFindings.isEmpty || !diff.resolvedFindings.isEmpty {
            append("")
            append(style.bold("findings"))
            let reporter = TextReporter(useColor: useColor)
            // The same two heads for a hundred thousand lines: made once.
            let introduced = "  " + style.red("+ introduced: "), resolved = "  " + style.green("- resolved: ")
            for (head, findings) in [(introduced, diff.introducedFindings), (resolved, diff.resolvedFindings)] {
                for finding in findings {
                    text += head
                    Self.appendIndentingLineBreaks(reporter.line(for: finding), to: &text)
                    endLine()
                }
            }
        }
        append("")
        append(summary(diff))
    }

    /// E.g. `3 changes: 1 added, 1 removed, 1 changed; 1 finding introduced, 2 resolved`.
    public func summary(_ diff: JourneyDiff) -> String {
        // Renames are rare; they are counted only when there are some.
        let counts = JourneyDiff.Kind.allCases.compactMap { kind -> String? in
            let count = diff.changes.filter { $0.kind == kind }.count
            return kind == .renamed && count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        return TextReporter.plural(diff.changes.count, "change") + ": " + counts.joined(separator: ", ")
            + "; " + TextReporter.plural(diff.introducedFindings.count, "finding") + " introduced, \(diff.resolvedFindings.count) resolved"
    }

    /// A finding's line with what follows each line break (its hint) indented under it, as
    /// `replacingNewlines(with: "\n    ")` does, but on UTF-8 bytes: splitting Character by
    /// Character took most of the time of a diff that resolves ten thousand findings. A `\n`
    /// byte is a line-break Character of its own unless a `\r` comes before it (`\r\n` is one
    /// Character, which that split leaves whole).
    static func indentingLineBreaks(_ text: String) -> String {
        var indented = ""
        appendIndentingLineBreaks(text, to: &indented)
        return indented
    }

    /// `indentingLineBreaks(text)` appended to `out`: the pieces between line breaks are copied
    /// whole (a byte at a time into an array cost more than the rest of the report; a piece cut
    /// at an ASCII `\n` is valid UTF-8 on its own).
    static func appendIndentingLineBreaks(_ text: String, to out: inout String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\r")) {
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                out += "\n    "
                start = index + 1
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        }
    }

    private func quoted(_ text: String) -> String {
        "\"" + TerminalText.sanitize(text) + "\""
    }
}

/// A reporter of `cjm diff` that hands its report over in pieces as it writes it, so that the
/// report of a hundred thousand changes and findings is never one string in memory (`cjm diff`
/// writes each piece as it comes). The pieces joined are the reporter's `report(comparison)`.
public protocol StreamingDiffReporter: Sendable {
    /// The report of `comparison`, handed to `emit` in pieces of about `chunkSize` bytes.
    func report(_ comparison: JourneyComparison, chunkSize: Int, into emit: (String) -> Void)
}
