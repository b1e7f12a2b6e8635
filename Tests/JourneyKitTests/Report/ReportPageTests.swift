@testable import cjm_bench
import Foundation
@testable import JourneyKit
import Testing

@Suite("HTML report page")
struct ReportPageTests {
    private func reported(_ url: URL, checker: JourneyChecker = JourneyChecker()) throws -> ReportedJourney {
        checker.reported(bytes: try Paths.bytes(url), path: Paths.relative(url))
    }

    @Test("every sample's page is self-contained and holds the map, every touchpoint's row and details, and the same bytes twice",
          arguments: Paths.samples())
    func samplePage(_ url: URL) throws {
        let file = try reported(url)
        let journey = try #require(file.journey)
        let html = JourneyReportPage().html([file])
        #expect(html == JourneyReportPage().html([try reported(url)]))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("<?xml"), "SVG inlined with its XML declaration")
        // No network: nothing is loaded from anywhere (the SVG namespace is a name, not a request).
        for reference in ["<link", " src=", "url(", "@import", "href=\"http", "fetch("] {
            #expect(!html.contains(reference), "the page loads something: \(reference)")
        }
        for touchpoint in journey.touchpoints {
            #expect(html.contains("<g class=\"touchpoint\" data-id=\"\(touchpoint.id)\""), "map card of \(touchpoint.id)")
            #expect(html.contains("<tr data-tp=\"\(touchpoint.id)\""), "table row of \(touchpoint.id)")
            #expect(html.contains("id=\"j1-tp-\(touchpoint.id)\""), "details of \(touchpoint.id)")
        }
        for persona in journey.personas {
            #expect(html.contains("<option value=\"\(persona.id)\">"), "persona switcher option \(persona.id)")
        }
        for finding in file.findings {
            #expect(html.contains(HTMLText.text(finding.message)), "finding \(finding.message)")
        }
    }

