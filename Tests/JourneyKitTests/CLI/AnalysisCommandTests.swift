import Foundation
import JourneyKit
import Testing

@Suite("cjm check: analysis options")
struct CheckAnalysisTests {
    static let tienda = "samples/tienda-whatsapp.journey.json"
    static let minimal = "samples/minimal.journey.json"
    static let broken = "Tests/JourneyKitTests/Fixtures/four-errors.journey.json"

    @Test("--fail-on sets the least severe finding that fails the run")
    func failOn() throws {
        // tienda-whatsapp has warnings and info; minimal has one info finding.
        let cases: [(arguments: [String], status: Int32)] = [
            ([Self.tienda], 1),
            (["--fail-on", "warning", Self.tienda], 1),
            (["--fail-on", "error", Self.tienda], 0),
            (["--fail-on", "none", Self.tienda], 0),
            ([Self.minimal], 0),
            (["--fail-on", "info", Self.minimal], 1),
            // Invalid input is 2 whatever the level.
            (["--fail-on", "none", Self.minimal, Self.broken], 2),
        ]
        for (arguments, status) in cases {
            let result = try CLI.run(["check"] + arguments)
            #expect(result.status == status, "cjm check \(arguments.joined(separator: " ")): \(result.standardOutput)\(result.standardError)")
        }
        let bad = try CLI.run(["check", "--fail-on", "warnings", Self.minimal])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("warnings"))
    }

    @Test("text output: findings compiler-style with rule ids and hints, and the summary counts them")
    func textOutput() throws {
        let result = try CLI.run(["check", Self.minimal])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            samples/minimal.journey.json:61:9: info: "Picks up at the counter" has a pain and emotion -1 but no opportunity [unaddressed-pain]
              hint: write at least one idea to make it better in "opportunities"
            1 file checked: 1 valid, 0 invalid; 1 finding (1 info)

            """)
    }

    @Test("--disable leaves rules out; an unknown rule is a usage error with a suggestion")
    func disable() throws {
        let all = try CLI.run(["check", Self.tienda])
        #expect(all.status == 1)
        #expect(all.standardOutput.contains("[channel-gap]"))
        let result = try CLI.run(["check", "--disable", "channel-gap", "--disable", "unserved-touchpoint", Self.tienda])
        #expect(result.status == 1)
        #expect(!result.standardOutput.contains("[channel-gap]"))
        #expect(!result.standardOutput.contains("[unserved-touchpoint]"))
        #expect(result.standardOutput.contains("[broken-handoff]"))
        let unknown = try CLI.run(["check", "--disable", "chanel-gap", Self.tienda])
        #expect(unknown.status == 2)
        #expect(unknown.standardOutput.isEmpty)
        #expect(unknown.standardError.contains("--disable names unknown rule \"chanel-gap\"; did you mean \"channel-gap\"?"))
    }

    @Test("--format json adds each file's findings with rule, severity, message, position and refs")
    func json() throws {
        let result = try CLI.run(["check", "--format", "json", "--as-of", "2026-11-29", Self.tienda])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
        let file = try #require((report["files"] as? [[String: Any]])?.first)
        let findings = try #require(file["findings"] as? [[String: Any]])
        #expect(findings.count == 14)
        // Every finding of the sample has a hint, which JSON carries as the text report does.
        #expect(findings.allSatisfy { Set($0.keys) == ["rule", "severity", "message", "line", "column", "hint", "refs"] })
        let gap = try #require(findings.first { $0["rule"] as? String == "channel-gap" })
        let refs = try #require(gap["refs"] as? [String: Any])
        #expect(refs["stage"] as? String == "fidelizacion")
        #expect(refs["personas"] as? [String] == ["maria"])
        #expect(refs.count == 2)
        #expect(gap["severity"] as? String == "warning")
    }

    @Test("--format sarif prints SARIF 2.1.0 with the findings and the invalid files")
    func sarif() throws {
        let result = try CLI.run(["check", "--format", "sarif", "--as-of", "2026-11-29", Self.tienda, Self.broken])
        #expect(result.status == 2)
        let sarif = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.filter { $0["ruleId"] as? String == "invalid-journey" }.count == 4)
        #expect(results.count == 18)
    }
}

@Suite("cjm rules")
struct RulesCommandTests {
    @Test("lists every rule with id, default severity, summary and explanation")
    func listing() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        #expect(result.standardOutput == RuleListing.text())
        for rule in Analyzer.allRules {
            #expect(result.standardOutput.contains("\(rule.id) (\(rule.defaultSeverity.rawValue))\n"))
        }
        #expect(result.standardOutput.contains("unaddressed-pain (info)"))
        let markdown = try CLI.run(["rules", "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.standardOutput == RuleListing.markdown())
    }

    @Test("cjm rules --help says what the ids are for")
    func help() throws {
        let result = try CLI.run(["rules", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: cjm rules"))
        #expect(result.standardOutput.contains("--format <format>"))
        #expect(result.standardOutput.contains("--disable"))
        #expect(result.standardOutput.contains("docs/rules.md"))
    }
}

@Suite("cjm matrix")
struct MatrixCommandTests {
    static func golden(_ name: String) throws -> String {
        try String(contentsOf: Paths.golden.appendingPathComponent("matrix/\(name)"), encoding: .utf8)
    }

    @Test("prints the coverage table in each format, with a persona's gaps")
    func formats() throws {
        let text = try CLI.run(["matrix", "samples/tienda-whatsapp.journey.json"])
        #expect(text.status == 0)
        #expect(text.standardOutput == (try Self.golden("tienda-whatsapp.txt")))
        let markdown = try CLI.run(["matrix", "--format", "markdown", "--persona", "maria", "samples/tienda-whatsapp.journey.json"])
        #expect(markdown.status == 0)
        #expect(markdown.standardOutput == (try Self.golden("tienda-whatsapp-maria.md")))
        let csv = try CLI.run(["matrix", "samples/law-firm-seo.journey.json", "--format", "csv", "--persona", "former-client"])
        #expect(csv.status == 0)
        #expect(csv.standardOutput == (try Self.golden("law-firm-seo-former-client.csv")))
    }

    @Test("an unknown persona, an invalid or a missing file: a message on standard error, exit 2, no table")
    func errors() throws {
        let persona = try CLI.run(["matrix", "--persona", "mraia", "samples/tienda-whatsapp.journey.json"])
        #expect(persona.status == 2)
        #expect(persona.standardOutput.isEmpty)
        #expect(persona.standardError == "samples/tienda-whatsapp.journey.json:1:1: error: the journey has no persona \"mraia\"\n  hint: did you mean \"maria\"?\n")
        let invalid = try CLI.run(["matrix", "Tests/JourneyKitTests/Fixtures/four-errors.journey.json"])
        #expect(invalid.status == 2)
        #expect(invalid.standardOutput.isEmpty)
        #expect(invalid.standardError.contains("four-errors.journey.json:18:11: error: unknown key \"chanels\""))
        let missing = try CLI.run(["matrix", "nothing.journey.json"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("cannot read the journey: no such file"))
    }

    @Test("cjm matrix --help explains the table and the persona marks")
    func help() throws {
        let result = try CLI.run(["matrix", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: cjm matrix"))
        #expect(result.standardOutput.contains("--format <format>"))
        #expect(result.standardOutput.contains("text, markdown or csv"))
        #expect(result.standardOutput.contains("--persona <id>"))
        #expect(result.standardOutput.contains("GAP"))
    }
}
