import Foundation
@testable import JourneyKit
import Testing

/// A large journey's report keeps most of its map pages and every touchpoint's details as inert
/// text, built by the page's script when needed (issue 14: the 10k report opens in under 2 s).
@Suite("HTML report: map pages and details built when needed")
struct ReportDeferredTests {
    /// One stage of `count` touchpoints: a map of many pages. Names hold what could end a
    /// `<script>` element or open a comment in it, were they not escaped.
    static func longJourney(_ count: Int) -> Journey {
        Journey(id: "long", title: "Long", personas: [Persona(id: "p", name: "P")], channels: [Channel(id: "web", name: "Web", owner: "x")],
                stages: [Stage(id: "s", name: "</script><!-- S", touchpoints: (0..<count).map { index in
                    Touchpoint(id: "t\(index)", name: "</SCRIPT><!-- step \(index)", channels: index == count - 1 ? [] : ["web"],
                               personas: index % 2 == 0 ? ["p"] : [], owner: "x", kpis: [.init(name: "k")])
                })])
    }

    static func page(_ journey: Journey) -> (html: String, findings: [Diagnostic]) {
        let findings = Analyzer().analyze(AnalyzedJourney(journey))
        return (JourneyReportPage().html([ReportedJourney(path: "long.journey.json", journey: journey, findings: findings)]), findings)
    }

    @Test("the first map pages are inline SVG, the others inert text in a sized placeholder; details are inert text; nothing ends the script early")
    func markup() throws {
        let journey = Self.longJourney(120)
        let pages = try JourneyMapRenderer().pages(journey, findings: [])
        try #require(pages.count > JourneyReportPage.mapPagesBuiltAtOnce, "\(pages.count) pages")
        let (html, _) = Self.page(journey)
        let inline = html.components(separatedBy: "<svg xmlns=").count - 1
        let deferred = html.components(separatedBy: "<div class=\"map-page deferred\" style=\"aspect-ratio: 1920 / 1080\"><script type=\"text/html\"><svg xmlns=").count - 1
        #expect(deferred == pages.count - JourneyReportPage.mapPagesBuiltAtOnce)
        #expect(inline == pages.count)
        #expect(html.components(separatedBy: "<script type=\"text/html\" class=\"deferred-details\" data-tp=").count - 1 == 120)
        // Every <script> element ends where the page means it to: one per deferred part, and the page's own.
        let opened = html.components(separatedBy: "<script").count - 1
        let closed = html.lowercased().components(separatedBy: "</script").count - 1
        #expect(opened == closed)
        #expect(opened == deferred + 120 + 1)
        #expect(!html.contains("<!--"))
    }

    @Test("in Chromium: no script errors, later pages wait, a finding's link builds the page of its touchpoint and its details; printing builds every page",
          .requires(.chromium))
    func inChromium() throws {
        let journey = Self.longJourney(120)
        let (html, findings) = Self.page(journey)
        // The last touchpoint has no channel: its finding is about a touchpoint on the last page.
        let last = "t119"
        try #require(findings.contains { $0.references[.touchpoint] == last })
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("report.html")
        let actions = """
            <script>document.body.setAttribute('data-deferred-at-load', String(document.querySelectorAll('.map-page.deferred').length));
            document.querySelector('.findings-section a.open-details[data-tp="\(last)"]').click();
            document.body.setAttribute('data-deferred-after-click', String(document.querySelectorAll('.map-page.deferred').length));
            window.dispatchEvent(new Event('beforeprint'));</script></body>
            """
        try html.replacingOccurrences(of: "</body>", with: actions).write(to: page, atomically: true, encoding: .utf8)
        let (dom, log) = try ReportBrowserTests.dom(of: page)
        ReportBrowserTests.expectNoScriptErrors(dom, log: log)
        let pages = try JourneyMapRenderer().pages(journey, findings: findings).count
        let atLoad = try #require(Self.attribute("data-deferred-at-load", in: dom))
        let afterClick = try #require(Self.attribute("data-deferred-after-click", in: dom))
        #expect(atLoad > 0 && atLoad <= pages - JourneyReportPage.mapPagesBuiltAtOnce, "\(atLoad) of \(pages) pages deferred at load")
        #expect(afterClick == atLoad - 1, "the click built \(atLoad - afterClick) pages")
        #expect(dom.contains("data-open=\"\(last)\""))
        #expect(dom.contains("<article class=\"tp-details\" id=\"j1-tp-\(last)\" data-tp=\"\(last)\" tabindex=\"-1\">"))
        #expect(dom.contains("class=\"touchpoint highlight\" data-id=\"\(last)\" tabindex=\"0\" role=\"button\""))
        #expect(!dom.contains("map-page deferred"), "printing leaves pages unbuilt")
        // Built pages are prepared like the first: every card a keyboard button, dimmed for the persona or not.
        for index in 0..<120 {
            #expect(dom.contains("data-id=\"t\(index)\" tabindex=\"0\" role=\"button\" aria-label="), "t\(index)")
        }
    }

    static func attribute(_ name: String, in dom: String) -> Int? {
        guard let range = dom.range(of: name + "=\"") else { return nil }
        return Int(dom[range.upperBound...].prefix { $0 != "\"" })
    }
}
