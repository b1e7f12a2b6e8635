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
        // Written as UTF-8 bytes, each piece made a String once (as `TextReporter` does): a
        // String per line, appended to a String, was most of the report's instructions.
        var out = UTF8Text()
        out.bytes.reserveCapacity(chunkSize + chunkSize / 4)
        // Each line ends in a line break; a full piece goes out at once, so that the report of
        // ten thousand changes is never held whole (it was held as lines and then joined).
        func append(_ line: String) {
            out.verbatim(line)
            out.append("\n")
            emitIfFull()
        }
        func emitIfFull() {
            guard out.bytes.count >= chunkSize else { return }
            emit(out.string)
            out.bytes.removeAll(keepingCapacity: true)
        }
        defer { emit(out.string) }
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
        // The changes are gathered by position, not copied.
        var stageOrder: [String] = []
        var stageNames: [String: String] = [:]
        var stageChanges: [String: [Int]] = [:]
        var touchpointChanges: [String: [Int]] = [:]
        for (position, change) in diff.changes.enumerated() where change.entity == .stage || change.entity == .touchpoint {
            let id = change.entity == .stage ? change.id : (change.stageID ?? "")
            if stageNames[id] == nil {
                stageOrder.append(id)
                stageNames[id] = change.entity == .stage ? change.name : (change.stageName ?? id)
            }
            if change.entity == .stage {
                stageChanges[id, default: []].append(position)
            } else if let stageID = change.stageID {
                touchpointChanges[stageID, default: []].append(position)
            }
        }
        for stageID in stageOrder {
            append("")
            append(style.bold("stage \(quoted(stageNames[stageID] ?? stageID)) (\(TerminalText.sanitize(stageID)))"))
            for position in stageChanges[stageID] ?? [] {
                describe(diff.changes[position], entity: "stage", indent: "  ")
            }
            for position in touchpointChanges[stageID] ?? [] {
                describe(diff.changes[position], entity: "touchpoint", indent: "  ")
            }
        }

        if !diff.introducedFindings.isEmpty || !diff.resolvedFindings.isEmpty {
            append("")
            append(style.bold("findings"))
            let reporter = TextReporter(useColor: useColor)
            var file = TextReporter.SanitizedFile()
            // The same two heads for a hundred thousand lines: made once.
            let introduced = "  " + style.red("+ introduced: "), resolved = "  " + style.green("- resolved: ")
            for (head, findings) in [(introduced, diff.introducedFindings), (resolved, diff.resolvedFindings)] {
                for finding in findings {
                    out.verbatim(head)
                    // A finding's line as `cjm check` writes it, its hint indented under it.
                    reporter.write(finding, to: &out, file: &file, hintIndent: "      ")
                    emitIfFull()
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
            let count = diff.changes.count { $0.kind == kind }
            return kind == .renamed && count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        return TextReporter.plural(diff.changes.count, "change") + ": " + counts.joined(separator: ", ")
            + "; " + TextReporter.plural(diff.introducedFindings.count, "finding") + " introduced, \(diff.resolvedFindings.count) resolved"
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
