@testable import JourneyKit
import Testing

/// The analyser's persona lookups keep slots over the journey's own ids, not a copy of them
/// (issue 17 item 13: a million personas), and still answer as a dictionary of first
/// declarations would.
@Suite("Persona index")
struct PersonaIndexTests {
    @Test("the first persona with an id is found, for every id, with repeated ids too")
    func firstDeclarationWins() {
        let personas = (0..<5_000).map { index in
            Persona(id: "p\(index % 4_000)", name: "P\(index)", channels: index % 7 == 0 ? ["web"] : [])
        }
        let index = PersonaIndex(personas)
        #expect(index.count == 4_000)
        for probe in [0, 1, 3_999, 4_000, 4_999] {
            #expect(index.index(of: personas[probe].id) == probe % 4_000)
        }
        #expect(index["p17"]?.name == "P17")
        #expect(index["p4000"] == nil && index["missing"] == nil)
    }

    @Test("a repeated persona is read as its id's first declaration; channels only where listed")
    func positionsOfRepeatedPersonas() {
        let journey = Journey(
            id: "j", title: "J",
            personas: [Persona(id: "a", name: "A", channels: ["web"]), Persona(id: "b", name: "B"), Persona(id: "a", name: "A again")],
            channels: [Channel(id: "web", name: "Web"), Channel(id: "shop", name: "Shop")],
            stages: [])
        let analyzed = AnalyzedJourney(journey)
        #expect(analyzed.firstPersonaPosition(sharingIDWith: 2) == 0)
        #expect(analyzed.firstPersonaPosition(sharingIDWith: 1) == 1)
        // "a" lists web only; "b" lists none, so it uses every channel.
        #expect(analyzed.persona(at: 0, uses: 0) && !analyzed.persona(at: 0, uses: 1))
        #expect(analyzed.persona(at: 1, uses: 1))

        let withoutChannels = AnalyzedJourney(Journey(id: "j", title: "J", personas: [Persona(id: "a", name: "A")],
                                                      channels: [Channel(id: "web", name: "Web")], stages: []))
        #expect(withoutChannels.persona(at: 0, uses: 0))
    }
}
