import Foundation
import JourneyKit
import Testing

/// `JourneyChecker.scenario`, `reportsForAllScenarios` and how the three check reporters show scenarios.
@Suite("Checking a journey in its scenarios")
struct ScenarioCheckTests {
    /// Payments are planned as written and live in scenario `api`.
    static let json = """
        {
          "id": "shop",
          "title": "Shop",
          "personas": [{"id": "ana", "name": "Ana"}],
          "channels": [
            {"id": "whatsapp", "name": "WhatsApp", "owner": "sales"},
            {"id": "pay", "name": "WhatsApp payments", "owner": "sales", "status": "planned"}
          ],
          "stages": [
            {
              "id": "buy",
              "name": "Buy",
              "touchpoints": [
                {"id": "order", "name": "Orders", "channels": ["whatsapp"], "kpis": [{"name": "Orders"}]},
                {"id": "pay", "name": "Pays in the chat", "channels": ["pay"], "kpis": [{"name": "Payments"}]}
              ]
            }
          ],
          "scenarios": [
            {"id": "api", "name": "With the API", "channels": {"pay": "live"}},
            {"id": "same", "name": "As today"}
          ]
        }
        """

    func check(_ checker: JourneyChecker) -> CheckedJourney {
        checker.check(bytes: Array(Self.json.utf8), path: "shop.journey.json")
    }

    @Test("the journey as written has the finding; in the scenario the channel is live and the finding is gone")
    func appliesScenario() throws {
        let asWritten = check(JourneyChecker())
        #expect(asWritten.findings.contains { $0.rule == UnservedTouchpointRule.id })
        #expect(asWritten.report.scenario == nil)
        let inScenario = check(JourneyChecker(scenario: "api"))
        #expect(inScenario.report.isValid)
        #expect(inScenario.report.scenario == "api")
        #expect(!inScenario.findings.contains { $0.rule == UnservedTouchpointRule.id })
        let journey = try #require(inScenario.journey)
        #expect(journey.channels.first { $0.id == "pay" }?.status == .live, "commands draw the journey in the scenario")
    }

    @Test("an unknown scenario is an error located at the journey, with a hint listing the scenarios")
    func unknownScenario() throws {
        let checked = check(JourneyChecker(scenario: "apy"))
        #expect(checked.journey == nil)
        #expect(!checked.report.isValid)
        let error = try #require(checked.report.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.message == "the journey has no scenario \"apy\"")
        #expect(error.location.file == "shop.journey.json" && error.location.line == 1 && error.location.column == 1)
        let hint = try #require(error.hint)
        #expect(hint.contains("did you mean \"api\"?") && hint.contains("\"api\", \"same\""))
    }

    @Test("all scenarios: the journey as written, then one report per scenario in file order")
    func allScenarios() {
        let reports = JourneyChecker().reportsForAllScenarios(bytes: Array(Self.json.utf8), path: "shop.journey.json")
        #expect(reports.map(\.scenario) == [nil, "api", "same"])
        #expect(reports.map { $0.findings.contains { $0.rule == UnservedTouchpointRule.id } } == [true, false, true])
        let invalid = JourneyChecker().reportsForAllScenarios(bytes: Array("{".utf8), path: "bad.journey.json")
        #expect(invalid.count == 1 && !invalid[0].isValid)
    }

    var reports: [FileReport] {
        JourneyChecker().reportsForAllScenarios(bytes: Array(Self.json.utf8), path: "shop.journey.json")
    }

    @Test("the text report heads each report with its path and scenario, and the summary counts both")
    func textReport() {
        let text = TextReporter().report(reports)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0 == "shop.journey.json" }.count == 1)
        #expect(lines.contains("shop.journey.json [scenario api]"))
        #expect(lines.contains("shop.journey.json [scenario same]"))
        #expect(lines.last?.hasPrefix("1 file checked as written and in 2 scenarios: 3 valid, 0 invalid") == true)
        // Without scenarios the report has no headings, as before.
        #expect(!TextReporter().report([reports[0]]).contains("shop.journey.json\n"))
    }

    @Test("JSON: each scenario is its own entry of files with a scenario key; the journey as written has none")
    func jsonReport() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().report(reports).utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 3)
        #expect(files.map { $0["scenario"] as? String } == [nil, "api", "same"])
        #expect(files[0].keys.contains("scenario") == false)
    }

    @Test("SARIF: results carry their scenario in properties, and fingerprints differ between scenarios")
    func sarifReport() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().report(reports).utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let unserved = results.filter { $0["ruleId"] as? String == UnservedTouchpointRule.id }
        #expect(unserved.map { ($0["properties"] as? [String: String])?["scenario"] } == [nil, "same"])
        let fingerprints = unserved.compactMap { ($0["partialFingerprints"] as? [String: String])?.values.first }
        #expect(Set(fingerprints).count == 2)
    }
}
