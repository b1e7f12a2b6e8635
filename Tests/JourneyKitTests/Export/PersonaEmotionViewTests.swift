import Foundation
@testable import JourneyKit
import Testing

/// Views of format 1.1 journeys: a persona's own emotion, one emotion line per persona,
/// experience pains, backstage steps, the journey's language and the scenario's name.
@Suite("Views of experiences, backstage steps, lang and scenarios")
struct PersonaEmotionViewTests {
    /// Two personas who feel differently at the payment; a backstage step behind it.
    static let journey = Journey(
        id: "shop", title: "Shop", lang: "es",
        personas: [Persona(id: "ana", name: "Ana"), Persona(id: "luis", name: "Luis")],
        channels: [Channel(id: "chat", name: "Chat", owner: "sales")],
        stages: [Stage(id: "buy", name: "Buy", touchpoints: [
            Touchpoint(id: "order", name: "Orders", channels: ["chat"], emotion: 1),
            Touchpoint(id: "pay", name: "Pays", channels: ["chat"], emotion: 1,
                       experiences: [Experience(persona: "luis", emotion: -2, pains: ["Fears a wrong number"])],
                       backstage: [BackstageStep(name: "Reconciles payments", lane: .system, owner: "bank")]),
        ])],
        scenarios: [Scenario(id: "later", name: "Later")])

    @Test("Mermaid and DOT focused on a persona use that persona's emotion")
    func focusedEmotion() throws {
        let luis = try MermaidJourneyWriter.mermaid(Self.journey, persona: "luis")
        #expect(luis.contains("Pays: 1: Ana, Luis"))
        let ana = try MermaidJourneyWriter.mermaid(Self.journey, persona: "ana")
        #expect(ana.contains("Pays: 4: Ana, Luis"))
        let unfocused = try MermaidJourneyWriter.mermaid(Self.journey)
        #expect(unfocused.contains("Pays: 4: Ana, Luis"))
        let flow = DOTExporter(view: .flow, persona: "luis").export(Self.journey, findings: [])
        let payLine = try #require(flow.split(separator: "\n").first { $0.contains("\"pay\" [") })
        #expect(payLine.contains("fillcolor=\"\(DOTStyle.fill(forEmotion: -2))\""))
        let matrix = DOTExporter(view: .matrix, persona: "luis").export(Self.journey, findings: [])
        #expect(matrix.contains("BGCOLOR=\"\(DOTStyle.fill(forEmotion: -2))\""))
    }

    @Test("the map draws one emotion line per persona when they differ, with each persona's name")
    func emotionPerPersona() throws {
        let content = JourneyMapContent(journey: Self.journey, findings: [], options: JourneyMapOptions())
        #expect(content.emotion.map(\.persona) == ["ana", "luis"])
        #expect(content.emotion.map(\.values) == [[1, 1], [1, -2]])
        let svg = try JourneyMapRenderer().pages(Self.journey, findings: []).joined()
        #expect(svg.contains("data-persona=\"ana\"") && svg.contains("data-persona=\"luis\""))
        #expect(svg.contains(">Luis<") && svg.contains(">Ana<"))
        // Alike personas: one line, as in format 1.0.
        var alike = Self.journey
        alike.stages[0].touchpoints[1].experiences = []
        #expect(JourneyMapContent(journey: alike, findings: [], options: JourneyMapOptions()).emotion.map(\.persona) == [""])
        // Focused on one persona: one line with that persona's emotions.
        let focused = JourneyMapContent(journey: Self.journey, findings: [], options: JourneyMapOptions(persona: "luis"))
        #expect(focused.emotion.map(\.values) == [[1, -2]])
    }

    @Test("experience pains are marked with the persona's name; backstage steps fill their lane with the lane kind")
    func painsAndBackstage() throws {
        let content = JourneyMapContent(journey: Self.journey, findings: [], options: JourneyMapOptions())
        let pay = try #require(content.cards.first { $0.id == "pay" })
        #expect(pay.pains.map(\.shown) == ["Luis: Fears a wrong number"])
        #expect(pay.backstage == [.init(kind: "system", name: "Reconciles payments", owner: "bank")])
        #expect(content.hasContent(.backstage))
        let ana = JourneyMapContent(journey: Self.journey, findings: [], options: JourneyMapOptions(persona: "ana"))
        #expect(ana.cards.first { $0.id == "pay" }?.pains.isEmpty == true, "Ana's map leaves out Luis's pains")
    }

    @Test("the journey's lang labels the map unless --lang says otherwise; the scenario's name is in the subtitle")
    func languageAndScenario() {
        #expect(JourneyMapContent(journey: Self.journey, findings: [], options: JourneyMapOptions()).words == .spanish)
        #expect(JourneyMapContent(journey: Self.journey, findings: [], options: JourneyMapOptions(language: "en")).words == .english)
        let later = JourneyMapContent(journey: Self.journey, findings: [], options: JourneyMapOptions(scenarioName: "Later"))
        #expect(later.subtitle == "Escenario: Later")
    }
}
