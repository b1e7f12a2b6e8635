import Foundation
@testable import JourneyKit
import Testing

/// What keeps a large report quick to open (issue 14): the browser skips the off-screen map-as-table,
/// and the page's script leaves the table's rows alone until a persona is chosen.
@Suite("HTML report: opening a large page")
struct ReportOpeningTests {
    /// One stage of `count` touchpoints, aimed in turn at persona a and persona b.
    static func journey(_ count: Int) -> Journey {
        Journey(id: "two", title: "Two", personas: [Persona(id: "a", name: "A"), Persona(id: "b", name: "B")],
                channels: [Channel(id: "web", name: "Web", owner: "x")],
                stages: [Stage(id: "s", name: "S", touchpoints: (0..<count).map { index in
                    Touchpoint(id: "t\(index)", name: "Step \(index)", channels: ["web"], personas: [index % 2 == 0 ? "a" : "b"], owner: "x")
                })])
    }

    @Test("the map-as-table sits in a block the browser can skip, with a height reserved for its rows")
    func skippableTable() throws {
        let html = JourneyReportPage().html([ReportedJourney(path: "two.journey.json", journey: Self.journey(120), findings: [])])
        let height = JourneyReportPage.estimatedTableHeight(rows: 120)
        #expect(height >= 120 * 30, "\(height) px for 120 rows")
        #expect(html.contains("<details class=\"map-table\" open style=\"contain-intrinsic-size: auto \(height)px\">"))
        // Containment has no effect on a table's size, so the rule must name the block around it.
        let rule = try #require(ReportAssets.styleSheet.split(separator: "\n").first { $0.contains("content-visibility: auto") && $0.contains("map-table") })
        #expect(rule.contains("details.map-table,") && !rule.contains("> table"), "\(rule)")
    }

    @Test("in Chromium: rows are dimmed for a chosen persona and undimmed again for all personas",
          .requires(.chromium))
    func personaRoundTrip() throws {
        let html = JourneyReportPage().html([ReportedJourney(path: "two.journey.json", journey: Self.journey(40), findings: [])])
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("report.html")
        let actions = """
            <script>(function () {
              var body = document.body, select = document.querySelector('.persona-switch');
              function dimmed() { return String(document.querySelectorAll('tr.dimmed').length) + '/' + String(document.querySelectorAll('g.touchpoint.dimmed').length); }
              body.setAttribute('data-at-load', dimmed());
              select.value = 'a'; select.dispatchEvent(new Event('change'));
              body.setAttribute('data-for-a', dimmed());
              body.setAttribute('data-reach-a', document.querySelector('.reach').textContent);
              select.value = ''; select.dispatchEvent(new Event('change'));
              body.setAttribute('data-for-all', dimmed());
            })();</script></body>
            """
        try html.replacingOccurrences(of: "</body>", with: actions).write(to: page, atomically: true, encoding: .utf8)
        let (dom, log) = try ReportBrowserTests.dom(of: page)
        ReportBrowserTests.expectNoScriptErrors(dom, log: log)
        #expect(dom.contains("data-at-load=\"0/0\""))
        // Twenty of the forty touchpoints are aimed at b only: dimmed in the table and on the map.
        #expect(dom.contains("data-for-a=\"20/20\""))
        #expect(dom.contains("data-reach-a=\"") && dom.contains(" of 40 touchpoints reach A\""))
        #expect(dom.contains("data-for-all=\"0/0\""))
    }
}
