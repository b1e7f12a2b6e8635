import Foundation
import Testing

/// `--scenario`, `--all-scenarios` and `--as-of` on the command line (issue 12).
@Suite("cjm --scenario, --all-scenarios and --as-of")
struct ScenarioCommandTests {
    static let tienda = "samples/tienda-whatsapp.journey.json"

    @Test("check --scenario con-api: the planned WhatsApp payments are live, so their finding is gone")
    func checkInScenario() throws {
        let asWritten = try CLI.run(["check", "--as-of", "2026-11-29", Self.tienda])
        #expect(asWritten.standardOutput.contains("No one can reach \"Pago por WhatsApp\""))
        let result = try CLI.run(["check", "--as-of", "2026-11-29", "--scenario", "con-api", Self.tienda])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix(Self.tienda + " [scenario con-api]\n"))
        #expect(!result.standardOutput.contains("No one can reach \"Pago por WhatsApp\""))
        #expect(result.standardOutput.contains("1 file checked in a scenario: 1 valid, 0 invalid"))
    }

    @Test("an unknown scenario is a located error naming the journey's scenarios, exit 2, in every command")
    func unknownScenario() throws {
        for command in [["check"], ["matrix"], ["export", "--format", "dot"], ["render", "--view", "map", "-o", "/tmp/cjm-unknown-scenario.svg"]] {
            let result = try CLI.run(command + ["--scenario", "con-apy", Self.tienda])
            #expect(result.status == 2, "\(command): \(result.standardOutput)\(result.standardError)")
            let text = result.standardOutput + result.standardError
            #expect(text.contains("samples/tienda-whatsapp.journey.json:1:1: error: the journey has no scenario \"con-apy\""), "\(command): \(text)")
            #expect(text.contains("did you mean \"con-api\"?; its scenarios are \"con-api\""), "\(command): \(text)")
        }
        let diff = try CLI.run(["diff", "--scenario", "nope", Self.tienda, Self.tienda])
        #expect(diff.status == 2)
    }

    @Test("matrix and export draw the journey in the scenario")
    func drawsScenario() throws {
        let asWritten = try CLI.run(["export", "--format", "dot", Self.tienda])
        let withAPI = try CLI.run(["export", "--format", "dot", "--scenario", "con-api", Self.tienda])
        #expect(asWritten.status == 0 && withAPI.status == 0, "\(withAPI.standardError)")
        #expect(asWritten.standardOutput != withAPI.standardOutput)
        let matrix = try CLI.run(["matrix", "--scenario", "con-api", Self.tienda])
        #expect(matrix.status == 0, "\(matrix.standardError)")
    }

    @Test("render --view map --scenario names the scenario in the subtitle, in the journey's language")
    func mapSubtitle() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("map.svg").path
        let result = try CLI.run(["render", "--view", "map", "--scenario", "con-api", "-o", output, Self.tienda])
        #expect(result.status == 0, "\(result.standardError)")
        let page = try String(contentsOfFile: folder.url.appendingPathComponent("map-1.svg").path, encoding: .utf8)
        #expect(page.contains("Escenario: Con la API de WhatsApp Business"))
        let english = try CLI.run(["render", "--view", "map", "--lang", "en", "-o", output, Self.tienda])
        #expect(english.status == 0)
        #expect(try String(contentsOfFile: folder.url.appendingPathComponent("map-1.svg").path, encoding: .utf8).contains(">Touchpoints<"))
    }

    @Test("check --all-scenarios: text heads, JSON entries with scenario, SARIF properties; the exit code covers all")
    func allScenarios() throws {
        let text = try CLI.run(["check", "--all-scenarios", "--as-of", "2026-11-29", Self.tienda, "samples/minimal.journey.json"])
        #expect(text.status == 1)
        let heads = text.standardOutput.split(separator: "\n").filter { !$0.contains(": ") && !$0.hasPrefix(" ") }
        #expect(heads == ["samples/tienda-whatsapp.journey.json", "samples/tienda-whatsapp.journey.json [scenario con-api]",
                          "samples/minimal.journey.json"])
        #expect(text.standardOutput.contains("2 files checked as written and in 1 scenario: 3 valid, 0 invalid"))

        let json = try CLI.run(["check", "--all-scenarios", "--format", "json", "--as-of", "2026-11-29", Self.tienda])
        let report = try #require(try JSONSerialization.jsonObject(with: json.outputBytes) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["scenario"] as? String } == [nil, "con-api"])

        let sarif = try CLI.run(["check", "--all-scenarios", "--format", "sarif", "--as-of", "2026-11-29", Self.tienda])
        let object = try #require(try JSONSerialization.jsonObject(with: sarif.outputBytes) as? [String: Any])
        let results = try #require((object["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let scenarios = results.map { ($0["properties"] as? [String: String])?["scenario"] }
        #expect(scenarios.contains(nil) && scenarios.contains("con-api"))

        // Only the scenario has this warning; --fail-on warning still fails with it alone in view.
        let both = try CLI.run(["check", "--all-scenarios", "--fail-on", "warning", "--disable", "unowned-touchpoint",
                                "--disable", "unserved-touchpoint", "--disable", "channel-gap", "--disable", "broken-handoff", Self.tienda])
        #expect(both.status == 0, "\(both.standardOutput)")
        let invalid = try CLI.run(["check", "--all-scenarios", "Tests/JourneyKitTests/Fixtures/four-errors.journey.json", Self.tienda])
        #expect(invalid.status == 2)
        #expect(try CLI.run(["check", "--all-scenarios", "--scenario", "con-api", Self.tienda]).status == 2)
    }

    @Test("--as-of sets the check date of stale-evidence; a day that does not exist is a usage error")
    func asOf() throws {
        let early = try CLI.run(["check", "--as-of", "2025-01-01", Self.tienda])
        #expect(!early.standardOutput.contains("[stale-evidence]"))
        let late = try CLI.run(["check", "--as-of", "2026-11-29", Self.tienda])
        #expect(late.standardOutput.contains("\"Entrega a domicilio\" is from 2024-11-15, more than 18 months before 2026-11-29 [stale-evidence]"))
        let bad = try CLI.run(["check", "--as-of", "2026-02-30", Self.tienda])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--as-of must be a day of the calendar written YYYY-MM-DD"))
    }
}

@Suite("cjm fmt on directories")
struct FormatDirectoryTests {
    @Test("fmt --check samples/ walks the directory like check: the samples and the 1.0 fixtures are canonical")
    func checkDirectory() throws {
        let result = try CLI.run(["fmt", "--check", "samples/", "Tests/JourneyKitTests/Fixtures/format-1.0"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let folder = try TemporaryFolder()
        try folder.write("{\"id\": \"j\", \"title\": \"T\"}\n", to: "nested/a.journey.json")
        let untidy = try CLI.run(["fmt", "--check", folder.url.path])
        #expect(untidy.status == 1)
        #expect(untidy.standardOutput.contains("nested/a.journey.json: not in canonical form\n"))
        let empty = try TemporaryFolder()
        let none = try CLI.run(["fmt", "--check", empty.url.path])
        #expect(none.status == 2)
        #expect(none.standardError.contains("the directory holds no journey files"))
    }
}
