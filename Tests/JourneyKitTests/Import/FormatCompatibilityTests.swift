import Foundation
import JourneyKit
import Testing

/// Acceptance of issue 12: format 1.0 files keep their bytes and findings; more invalid 1.1
/// values are located errors, all in one run.
@Suite("Format 1.0 files under format 1.1")
struct FormatCompatibilityTests {
    static let folder = Paths.fixtures.appendingPathComponent("format-1.0")
    /// The rules format 1.1 added; every other finding of a 1.0 file must stay as it was.
    static let newRules: Set<String> = [UnevidencedMomentRule.id, StaleEvidenceRule.id, UnsupportedTouchpointRule.id]

    /// The samples as they were in format 1.0, with the findings `cjm check --format json` gave then.
    static let samples = ["tienda-whatsapp", "law-firm-seo"]

    @Test("a 1.0 file is still canonical in both formats (cjm fmt leaves it byte-identical)", arguments: samples)
    func canonical(sample: String) throws {
        for format in ["json", "xml"] {
            let bytes = try Paths.bytes(Self.folder.appendingPathComponent("\(sample).journey.\(format)"))
            let checked = JourneyChecker.validatingOnly.check(bytes: bytes, path: "\(sample).journey.\(format)")
            let journey = try #require(checked.journey, "\(checked.report.diagnostics)")
            let written = try JourneyWriter.write(journey, as: format == "xml" ? .xml : .json, comments: checked.comments)
            #expect(written == String(decoding: bytes, as: UTF8.self), "\(sample).\(format)")
        }
    }

    @Test("a 1.0 file's findings are those of format 1.0, plus only info findings of the new rules", arguments: samples)
    func sameFindings(sample: String) throws {
        let bytes = try Paths.bytes(Self.folder.appendingPathComponent("\(sample).journey.json"))
        let report = JourneyChecker(checkDate: CalendarDate(year: 2026, month: 11, day: 29))
            .report(bytes: bytes, path: "samples/\(sample).journey.json")
        let goldenBytes = try Paths.bytes(Self.folder.appendingPathComponent("\(sample).findings-1.0.json"))
        let before = try #require(try JSONSerialization.jsonObject(with: Data(goldenBytes)) as? [String: Any])
        let oldFindings = try #require(((before["files"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
        func key(rule: String, severity: String, message: String, line: Int, column: Int) -> String {
            "\(line):\(column) \(severity) \(rule) \(message)"
        }
        // Since issue 17 these two rules give one finding per element for all the personas it
        // misses, with new wording: they are compared by place, rule and severity only.
        let grouped: Set<String> = ["unserved-touchpoint", "channel-gap"]
        func key(_ rule: String, _ severity: String, _ message: String, _ line: Int, _ column: Int) -> String {
            grouped.contains(rule) ? "\(line):\(column) \(severity) \(rule)" : key(rule: rule, severity: severity, message: message, line: line, column: column)
        }
        let old = Set(oldFindings.map { key($0["rule"] as? String ?? "", $0["severity"] as? String ?? "",
                                            $0["message"] as? String ?? "", $0["line"] as? Int ?? 0, $0["column"] as? Int ?? 0) })
        let kept = Set(report.findings.filter { !Self.newRules.contains($0.rule ?? "") }.map {
            key($0.rule ?? "", $0.severity.rawValue, $0.message, $0.location.line, $0.location.column)
        })
        #expect(!old.isEmpty)
        #expect(kept == old)
        let added = report.findings.filter { Self.newRules.contains($0.rule ?? "") }
        #expect(added.allSatisfy { $0.severity == .info })
    }

    @Test("thirteen more invalid 1.1 values in one file: each a located error, all in one run")
    func thirteenErrors() throws {
        let name = "thirteen-errors.journey.json"
        let bytes = try Paths.bytes(Paths.fixtures.appendingPathComponent("format-1.1/\(name)"))
        let report = JourneyChecker().report(bytes: bytes, path: name)
        let lines = report.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(lines == [
            "4:12 a tag is empty",
            "5:18 a property has an empty name",
            "7:43 an evidence has no \"source\"",
            "7:66 an evidence has no \"kind\"",
            "7:90 \"date\" must be a date YYYY-MM-DD, found \"2026-1-5\"",
            "19:55 emotion 3 is out of range",
            "19:71 touchpoint \"T\" has a second experience for persona \"p\"",
            "20:25 a backstage step has no \"name\"",
            "21:66 \"date\" 2026-02-30 is not a day of the calendar",
            "21:80 unknown key \"colour\" in this evidence",
            "27:12 scenario id \"Bad Id\" is not a valid id",
            "29:12 duplicate scenario id \"b\": \"B\" at line 28 already uses it",
            "29:54 \"c\" must be one of live, planned, retired, found \"gone\"",
        ])
    }
}
