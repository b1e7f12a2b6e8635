import JourneyKit
import Testing

/// Reads `xml` as a journey file named `test.journey.xml`.
private func load(_ xml: String) -> ImportedJourney {
    XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "test.journey.xml",
                                     validator: JourneyValidator(knownRuleIDs: ["dead-end", "empty-stage"]))
}

/// The errors of `xml` as `line:column message` strings, in order.
private func errors(_ xml: String) -> [String] {
    load(xml).diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
}

/// A journey whose touchpoint line is `touchpoint`, on line 5.
private func journey(touchpoint: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <journey xmlns="urn:cjm:journey:1" id="j" title="T">
      <channel id="web" name="Web"/>
      <stage id="s" name="S">
    \(touchpoint)
      </stage>
    </journey>
    """
}

@Suite("XML import")
struct XMLImportTests {
    @Test("reads every field of the model")
    func readsEveryField() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <journey xmlns="urn:cjm:journey:1" id="j" title="Título &amp; más" ignore="dead-end">
              <description>d</description>
              <persona id="p" name="María" channels="c" ignore="dead-end">
                <description>pd</description>
                <goal>g1</goal>
                <goal>g2</goal>
              </persona>
              <channel id="c" name="WhatsApp" kind="messaging" status="planned" owner="ventas">
                <description>cd</description>
              </channel>
              <stage id="s" name="S" ignore="empty-stage">
                <description>sd</description>
                <touchpoint id="t" name="T" channels="c" personas="p" initiator="business" owner="o" emotion="-2"
                            entry="true" momentOfTruth="true" next="t" handoff="h">
                  <description>td</description>
                  <pain>pa</pain>
                  <opportunity>op</opportunity>
                  <kpi name="k" target="95%"/>
                  <kpi name="k2"/>
                </touchpoint>
              </stage>
            </journey>
            """
        let imported = load(xml)
        #expect(imported.diagnostics.isEmpty)
        let journey = try #require(imported.journey)
        let expected = Journey(
            id: "j", title: "Título & más", description: "d",
            personas: [Persona(id: "p", name: "María", description: "pd", goals: ["g1", "g2"], channels: ["c"], ignore: ["dead-end"])],
            channels: [Channel(id: "c", name: "WhatsApp", kind: .messaging, status: .planned, owner: "ventas", description: "cd")],
            stages: [Stage(id: "s", name: "S", description: "sd", touchpoints: [
                Touchpoint(id: "t", name: "T", description: "td", channels: ["c"], personas: ["p"], initiator: .business,
                           owner: "o", emotion: -2, entry: true, momentOfTruth: true, next: ["t"], handoff: "h",
                           pains: ["pa"], opportunities: ["op"], kpis: [.init(name: "k", target: "95%"), .init(name: "k2")]),
            ], ignore: ["empty-stage"])],
            ignore: ["dead-end"])
        #expect(journey == expected)
        #expect(journey.location == SourceLocation(file: "test.journey.xml", line: 2, column: 1))
        #expect(journey.personas.first?.location == SourceLocation(file: "test.journey.xml", line: 4, column: 3))
        #expect(journey.stages.first?.touchpoints.first?.location == SourceLocation(file: "test.journey.xml", line: 14, column: 5))
    }

    @Test("applies the documented defaults")
    func defaults() throws {
        let journey = try #require(load(journey(touchpoint: #"    <touchpoint id="t" name="T"/>"#)).journey)
        let channel = try #require(journey.channels.first)
        #expect(channel.kind == .other)
        #expect(channel.status == .live)
        let touchpoint = try #require(journey.stages.first?.touchpoints.first)
        #expect(touchpoint.initiator == .customer)
        #expect(touchpoint.emotion == nil)
        #expect(!touchpoint.entry && !touchpoint.momentOfTruth)
    }

    @Test("keeps text exactly: white space, line breaks, CDATA and character references")
    func keepsText() throws {
        let xml = """
            <journey xmlns="urn:cjm:journey:1" id="j" title="  two&#10;lines &quot;quoted&quot;&#9;">
              <description>  <![CDATA[<b>not markup</b>]]> &#13;
            done  </description>
            </journey>
            """
        let journey = try #require(load(xml).journey)
        #expect(journey.title == "  two\nlines \"quoted\"\t")
        #expect(journey.description == "  <b>not markup</b> \r\ndone  ")
    }

    @Test("an unknown attribute is reported at its name, with a did-you-mean hint")
    func unknownAttribute() throws {
        let imported = load(journey(touchpoint: #"    <touchpoint id="t" name="T" chanels="web"/>"#))
        #expect(imported.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == [#"5:33 unknown attribute "chanels" on this touchpoint"#])
        #expect(imported.diagnostics.first?.hint == #"did you mean "channels"?"#)
    }

    @Test("an unknown element is reported at its '<', with a did-you-mean hint")
    func unknownElement() throws {
        let imported = load(journey(touchpoint: #"    <touchpoint id="t" name="T"><pian>Slow</pian></touchpoint>"#))
        #expect(imported.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["5:33 unknown element <pian> in this touchpoint"])
        #expect(imported.diagnostics.first?.hint == #"did you mean "pain"?"#)
    }

    @Test("elements out of order are reported with the order to follow")
    func wrongOrder() throws {
        let xml = """
            <journey xmlns="urn:cjm:journey:1" id="j" title="T">
              <stage id="s" name="S"/>
              <channel id="web" name="Web"/>
            </journey>
            """
        let imported = load(xml)
        #expect(imported.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["3:3 <channel> is out of order or repeated in this journey"])
        #expect(imported.diagnostics.first?.hint?.contains("<persona>, <channel>, <stage>") == true)
    }

    @Test("a missing required attribute is reported at the element, even when its start tag spans lines")
    func missingRequiredAttribute() {
        #expect(errors(journey(touchpoint: "    <touchpoint id=\"t\"\n        channels=\"web\"/>"))
                == [#"5:5 a touchpoint has no "name""#])
        #expect(errors(#"<journey xmlns="urn:cjm:journey:1" title="T"/>"#) == [#"1:1 the journey has no "id""#])
    }

    @Test("values outside their list or range are reported at the value, in the JSON importer's words")
    func badValues() {
        #expect(errors(journey(touchpoint: #"    <touchpoint id="t" name="T" initiator="shop"/>"#))
                == [#"5:44 "initiator" must be one of customer, business, found "shop""#])
        #expect(errors(journey(touchpoint: #"    <touchpoint id="t" name="T" emotion="3"/>"#)) == ["5:42 emotion 3 is out of range"])
        #expect(errors(journey(touchpoint: #"    <touchpoint id="t" name="T" emotion="-1.5"/>"#))
                == [#"5:42 emotion must be a whole number, found "-1.5""#])
        #expect(errors(journey(touchpoint: #"    <touchpoint id="t" name="T" entry="yes"/>"#))
                == [#"5:40 "entry" must be true or false, found "yes""#])
        let kind = load(#"<journey xmlns="urn:cjm:journey:1" id="j" title="T"><channel id="c" name="C" kind="wbe"/></journey>"#)
        #expect(kind.diagnostics.map(\.message) == [#""kind" must be one of web, app, email, phone, messaging, social, ads, store, mail, other, found "wbe""#])
        #expect(kind.diagnostics.first?.location.column == 84)
        #expect(kind.diagnostics.first?.hint == #"did you mean "web"?"#)
    }

    @Test("ids and references get the same checks as JSON, located at the id")
    func semanticChecks() {
        let xml = """
            <journey xmlns="urn:cjm:journey:1" id="j" title="T">
              <channel id="web" name="Web"/>
              <channel id="web" name="Site"/>
              <stage id="s" name="S">
                <touchpoint id="t" name="T" channels="web" next="t2 nowhere"/>
                <touchpoint id="t2" name="T2" personas="nobody"/>
                <touchpoint id="2bad" name="Bad"/>
              </stage>
            </journey>
            """
        #expect(errors(xml) == [
            #"3:16 duplicate channel id "web": "Web" at line 2 already uses it"#,
            #"5:57 touchpoint "T" refers to unknown touchpoint "nowhere""#,
            #"6:45 touchpoint "T2" refers to unknown persona "nobody""#,
            #"7:21 touchpoint id "2bad" is not a valid id"#,
        ])
    }

    @Test("malformed XML stops with one located error")
    func malformed() {
        let unclosed = """
            <journey xmlns="urn:cjm:journey:1" id="j" title="T">
              <stage id="s" name="S">
                <description>x</description>
            </journey>
            """
        #expect(errors(unclosed) == ["4:11 the closing tag </journey> does not match <stage> opened on line 2"])
        #expect(load(unclosed).journey == nil)
        #expect(errors("<journey xmlns=\"urn:cjm:journey:1\" id=\"j\" title=\"T\">\n  <stage id=\"s\" name=\"S\">\n")
                == ["3:1 the file ends before <stage> is closed"])
        #expect(errors("<journey xmlns=\"urn:cjm:journey:1\" id=\"j\" title=\"Fish &chips;\"/>") == [#"1:55 unknown entity "&chips;""#])
        #expect(errors("<journey xmlns=\"urn:cjm:journey:1\" id=\"j\" title=\"Fish &chips\"/>") == [#"1:55 "&chips" is not ended by ';'"#])
        #expect(errors("") == ["1:1 the file is empty"])
        let deep = #"<journey xmlns="urn:cjm:journey:1" id="j" title="T">"# + String(repeating: "<x>", count: 300)
            + String(repeating: "</x>", count: 300) + "</journey>"
        #expect(errors(deep).last == "1:823 elements are nested too deeply (more than 256 levels)")
    }

    @Test("a DOCTYPE is refused at its position, before libxml2 reads it")
    func documentType() {
        let xml = """
            <?xml version="1.0"?>
            <!-- a comment -->
            <!DOCTYPE journey [ <!ENTITY x "y"> ]>
            <journey xmlns="urn:cjm:journey:1" id="j" title="&x;"/>
            """
        #expect(errors(xml) == ["3:1 a <!DOCTYPE> declaration is not allowed in a journey file"])
    }

    @Test("a journey without the namespace is told to add it")
    func missingNamespace() {
        let imported = load(#"<journey id="j" title="T"/>"#)
        #expect(imported.diagnostics.map(\.message)
                == [#"the root element must be <journey> in namespace "urn:cjm:journey:1", found <journey> without a namespace"#])
        #expect(imported.diagnostics.first?.hint == #"add xmlns="urn:cjm:journey:1" to <journey>"#)
    }

    @Test("text where only elements belong is reported on its line")
    func strayText() {
        #expect(errors(journey(touchpoint: #"    <touchpoint id="t" name="T">Call us</touchpoint>"#))
                == ["5:1 text is not allowed directly inside this touchpoint"])
    }

    @Test("many threads can import at once (libxml2 keeps no shared error handler)")
    func concurrentImports() async throws {
        let valid = Array(journey(touchpoint: #"    <touchpoint id="t" name="T" channels="web"/>"#).utf8)
        let invalid = Array(journey(touchpoint: #"    <touchpoint id="t" name="T" chanels="web"/>"#).utf8)
        let results = await withTaskGroup(of: (Bool, Int).self) { group in
            for index in 0..<64 {
                group.addTask {
                    let isValid = index.isMultiple(of: 2)
                    let imported = XMLJourneyImporter.importJourney(from: isValid ? valid : invalid, path: "t\(index).journey.xml")
                    return (isValid, imported.diagnostics.count)
                }
            }
            var results: [(Bool, Int)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 64)
        for (isValid, count) in results {
            #expect(count == (isValid ? 0 : 1))
        }
    }
}
