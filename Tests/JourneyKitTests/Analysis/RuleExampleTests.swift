import JourneyKit
import Testing

/// Runs the example journeys of every rule's description (`Analysis/Rules/*.swift`), which
/// `docs/rules.md` shows: they must do what their captions say.
@Suite("Rule examples")
struct RuleExampleTests {
    /// The findings of all rules in an example, after checking that it imports cleanly.
    static func findings(of example: RuleDescription.Example, ruleID: String, kind: String) throws -> [Diagnostic] {
        let path = "\(ruleID)-\(kind).journey.json"
        let imported = JSONJourneyImporter.importJourney(from: Array(example.json.utf8), path: path)
        #expect(imported.diagnostics.isEmpty, "\(ruleID), \(example.caption): \(imported.diagnostics)")
        let journey = try #require(imported.journey, "\(ruleID), \(example.caption)")
        return Analyzer().analyze(AnalyzedJourney(journey, kpiReadings: example.kpiReadings, checkDate: example.asOf,
                                                  portfolioJourneyIDs: example.portfolioJourneyIDs))
    }

    @Test("every rule's description has its id and at least one example of each kind", arguments: Analyzer.allRuleIDs)
    func described(id: String) throws {
        let rule = try #require(Analyzer.rule(withID: id))
        let description = type(of: rule).description
        #expect(description.id == id)
        #expect(!description.triggeringExamples.isEmpty, "\(id) needs a journey that triggers it")
        #expect(!description.nonTriggeringExamples.isEmpty, "\(id) needs a journey that does not trigger it")
        for example in description.triggeringExamples + description.nonTriggeringExamples {
            #expect(!example.caption.isEmpty && !example.caption.hasSuffix(".") && !example.caption.hasSuffix(":"),
                    "\(id): the caption \"\(example.caption)\" is followed by a colon in docs/rules.md")
        }
        for example in description.nonTriggeringExamples {
            #expect(example.severity == nil, "\(id): a non-triggering example has no findings to give a severity")
        }
    }

    @Test("every triggering example imports cleanly and produces findings of its rule, with the severity it states",
          arguments: Analyzer.allRuleIDs)
    func triggering(id: String) throws {
        let rule = try #require(Analyzer.rule(withID: id))
        let description = type(of: rule).description
        try #require(!description.triggeringExamples.isEmpty)
        for example in description.triggeringExamples {
            let found = try Self.findings(of: example, ruleID: id, kind: "triggering").filter { $0.rule == id }
            #expect(!found.isEmpty, "\(id) finds nothing in \"\(example.caption)\"")
            let severity = example.severity ?? description.defaultSeverity
            #expect(found.allSatisfy { $0.severity == severity }, "\(id), \(example.caption): \(found)")
        }
    }

    @Test("every non-triggering example imports cleanly and produces no finding of its rule", arguments: Analyzer.allRuleIDs)
    func nonTriggering(id: String) throws {
        let rule = try #require(Analyzer.rule(withID: id))
        let description = type(of: rule).description
        try #require(!description.nonTriggeringExamples.isEmpty)
        for example in description.nonTriggeringExamples {
            let found = try Self.findings(of: example, ruleID: id, kind: "non-triggering").filter { $0.rule == id }
            #expect(found.isEmpty, "\(id), \(example.caption): \(found)")
        }
    }

    @Test("every rule type's static id is the id of its instances and of its description")
    func staticIDs() {
        #expect(UnservedTouchpointRule.id == "unserved-touchpoint")
        #expect(UnaddressedPainRule.id == "unaddressed-pain")
        for rule in Analyzer.allRules {
            #expect(type(of: rule).id == rule.id)
            #expect(type(of: rule).description.id == rule.id)
            #expect(Analyzer.rule(withID: type(of: rule).id).map { type(of: $0) == type(of: rule) } == true)
        }
    }
}
