import Foundation
import JourneyCSV
import JourneyKit
import Testing

/// `cjm conform` and `--actuals` from the command line, with golden outputs for the samples.
@Suite("Observed: cjm conform and --actuals")
struct ObservedCommandTests {
    static let journey = "samples/tienda-whatsapp.journey.json"
    static let events = "samples/tienda-whatsapp.events.csv"
    static let kpis = "samples/tienda-whatsapp.kpis.csv"

    @Test("the sample log in every format matches its golden file; some cases deviate, so the exit code is 1",
          arguments: [("text", "txt"), ("json", "json"), ("markdown", "md")])
    func goldenSample(format: String, ext: String) throws {
        let result = try CLI.run(["conform", Self.journey, "--events", Self.events, "--format", format, "--max-deviations", "40"])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        try Golden.assertMatches(result.standardOutput, "conform/tienda-whatsapp.\(ext)")
    }

    @Test("the sample log has every kind of deviation")
    func everyKind() throws {
        let result = try CLI.run(["conform", Self.journey, "--events", Self.events, "--format", "json", "--max-deviations", "0"])
        let json = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
        let counts = try #require(json["deviationCounts"] as? [String: Int])
        #expect(Set(counts.keys) == ["ad-hoc", "failing", "missing", "irregular-sequence"])
        #expect(counts.values.allSatisfy { $0 > 0 }, "\(counts)")
        #expect((json["deviations"] as? [Any])?.isEmpty == true)
    }

    @Test("a conforming log exits 0; a bad row exits 2 with a located error")
    func exitCodes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-conform-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.csv")
        try "case,timestamp,touchpoint\n1,2026-10-01T10:00:00Z,anuncio-ctwa\n1,2026-10-01T10:05:00Z,saludo\n"
            .write(to: good, atomically: true, encoding: .utf8)
        let ok = try CLI.run(["conform", Self.journey, "--events", good.path])
        #expect(ok.status == 0, "\(ok.standardError)")
        #expect(ok.standardOutput.contains("Conforming: 1 of 1"))

        let bad = folder.appendingPathComponent("bad.csv")
        try "case,timestamp,touchpoint\n\"multi\nline\",2026-10-01T10:00:00Z,saludo\n2,soon,saludo\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["conform", Self.journey, "--events", bad.path])
        #expect(refused.status == 2)
        // The quoted line break moves the second row to line 4.
        #expect(refused.standardError.contains("bad.csv:4:2: error: the timestamp \"soon\" is not an ISO 8601 date-time"),
                "\(refused.standardError)")
        #expect(refused.standardOutput.isEmpty)

        let missing = try CLI.run(["conform", Self.journey, "--events", folder.appendingPathComponent("nope.csv").path])
        #expect(missing.status == 2)
    }

    @Test("check --actuals reports kpi-off-target findings; bad actuals exit 2 with a located error")
    func actuals() throws {
        let checked = try CLI.run(["check", Self.journey, "--actuals", Self.kpis])
        #expect(checked.status == 1, "\(checked.standardError)")
        let findings = checked.standardOutput.split(separator: "\n").filter { $0.contains("[kpi-off-target]") }
        #expect(findings.count == 3, "\(checked.standardOutput)")
        #expect(checked.standardOutput.contains("\"Entregas en 48 horas o menos\" is 86 % against a target of 90 % (2026-10-31)"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-actuals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("kpis.csv")
        try "touchpoint,kpi,value\nrespuesta-stok,Consultas respondidas el mismo día,91 %\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["check", Self.journey, "--actuals", bad.path])
        #expect(refused.status == 2)
        #expect(refused.standardOutput.contains("kpis.csv:2:1: error: unknown touchpoint \"respuesta-stok\""), "\(refused.standardOutput)")
        #expect(refused.standardOutput.contains("did you mean \"respuesta-stock\"?"))
    }

    @Test("the CSV adapter numbers lines across quoted line breaks and skips blank lines")
    func csvLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.csv")
        try "\u{FEFF}a,b\r\n1,\"x\r\ny\"\r\n\r\n2,z\r\n".write(to: file, atomically: true, encoding: .utf8)
        let table = try CSVFileReader.table(path: file.path)
        #expect(table.header == ["a", "b"])
        #expect(table.records == [CSVRecord(line: 2, row: 1, fields: ["1", "x\r\ny"]), CSVRecord(line: 5, row: 2, fields: ["2", "z"])])
    }
}
