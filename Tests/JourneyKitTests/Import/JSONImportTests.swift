import JourneyKit
import Testing

/// Reads `json` as a journey file named `test.journey.json`.
private func load(_ json: String) -> ImportedJourney {
    JSONJourneyImporter.importJourney(from: Array(json.utf8), path: "test.journey.json", validator: JourneyValidator(knownRuleIDs: ["dead-end", "empty-stage"]))
}

/// The errors of `json` as `line:column message` strings, in order.
private func errors(_ json: String) -> [String] {
    load(json).diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
}

@Suite("JSON import")
struct JSONImportTests {
    @Test("reads every field of the model")
    func readsEveryField() throws {
        let json = """
            {
              "$schema": "../schema/journey.schema.json",
              "id": "j", "title": "Título", "description": "d", "ignore": ["dead-end"],
              "personas": [ { "id": "p", "name": "María", "description": "pd", "goals": ["g1", "g2"], "channels": ["c"], "ignore": ["dead-end"] } ],
              "channels": [ { "id": "c", "name": "WhatsApp", "kind": "messaging", "status": "planned", "owner": "ventas", "description": "cd", "ignore": [] } ],
              "stages": [ { "id": "s", "name": "S", "description": "sd", "ignore": ["empty-stage"], "touchpoints": [
                { "id": "t", "name": "T", "description": "td", "channels": ["c"], "personas": ["p"], "initiator": "business",
                  "owner": "o", "emotion": -2, "entry": true, "momentOfTruth": true, "next": ["t"], "handoff": "h",
                  "pains": ["pa"], "opportunities": ["op"], "kpis": [ { "name": "k", "target": "95%" }, { "name": "k2" } ], "ignore": [] }
              ] } ]
            }
            """
        let imported = load(json)
        #expect(imported.diagnostics.isEmpty)
        let journey = try #require(imported.journey)
        let expected = Journey(
            id: "j", title: "Título", description: "d",
            personas: [Persona(id: "p", name: "María", description: "pd", goals: ["g1", "g2"], channels: ["c"], ignore: ["dead-end"])],
            channels: [Channel(id: "c", name: "WhatsApp", kind: .messaging, status: .planned, owner: "ventas", description: "cd")],
            stages: [Stage(id: "s", name: "S", description: "sd", touchpoints: [
                Touchpoint(id: "t", name: "T", description: "td", channels: ["c"], personas: ["p"], initiator: .business,
                           owner: "o", emotion: -2, entry: true, momentOfTruth: true, next: ["t"], handoff: "h",
                           pains: ["pa"], opportunities: ["op"], kpis: [.init(name: "k", target: "95%"), .init(name: "k2")]),
            ], ignore: ["empty-stage"])],
            ignore: ["dead-end"], jsonSchema: "../schema/journey.schema.json")
        #expect(journey == expected)
        #expect(journey.location == SourceLocation(file: "test.journey.json", line: 1, column: 1))
        let persona = try #require(journey.personas.first)
        #expect(persona.location?.line == 4)
        #expect(persona.location?.column == 17)
        let touchpoint = try #require(journey.stages.first?.touchpoints.first)
        #expect(touchpoint.location?.line == 7)
        #expect(touchpoint.location?.column == 5)
    }

