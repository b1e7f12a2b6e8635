import Foundation
import JourneyKit
import Testing

/// Issue 16 item 18: the review picture shows the headline change.
@Suite("The picture of a change")
struct ReviewPictureTests {
    static let folder = Paths.repository.appendingPathComponent("Tests/JourneyKitTests/Fixtures/review")
    static let before = folder.appendingPathComponent("intake-before.journey.json")
    static let after = folder.appendingPathComponent("intake-after.journey.json")

    static func comparison() throws -> JourneyComparison {
        func load(_ url: URL) throws -> (Journey, [Diagnostic]) {
            let journey = try #require(JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: url.lastPathComponent).journey)
            return (journey, Analyzer().analyze(journey))
        }
        let (old, oldFindings) = try load(before)
        let (new, newFindings) = try load(after)
        return JourneyComparison(old: old, oldFindings: oldFindings, oldPath: "before", new: new, newFindings: newFindings, newPath: "after")
    }

    @Test("a changes box lists changed channels, personas and stages with old → new; amber touchpoints say what changed; introduced findings are drawn")
    func headline() throws {
        let dot = DiffDOTReporter().report(try Self.comparison())
        try Golden.assertMatches(dot, "review/intake.diff.dot")
        #expect(dot.contains("What changed"))
        #expect(dot.contains("channel WhatsApp Business API (wa-api): status: planned → live"))
        #expect(dot.contains("persona Ramón (carer) (ramon): name: Ramón → Ramón (carer)"))
        #expect(dot.contains("stage Book a visit (book): name: Book → Book a visit"))
        #expect(dot.contains("<B>+</B></FONT><FONT POINT-SIZE=\"14\"> channel SMS reminders (sms)"))
        #expect(dot.contains("~ channels: + wa-api"))
        #expect(dot.contains("~ pains: + Cannot pick a"))
        // The finding the change introduced, drawn as on the flow view; none of the old ones.
        #expect(dot.contains("⚠ nobody can reach it"))
        #expect(!dot.contains("unused"))
    }

    @Test("a renamed touchpoint is amber with its old id, not removed and added")
    func renamedInPicture() throws {
        var comparison = try Self.comparison()
        var renamed = try #require(comparison.new)
        renamed.stages[1].touchpoints[0].id = "book-consultation"
        renamed.stages[0].touchpoints[0].next = ["book-consultation"]
        comparison = JourneyComparison(old: comparison.old, oldFindings: Analyzer().analyze(comparison.old!), oldPath: "before",
                                       new: renamed, newFindings: Analyzer().analyze(renamed), newPath: "after")
        let dot = DiffDOTReporter().report(comparison)
        #expect(dot.contains("~ id: book-consult →<BR/>book-consultation") || dot.contains("~ id: book-consult → book-consultation"), "\(dot)")
        #expect(!dot.contains("removed:book-consult"))
    }

    @Test("cjm render NEW --since OLD -o diff.svg draws the picture without a pipe", .requires(.dot))
    func renderSince() throws {
        _ = try ExternalTool.dot.path()
        let temporary = try TemporaryFolder()
        let image = temporary.url.appendingPathComponent("diff.svg")
        let result = try CLI.run(["render", Self.after.path, "--since", Self.before.path, "-o", image.path])
        #expect(result.status == 0, "\(result.standardError)")
        let svg = try String(contentsOf: image, encoding: .utf8)
        #expect(svg.contains("What changed"))
        #expect(svg.contains("status: planned → live"))
        let refused = try CLI.run(["render", Self.after.path, "--since", Self.before.path, "--view", "matrix", "-o", image.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--since draws the flow view"))
    }
}
