@testable import JourneyKit
import Testing

/// The JSON importer reads keys and ids as bytes (issue 19: ids stored once, no `String` per key).
@Suite("JSON keys and ids read as bytes")
struct JSONInterningTests {
    private func importJSON(_ text: String) -> ImportedJourney {
        JSONJourneyImporter.importJourney(from: Array(text.utf8), path: "t.journey.json")
    }

    @Test("a long id and every reference to it share one string, escaped or not")
    func referencesShareTheID() throws {
        let imported = importJSON(#"""
        {
          "id": "j", "title": "T",
          "personas": [{ "id": "commuter-with-a-long-name", "name": "Commuter" }],
          "channels": [{ "id": "web", "name": "Web" }],
          "stages": [{ "id": "s", "name": "S", "touchpoints": [
            { "id": "touchpoint-number-one", "name": "One", "channels": ["web"], "next": ["touchpoint-number-two"], "entry": true },
            { "id": "touchpoint-number-two", "name": "Two", "channels": ["web"], "next": ["touchpoint-number-\u006fne"],
              "experiences": [{ "persona": "commuter-with-a-long-name", "emotion": 1 }] }
          ]}]
        }
        """#)
        #expect(imported.diagnostics.isEmpty)
        let journey = try #require(imported.journey)
        let touchpoints = try #require(journey.stages.first?.touchpoints)
        try #require(touchpoints.count == 2)
        let persona = try #require(journey.personas.first)
        let experience = try #require(touchpoints[1].experiences.first)
        #expect(touchpoints[1].next == ["touchpoint-number-one"])
        #expect(sharesStorage(touchpoints[0].id, touchpoints[1].next[0]))
        #expect(sharesStorage(touchpoints[1].id, touchpoints[0].next[0]))
        #expect(sharesStorage(persona.id, experience.persona))
    }

    @Test("an id keeps the bytes of the file: texts that Swift calls equal but spell differently stay apart")
    func exactBytes() throws {
        let composed = "touchpoint-caf\u{E9}-long"
        let decomposed = "touchpoint-cafe\u{301}-long"
        let imported = importJSON("""
        { "id": "j", "title": "T", "stages": [{ "id": "s", "name": "S", "touchpoints": [
          { "id": "\(composed)", "name": "One", "next": ["\(decomposed)"] }
        ]}]}
        """)
        // Validation reports the ids (not ASCII), but the journey is still read.
        let touchpoint = try #require(imported.journey?.stages.first?.touchpoints.first)
        #expect(Array(touchpoint.id.utf8) == Array(composed.utf8))
        #expect(Array(try #require(touchpoint.next.first).utf8) == Array(decomposed.utf8))
    }

    @Test("keys are matched by their bytes: an escaped key is the key it spells, duplicates and unknown keys as before")
    func keysAsBytes() throws {
        let imported = importJSON(#"""
        {
          "\u0069d": "j",
          "title": "T",
          "title": "Again",
          "colour": "red",
          "colour": "blue",
          "stages": [{ "id": "s", "name": "S", "touchpoints": [{ "id": "t", "name": "One", "entry": true, "properties": { "a": "1", "a": "2" } }] }]
        }
        """#)
        let messages = imported.diagnostics.map { "\($0.location.line): \($0.message)" }
        #expect(messages == [
            "4: duplicate key \"title\" in this journey; the first is on line 3",
            "5: unknown key \"colour\" in this journey",
            "6: unknown key \"colour\" in this journey",
            "7: duplicate key \"a\" in this properties object; the first is on line 7",
        ])
        #expect(!imported.diagnostics.contains { $0.message.contains("has no \"id\"") })
    }

    @Test("lists of ids read one after another keep their own items")
    func listsAreIndependent() throws {
        let imported = importJSON(#"""
        { "id": "j", "title": "T",
          "channels": [{ "id": "web", "name": "Web" }, { "id": "app", "name": "App" }, { "id": "store", "name": "Store" }],
          "stages": [{ "id": "s", "name": "S", "touchpoints": [
            { "id": "a", "name": "A", "entry": true, "channels": ["web", "app", "store"], "next": ["b"] },
            { "id": "b", "name": "B", "channels": ["store"], "next": [] }
          ]}]
        }
        """#)
        let touchpoints = try #require(imported.journey?.stages.first?.touchpoints)
        try #require(touchpoints.count == 2)
        #expect(touchpoints[0].channels == ["web", "app", "store"])
        #expect(touchpoints[0].next == ["b"])
        #expect(touchpoints[1].channels == ["store"])
        #expect(touchpoints[1].next == [])
    }

    @Test("touchpoints naming the same channels and personas in the same words share one array")
    func listsShared() throws {
        let imported = importJSON(#"""
        { "id": "j", "title": "T",
          "personas": [{ "id": "p", "name": "P", "channels": ["web", "app"] }],
          "channels": [{ "id": "web", "name": "Web" }, { "id": "app", "name": "App" }],
          "stages": [{ "id": "s", "name": "S", "touchpoints": [
            { "id": "a", "name": "A", "entry": true, "channels": ["web", "app"], "personas": ["p"], "next": ["b"] },
            { "id": "b", "name": "B", "channels": ["web", "app"], "personas": ["p"], "next": ["c"] },
            { "id": "c", "name": "C", "channels": ["web","app"], "personas": ["p"], "next": ["d"] },
            { "id": "d", "name": "D", "channels": ["web", 7, "app"], "personas": ["p"] }
          ]}]
        }
        """#)
        let touchpoints = try #require(imported.journey?.stages.first?.touchpoints)
        try #require(touchpoints.count == 4)
        let channels = touchpoints.map { touchpoint in touchpoint.channels.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(channels[0] == channels[1])
        // The persona's list was written alike too.
        let persona = try #require(imported.journey?.personas.first)
        #expect(persona.channels.withUnsafeBufferPointer { $0.baseAddress } == channels[0])
        // Written differently: equal, but kept apart (each keeps what its own value says).
        #expect(channels[2] != channels[0])
        #expect(touchpoints[2].channels == touchpoints[0].channels)
        let personas = touchpoints.map { touchpoint in touchpoint.personas.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(personas[0] == personas[1] && personas[1] == personas[2])
        // A shared list's items are still read and reported one by one.
        #expect(imported.diagnostics.map(\.message) == ["\"channels\" must be a list of texts, found a number"])
        #expect(touchpoints[3].channels == ["web", "app"])
        #expect(imported.sourceMap.location(of: .channels, index: 1, in: touchpoints[3].location)?.column == 54)
    }
}
