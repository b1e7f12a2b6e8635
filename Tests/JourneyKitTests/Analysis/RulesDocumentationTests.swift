import Foundation
import JourneyKit
import Testing

@Suite("docs/rules.md")
struct RulesDocumentationTests {
    static let document: String = {
        (try? String(contentsOf: Paths.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)) ?? ""
    }()

    /// The text of each `## \`rule-id\`` section, by rule id, in document order.
    static var sections: [(id: String, text: String)] {
        document.components(separatedBy: "\n## `").dropFirst().map { section in
            let id = String(section.prefix { $0 != "`" })
            return (id, "## `" + section)
        }
    }

    /// The JSON code blocks of a section, in order.
    static func examples(in section: String) -> [String] {
        section.components(separatedBy: "```json\n").dropFirst().map { $0.components(separatedBy: "\n```").first ?? "" }
    }

    @Test("documents exactly the rules of the code, in the same order")
    func sameRules() {
        #expect(Self.sections.map(\.id) == Analyzer.allRuleIDs)
    }

    @Test("each rule's section starts with the id, severity, summary and explanation of the code (cjm rules --format markdown)",
          arguments: Analyzer.allRuleIDs)
    func sameText(id: String) throws {
        let rule = try #require(Analyzer.rule(withID: id))
        let section = try #require(Self.sections.first { $0.id == id }?.text)
        #expect(section.hasPrefix(RuleListing.markdownSection(rule) + "\n\n"),
                "regenerate the section from `cjm rules --format markdown`")
    }

    @Test("each rule's failing example triggers it and its passing example does not", arguments: Analyzer.allRuleIDs)
    func examplesBehave(id: String) throws {
        let section = try #require(Self.sections.first { $0.id == id }?.text)
        #expect(section.contains("**Fails.**") && section.contains("**Passes.**"))
        let examples = Self.examples(in: section)
        try #require(examples.count == 2, "\(id) needs a failing and a passing example")
        let failing = JSONJourneyImporter.importJourney(from: Array(examples[0].utf8), path: "fails.journey.json")
        let passing = JSONJourneyImporter.importJourney(from: Array(examples[1].utf8), path: "passes.journey.json")
        #expect(failing.diagnostics.isEmpty, "\(failing.diagnostics)")
        #expect(passing.diagnostics.isEmpty, "\(passing.diagnostics)")
        let failingJourney = try #require(failing.journey)
        let passingJourney = try #require(passing.journey)
        #expect(Analyzer().analyze(failingJourney).contains { $0.rule == id })
        #expect(!Analyzer().analyze(passingJourney).contains { $0.rule == id })
    }

    @Test("docs/format.md's rule table lists the same ids")
    func formatTable() throws {
        let format = try String(contentsOf: Paths.repository.appendingPathComponent("docs/format.md"), encoding: .utf8)
        for id in Analyzer.allRuleIDs {
            #expect(format.contains("| `\(id)` |"), "\(id)")
        }
    }
}
