@testable import JourneyKit
import Testing

/// Ids the XML reader interns from libxml2's bytes (issue 19: ids stored once).
@Suite("XML id interning")
struct XMLInterningTests {
    @Test("a long id and every reference to it share one string")
    func referencesShareTheID() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <journey xmlns="urn:cjm:journey:1" id="j" title="T">
          <persona id="commuter-with-a-long-name" name="Commuter"/>
          <channel id="web" name="Web"/>
          <stage id="s" name="S">
            <touchpoint id="touchpoint-number-one" name="One" channels="web" next="touchpoint-number-two" entry="true"/>
            <touchpoint id="touchpoint-number-two" name="Two" channels="web" next="touchpoint-number-one"
                        handoff="touchpoint-number-one">
              <experience persona="commuter-with-a-long-name" emotion="1"/>
            </touchpoint>
          </stage>
        </journey>
        """
        let imported = XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "t.journey.xml")
        let journey = try #require(imported.journey)
        let touchpoints = try #require(journey.stages.first?.touchpoints)
        try #require(touchpoints.count == 2)
        let persona = try #require(journey.personas.first)
        let experience = try #require(touchpoints[1].experiences.first)
        #expect(touchpoints[0].next == ["touchpoint-number-two"])
        #expect(sharesStorage(touchpoints[0].id, touchpoints[1].next[0]))
        #expect(sharesStorage(touchpoints[1].id, touchpoints[0].next[0]))
        #expect(sharesStorage(touchpoints[0].id, try #require(touchpoints[1].handoff)))
        #expect(sharesStorage(persona.id, experience.persona))
    }

    @Test("bytes are matched exactly: texts that Swift calls equal but spell differently stay apart")
    func exactBytes() {
        var interner = IDInterner()
        let composed = Array("touchpoint-caf\u{E9}-long".utf8)
        let decomposed = Array("touchpoint-cafe\u{301}-long".utf8)
        let first = composed.withUnsafeBufferPointer { interner(utf8: $0) }
        let second = decomposed.withUnsafeBufferPointer { interner(utf8: $0) }
        #expect(Array(first.utf8) == composed)
        #expect(Array(second.utf8) == decomposed)
        // Swift's String == compares canonically; the bytes above are what the file said.
        #expect(first == second)
    }

    @Test("many distinct ids: each found again, as the same string, and short ids are not kept")
    func manyIDs() {
        var interner = IDInterner()
        let ids = (0..<5_000).map { "touchpoint-\($0)-of-a-long-journey" }
        let first = ids.map { id in Array(id.utf8).withUnsafeBufferPointer { interner(utf8: $0) } }
        let again = ids.map { id in Array(id.utf8).withUnsafeBufferPointer { interner(utf8: $0) } }
        #expect(first == ids)
        #expect(zip(first, again).allSatisfy { sharesStorage($0.0, $0.1) })
        let short = Array("tp-1".utf8).withUnsafeBufferPointer { interner(utf8: $0) }
        #expect(short == "tp-1")
    }
}
