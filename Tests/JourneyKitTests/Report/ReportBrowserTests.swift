import Foundation
import JourneyKit
import Testing

/// The report as a browser runs it: real headless Chromium loads the page from disk, runs its
/// script, and the DOM it then holds is checked (`--dump-dom`).
@Suite("HTML report in Chromium", .requires(.chromium))
struct ReportBrowserTests {
    /// The DOM after the page's scripts ran, and what Chromium logged (console messages, errors).
    static func dom(of page: URL) throws -> (dom: String, log: String) {
        let result = try Subprocess.run(
            try ExternalTool.chromium.path(),
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--enable-logging=stderr", "--v=0", "--dump-dom", page.absoluteString],
            timeLimit: .seconds(90))
        return (result.standardOutput, result.standardError)
    }

    /// Fails the test on any script error: in the page's own error box, or in Chromium's console log.
    static func expectNoScriptErrors(_ dom: String, log: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(dom.contains("<body data-live-reload=\"false\" data-ready=\"true\">") || dom.contains("data-ready=\"true\""),
                "the page's script did not finish", sourceLocation: sourceLocation)
        #expect(dom.contains("<div id=\"script-errors\" hidden=\"\"></div>"), "script errors: \(dom)", sourceLocation: sourceLocation)
        for line in log.split(separator: "\n") where line.contains("Uncaught") || (line.contains("CONSOLE") && line.contains("rror")) {
            Issue.record("console: \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test("each sample's report runs without script errors and shows the map and every touchpoint as a keyboard button",
          arguments: Paths.samples())
    func sample(_ url: URL) throws {
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("report.html")
        let run = try CLI.run(["report", Paths.relative(url), "-o", page.path])
        #expect(run.status == 0, "\(run.standardError)")
        let (dom, log) = try Self.dom(of: page)
        Self.expectNoScriptErrors(dom, log: log)
        #expect(dom.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let journey = try #require(JourneyChecker().check(bytes: try Paths.bytes(url), path: url.path).journey)
        for touchpoint in journey.touchpoints {
            #expect(dom.contains("<g class=\"touchpoint\" data-id=\"\(touchpoint.id)\" tabindex=\"0\" role=\"button\" aria-label="),
                    "touchpoint \(touchpoint.id) is not a keyboard button on the map")
        }
    }

    @Test("the persona switcher dims the touchpoints not aimed at the persona and tells its reach")
    func personaSwitcher() throws {
        let url = Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json")
        let journey = try #require(JourneyChecker().check(bytes: try Paths.bytes(url), path: url.path).journey)
        // The persona with the most touchpoints not aimed at it, so that the switch has something to dim.
        let persona = try #require(journey.personas.max { a, b in
            journey.touchpoints.filter { !$0.isAimed(at: a.id) }.count < journey.touchpoints.filter { !$0.isAimed(at: b.id) }.count
        })
        let notAimed = journey.touchpoints.filter { !$0.isAimed(at: persona.id) }
        try #require(!notAimed.isEmpty, "the sample has no touchpoint aimed at only some personas")
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("report.html")
        // In English whatever the sample's own language, for the sentence checked below.
        let run = try CLI.run(["report", Paths.relative(url), "--persona", persona.id, "--lang", "en", "-o", page.path])
        #expect(run.status == 0, "\(run.standardError)")
        let (dom, log) = try Self.dom(of: page)
        Self.expectNoScriptErrors(dom, log: log)
        for touchpoint in journey.touchpoints {
            let dimmed = dom.contains("<g class=\"touchpoint dimmed\" data-id=\"\(touchpoint.id)\"")
            #expect(dimmed == !touchpoint.isAimed(at: persona.id), "touchpoint \(touchpoint.id) dimmed: \(dimmed)")
        }
        let total = journey.touchpoints.reduce(0) { count, _ in count + 1 }
        #expect(dom.contains("of \(total) touchpoints reach \(HTMLTextForTests.escape(persona.name))</p>"))
        // Without --persona nothing is dimmed.
        let all = folder.url.appendingPathComponent("all.html")
        _ = try CLI.run(["report", Paths.relative(url), "-o", all.path])
        let (allDOM, _) = try Self.dom(of: all)
        #expect(!allDOM.contains("touchpoint dimmed"))
    }

    @Test("Enter on a map card opens its details; a finding's link opens the touchpoint it is about")
    func keyboardAndFindingLinks() throws {
        let url = Paths.samples.appendingPathComponent("law-firm-seo.journey.json")
        let checked = JourneyChecker().check(bytes: try Paths.bytes(url), path: url.path)
        let journey = try #require(checked.journey)
        let first = try #require(journey.touchpoints.first(where: { _ in true }))
        let about = try #require(checked.findings.first { $0.references[.touchpoint] != nil }?.references[.touchpoint])
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("report.html")
        _ = try CLI.run(["report", Paths.relative(url), "-o", page.path])
        let html = try String(contentsOf: page, encoding: .utf8)
        // What a person does, as events: Enter on the first card, then a click on a finding's link.
        let keyboard = """
            <script>document.querySelector('g.touchpoint').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
            document.body.setAttribute('data-after-enter', document.querySelector('section.journey').getAttribute('data-open'));
            document.querySelector('.findings-section a.open-details[data-tp="\(about)"]').click();</script></body>
            """
        try html.replacingOccurrences(of: "</body>", with: keyboard).write(to: page, atomically: true, encoding: .utf8)
        let (dom, log) = try Self.dom(of: page)
        Self.expectNoScriptErrors(dom, log: log)
        #expect(dom.contains("data-after-enter=\"\(first.id)\""))
        #expect(dom.contains("data-open=\"\(about)\""))
        #expect(dom.contains("<aside class=\"details-panel\" aria-label=\"Details\">"), "the details panel is still hidden")
        #expect(dom.contains("<article class=\"tp-details\" id=\"j1-tp-\(about)\" data-tp=\"\(about)\" tabindex=\"-1\">"))
        #expect(dom.contains("class=\"touchpoint highlight\" data-id=\"\(about)\""), "the finding's touchpoint is not highlighted")
    }
}

enum HTMLTextForTests {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
