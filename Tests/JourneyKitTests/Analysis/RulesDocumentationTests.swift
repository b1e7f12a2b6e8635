import Foundation
@testable import JourneyKit
import Testing

@Suite("docs/rules.md")
struct RulesDocumentationTests {
    static let url = Paths.repository.appendingPathComponent("docs/rules.md")

    @Test("is the hand-written introduction followed by the rule sections generated from the rule descriptions (CJM_RECORD_GOLDEN=1 regenerates it)")
    func generated() throws {
        let document = try String(contentsOf: Self.url, encoding: .utf8)
        let parts = document.components(separatedBy: RuleListing.generatedMarker)
        try #require(parts.count == 2, "docs/rules.md must hold the generated-text marker exactly once: \(RuleListing.generatedMarker)")
        let generated = RuleListing.markdownDocument(introduction: parts[0])
        if Golden.isRecording {
            try generated.write(to: Self.url, atomically: true, encoding: .utf8)
            return
        }
        if document != generated {
            let diff = Golden.unifiedDiff(document, generated)
            Issue.record("""
                docs/rules.md is not what the rule descriptions generate; regenerate it with \
                CJM_RECORD_GOLDEN=1 swift test --filter RulesDocumentation and review the diff:
                \(diff)
                """)
        }
    }

    @Test("the generated part has a section for each rule, in the order of Analyzer.allRules")
    func sameRules() throws {
        let document = try String(contentsOf: Self.url, encoding: .utf8)
        let generatedPart = try #require(document.components(separatedBy: RuleListing.generatedMarker).last)
        let headings = generatedPart.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == Analyzer.allRuleIDs.map { "## `\($0)`" })
    }

    @Test("docs/format.md's rule table lists the same ids")
    func formatTable() throws {
        let format = try String(contentsOf: Paths.repository.appendingPathComponent("docs/format.md"), encoding: .utf8)
        for id in Analyzer.allRuleIDs {
            #expect(format.contains("| `\(id)` |"), "\(id)")
        }
    }
}
