import Foundation
import JourneyKit
import Testing

/// The worked example of docs/library.md, step by step, so the page stays true.
@Suite("docs/library.md: the worked example")
struct LibraryExampleTests {
    @Test("load, analyse, report, draw and write back a sample through the public API")
    func workedExample() throws {
        let path = "samples/tienda-whatsapp.journey.json"
        let bytes = try Paths.bytes(Paths.repository.appendingPathComponent(path))

        let checker = JourneyChecker(analyzer: Analyzer(disabled: ["unmeasured-stage"]))
        let checked = checker.check(bytes: bytes, path: path)
        let journey = try #require(checked.journey, "\(checked.report.diagnostics)")
        #expect(!checked.findings.isEmpty)
        #expect(!checked.findings.contains { $0.rule == "unmeasured-stage" })

        let sarif = try #require(ReportFormats.check().first { $0.id == "sarif" })
        #expect(sarif.report([checked.report]).contains("\"version\": \"2.1.0\""))

        let dot = DOTExporter(view: .flow, persona: "maria").export(journey, findings: checked.findings)
        #expect(dot.hasPrefix("digraph"))
        #expect(try MermaidJourneyWriter.mermaid(journey).contains("journey"))

        let matrix = try CoverageMatrix(journey, persona: "maria")
        #expect(MatrixTextReporter().report(matrix).contains("Reaches"))
        let xml = try JourneyWriter.write(journey, as: .xml, comments: checked.comments)
        let again = JourneyChecker().check(bytes: Array(xml.utf8), path: "again.journey.xml")
        #expect(again.journey == journey)
    }

    @Test("a journey built in code validates, analyses and writes as the page shows")
    func builtInCode() throws {
        var journey = Journey(id: "coffee", title: "Ordering coffee ahead")
        journey.personas = [Persona(id: "commuter", name: "Commuter")]
        journey.channels = [Channel(id: "app", name: "Mobile app", kind: .app, owner: "digital")]
        journey.stages = [Stage(id: "order", name: "Order", touchpoints: [
            Touchpoint(id: "pay", name: "Orders and pays", channels: ["app"], emotion: 1),
        ])]
        #expect(JourneyValidator().validate(journey).isEmpty)
        _ = Analyzer().analyze(journey)
        let json = try JourneyWriter.write(journey, as: .json)
        #expect(JourneyChecker().check(bytes: Array(json.utf8), path: "coffee.journey.json").journey == journey)
    }
}
