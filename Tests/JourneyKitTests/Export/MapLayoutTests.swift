import Foundation
@testable import JourneyKit
import Testing

/// The map's layout itself: boxes, texts, pages, words and hooks.
@Suite("Journey map layout")
struct MapLayoutTests {
    static func layout(_ sample: String, _ options: JourneyMapOptions = JourneyMapOptions()) throws -> [MapPage] {
        let journey = try MapGoldenTests.sample(sample)
        return try JourneyMapRenderer(options).layout(journey, findings: Analyzer().analyze(journey))
    }

    static let samples = ["minimal", "law-firm-seo", "tienda-whatsapp"]

    /// Checks the geometry of a page: no two boxes overlap (a box inside another only overlaps
    /// its siblings), every box inside the page and its parent, every text inside its box.
    static func checkGeometry(_ page: MapPage, _ name: String) {
        let pageFrame = MapRect(x: 0, y: 0, width: page.width, height: page.height)
        for (index, box) in page.boxes.enumerated() {
            #expect(pageFrame.contains(box.frame), "\(name): \(box.kind) \(box.id ?? "") leaves the page: \(box.frame)")
            if let parent = box.parent {
                #expect(page.boxes[parent].frame.contains(box.frame), "\(name): \(box.kind) outside its \(page.boxes[parent].kind)")
            }
            for text in box.texts {
                #expect(box.frame.contains(text.frame), "\(name): text \(text.text.debugDescription) overflows its \(box.kind) \(box.id ?? "")")
            }
            for other in page.boxes[(index + 1)...] where other.parent == box.parent {
                #expect(!box.frame.overlaps(other.frame), "\(name): \(box.kind) \(box.id ?? "") overlaps \(other.kind) \(other.id ?? "")")
            }
        }
    }

    @Test("no two boxes overlap and every text fits its box, in every sample and option", arguments: samples)
    func geometry(_ sample: String) throws {
        let journey = try MapGoldenTests.sample(sample)
        let optionSets = [JourneyMapOptions(), JourneyMapOptions(language: "es"), JourneyMapOptions(showsFindings: false),
                          JourneyMapOptions(page: MapPageSize(width: 1280, height: 720)),
                          JourneyMapOptions(scenarioName: "Black Friday", lanes: MapLane.allCases)]
            + journey.personas.map { JourneyMapOptions(persona: $0.id) }
        for options in optionSets {
            let pages = try Self.layout(sample, options)
            try #require(!pages.isEmpty)
            for (index, page) in pages.enumerated() { Self.checkGeometry(page, "\(sample) page \(index + 1) \(options)") }
        }
    }

    @Test("every touchpoint appears on exactly one card, and the cards keep the journey's order", arguments: samples)
    func touchpointsOnce(_ sample: String) throws {
        let journey = try MapGoldenTests.sample(sample)
        let pages = try Self.layout(sample)
        let cards = pages.flatMap { $0.boxes.filter { $0.kind == "card" }.compactMap(\.id) }
        #expect(cards == journey.touchpoints.map(\.id))
        let svg = try JourneyMapRenderer().pages(journey, findings: Analyzer().analyze(journey)).joined()
        for touchpoint in journey.touchpoints {
            #expect(svg.components(separatedBy: "<g class=\"touchpoint\" data-id=\"\(touchpoint.id)\">").count == 2, "\(touchpoint.id)")
        }
    }

