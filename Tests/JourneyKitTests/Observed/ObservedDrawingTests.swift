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

    @Test("the flow view with --events: steps as wide as their cases, observed steps without a flow dashed red (golden DOT)")
    func flowWithEvents() throws {
        let result = try CLI.run(["export", Self.journey, "--events", Self.events, "--as-of", "2026-11-29"])  // stale-evidence texts hold the date
        #expect(result.status == 0, "\(result.standardError)")
        try Golden.assertMatches(result.standardOutput, "DOT/tienda-whatsapp.flow.events.dot")
        let dot = result.standardOutput
        // A planned step, labelled with its distinct cases; the widest is 8.
        #expect(dot.contains("\"respuesta-stock\" -> \"pedido-chat\" [color=\"#455a64\", penwidth=8, label=\"144\""), "\(dot)")
        // Observed, not planned: below its own comment, dashed red, not moving the layout.
        let unplanned = try #require(dot.components(separatedBy: "// observed steps without a next flow").last)
        #expect(unplanned.contains("\"resena\" -> \"garantia\" [color=\"#c62828\", style=dashed, constraint=false"))
        #expect(dot.contains("grosor y número: casos observados que dieron el paso"))
        #expect(dot.contains("paso observado que los flujos (next) no tienen"))
        // Without the option, nothing of it.
        let plain = try CLI.run(["export", Self.journey])
        #expect(!plain.standardOutput.contains("observed steps") && !plain.standardOutput.contains("label=\"144\""))
    }

    @Test("bytes that are not UTF-8 are located at their line, through both CSV readers (tables and event logs)")
    func notUTF8Located() throws {
        let folder = try TemporaryFolder()
        let latin1: [UInt8] = Array("touchpoint,kpi,value\nrespuesta-stock,x,1\n".utf8) + [0x63, 0x61, 0x66, 0xE9] + Array(",y,2\n".utf8)
        let actuals = folder.url.appendingPathComponent("latin1.csv")
        try Data(latin1).write(to: actuals)
        let table = try CLI.run(["check", Self.journey, "--actuals", actuals.path])
        #expect(table.status == 2)
        #expect(table.standardError.contains("latin1.csv:3:1: error: cannot read the actuals: it is not UTF-8 text"), "\(table.standardError)")
        let events: [UInt8] = Array("case,timestamp,touchpoint\nc1,2026-01-01T10:00:00Z,saludo\n".utf8) + [0xE9] + Array(",2026-01-01T10:01:00Z,saludo\n".utf8)
        let log = folder.url.appendingPathComponent("events.csv")
        try Data(events).write(to: log)
        let stream = try CLI.run(["conform", Self.journey, "--events", log.path])
        #expect(stream.status == 2)
        #expect(stream.standardError.contains("events.csv:3:1: error: cannot read the event log: it is not UTF-8 text"), "\(stream.standardError)")
    }

    @Test("--transitions draws the same steps from a pre-aggregated table; its errors are located")
    func transitions() throws {
        let folder = try TemporaryFolder()
        let table = try folder.write("from,to,cases,note\nrespuesta-stock,pedido-chat,144,\nresena,garantia,12,x\n", to: "t.csv")
        let result = try CLI.run(["export", Self.journey, "--transitions", table.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\"respuesta-stock\" -> \"pedido-chat\" [color=\"#455a64\", penwidth=8, label=\"144\""))
        #expect(result.standardOutput.contains("\"resena\" -> \"garantia\" [color=\"#c62828\", style=dashed, constraint=false, penwidth=1.6, label=\"12\""),
                "\(result.standardOutput)")
        #expect(result.standardOutput.contains("\"saludo\" -> \"respuesta-stock\" [color=\"#455a64\", penwidth=1, label=\"0\""))

        let bad = try folder.write("to,from,cases\npedido-chat,respuesta-stok,3\ncatalogo,saludo,many\npedido-chat,respuesta-stock,1\npedido-chat,respuesta-stock,2\n", to: "bad.csv")
        let refused = try CLI.run(["export", Self.journey, "--transitions", bad.path])
        #expect(refused.status == 2)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("bad.csv:2:2: error: unknown touchpoint \"respuesta-stok\""), "\(refused.standardError)")
        #expect(refused.standardError.contains("did you mean \"respuesta-stock\"?"))
        #expect(refused.standardError.contains("bad.csv:3:3: error: the number of cases \"many\" is not a whole number"))
        #expect(refused.standardError.contains("bad.csv:5:2: error: the step \"respuesta-stock\" → \"pedido-chat\" is listed twice (first in data row 3)"))
        let missing = try folder.write("from,to\n", to: "missing.csv")
        #expect(try CLI.run(["export", Self.journey, "--transitions", missing.path]).standardError.contains("missing.csv:1:1: error: the CSV header has no \"cases\" column"))
        #expect(try CLI.run(["export", Self.journey, "--transitions", table.path, "--events", Self.events]).status == 2)
    }

    @Test("the map with --events and --actuals: each card's share of cases, the KPI lane's actual, day and verdict (golden SVG)")
    func mapWithObservations() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("map.svg")
        let result = try CLI.run(["export", Self.journey, "--view", "map", "--format", "svg", "--events", Self.events, "--actuals", Self.kpis, "--as-of", "2026-11-29", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        var pages: [String] = []
        for number in 1... {
            guard let page = try? folder.read("map-\(number).svg") else { break }
            pages.append(page)
        }
        try #require(pages.count > 1)
        for (index, page) in pages.enumerated() {
            try Golden.assertMatches(page, "Map/tienda-whatsapp.observed-\(index + 1).svg")
        }
        let all = pages.joined()
        #expect(all.contains(">lo alcanzó el 88 % de los casos (265)</text>"), "the card of respuesta-stock shows its share")
        #expect(all.contains("Consultas respondidas el mismo día: 95 % · real 91 % el"), "the KPI lane shows the actual and its day")
        #expect(all.contains("✗ no cumplido") && all.contains("✓ cumplido"))
        // In English, on request.
        let english = try CLI.run(["export", Self.journey, "--view", "map", "--format", "svg", "--actuals", Self.kpis, "--lang", "en",
                                   "--page", "20000x1080"])
        #expect(english.standardOutput.contains("actual 91 % on 2026-10-31 ✗ missed"), "\(english.standardError)")
    }

    @Test("the report with --events and --actuals shows the share of cases and the actuals; an event log needs one journey")
    func report() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("r.html").path
        let result = try CLI.run(["report", Self.journey, "--events", Self.events, "--actuals", Self.kpis, "-o", output])
        #expect(result.status == 0, "\(result.standardError)")
        let page = try folder.read("r.html")
        #expect(page.contains("<dt>Observado</dt><dd>lo alcanzó el 88 % de los casos (265)</dd>"))
        #expect(page.contains("<li>Consultas respondidas el mismo día: 95 % · real 91 % el 2026-10-31 ✗ no cumplido</li>"))
        #expect(page.contains(">lo alcanzó el 88 % de los casos (265)</text>"), "the report's map shows the shares too")
        let two = try CLI.run(["report", "samples/portfolio", "--events", Self.events, "-o", output])
        #expect(two.status == 2)
        #expect(two.standardError.contains("an event log is of one journey, and the report has 3"))
    }
}
