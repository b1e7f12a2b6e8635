import Foundation
import JourneyKit
import Testing

@Suite("XML writer")
struct XMLWriterTests {
    @Test("writes the documented canonical form")
    func canonicalForm() throws {
        let journey = Journey(
            id: "j", title: "T", description: "About",
            personas: [Persona(id: "p", name: "P", goals: ["g"], channels: ["c", "d"])],
            channels: [Channel(id: "c", name: "C", kind: .phone, status: .planned, owner: "o"), Channel(id: "d", name: "D")],
            stages: [Stage(id: "s", name: "S", touchpoints: [
                Touchpoint(id: "t", name: "T", channels: ["c"], initiator: .business, emotion: 0, entry: true, momentOfTruth: true,
                           next: ["t"], handoff: "h", pains: ["p"], opportunities: ["o"], kpis: [.init(name: "k", target: "1")], ignore: ["dead-end"]),
            ])],
            ignore: ["empty-stage"])
        #expect(try JourneyXMLWriter.write(journey) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <journey xmlns="urn:cjm:journey:1" id="j" title="T" ignore="empty-stage">
              <description>About</description>
              <persona id="p" name="P" channels="c d">
                <goal>g</goal>
              </persona>
              <channel id="c" name="C" kind="phone" status="planned" owner="o"/>
              <channel id="d" name="D"/>
              <stage id="s" name="S">
                <touchpoint id="t" name="T" channels="c" initiator="business" emotion="0" entry="true" momentOfTruth="true" next="t" handoff="h" ignore="dead-end">
                  <pain>p</pain>
                  <opportunity>o</opportunity>
                  <kpi name="k" target="1"/>
                </touchpoint>
              </stage>
            </journey>

            """)
        #expect(try JourneyXMLWriter.write(Journey(id: "e", title: "E")) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <journey xmlns="urn:cjm:journey:1" id="e" title="E"/>

            """)
    }

    @Test("escapes markup, quotes, white space in attributes, carriage returns and C1 controls, and reads them back")
    func escaping() throws {
        let name = "a & b < c > d \"q\" 'a'\tt\nn\r\u{85}"
        let journey = Journey(id: "j", title: name, description: name)
        let xml = try JourneyXMLWriter.write(journey)
        #expect(xml.contains(#"title="a &amp; b &lt; c &gt; d &quot;q&quot; 'a'&#9;t&#10;n&#13;&#x85;""#))
        #expect(xml.contains("<description>a &amp; b &lt; c &gt; d \"q\" 'a'\tt\nn&#13;&#x85;</description>"))
        let back = XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "x.journey.xml")
        #expect(back.diagnostics.isEmpty)
        #expect(back.journey == journey)
    }

    @Test("refuses text XML 1.0 cannot hold, naming the field")
    func refusesControlCharacters() {
        let journey = Journey(id: "j", title: "T", stages: [Stage(id: "s", name: "S", touchpoints: [Touchpoint(id: "t", name: "bell\u{07}")])])
        #expect(throws: JourneyXMLWriter.UnrepresentableText(
            field: #"name of touchpoint "t""#, reason: "contains the control character U+0007, which XML 1.0 cannot hold")) {
            try JourneyXMLWriter.write(journey)
        }
        #expect(throws: JourneyXMLWriter.UnrepresentableText.self) {
            try JourneyXMLWriter.write(Journey(id: "j", title: "T", ignore: ["two words"]))
        }
    }

    @Test("the embedded schema is schema/journey.xsd byte for byte (run scripts/embed-xsd.sh after editing it)")
    func embeddedSchema() throws {
        let shipped = try String(contentsOf: Paths.schema.appendingPathComponent("journey.xsd"), encoding: .utf8)
        #expect(Array(JourneySchema.xsd.utf8) == Array(shipped.utf8))
    }
}

@Suite("Large journeys")
struct LargeJourneyTests {
    /// A journey with `count` touchpoints in one stage, each pointing at the next.
    static func journey(touchpoints count: Int) -> Journey {
        Journey(id: "big", title: "Big", channels: [Channel(id: "web", name: "Web")], stages: [
            Stage(id: "s", name: "S", touchpoints: (0..<count).map { index in
                Touchpoint(id: "t\(index)", name: "Touchpoint \(index) & more", description: "Text \(index)",
                           channels: ["web"], next: ["t\((index + 1) % count)"], pains: ["Pain \(index)"])
            }),
        ])
    }

    @Test("writing both formats and reading XML back grow linearly: 5,000 touchpoints cost about ten times 500")
    func linear() throws {
        let (json, imported) = try Growth.expectLinear("writing and reading", size: 500, input: Self.journey) { journey in
            let json = JourneyJSONWriter.write(journey)
            let xml = try JourneyXMLWriter.write(journey)
            return (json, XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "big.journey.xml"))
        }
        #expect(imported.diagnostics.isEmpty)
        #expect(imported.journey == Self.journey(touchpoints: 5_000))
        #expect(json.count > 500_000)
    }

    @Test("a journey written on one line gets exact columns, counted in code points")
    func oneLine() throws {
        var xml = #"<journey xmlns="urn:cjm:journey:1" id="j" title="Café 東京 😀"><stage id="s" name="S">"#
        for index in 0..<2_000 {
            xml += #"<touchpoint id="t\#(index)" name="Ñ"/>"#
        }
        let prefixBeforeError = xml
        xml += #"<touchpoint id="x" name="X" next="nowhere"/></stage></journey>"#
        let imported = XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "line.journey.xml")
        let error = try #require(imported.diagnostics.first)
        #expect(imported.diagnostics.count == 1)
        #expect(error.message == #"touchpoint "X" refers to unknown touchpoint "nowhere""#)
        #expect(error.location.line == 1)
        let column = prefixBeforeError.unicodeScalars.count + #"<touchpoint id="x" name="X" next=""#.count + 1
        #expect(error.location.column == column)
    }
}
