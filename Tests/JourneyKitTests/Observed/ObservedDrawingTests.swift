import Foundation
import JourneyKit
import Testing

/// What the observed values add to findings, pictures and reports (issue 20).
@Suite("Observed values in findings, pictures and reports")
struct ObservedDrawingTests {
    static let journey = "samples/tienda-whatsapp.journey.json"
    static let kpis = "samples/tienda-whatsapp.kpis.csv"
    static let events = "samples/tienda-whatsapp.events.csv"

    @Test("kpi-off-target names the touchpoint and the KPI in its refs: JSON, SARIF and the diff's matching")
    func kpiReference() throws {
        let json = try CLI.run(["check", Self.journey, "--actuals", Self.kpis, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        let findings = try #require(files.first?["findings"] as? [[String: Any]]).filter { $0["rule"] as? String == "kpi-off-target" }
        try #require(findings.count == 3)
        let refs = findings.compactMap { $0["refs"] as? [String: String] }
        #expect(refs.contains(["touchpoint": "respuesta-stock", "kpi": "Consultas respondidas el mismo día"]), "\(refs)")
        #expect(refs.allSatisfy { Set($0.keys) == ["touchpoint", "kpi"] })

        let sarif = try CLI.run(["check", Self.journey, "--actuals", Self.kpis, "--format", "sarif"])
        #expect(sarif.standardOutput.contains("kpi=Consultas respondidas el mismo día"), "\(sarif.standardOutput.prefix(600))")

        // Two KPIs of one touchpoint missed: relaxing one target resolves exactly that KPI's finding.
        let folder = try TemporaryFolder()
        let sample = try String(contentsOf: Paths.repository.appendingPathComponent(Self.journey), encoding: .utf8)
        // The sample's response-time target is words; as a comparison, both KPIs of the touchpoint miss.
        let original = sample.replacingOccurrences(of: "\"target\": \"menos de 15 minutos\"", with: "\"target\": \"< 15 min\"")
        try #require(original != sample)
        let actuals = try folder.write("""
            touchpoint,kpi,value,date
            respuesta-stock,Tiempo de primera respuesta en horario,22 min,2026-10-31
            respuesta-stock,Consultas respondidas el mismo día,91 %,2026-10-31

            """, to: "kpis.csv")
        let old = try folder.write(original, to: "old.journey.json")
        let relaxed = original.replacingOccurrences(of: "\"Consultas respondidas el mismo día\",\n              \"target\": \"95 %\"",
                                                    with: "\"Consultas respondidas el mismo día\",\n              \"target\": \"90 %\"")
        try #require(relaxed != original)
        let new = try folder.write(relaxed, to: "new.journey.json")
        let diff = try CLI.run(["diff", old.path, new.path, "--actuals", actuals.path, "--format", "json"])
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(diff.standardOutput.utf8)) as? [String: Any])
        let findingChanges = try #require(changes["findings"] as? [String: Any], "\(diff.standardOutput.prefix(800))")
        let resolved = try #require(findingChanges["resolved"] as? [[String: Any]])
        let resolvedKPIs = resolved.filter { $0["rule"] as? String == "kpi-off-target" }.compactMap { ($0["refs"] as? [String: String])?["kpi"] }
        #expect(resolvedKPIs == ["Consultas respondidas el mismo día"], "\(diff.standardOutput.prefix(1500))")
        #expect((findingChanges["introduced"] as? [Any])?.isEmpty == true)
    }
}
