import Foundation
import JourneyKit
import Testing

/// The rows of docs/robustness.md for the importers and the validator, round two (issue 17,
/// items 4, 5, 13, 16 and 17); `RobustnessTests.row` dispatches to them.
extension RobustnessTests {
    /// Item 4: the XML writer has no limit on a text, so the reader must not have libxml2's
    /// 10,000,000-character one either.
    func xmlHugeText() throws {
        let huge = String(repeating: "a", count: 10_000_000)
        var journey = try #require(Self.importJSON(Self.minimalJSON).journey)
        journey.description = huge
        journey.stages[0].touchpoints[0].name = huge + "b"
        let xml = try JourneyXMLWriter.write(journey)
        let back = Self.importXML(xml)
        #expect(back.isValid, "\(back.diagnostics.prefix(3))")
        #expect(back.journey?.description?.count == 10_000_000)
        #expect(back.journey?.stages.first?.touchpoints.first?.name.count == 10_000_001)
    }

    /// Item 5: a stylesheet processing instruction and `xsi:schemaLocation` survive `fmt`.
    func xmlStylesheetAndSchemaLocation() throws {
        let text = Self.minimalXML
            .edited("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"journey.xsl\"?>\n<?editor mode=\"map\"?>\n")
            .edited("<journey xmlns=\"urn:cjm:journey:1\"",
                    "<journey xmlns=\"urn:cjm:journey:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:cjm:journey:1 ../schema/journey.xsd\"")
        let imported = Self.importXML(text)
        #expect(imported.isValid, "\(imported.diagnostics)")
        #expect(imported.comments.prologInstructions == ["xml-stylesheet type=\"text/xsl\" href=\"journey.xsl\"", "editor mode=\"map\""])
        #expect(imported.comments.schemaLocation == "urn:cjm:journey:1 ../schema/journey.xsd")
        let journey = try #require(imported.journey)
        #expect(try JourneyXMLWriter.write(journey, comments: imported.comments) == text)
        // And through the command.
        let folder = try TemporaryFolder()
        let file = try folder.write(text, to: "styled.journey.xml")
        let result = try CLI.run(["fmt", file.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    /// Item 16: ids show what does not show, and names cannot reorder a message.
    func invisibleAndBidirectionalCharacters() throws {
        let text = Self.minimalJSON
            .edited("\"pay\"\n          ]", "\"p\\u200Bay\"\n          ]")
            .edited("\"name\": \"Commuter\"", "\"name\": \"שלום \\\"x\\\" 12\"")
            .edited("\"name\": \"Mobile app\"", "\"name\": \"Mobile\\u202E app\"")
            .edited("\"id\": \"counter\"", "\"id\": \"app\"")
        let imported = Self.importJSON(text)
        let messages = imported.diagnostics.map(\.message)
        #expect(messages.contains("touchpoint \"Browses the menu\" refers to unknown touchpoint \"p\\u{200B}ay\""), "\(messages)")
        #expect(messages.contains("duplicate channel id \"app\": \"Mobile\\u{202E} app\" at line 11 already uses it"), "\(messages)")
        // A right-to-left name is wrapped in a first-strong isolate, which text output keeps.
        let isolated = TerminalText.isolated("שלום \"x\" 12")
        #expect(isolated == "\u{2068}שלום \"x\" 12\u{2069}")
        #expect(TerminalText.sanitize("persona \"\(isolated)\" is unused") == "persona \"\(isolated)\" is unused")
        // A lone or overridden isolate is escaped; so is anything else that would reorder.
        #expect(TerminalText.sanitize("a\u{2068}b") == "a\\u{2068}b")
        #expect(TerminalText.sanitize("a\u{2068}b\u{202E}c\u{2069}") == "a\\u{2068}b\\u{202E}c\\u{2069}")
        #expect(TerminalText.isolated("x\u{202E}y") == "x\\u{202E}y")
        #expect(TerminalText.visibleID("a\u{200B}b\u{FEFF}c\u{00A0}d\u{2060}e") == "a\\u{200B}b\\u{FEFF}c\\u{A0}d\\u{2060}e")
        #expect(TerminalText.visibleID("book-consult") == "book-consult")
        let folder = try TemporaryFolder()
        let file = try folder.write(text, to: "hidden.journey.json")
        let result = try CLI.run(["check", file.path])
        #expect(result.standardOutput.contains("refers to unknown touchpoint \"p\\u{200B}ay\""), "\(result.standardOutput)")
        #expect(!result.standardOutput.unicodeScalars.contains("\u{200B}"))
        #expect(!result.standardOutput.unicodeScalars.contains("\u{202E}"))
    }

    /// Item 17: the importers' and validator's messages say what is wrong where it is.
    func importerMessages() throws {
        // A UTF-8 BOM does not count in XML columns (it never did in JSON).
        let unknownAttribute = Self.minimalXML.edited("<persona id=", "<persona bogus=\"x\" id=")
        let plain = Self.errors(Self.importXML(unknownAttribute))
        #expect(plain == ["3:12 unknown attribute \"bogus\" on this persona"])
        let withMark = Self.errors(JourneyImporter.importJourney(from: [0xEF, 0xBB, 0xBF] + Array(unknownAttribute.utf8), path: "t.journey.xml"))
        #expect(withMark == plain)
        let firstLine = "<journey xmlns=\"urn:cjm:journey:1\" id=\"j\" title=\"T\" x=/>"
        #expect(Self.errors(JourneyImporter.importJourney(from: [0xEF, 0xBB, 0xBF] + Array(firstLine.utf8), path: "t.journey.xml"))
                == Self.errors(Self.importXML(firstLine)))

        // A file cut off inside a tag says so, once.
        let kpi = try #require(Self.minimalXML.range(of: "<kpi"))
        #expect(Self.errors(Self.importXML(Self.minimalXML[..<kpi.lowerBound] + "<des")) == ["9:7 the file ends inside an unfinished tag <des"])

        // Unclosed Mermaid front matter is not "empty".
        let mermaid = MermaidJourneyImporter.importFile(from: Array("---\ntitle: Day\njourney\n  section Morning\n    Wake: 3: Me\n".utf8),
                                                        path: "day.mmd")
        #expect(mermaid.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["1:1 the front matter opened here is never closed, so the whole diagram is read as front matter"])

        // A list inside a list; an emotion far out of range (see also row emotion-1e400).
        let goals = Self.minimalJSON.edited("\"name\": \"Commuter\"", "\"name\": \"Commuter\", \"goals\": [\"Coffee\", [\"Fast\"]]")
        #expect(Self.errors(Self.importJSON(goals)) == ["7:47 \"goals\" must be a list of texts, found a list inside the list"])

        // Empty and blank names and owners are errors, so `owner: ""` cannot pass for an owner.
        let emptyOwner = Self.minimalJSON.edited("\"owner\": \"digital\"", "\"owner\": \"\"").edited("\"name\": \"Order\"", "\"name\": \" \"")
        #expect(Self.errors(Self.importJSON(emptyOwner)) == ["15:16 \"owner\" is empty", "27:15 \"name\" is blank"])
        let xmlEmpty = Self.minimalXML.edited("owner=\"digital\"", "owner=\"\"").edited("name=\"Order\"", "name=\"\"")
        #expect(Self.errors(Self.importXML(xmlEmpty)).map { String($0.drop { $0 != " " }.dropFirst()) } == ["\"owner\" is empty", "\"name\" is empty"])
    }

    /// Item 13: a repeated `next` entry is a validation warning (the DOT export draws it once).
    func nextDuplicateEntries() {
        let text = Self.minimalJSON.edited("\"pay\"\n          ]", "\"pay\", \"pick-up\", \"pay\"\n          ]")
        let imported = Self.importJSON(text)
        #expect(imported.isValid)
        #expect(imported.diagnostics.map { "\($0.severity.rawValue) \($0.location.line):\($0.location.column) \($0.message)" }
                == ["warning 36:31 touchpoint \"Browses the menu\" lists \"pay\" in \"next\" twice"])
    }
}