    @Test("an invalid file gets a section with its errors in the words of cjm check")
    func invalidFile() throws {
        let bytes = Array(#"{"id": "x", "title": "X", "stages": [{"id": "a", "name": "A", "touchpoints": [{"id": "t", "nmae": "T"}]}]}"#.utf8)
        let file = JourneyChecker().reported(bytes: bytes, path: "sheet.journey.json")
        #expect(!file.isValid)
        let html = JourneyReportPage().html([file])
        let lines = file.diagnostics.sorted().map { TextReporter().line(for: $0) }
        #expect(!lines.isEmpty)
        for line in lines { #expect(html.contains(HTMLText.text(line)), "missing: \(line)") }
        #expect(html.contains("class=\"journey invalid\""))
    }

    @Test("several files get an index with titles and counts, and a section each")
    func index() throws {
        let files = try Paths.samples().map { try reported($0) }
        let html = JourneyReportPage().html(files)
        #expect(html.contains("<nav class=\"index\""))
        for (number, file) in files.enumerated() {
            let journey = try #require(file.journey)
            #expect(html.contains("<a href=\"#j\(number + 1)\">\(HTMLText.text(journey.title))</a>"))
            #expect(html.contains("<section class=\"journey\" id=\"j\(number + 1)\""))
            let count = journey.touchpoints.reduce(0) { count, _ in count + 1 }
            let warnings = file.findings.filter { $0.severity == .warning }.count
            #expect(html.contains("<td>\(count)</td><td>0</td><td>\(warnings)</td>"))
        }
        // Served pages link to their own URL instead of sections.
        let served = JourneyReportPage(JourneyReportOptions(links: .pages(prefix: "/journeys/"))).html(files)
        #expect(served.contains("href=\"/journeys/\(try #require(files.first?.key))\""))
        #expect(!served.contains("<section class=\"journey\""))
    }

    @Test("the page's words follow --lang, else the journey's language")
    func words() throws {
        var journey = Journey(id: "j", title: "Recorrido", stages: [Stage(id: "s", name: "Etapa", touchpoints: [Touchpoint(id: "t", name: "T")])])
        let english = JourneyReportPage().html([ReportedJourney(path: "j.journey.json", journey: journey)])
        #expect(english.contains("All personas") && english.contains("<html lang=\"en\">"))
        journey.lang = "es-ES"
        let spanish = JourneyReportPage().html([ReportedJourney(path: "j.journey.json", journey: journey)])
        #expect(spanish.contains("Todas las personas") && spanish.contains("<html lang=\"es\">") && !spanish.contains("All personas"))
        let forced = JourneyReportPage(JourneyReportOptions(language: "en")).html([ReportedJourney(path: "j.journey.json", journey: journey)])
        #expect(forced.contains("All personas"))
    }

    @Test("text from the journey is escaped, so a title cannot inject markup or script")
    func escaping() throws {
        let journey = Journey(id: "j", title: "</title><script>alert(1)</script>",
                              stages: [Stage(id: "s", name: "<b>", touchpoints: [Touchpoint(id: "t", name: "\"><img onerror=x>")])])
        let html = JourneyReportPage().html([ReportedJourney(path: "j.journey.json", journey: journey)])
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img onerror"))
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;"))
    }

    @Test("--persona and --scenario set the initial state; unknown ones fall back to all")
    func initialState() throws {
        let file = try reported(Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json"))
        let journey = try #require(file.journey)
        let persona = try #require(journey.personas.last)
        let html = JourneyReportPage(JourneyReportOptions(persona: persona.id)).html([file])
        #expect(html.contains("data-persona=\"\(persona.id)\" data-scenario=\"\""))
        #expect(html.contains("<option value=\"\(persona.id)\" selected>"))
        let unknown = JourneyReportPage(JourneyReportOptions(persona: "nobody")).html([file])
        #expect(unknown.contains("<option value=\"\" selected>"))
    }

    @Test("a journey with scenarios gets a scenario switcher and a map per scenario, with that scenario's findings")
    func scenarios() throws {
        let journey = Journey(
            id: "j", title: "J", personas: [Persona(id: "p", name: "P")],
            channels: [Channel(id: "web", name: "Web", status: .planned)],
            stages: [Stage(id: "s", name: "S", touchpoints: [Touchpoint(id: "t", name: "T", channels: ["web"])])],
            scenarios: [Scenario(id: "launch", name: "Launch", channels: [.init(channel: "web", status: .live)])])
        let file = JourneyChecker().reported(bytes: Array(JourneyJSONWriter.write(journey).utf8), path: "j.journey.json")
        #expect(file.scenarioFindings["launch"] != nil)
        let html = JourneyReportPage(JourneyReportOptions(scenario: "launch")).html([file])
        #expect(html.contains("<select class=\"scenario-switch\""))
        #expect(html.contains("<div class=\"map-variant\" data-scenario=\"launch\">"))
        #expect(html.contains("<div class=\"map-variant\" data-scenario=\"\" hidden>"))
        // As written the only channel is planned: unserved; in the launch scenario it is live.
        let asWritten = file.findings.filter { $0.rule == "unserved-touchpoint" }
        let launched = (file.scenarioFindings["launch"] ?? []).filter { $0.rule == "unserved-touchpoint" }
        #expect(!asWritten.isEmpty && launched.isEmpty)
    }

    @Test("a 10,000-touchpoint journey's report stays under 3× its SVG map plus its JSON")
    func size() throws {
        let journey = SyntheticJourney.make(touchpoints: 10_000)
        let json = JourneyJSONWriter.write(journey)
        let findings = Analyzer().analyze(AnalyzedJourney(journey))
        let map = try JourneyMapRenderer().pages(journey, findings: findings).reduce(0) { $0 + $1.utf8.count }
        let html = JourneyReportPage().html([ReportedJourney(path: "big.journey.json", journey: journey, findings: findings)])
        let limit = 3 * (map + json.utf8.count)
        #expect(html.utf8.count < limit, "report \(html.utf8.count) bytes, limit \(limit) (map \(map), JSON \(json.utf8.count))")
    }
}