    @Test("applies the documented defaults")
    func defaults() throws {
        let journey = try #require(load("""
            {"id": "j", "title": "T", "channels": [{"id": "c", "name": "C"}],
             "stages": [{"id": "s", "name": "S", "touchpoints": [{"id": "t", "name": "T"}]}]}
            """).journey)
        let channel = try #require(journey.channels.first)
        #expect(channel.kind == .other)
        #expect(channel.status == .live)
        let touchpoint = try #require(journey.stages.first?.touchpoints.first)
        #expect(touchpoint.initiator == .customer)
        #expect(!touchpoint.entry && !touchpoint.momentOfTruth)
        #expect(touchpoint.emotion == nil && touchpoint.channels.isEmpty && touchpoint.personas.isEmpty)
    }

    @Test("a misspelt key, a duplicate key, a dangling next and an out-of-range emotion give four located errors")
    func fourErrorsInOneRun() {
        let json = """
            {
              "id": "j",
              "title": "T",
              "channels": [{ "id": "web", "name": "Web" }],
              "stages": [{ "id": "s", "name": "S", "touchpoints": [
                { "id": "a", "name": "A",
                  "chanels": ["web"],
                  "emotion": 3,
                  "next": ["b", "nowhere"],
                  "name": "A again" },
                { "id": "b", "name": "B" }
              ] }]
            }
            """
        #expect(errors(json) == [
            "7:7 unknown key \"chanels\" in this touchpoint",
            "8:18 emotion 3 is out of range",
            "9:21 touchpoint \"A\" refers to unknown touchpoint \"nowhere\"",
            "10:7 duplicate key \"name\" in this touchpoint; the first is on line 6",
        ])
        let hint = load(json).diagnostics.first?.hint
        #expect(hint == "did you mean \"channels\"?")
    }

    @Test("syntax errors are located", arguments: [
        ("{\"id\": \"j\",}", "1:11 trailing comma before '}'"),
        ("{\"id\": [1, 2,]}", "1:13 trailing comma before ']'"),
        ("{\"id\" \"j\"}", "1:7 expected ':' after the key, found '\"'"),
        ("{\"id\": 'j'}", "1:8 expected a value, found a single quote"),
        ("{\n  \"id\": \"j\"\n  \"title\": \"T\"\n}", "2:12 missing ',' after this entry"),
        ("{\"id\": \"j", "1:8 the text is never closed"),
        ("{\"id\": \"j\"", "1:11 the file ends where ',' or '}' was expected"),
        ("{\"id\": 01}", "1:8 numbers cannot start with 0"),
        ("{\"id\": \"a\\qb\"}", "1:10 unknown escape '\\q' in a text"),
        ("{} {}", "1:4 unexpected content after the journey"),
        ("", "1:1 the file is empty"),
        ("   \n  ", "1:1 the file holds only white space"),
        ("[1]", "1:1 a journey file must hold one JSON object"),
        ("{\"id\": tru}", "1:8 expected true or false, found 't'"),
    ])
    func syntaxErrors(json: String, expected: String) {
        // The syntax error is the last error here (one run may report several, see
        // `JSONRecoveryTests`); a type error may come before it.
        #expect(errors(json).last == expected)
        #expect(load(json).journey == nil)
    }

    @Test("invalid UTF-8 is an error at the text that holds it")
    func invalidUTF8() {
        var bytes = Array("{\n  \"id\": \"a".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\", \"title\": \"T\"}".utf8)
        let imported = JSONJourneyImporter.importJourney(from: bytes, path: "x.json")
        #expect(imported.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == ["2:10 the text is not valid UTF-8"])
        #expect(imported.journey == nil)
    }

    @Test("columns count Unicode code points, and CR, CRLF and a BOM keep positions right")
    func positions() {
        let accented = "{\"title\": \"Ñandú 🎉\", \"x\": 1}"
        #expect(errors(accented).contains("1:22 unknown key \"x\" in this journey"))
        let crlf = "\u{FEFF}{\r\n\"id\": \"j\",\r\n\"title\": \"T\",\r\n  \"x\": 1}"
        #expect(errors(crlf) == ["4:3 unknown key \"x\" in this journey"])
        let cr = "{\r\"id\": \"j\",\r\"title\": \"T\",\r  \"x\": 1}"
        #expect(errors(cr) == ["4:3 unknown key \"x\" in this journey"])
    }

    @Test("wrong types, bad enum values and missing required fields are located")
    func typesEnumsAndRequiredFields() {
        let json = """
            {
              "id": 7,
              "personas": [{ "id": "p" }],
              "channels": [{ "id": "c", "name": "C", "kind": "webb", "status": null }],
              "stages": [{ "id": "s", "name": ["S"], "touchpoints": [
                { "id": "t", "name": "T", "emotion": 1.5, "entry": "yes", "initiator": "staff", "kpis": [{ "target": "1" }], "pains": [1] }
              ] }]
            }
            """
        #expect(errors(json) == [
            "1:1 the journey has no \"title\"",
            "2:9 \"id\" must be a text, found a number",
            "3:16 a persona has no \"name\"",
            "4:50 \"kind\" must be one of web, app, email, phone, messaging, social, ads, store, mail, other, found \"webb\"",
            "4:68 \"status\" must be one of live, planned, retired, found null",
            "5:35 \"name\" must be a text, found a list",
            "6:42 emotion must be a whole number, found 1.5",
            "6:56 \"entry\" must be true or false, found a text",
            "6:76 \"initiator\" must be one of customer, business, found \"staff\"",
            "6:94 a KPI has no \"name\"",
            "6:124 \"pains\" must be a list of texts, found a number",
        ])
        let hints = load(json).diagnostics.map(\.hint)
        #expect(hints.contains("did you mean \"web\"?"))
    }

    @Test("ids must be well formed and unique within their kind; stages and touchpoints may share one")
    func ids() {
        let json = """
            {
              "id": "my journey",
              "title": "T",
              "personas": [{ "id": "p", "name": "P1" }, { "id": "p", "name": "P2" }],
              "channels": [{ "id": "9lives", "name": "C" }],
              "stages": [{ "id": "s", "name": "S", "touchpoints": [{ "id": "s", "name": "T1" }] },
                         { "id": "s2", "name": "S2", "touchpoints": [{ "id": "s", "name": "T2" }] }]
            }
            """
        #expect(errors(json) == [
            "2:9 journey id \"my journey\" is not a valid id",
            "4:53 duplicate persona id \"p\": \"P1\" at line 4 already uses it",
            "5:24 channel id \"9lives\" is not a valid id",
            "7:66 duplicate touchpoint id \"s\": \"T1\" at line 6 already uses it",
        ])
    }

    @Test("references to unknown channels, personas, touchpoints and rules are located at the reference")
    func references() {
        let json = """
            {
              "id": "j", "title": "T",
              "personas": [{ "id": "owner", "name": "Owner", "channels": ["web", "fax"] }],
              "channels": [{ "id": "web", "name": "Web" }],
              "stages": [{ "id": "s", "name": "S", "ignore": ["dead-ends"], "touchpoints": [
                { "id": "t", "name": "T", "channels": ["wbe"], "personas": ["owner", "ghost"], "next": ["t", "u"] }
              ] }]
            }
            """
        #expect(errors(json) == [
            "3:70 persona \"Owner\" refers to unknown channel \"fax\"",
            "5:51 \"ignore\" names unknown rule \"dead-ends\"",
            "6:44 touchpoint \"T\" refers to unknown channel \"wbe\"",
            "6:74 touchpoint \"T\" refers to unknown persona \"ghost\"",
            "6:98 touchpoint \"T\" refers to unknown touchpoint \"u\"",
        ])
        let hints = load(json).diagnostics.compactMap(\.hint)
        #expect(hints.contains("did you mean \"web\"?"))
        #expect(hints.contains("did you mean \"dead-end\"?"))
    }

    @Test("deep nesting in an unknown key is skipped without recursion")
    func deepNesting() {
        let depth = 100_000
        let json = "{\"id\": \"j\", \"title\": \"T\", \"extra\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(errors(json) == ["1:27 unknown key \"extra\" in this journey"])
    }

    @Test("escapes and surrogate pairs decode to the text typed")
    func escapes() throws {
        let journey = try #require(load(#"{"id": "j", "title": "a\"b\\c\/d\n\t\u00e9\ud83c\udf89"}"#).journey)
        #expect(journey.title == "a\"b\\c/d\n\té🎉")
    }
}
