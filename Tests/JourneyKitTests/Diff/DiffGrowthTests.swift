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

    @Test("a finding's hint is indented on bytes exactly as replacingNewlines indents it on Characters")
    func indentingLineBreaksOnBytes() {
        let pieces = ["a", "\n", "\r\n", "\r", "\n\u{301}", "é", "e\u{301}", "🇪🇸", " hint: ", "\u{2028}", "\n\n", "ü\n"]
        var random = SplitMix(seed: 19)
        var texts = ["", "\n", "no break", "line\n  hint: fix it", "\r\n", "end\n"]
        for _ in 0..<2_000 {
            texts.append((0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            #expect(Array(DiffTextReporter.indentingLineBreaks(text).utf8) == Array(text.replacingNewlines(with: "\n    ").utf8), "\(Array(text.unicodeScalars))")
        }
    }
}
