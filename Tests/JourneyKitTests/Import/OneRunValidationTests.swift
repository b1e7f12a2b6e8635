import Foundation
import JourneyKit
import Testing

/// Issue 16, items 5–7: one run reports every problem, and each problem says how to fix it.
@Suite("One run reports everything, with hints (issue 16)")
struct OneRunValidationTests {
    static func load(_ json: String) -> ImportedJourney {
        JSONJourneyImporter.importJourney(from: Array(json.utf8), path: "t.journey.json")
    }

    /// `line:column message` of every error, in order.
    static func errors(_ json: String) -> [String] {
        load(json).diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    static func hint(_ json: String, containing message: String) -> String? {
        load(json).diagnostics.first { $0.message.contains(message) }?.hint
    }

    /// A journey with one slip of each kind, each followed by a validation error that a run
    /// stopping at the slip would have hidden.
    static let slips = """
        {
          "id": "j",
          "title": "T",
          "personas": [ { "id": "p", "name": "P", }, ],
          "channels": [ { "id": "c", "name": "C" "status": "live" } ],
          "stages": [ { "id": "s", name: "S", "touchpoints": [
            { "id": "t1", "name": "One", "channels": ["c"], "emotion": 7 } x,
            { "id": "t2", "name": "Two", "channels": ["c"] ; "next": ["nowhere"] }
          ] } ]
        }
        """

    @Test("after trailing, missing and stray commas, an unquoted key and a stray character, reading goes on")
    func recoversFromSyntaxErrors() {
        #expect(Self.errors(Self.slips) == [
            "4:41 trailing comma before '}'",
            "4:44 trailing comma before ']'",
            "5:41 missing ',' after this entry",
            "6:28 the key name is not in double quotes",
            "7:64 emotion 7 is out of range",
            "7:68 expected ',' or ']', found 'x'",
            "8:52 expected ',' or '}', found ';'",
            "8:63 touchpoint \"Two\" refers to unknown touchpoint \"nowhere\"",
        ])
        // What was read around a syntax error is a guess: no journey is made of it.
        #expect(Self.load(Self.slips).journey == nil)
    }

    @Test("a trailing comma is located at the comma, not at the bracket after it")
    func trailingCommaAtTheComma() {
        #expect(Self.errors("{\"id\": \"j\", \"title\": \"T\",\n}") == ["1:25 trailing comma before '}'"])
        #expect(Self.errors("{\"id\": \"j\", \"title\": \"T\", \"tags\": [\"a\",\n  ]}") == ["1:39 trailing comma before ']'"])
    }

    @Test("a missing comma, a double comma, a missing value and a missing colon are each one error")
    func oneErrorPerSlip() {
        #expect(Self.errors("{\"id\": \"j\"\n \"title\": \"T\"}") == ["1:11 missing ',' after this entry"])
        #expect(Self.errors("{\"id\": \"j\",, \"title\": \"T\"}") == ["1:12 expected a key in double quotes, found ','"])
        #expect(Self.errors("{\"id\": \"j\", \"title\": , \"tags\": [\"a\" \"b\"]}") == [
            "1:22 expected a value, found ','", "1:36 missing ',' after this item",
        ])
        #expect(Self.errors("{\"id\" \"j\", \"title\": \"T\"}") == ["1:7 expected ':' after the key, found '\"'"])
        #expect(Self.errors("{'id': \"j\", \"title\": \"T\"}") == ["1:2 expected a key in double quotes, found a single quote"])
    }

    @Test("slips inside a skipped value (an unknown key's) recover too")
    func recoversInsideSkippedValues() {
        #expect(Self.errors("{\"id\": \"j\", \"title\": \"T\", \"x\": {\"a\": [1, 2,], \"b\" 3}, \"tags\": [7]}") == [
            "1:27 unknown key \"x\" in this journey",
            "1:43 trailing comma before ']'",
            "1:51 expected ':' after the key, found '3'",
            "1:64 \"tags\" must be a list of texts, found a number",
        ])
    }

    @Test("what is skipped after a stray character ends at the ',' of the same depth, not at one inside brackets")
    func skipsNestedBrackets() {
        #expect(Self.errors("{\"id\": \"j\", \"title\": \"T\", \"description\": @{\"a\": 1, \"b\": [2, 3]}, \"tags\": [7]}") == [
            "1:42 expected a value, found '@'",
            "1:75 \"tags\" must be a list of texts, found a number",
        ])
    }

    @Test("garbage stops after a bounded number of errors, and nothing loops")
    func garbageIsBounded() {
        let garbage = "{" + String(repeating: "x: ; ] ,, @ ", count: 10_000) + "}"
        let errors = Self.errors(garbage)
        #expect(errors.count <= 52)
        #expect(errors.last?.hasSuffix("too many syntax errors; cjm stopped reading here") == true
                || errors.last?.contains("expected") == true)
        // Unrecoverable: a text never closed still ends the reading, after the errors before it.
        #expect(Self.errors("{\"id\": \"j\" \"title\": \"T") == ["1:11 missing ',' after this entry", "1:21 the text is never closed"])
    }

    // MARK: Hints (item 6)

    @Test("an unknown id reference suggests an id of the right kind, also when it is cut short")
    func referenceHints() {
        let json = """
            {"id": "j", "title": "T", "personas": [{"id": "book-consultant", "name": "P"}],
             "stages": [{"id": "s", "name": "S", "touchpoints": [
               {"id": "book-consultation", "name": "B"},
               {"id": "pay", "name": "Pay", "next": ["book-consult"], "personas": ["book-consultan"]}]}]}
            """
        #expect(Self.hint(json, containing: "unknown touchpoint \"book-consult\"") == "did you mean \"book-consultation\"?")
        #expect(Self.hint(json, containing: "unknown persona \"book-consultan\"") == "did you mean \"book-consultant\"?")
        #expect(Self.hint(json.replacingOccurrences(of: "book-consult\"", with: "zzz\""), containing: "unknown touchpoint \"zzz\"")
                == "declare a touchpoint with id \"zzz\" or correct the reference")
    }

    @Test("an invalid choice suggests the allowed value it means, by spelling or by meaning", arguments: [
        ("\"kind\": \"whatsapp\"", "did you mean \"messaging\"? (cjm's word for \"whatsapp\")"),
        ("\"kind\": \"WhatsApp\"", "did you mean \"messaging\"? (cjm's word for \"WhatsApp\")"),
        ("\"status\": \"deprecated\"", "did you mean \"retired\"? (cjm's word for \"deprecated\")"),
        ("\"status\": \"planed\"", "did you mean \"planned\"?"),
    ])
    func choiceHints(field: String, hint: String) {
        let json = "{\"id\": \"j\", \"title\": \"T\", \"channels\": [{\"id\": \"c\", \"name\": \"C\", \(field)}]}"
        #expect(Self.hint(json, containing: "must be one of") == hint)
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <journey xmlns="urn:cjm:journey:1" id="j" title="T"><channel id="c" name="C" \(field.replacingOccurrences(of: "\": ", with: "=").dropFirst())/></journey>
            """
        let fromXML = XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "t.journey.xml")
        #expect(fromXML.diagnostics.contains { $0.hint == hint }, "\(fromXML.diagnostics)")
    }

    @Test("a value of the wrong shape gets an example of the right one", arguments: [
        ("\"kpis\": \"NPS\"", "write it like this: \"kpis\": [{ \"name\": \"NPS\", \"target\": \"…\" }]"),
        ("\"kpis\": [\"NPS\"]", "write it like this: \"kpis\": [{ \"name\": \"NPS\", \"target\": \"…\" }]"),
        ("\"pains\": \"Queue\"", "write it like this: \"pains\": [\"Queue\"]"),
        ("\"channels\": \"web\"", "write it like this: \"channels\": [\"web\"]"),
        ("\"pains\": [[\"a\"]]", "write it like this: \"pains\": [\"…\"]"),
        ("\"entry\": \"yes\"", "write it like this: \"entry\": true"),
        ("\"experiences\": {}", "write it like this: \"experiences\": [{ \"persona\": \"ID\" }]"),
        ("\"properties\": [\"x\"]", "write it like this: \"properties\": { \"jira\": \"CX-142\" }"),
    ])
    func shapeHints(field: String, hint: String) {
        let json = "{\"id\": \"j\", \"title\": \"T\", \"stages\": [{\"id\": \"s\", \"name\": \"S\", \"touchpoints\": [{\"id\": \"t\", \"name\": \"T\", \(field)}]}]}"
        #expect(Self.hint(json, containing: "must be") == hint)
    }

    @Test("a list inside a list of texts is called that")
    func listInsideList() {
        let json = "{\"id\": \"j\", \"title\": \"T\", \"personas\": [{\"id\": \"p\", \"name\": \"P\", \"goals\": [[\"a\"]]}]}"
        #expect(Self.errors(json) == ["1:75 \"goals\" must be a list of texts, found a list inside the list"])
    }

    // MARK: Hints in JSON reports (item 7)

    @Test("cjm check --format json gives every diagnostic and finding its hint")
    func hintsInJSONReports() throws {
        let folder = try TemporaryFolder()
        let broken = try folder.write(Self.slips, to: "broken.journey.json")
        let result = try CLI.run(["check", "--format", "json", broken.path, "samples/minimal.journey.json"])
        let report = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        try #require(files.count == 2)
        let diagnostics = try #require(files[0]["diagnostics"] as? [[String: Any]])
        let trailing = try #require(diagnostics.first { ($0["message"] as? String)?.hasPrefix("trailing comma") == true })
        #expect(trailing["hint"] as? String == "JSON does not allow a comma after the last entry; remove it")
        let unknown = try #require(diagnostics.first { ($0["message"] as? String)?.contains("nowhere") == true })
        #expect(unknown["hint"] as? String == "declare a touchpoint with id \"nowhere\" or correct the reference")
        let findings = try #require(files[1]["findings"] as? [[String: Any]])
        try #require(!findings.isEmpty)
        #expect(findings.allSatisfy { ($0["hint"] as? String)?.isEmpty == false }, "\(findings)")
    }

    // MARK: XML: every well-formedness error in one run (item 5)

    static func xmlErrors(_ xml: String) -> [String] {
        XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "t.journey.xml").diagnostics
            .filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    /// Three independent slips: an unquoted value on line 3 and on line 5, a misspelt end tag on line 6.
    static let xmlSlips = """
        <?xml version="1.0" encoding="UTF-8"?>
        <journey xmlns="urn:cjm:journey:1" id="j" title="T">
          <persona id="p" name="P" channels=web"/>
          <channel id="web" name="Web" kind="web"/>
          <stage id="s" name=S">
            <touchpoint id="t" name="T"></touchpont>
          </stage>
        </journey>
        """

    @Test("an XML file with three syntax errors reports the three, located, in one run; the cascades are left out")
    func xmlReportsEverySyntaxError() {
        #expect(Self.xmlErrors(Self.xmlSlips) == [
            "3:37 XML syntax error: Couldn't find end of Start Tag persona",
            "5:22 XML syntax error: Couldn't find end of Start Tag stage",
            "6:45 the closing tag </touchpont> does not match <touchpoint> opened on line 6",
        ])
        // A recovered tree is a guess: no journey is made of it.
        #expect(XMLJourneyImporter.importJourney(from: Array(Self.xmlSlips.utf8), path: "t.journey.xml").journey == nil)
    }

    @Test("a file ending inside an element after an earlier slip says so; an unknown entity later is named")
    func xmlLaterErrorsInCjmWords() {
        let xml = """
            <journey xmlns="urn:cjm:journey:1" id="j" title="T">
              <persona id="p" name=P/>
              <stage id="s" name="S">
                <description>Fish &chips;</description>
            """
        let errors = Self.xmlErrors(xml)
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.first?.hasPrefix("2:") == true, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("4:") && $0.contains("unknown entity \"&chips;\"") }, "\(errors)")
        #expect(errors.last?.contains("the file ends before <stage> is closed") == true, "\(errors)")
    }

    @Test("many XML slips give at most one error a line, and at most 50")
    func xmlErrorsAreBounded() {
        let xml = "<journey xmlns=\"urn:cjm:journey:1\" id=\"j\" title=\"T\">\n"
            + String(repeating: "  <stage id=\"s\" name=S\"/>\n", count: 80) + "</journey>\n"
        let errors = Self.xmlErrors(xml)
        // Three libxml2 errors a line, one reported; libxml2's reader itself gives up recovering
        // after some lines, which cjm's cap of 50 (as for JSON) also bounds.
        #expect(errors.count > 3 && errors.count <= 50, "\(errors)")
        #expect(Set(errors.map { $0.prefix { $0 != ":" } }).count == errors.count, "\(errors)")
    }
}
