@testable import cjm_bench
@testable import JourneyKit
import Testing

/// `cjm diff` grows with the size of the journeys, not with changes × stages (issue 19 item 4).
@Suite("Diff growth")
struct DiffGrowthTests {
    /// The synthetic journey and the benchmark's edited copy of it, both valid.
    private static func versions(touchpoints: Int) throws -> (old: Journey, new: Journey) {
        let old = SyntheticJourney.make(touchpoints: touchpoints)
        let new = DiffBench.edited(old)
        let problems = JourneyValidator().validate(new).filter { $0.severity == .error }
        try #require(problems.isEmpty, "\(problems.prefix(3))")
        return (old, new)
    }

    @Test("the benchmark's edited copy renames, moves, removes, adds and edits touchpoints, and changes nothing else")
    func editedCopy() throws {
        let (old, new) = try Self.versions(touchpoints: 1_000)
        let diff = JourneyDiff.compare(old: old, oldFindings: [], new: new, newFindings: [])
        let touchpointChanges = diff.changes.filter { $0.entity == .touchpoint }
        #expect(touchpointChanges.count == diff.changes.count, "\(diff.changes.filter { $0.entity != .touchpoint }.prefix(3))")
        // 1,000 touchpoints: every fiftieth removed, every hundredth followed by a new one, every five hundredth re-identified.
        #expect(touchpointChanges.filter { $0.kind == .removed }.count == 20)
        #expect(touchpointChanges.filter { $0.kind == .added }.count == 10)
        #expect(touchpointChanges.filter { $0.kind == .renamed }.map(\.id) == ["renamed-17", "renamed-517"])
        let moved = touchpointChanges.filter { $0.fields.contains { $0.field == "stage" } }
        #expect(moved.count == 19, "every fortieth but the last stage's")
        #expect(touchpointChanges.contains { $0.kind == .changed && $0.fieldNames == ["name"] })
        #expect(touchpointChanges.contains { $0.kind == .changed && $0.fieldNames == ["emotion", "pains"] })
    }

    @Test("comparing two versions and reporting the change in text and JSON: 10× the touchpoints, about 10× the time")
    func diffIsLinear() throws {
        // Stages grow with the journey (one per 250 touchpoints) and so do the changes: work per
        // change and stage would grow a hundredfold.
        let diff = try Growth.expectLinear("diff of an edited journey", size: 1_000, input: Self.versions, work: { versions in
            let diff = JourneyDiff.compare(old: versions.old, oldFindings: [], new: versions.new, newFindings: [])
            return (diff, DiffTextReporter().report(diff, oldPath: "a", newPath: "b"), DiffJSONReporter().report(diff))
        })
        #expect(diff.0.changes.count > 2_000, "\(diff.0.changes.count) changes")
        #expect(diff.1.contains("↷ renamed touchpoint"))
        #expect(diff.2.contains("\"change\":\"renamed\"") || diff.2.contains("\"change\": \"renamed\""))
    }

    @Test("a finding's line in the diff report is its `cjm check` line with every line break indented, with and without colour")
    func findingLinesIndentedAsBefore() {
        // The report used to indent `TextReporter.line(for:)` with `replacingNewlines`; it now
        // writes the line on bytes with the hint indented, which must come to the same bytes
        // whatever the message, hint and path hold (line breaks, controls, bidi, combining marks).
        let pieces = ["a", "\n", "\r\n", "\r", "\n\u{301}", "é", "e\u{301}", "🇪🇸", " hint: ", "\u{2028}", "\n\n", "ü\n",
                      "\u{1B}[31m", "\u{202E}", "\u{2068}x\u{2069}", "\u{85}", "\t"]
        var random = SplitMix(seed: 19)
        func text() -> String { (0..<Int(random.next() % 10)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
        var findings: [Diagnostic] = []
        for index in 0..<1_000 {
            var finding = Diagnostic.error(text(), at: SourceLocation(file: index % 7 == 0 ? "x" + text() : "a.journey.json", line: index, column: 3),
                                           hint: index % 3 == 0 ? nil : text())
            finding.rule = index % 2 == 0 ? "rule-\(index)" : nil
            findings.append(finding)
        }
        let change = JourneyDiff.Change(kind: .added, entity: .persona, id: "p", name: "P", fields: [])
        let diff = JourneyDiff(changes: [change], introducedFindings: findings, resolvedFindings: Array(findings.prefix(50)))
        for useColor in [false, true] {
            let style = TerminalStyle(enabled: useColor)
            let lines = TextReporter(useColor: useColor)
            let expected = findings.map { "  " + style.red("+ introduced: ") + lines.line(for: $0).replacingNewlines(with: "\n    ") + "\n" }
                + findings.prefix(50).map { "  " + style.green("- resolved: ") + lines.line(for: $0).replacingNewlines(with: "\n    ") + "\n" }
            let report = Array(DiffTextReporter(useColor: useColor).report(diff, oldPath: "a", newPath: "b").utf8)
            let section = Array(("\n" + style.bold("findings") + "\n" + expected.joined() + "\n" + DiffTextReporter().summary(diff) + "\n").utf8)
            #expect(report.count > section.count)
            let written = report.suffix(section.count)
            #expect(Array(written) == section, "colour \(useColor)")
        }
    }
}
