@testable import cjm_bench
@testable import JourneyKit
import Testing

/// `cjm diff` writes its text and JSON reports in pieces as it makes them, so that the report of
/// a large change is never one string in memory (issue 19 item 5).
@Suite("Diff reports in pieces")
struct DiffStreamingTests {
    /// The synthetic journey against the benchmark's edited copy, with findings on both sides.
    private static let comparison: JourneyComparison = {
        let old = SyntheticJourney.make(touchpoints: 2_000)
        let new = DiffBench.edited(old)
        let analyzer = Analyzer()
        return JourneyComparison(old: old, oldFindings: analyzer.analyze(old), oldPath: "old.journey.json",
                                 new: new, newFindings: analyzer.analyze(new), newPath: "new.journey.json")
    }()

    @Test("the pieces of the text and JSON reports, joined, are the whole report; each is about the chunk size",
          arguments: [("text", DiffTextReporter() as any StreamingDiffReporter & Reporter<JourneyComparison>),
                      ("json", DiffJSONReporter())])
    func piecesMakeTheReport(format: String, reporter: any StreamingDiffReporter & Reporter<JourneyComparison>) throws {
        let comparison = Self.comparison
        try #require(comparison.diff.changes.count > 400 && !comparison.diff.introducedFindings.isEmpty,
                     "\(comparison.diff.changes.count) changes, \(comparison.diff.introducedFindings.count) findings introduced")
        let whole = reporter.report(comparison)
        let chunkSize = 4_096
        var pieces: [String] = []
        reporter.report(comparison, chunkSize: chunkSize) { pieces.append($0) }
        #expect(pieces.joined() == whole)
        // The report is written as it goes: many pieces, none much past the chunk size (a piece
        // goes out after the line or element that filled it).
        #expect(pieces.count > whole.utf8.count / chunkSize / 2, "\(format): \(pieces.count) pieces of \(whole.utf8.count) bytes")
        let largest = pieces.map(\.utf8.count).max() ?? 0
        #expect(largest < chunkSize + 2_048, "\(format): a piece of \(largest) bytes")
    }

    @Test("a diff without changes is one piece, as before")
    func noChangesIsOnePiece() {
        let journey = SyntheticJourney.make(touchpoints: 20)
        let comparison = JourneyComparison(old: journey, oldPath: "a", new: journey, newPath: "b")
        var pieces: [String] = []
        DiffTextReporter().report(comparison, chunkSize: 1 << 16) { pieces.append($0) }
        #expect(pieces == ["--- a\n+++ b\nno changes to the journey\n"])
    }
}
