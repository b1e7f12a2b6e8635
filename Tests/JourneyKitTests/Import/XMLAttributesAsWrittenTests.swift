@testable import JourneyKit
import Testing

/// The XML reader takes attribute values from the file as written when they are what libxml2
/// would report, and from libxml2 otherwise (issue 19: one scan for positions and values).
/// Both ways must give the same journey and the same positions.
@Suite("XML attributes as written")
struct XMLAttributesAsWrittenTests {
    private func load(_ touchpoints: String) -> ImportedJourney {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <journey xmlns="urn:cjm:journey:1" xmlns:x="urn:example" id="j" title="T">
          <persona id="p" name="P"/>
          <channel id="web" name="Web"/>
          <channel id="app" name="App"/>
          <stage id="s" name="S">
        \(touchpoints)
          </stage>
        </journey>
        """
        return XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "t.journey.xml")
    }

    /// The errors as `line:column message`.
    private func errors(_ imported: ImportedJourney) -> [String] {
        imported.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test("a value with a reference, a tab or a line break reads as libxml2 reads it, the others as written")
    func sameValuesBothWays() throws {
        let imported = load("""
            <touchpoint id="a" name="Fish &amp; chips" channels="web app" owner="Ops" entry="true" next="b"/>
            <touchpoint id="b" name="Fish &amp; chips" channels="web&#9;app" owner="Ops" next="c"/>
            <touchpoint id="c" name="Two
        lines" channels="web	app" owner="Ops"/>
            <touchpoint id="d" name="Plain" channels="web  app" owner="Ops" entry="true"/>
        """)
        #expect(errors(imported) == [])
        let touchpoints = try #require(imported.journey?.stages.first?.touchpoints)
        try #require(touchpoints.count == 4)
        #expect(touchpoints.map(\.name) == ["Fish & chips", "Fish & chips", "Two lines", "Plain"])
        #expect(touchpoints.allSatisfy { $0.channels == ["web", "app"] && $0.owner == "Ops" })
        #expect(touchpoints.map(\.next) == [["b"], ["c"], [], []])
    }

    @Test("a list item is located at its own column, whichever way its value was read")
    func itemPositionsBothWays() {
        let imported = load("""
            <touchpoint id="a" name="A" channels="web  nowhere" entry="true" next="b"/>
            <touchpoint id="b" name="Fish &amp; chips" channels="web nowhere"/>
            <touchpoint id="c" name="C" x:note="x" channels="app   elsewhere" entry="true"/>
        """)
        #expect(errors(imported) == [
            #"7:48 touchpoint "A" refers to unknown channel "nowhere""#,
            #"8:62 touchpoint "Fish & chips" refers to unknown channel "nowhere""#,
            // A prefixed attribute is not a journey field (the schema says so): its tag is read by libxml2.
            #"9:5 unknown attribute "{urn:example}note" on this touchpoint"#,
            #"9:60 touchpoint "C" refers to unknown channel "elsewhere""#,
        ])
    }

    @Test("touchpoints naming the same channels and personas in the same words share one array")
    func listsShared() throws {
        let imported = load("""
            <touchpoint id="a" name="A" channels="web app" personas="p" entry="true" next="b"/>
            <touchpoint id="b" name="B" channels="web app" personas="p" next="c"/>
            <touchpoint id="c" name="C" channels="web  app" personas="p"/>
        """)
        let touchpoints = try #require(imported.journey?.stages.first?.touchpoints)
        try #require(touchpoints.count == 3)
        let storage = touchpoints.map { touchpoint in touchpoint.channels.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(storage[0] == storage[1])
        // Written differently: equal, but kept apart (each keeps what its own value says).
        #expect(storage[2] != storage[0])
        #expect(touchpoints[2].channels == touchpoints[0].channels)
        let personas = touchpoints.map { touchpoint in touchpoint.personas.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(personas[0] == personas[1] && personas[1] == personas[2])
    }
}