    @Test("pages split at stage boundaries: the expected stages on each page")
    func pageSplitting() throws {
        #expect(try Self.layout("minimal").map(\.stageIDs) == [["order", "collect"]])
        // Format 1.1 samples fill the backstage lane and the experiences' pains: taller lanes, so
        // fewer stages fit the 1080 units of a page without cutting a text.
        #expect(try Self.layout("law-firm-seo").map(\.stageIDs) == [["search", "evaluate"], ["contact", "consult", "engage"], ["advocate"]])
        #expect(try Self.layout("tienda-whatsapp").map(\.stageIDs)
            == [["descubrimiento"], ["consulta"], ["compra"], ["envio"], ["posventa", "fidelizacion"]])
        // A larger page holds more stages.
        #expect(try Self.layout("law-firm-seo", JourneyMapOptions(page: MapPageSize(width: 3000, height: 1600))).count == 1)
    }

    @Test("a stage too wide for a page alone is split with a \"continued\" mark, and each page says \"page k of n\"")
    func continuedStage() throws {
        let touchpoints = (1...25).map { Touchpoint(id: "t\($0)", name: "Step \($0)", emotion: $0 % 5 - 2) }
        let journey = Journey(id: "long", title: "Long", stages: [Stage(id: "only", name: "Only stage", touchpoints: touchpoints)])
        let pages = try JourneyMapRenderer().layout(journey, findings: [])
        #expect(pages.count == 3)
        #expect(pages.map(\.stageIDs) == [["only"], ["only"], ["only"]])
        let heads = pages.map { $0.boxes.first { $0.kind == "stage" }?.texts.map(\.text).joined(separator: " ") ?? "" }
        #expect(heads == ["Only stage", "Only stage (continued)", "Only stage (continued)"])
        #expect(pages.map { $0.boxes.first { $0.kind == "page-label" }?.texts.first?.text } == ["page 1 of 3", "page 2 of 3", "page 3 of 3"])
        #expect(pages.flatMap { $0.boxes.filter { $0.kind == "card" }.compactMap(\.id) } == touchpoints.map(\.id))
        for page in pages { Self.checkGeometry(page, "long") }
        let svg = try JourneyMapRenderer().pages(journey, findings: [])
        #expect(svg.count == 3)
        // One emotion line per page, with every value on it.
        #expect(svg.allSatisfy { $0.components(separatedBy: "class=\"emotion-line\" data-persona=\"\"").count == 2 })
    }

    static func laneTitles(_ pages: [MapPage]) -> [String] {
        pages[0].boxes.filter { $0.kind == "lane-title" }.map { $0.texts.map(\.text).joined(separator: " ") }
    }

    @Test("lane titles come from the language's table: Spanish for es, English otherwise")
    func laneTitles() throws {
        let all = JourneyMapOptions(lanes: MapLane.allCases)
        var spanish = all
        spanish.language = "es"
        #expect(Self.laneTitles(try Self.layout("tienda-whatsapp", spanish))
            == ["Puntos de contacto", "Emoción", "Puntos de dolor", "Oportunidades", "KPI", "Responsables", "Trastienda", "Hallazgos"])
        #expect(Self.laneTitles(try Self.layout("tienda-whatsapp", all))
            == ["Puntos de contacto", "Emoción", "Puntos de dolor", "Oportunidades", "KPI", "Responsables", "Trastienda", "Hallazgos"],
            "without a language, the journey's own lang (es) labels the map")
        var english = all
        english.language = "en"
        #expect(Self.laneTitles(try Self.layout("tienda-whatsapp", english))
            == ["Touchpoints", "Emotion", "Pains", "Opportunities", "KPIs", "Owners", "Backstage", "Findings"])
        #expect(DiagramWords.forLanguage("es-MX") == .spanish)
        #expect(DiagramWords.forLanguage("ES") == .spanish)
        #expect(DiagramWords.forLanguage("fr") == .english)
        #expect(DiagramWords.forLanguage(nil) == .english)
        // Every table has a word for every lane, level and finding key English has.
        for words in [DiagramWords.english, .spanish] {
            #expect(Set(words.laneTitles.keys) == Set(MapLane.allCases))
            #expect(Set(words.findings.keys) == Set(DiagramWords.english.findings.keys))
            #expect(words.emotionLevels.count == 5)
        }
        let svg = try JourneyMapRenderer(spanish).pages(try MapGoldenTests.sample("tienda-whatsapp"), findings: [])[0]
        #expect(svg.contains("página 1 de "))
        #expect(svg.contains("Encantado +2"))
    }

    @Test("--lanes chooses and orders the lanes; unknown names get a hint")
    func chosenLanes() throws {
        let lanes = try MapLane.list(from: "pains, touchpoints,emotion")
        #expect(lanes == [.pains, .touchpoints, .emotion])
        #expect(Self.laneTitles(try Self.layout("minimal", JourneyMapOptions(lanes: lanes))) == ["Pains", "Touchpoints", "Emotion"])
        #expect(throws: MapOptionError.self) { try MapLane.list(from: "touchpoints,emotoin") }
        do {
            _ = try MapLane.list(from: "emotoin")
        } catch {
            #expect(error.message == "there is no map lane \"emotoin\"")
            #expect(error.hint.contains("emotion"))
        }
        // Without --lanes, only lanes with content: minimal has no opportunities or backstage
        // (its owners come from its channels).
        #expect(Self.laneTitles(try Self.layout("minimal")) == ["Touchpoints", "Emotion", "Pains", "KPIs", "Owners", "Findings"])
        #expect(Self.laneTitles(try Self.layout("minimal", JourneyMapOptions(showsFindings: false))) == ["Touchpoints", "Emotion", "Pains", "KPIs", "Owners"])
    }

    @Test("--page reads WIDTHxHEIGHT within bounds")
    func pageSize() throws {
        #expect(try MapPageSize.parse("1280x720") == MapPageSize(width: 1280, height: 720))
        #expect(try MapPageSize.parse("2560X1440") == MapPageSize(width: 2560, height: 1440))
        #expect(throws: MapOptionError.self) { try MapPageSize.parse("1920") }
        #expect(throws: MapOptionError.self) { try MapPageSize.parse("10x10") }
        #expect(throws: MapOptionError.self) { try MapPageSize.parse("axb") }
    }

    @Test("a touchpoint without emotion leaves a gap in the line, never a zero")
    func emotionGap() throws {
        let journey = Journey(id: "j", title: "Gaps", stages: [Stage(id: "s", name: "S", touchpoints: [
            Touchpoint(id: "a", name: "A", emotion: 2), Touchpoint(id: "b", name: "B", emotion: 1),
            Touchpoint(id: "c", name: "C"), Touchpoint(id: "d", name: "D", emotion: -2),
        ])])
        let svg = try JourneyMapRenderer().pages(journey, findings: [])[0]
        let line = try #require(svg.components(separatedBy: "\n").first { $0.contains("class=\"emotion-line\"") })
        #expect(line.contains("data-persona=\"\""))
        let data = try #require(line.components(separatedBy: " d=\"").last?.components(separatedBy: "\"").first)
        #expect(data.filter { $0 == "M" }.count == 2, "two runs: A–B, then D")
        #expect(data.filter { $0 == "L" }.count == 1)
        #expect(svg.contains("no emotion given"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3 + 5, "a marker per given emotion, and the five level keys")
    }

    @Test("hooks: stage, touchpoint, emotion line and finding groups with their ids and rules")
    func hooks() throws {
        let journey = try MapGoldenTests.sample("tienda-whatsapp")
        let findings = Analyzer().analyze(journey)
        let svg = try JourneyMapRenderer().pages(journey, findings: findings).joined()
        for stage in journey.stages { #expect(svg.contains("<g class=\"stage\" data-id=\"\(stage.id)\">")) }
        let shown = findings.filter { $0.references[.touchpoint] != nil || $0.references[.stage] != nil }
        #expect(svg.components(separatedBy: "<g class=\"finding\" data-rule=\"").count - 1 == shown.count)
        for finding in shown { #expect(svg.contains("<g class=\"finding\" data-rule=\"\(finding.rule ?? "")\">")) }
        let findingTexts = try Self.layout("tienda-whatsapp").flatMap { $0.boxes.filter { $0.kind == "finding" } }
            .map { $0.texts.map(\.text).joined(separator: " ") }
        #expect(findingTexts.contains("María, compra un regalo no puede llegar: Plantillas de la API de WhatsApp Business solo está previsto y Correo electrónico no es uno de sus canales"))
        let quiet = try JourneyMapRenderer(JourneyMapOptions(showsFindings: false)).pages(journey, findings: findings).joined()
        #expect(!quiet.contains("class=\"finding\""))
    }

    @Test("a persona's map shows only that persona's touchpoints and names the persona")
    func personaFocus() throws {
        let journey = try MapGoldenTests.sample("tienda-whatsapp")
        let pages = try Self.layout("tienda-whatsapp", JourneyMapOptions(persona: "maria"))
        let cards = pages.flatMap { $0.boxes.filter { $0.kind == "card" }.compactMap(\.id) }
        #expect(cards == journey.touchpoints.filter { $0.isAimed(at: "maria") }.map(\.id))
        #expect(pages[0].boxes.first { $0.kind == "subtitle" }?.texts.first?.text == "Persona: María, compra un regalo")
        #expect(throws: UnknownPersona.self) { try JourneyMapRenderer(JourneyMapOptions(persona: "nobody")).pages(journey, findings: []) }
    }

    @Test("a text too long for its box is cut with … and its full text goes into the tooltip")
    func cutText() throws {
        let long = String(repeating: "A very long pain that goes on and on. ", count: 300)
        let name = String(repeating: "Name ", count: 200)
        let journey = Journey(id: "j", title: "Cut", stages: [Stage(id: "s", name: "S", touchpoints: [
            Touchpoint(id: "a", name: name, pains: [long, "second", "third"]),
        ])])
        let pages = try JourneyMapRenderer(JourneyMapOptions(page: MapPageSize(width: 1280, height: 720))).layout(journey, findings: [])
        Self.checkGeometry(pages[0], "cut")
        let svg = try JourneyMapRenderer(JourneyMapOptions(page: MapPageSize(width: 1280, height: 720))).pages(journey, findings: [])[0]
        #expect(svg.contains("<title>\(MapText.escaped(name))</title>"))
        #expect(svg.contains("…"))
        #expect(svg.contains("text cut: the full text is in the tooltip"))
        #expect(svg.contains(MapText.escaped(long.trimmingCharacters(in: .whitespaces))))
    }

    @Test("wrapping: lines fit the width, words are kept whole when they can be, nothing is lost")
    func wrapping() {
        let text = "Pregúntanos por WhatsApp: https://example.com/a/very/long/path/that/cannot/fit/anywhere e\u{301}"
        let lines = MapText.wrap(text, width: 120, size: 14, bold: false)
        #expect(lines.allSatisfy { MapFontMetrics.width($0, size: 14, bold: false) <= 120 })
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        let fit = MapText.fit(text, width: 120, size: 14, bold: false, maxLines: 2)
        #expect(fit.isCut && fit.lines.count == 2 && fit.lines[1].hasSuffix("…"))
        #expect(MapFontMetrics.width("iiii", size: 14, bold: false) < MapFontMetrics.width("WWWW", size: 14, bold: false))
        #expect(MapFontMetrics.width("e\u{301}", size: 14, bold: false) == MapFontMetrics.width("e", size: 14, bold: false))
    }

    @Test("escaping: markup, quotes, ]]> and control characters stay text")
    func escaping() {
        #expect(MapText.escaped("a<b>&]]>\"'") == "a&lt;b&gt;&amp;]]&gt;\"'")
        #expect(MapText.escaped("\"x\"\n", inAttribute: true) == "&quot;x&quot;&#10;")
        #expect(MapText.escaped("a\u{1}b") == "a\u{FFFD}b")
    }
}
