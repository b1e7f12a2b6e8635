import Foundation
import JourneyKit
import Testing

@Suite("SARIF")
struct SARIFTests {
    static let schema = Paths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json")

    static func reports() throws -> [FileReport] {
        let checker = JourneyChecker()
        var reports = try Paths.samples().map { checker.report(bytes: try Paths.bytes($0), path: Paths.relative($0)) }
        let broken = Paths.fixtures.appendingPathComponent("four-errors.journey.json")
        reports.append(checker.report(bytes: try Paths.bytes(broken), path: Paths.relative(broken)))
        reports.append(.unreadable(path: "missing file.journey.json", message: "cannot read the journey: no such file"))
        return reports
    }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static var hasSchema: Bool { FileManager.default.fileExists(atPath: schema.path) }

    /// The test needs the official schema in ../shared/schemas, and Python's jsonschema; it is
    /// skipped where either is missing, except in CI, where it fails instead.
    @Test("the report validates against the official SARIF 2.1.0 schema, and the check can fail",
          .enabled(if: SARIFTests.hasSchema || ExternalTool.isCI, "skipped: needs ../shared/schemas/sarif-schema-2.1.0.json"),
          .requires(.jsonSchema))
    func validatesAgainstSchema() throws {
        try #require(Self.hasSchema, "the SARIF schema is missing: \(Self.schema.path)")
        let python = try ExternalTool.jsonSchema.path()
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let good = folder.appendingPathComponent("report.sarif")
        let sarif = SARIFReporter().report(try Self.reports())
        try sarif.write(to: good, atomically: true, encoding: .utf8)
        // "info" is not a SARIF level: the validator must reject it, or the first check proves nothing.
        let bad = folder.appendingPathComponent("bad.sarif")
        let broken = sarif.replacingOccurrences(of: "\"level\": \"note\"", with: "\"level\": \"info\"")
        try #require(broken != sarif, "the report has no note-level result to break")
        try broken.write(to: bad, atomically: true, encoding: .utf8)
        let script = Paths.repository.appendingPathComponent("scripts/validate-json-schema.py").path
        let result = try Subprocess.run(python, [script, Self.schema.path, good.path, bad.path])
        #expect(result.standardOutput.contains("\(good.path): ok"), "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("\(bad.path): $.runs[0].results"), "\(result.standardOutput)")
        #expect(result.status == 1)
    }

    @Test("what GitHub code scanning needs: driver, rules, levels, locations, column kind")
    func codeScanningShape() throws {
        let sarif = try Self.parse(SARIFReporter().report(try Self.reports()))
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "cjm")
        #expect(driver["version"] as? String == JourneyKit.version)
        // The project has no public address yet; SARIF makes informationUri optional, so none is invented.
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == Analyzer.allRuleIDs + ["invalid-journey"])
        for (rule, descriptor) in zip(Analyzer.allRules, rules) {
            #expect((descriptor["shortDescription"] as? [String: Any])?["text"] as? String == rule.summary)
            #expect((descriptor["fullDescription"] as? [String: Any])?["text"] as? String == rule.explanation)
            #expect(((descriptor["help"] as? [String: Any])?["text"] as? String)?.contains(rule.explanation) == true)
            let level = (descriptor["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == (rule.defaultSeverity == .info ? "note" : rule.defaultSeverity.rawValue))
        }
        let results = try #require(run["results"] as? [[String: Any]])
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String))
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.contains(" ") && !uri.hasPrefix("/"))
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
        }
        // Validation errors are results of invalid-journey; the unreadable file's path is percent-encoded.
        let invalid = results.filter { $0["ruleId"] as? String == "invalid-journey" }
        #expect(invalid.count == 5)
        #expect(invalid.allSatisfy { $0["level"] as? String == "error" && $0["partialFingerprints"] == nil })
        #expect(results.contains { result in
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { $0["artifactLocation"] as? [String: Any] }?["uri"] as? String == "missing%20file.journey.json"
        })
        // Every finding has a fingerprint, and no two findings share one.
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: Any])?["cjmFinding/v1"] as? String }
        #expect(fingerprints.count == results.count - invalid.count)
        #expect(Set(fingerprints).count == fingerprints.count)
        #expect(fingerprints.contains("tienda-whatsapp/unserved-touchpoint/touchpoint=aviso-envio"))
    }

    @Test("fingerprints survive edits that move lines; locations follow them")
    func fingerprintsAreStable() throws {
        let url = Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json")
        let original = String(decoding: try Paths.bytes(url), as: UTF8.self)
        // A longer description above every finding moves all of them down three lines.
        let edited = original.replacingOccurrences(
            of: "\"description\": \"Una tienda de componentes",
            with: "\"description\":\n\n\n    \"Una tienda de componentes")
        #expect(edited != original)
        let checker = JourneyChecker(checkDate: CalendarDate(year: 2026, month: 11, day: 29))
        let before = try Self.parse(SARIFReporter().report([checker.report(bytes: Array(original.utf8), path: "t.journey.json")]))
        let after = try Self.parse(SARIFReporter().report([checker.report(bytes: Array(edited.utf8), path: "t.journey.json")]))
        func summary(_ sarif: [String: Any]) -> [(fingerprint: String, line: Int)] {
            let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
            return results.map { result in
                let fingerprint = (result["partialFingerprints"] as? [String: Any])?["cjmFinding/v1"] as? String ?? ""
                let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
                return (fingerprint, (location?["region"] as? [String: Any])?["startLine"] as? Int ?? 0)
            }
        }
        let old = summary(before)
        let new = summary(after)
        #expect(old.count == 14)
        #expect(old.map(\.fingerprint) == new.map(\.fingerprint))
        #expect(zip(old, new).allSatisfy { $0.line + 3 == $1.line })
    }

    @Test("paths become URI references")
    func uris() {
        #expect(SARIFReporter.uri(forPath: "samples/tienda-whatsapp.journey.json") == "samples/tienda-whatsapp.journey.json")
        #expect(SARIFReporter.uri(forPath: "viajes/compra en línea.journey.json") == "viajes/compra%20en%20l%C3%ADnea.journey.json")
        #expect(SARIFReporter.uri(forPath: "/tmp/a#b.journey.json") == "file:///tmp/a%23b.journey.json")
    }

    @Test("same input, same bytes")
    func deterministic() throws {
        let reports = try Self.reports()
        #expect(SARIFReporter().report(reports) == SARIFReporter().report(reports))
    }
}
