import Foundation
import JourneyKit
import Testing

@Suite("Analyser: suppression, order, registry")
struct AnalyzerTests {
    let clean = CleanJourney.journey

    /// A journey with one finding of each kind of reference: channel-gap (persona, stage),
    /// broken-handoff (from, touchpoint), unused-channel (channel).
    var withFindings: Journey {
        var journey = clean.changing(touchpoint: "chat") { $0.channels = ["web", "pay"] }
            .changing(touchpoint: "ad") { $0.channels = ["whatsapp"] }
        journey.channels.append(Channel(id: "chat", name: "Live chat", owner: "sales"))
        return journey
    }

    @Test("the journey used here has the findings the suppression tests rely on")
    func baseline() {
        #expect(references("channel-gap", in: withFindings) == ["personas=maria,stage=buy"])
        #expect(references("broken-handoff", in: withFindings) == ["from=ad,touchpoint=chat"])
        #expect(references("unused-channel", in: withFindings) == ["channel=chat"])
    }

    @Test("ignore on the journey suppresses the rule everywhere")
    func ignoreOnJourney() {
        var journey = withFindings
        journey.ignore = ["channel-gap"]
        #expect(findings("channel-gap", in: journey).isEmpty)
        #expect(!findings("broken-handoff", in: journey).isEmpty)
    }

    @Test("ignore on a persona suppresses the findings that name it")
    func ignoreOnPersona() {
        #expect(findings("channel-gap", in: withFindings.changing(persona: "maria") { $0.ignore = ["channel-gap"] }).isEmpty)
        #expect(!findings("channel-gap", in: withFindings.changing(persona: "alex") { $0.ignore = ["channel-gap"] }).isEmpty)
    }

    @Test("ignore on a stage suppresses the findings that name it")
    func ignoreOnStage() {
        #expect(findings("channel-gap", in: withFindings.changing(stage: "buy") { $0.ignore = ["channel-gap"] }).isEmpty)
        #expect(!findings("channel-gap", in: withFindings.changing(stage: "find") { $0.ignore = ["channel-gap"] }).isEmpty)
    }

    @Test("ignore on a channel suppresses the findings that name it")
    func ignoreOnChannel() {
        #expect(findings("unused-channel", in: withFindings.changing(channel: "chat") { $0.ignore = ["unused-channel"] }).isEmpty)
        #expect(!findings("unused-channel", in: withFindings.changing(channel: "web") { $0.ignore = ["unused-channel"] }).isEmpty)
    }

    @Test("ignore on the touchpoint, or on the touchpoint it comes from, suppresses a broken handoff")
    func ignoreOnTouchpointAndFrom() {
        #expect(findings("broken-handoff", in: withFindings.changing(touchpoint: "chat") { $0.ignore = ["broken-handoff"] }).isEmpty)
        #expect(findings("broken-handoff", in: withFindings.changing(touchpoint: "ad") { $0.ignore = ["broken-handoff"] }).isEmpty)
        // Another rule id on the same element suppresses nothing here.
        #expect(!findings("broken-handoff", in: withFindings.changing(touchpoint: "ad") { $0.ignore = ["dead-end"] }).isEmpty)
    }

    @Test("--disable leaves a rule out")
    func disabled() {
        #expect(findings("channel-gap", in: withFindings, disabled: ["channel-gap"]).isEmpty)
        #expect(!Analyzer(disabled: ["channel-gap"]).analyze(withFindings).isEmpty)
    }

    @Test("findings are ordered by location, then rule id")
    func ordering() throws {
        let url = Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json")
        let journey = try #require(JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: "t.journey.json").journey)
        let found = Analyzer().analyze(journey)
        #expect(found.count > 3)
        for (a, b) in zip(found, found.dropFirst()) {
            #expect(a.location < b.location || (a.location == b.location && (a.rule ?? "") <= (b.rule ?? "")))
        }
        // Same input, same output: running again, or with the rules in another order, changes nothing.
        #expect(Analyzer(rules: Analyzer.allRules.reversed()).analyze(journey) == found)
    }

    @Test("every rule has a distinct kebab-case id, words, and is what ignore lists may name")
    func registry() {
        let ids = Analyzer.allRuleIDs
        #expect(ids.count == 17)
        #expect(Set(ids).count == ids.count)
        for rule in Analyzer.allRules {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
            #expect(!rule.summary.isEmpty && !rule.explanation.isEmpty)
            #expect(!rule.explanation.contains("\n"), "the explanation is one paragraph")
        }
        #expect(JourneyChecker().validator.knownRuleIDs == Set(ids))
    }

    @Test("an unknown rule id in ignore is a located validation error with a suggestion")
    func unknownIgnoredRule() throws {
        let json = """
            {"id": "j", "title": "T",
             "stages": [{"id": "s", "name": "S", "ignore": ["empty-stag"]}]}
            """
        let report = JourneyChecker().report(bytes: Array(json.utf8), path: "t.journey.json")
        let error = try #require(report.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.message == "\"ignore\" names unknown rule \"empty-stag\"")
        #expect(error.hint == "did you mean \"empty-stage\"?")
        #expect(error.location.line == 2)
    }

    /// A journey of `touchpoints` touchpoints in stages of 200, with personas, channels, flows
    /// and pains spread over them so that every rule has work to do.
    static func largeJourney(touchpoints: Int) -> Journey {
        let channels = (0..<20).map { Channel(id: "c\($0)", name: "Channel \($0)", owner: $0 % 2 == 0 ? "team" : nil) }
        let personas = (0..<10).map { Persona(id: "p\($0)", name: "Persona \($0)", channels: ["c\($0)", "c\($0 + 1)"]) }
        let perStage = 200
        let stages = stride(from: 0, to: touchpoints, by: perStage).map { first in
            let last = min(first + perStage, touchpoints)
            return Stage(id: "s\(first / perStage)", name: "Stage \(first / perStage)", touchpoints: (first..<last).map { number in
                Touchpoint(
                    id: "t\(number)", name: "Touchpoint \(number)", channels: ["c\(number % 20)"],
                    personas: number % 3 == 0 ? [] : ["p\(number % 10)"],
                    next: number % 7 == 0 || number == touchpoints - 1 ? [] : ["t\(number + 1)"],
                    pains: number % 5 == 0 ? ["pain"] : [])
            })
        }
        return Journey(id: "big", title: "Big", personas: personas, channels: channels, stages: stages)
    }

    @Test("analysis is linear: 20,000 touchpoints take about ten times as long as 2,000")
    func linear() {
        // A rule comparing all pairs of touchpoints would take about a hundred times as long.
        let found = Growth.expectLinear("analysis", size: 2_000, input: Self.largeJourney) { Analyzer().analyze($0) }
        #expect(!found.isEmpty)
    }
}
