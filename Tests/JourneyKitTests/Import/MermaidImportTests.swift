import Foundation
@testable import JourneyKit
import Testing

@Suite("Mermaid import")
struct MermaidImportTests {
    /// Imports one diagram that must give exactly one journey.
    func importOne(_ text: String, path: String = "t.mmd", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ImportedJourney {
        let result = MermaidJourneyImporter.importFile(from: Array(text.utf8), path: path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
        #expect(result.journeys.count == 1, sourceLocation: sourceLocation)
        return try #require(result.journeys.first, sourceLocation: sourceLocation)
    }

    /// `line:column: severity: message` of each diagnostic, for compact assertions.
    func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test("the example of Mermaid's documentation: My working day")
    func documentationExample() throws {
        let url = Paths.fixtures.appendingPathComponent("mermaid/my-working-day.mmd")
        let imported = MermaidJourneyImporter.importFile(from: try Paths.bytes(url), path: "my-working-day.mmd")
        let journey = try #require(imported.journeys.first?.journey)
        #expect(imported.journeys.first?.diagnostics == [])
        #expect(journey.id == "my-working-day")
        #expect(journey.title == "My working day")
        #expect(journey.description == MermaidJourneyImporter.channelsNote)
        #expect(journey.personas.map(\.id) == ["me", "cat"])
        #expect(journey.personas.map(\.name) == ["Me", "Cat"])
        #expect(journey.channels.isEmpty)
        try #require(journey.stages.map(\.id) == ["go-to-work", "go-home"])
        #expect(journey.stages.map(\.name) == ["Go to work", "Go home"])
        let touchpoints = Array(journey.touchpoints)
        try #require(touchpoints.map(\.name) == ["Make tea", "Go upstairs", "Do work", "Go downstairs", "Sit down"])
        #expect(touchpoints.map(\.id) == ["make-tea", "go-upstairs", "do-work", "go-downstairs", "sit-down"])
        #expect(touchpoints.map(\.emotion) == [2, 0, -2, 2, 2])
        #expect(touchpoints.map(\.personas) == [["me"], ["me"], ["me", "cat"], ["me"], ["me"]])
        #expect(touchpoints.allSatisfy { $0.channels.isEmpty })
        // Positions point at the diagram's lines.
        #expect(journey.location?.line == 1)
        #expect(journey.stages[1].location?.line == 7)
        #expect(touchpoints[2].location.map { "\($0.line):\($0.column)" } == "6:7")
    }

    @Test("%% and # comments are skipped, also at the end of a line")
    func comments() throws {
        let imported = try importOne("""
            %% a comment before the diagram
            journey
              %% a comment line
              title Shop %% a trailing comment
              # a hash comment
              section Visit # trailing hash comment
                Looks around: 4: Ann %% trailing
                Leaves: 2 # no actors
            """)
        let journey = try #require(imported.journey)
        #expect(imported.diagnostics.isEmpty)
        #expect(journey.title == "Shop")
        #expect(journey.stages.map(\.name) == ["Visit"])
        #expect(journey.touchpoints.map(\.name) == ["Looks around", "Leaves"])
        #expect(journey.touchpoints.map(\.personas) == [["ann"], []])
        #expect(journey.personas.map(\.name) == ["Ann"])
    }

    @Test("accTitle is the title when there is no title; accDescr (one line or { … }) is the description")
    func accessibility() throws {
        let single = try #require(try importOne("""
            journey
              accTitle: Renewing a passport
              accDescr: From the reminder: to the new passport; in the post
              section Apply
                Fills in the form: 2: Citizen
            """).journey)
        #expect(single.title == "Renewing a passport")
        #expect(single.id == "renewing-a-passport")
        #expect(single.description == "From the reminder: to the new passport; in the post\n\n" + MermaidJourneyImporter.channelsNote)

        let multiline = try #require(try importOne("""
            journey
              title Passport
              accTitle: Not the title
              accDescr {
                First line
                second line
              }
              section Apply
                Fills in the form: 2: Citizen
            """).journey)
        #expect(multiline.title == "Passport")
        #expect(multiline.description == "First line\nsecond line\n\n" + MermaidJourneyImporter.channelsNote)
        #expect(multiline.touchpoints.map(\.name) == ["Fills in the form"])

        let unclosed = try importOne("journey\n  accDescr {\n  never closed\n  section A\n")
        #expect(summary(unclosed.diagnostics) == ["2:12: error: `accDescr {` is never closed"])
    }

    @Test("scores outside 1…5, non-numbers, decimals and missing scores are located errors")
    func badScores() throws {
        let imported = try importOne("""
            journey
              section S
                Zero: 0: Me
                Six: 6
                Words: great: Me
                Half:  4.5
                Empty: : Me
                No score at all
                Good: 5: Me
            """)
        #expect(summary(imported.diagnostics) == [
            "3:11: error: score 0 of \"Zero\" is outside 1…5",
            "4:10: error: score 6 of \"Six\" is outside 1…5",
            "5:12: error: score \"great\" of \"Words\" is not a number",
            "6:12: error: score 4.5 of \"Half\" is not a whole number from 1 to 5",
            "7:11: error: the task \"Empty\" has no score",
            "8:20: error: the task \"No score at all\" has no score",
        ])
        #expect(!imported.isValid)
        #expect(imported.diagnostics.allSatisfy { $0.hint?.contains("1 (very unhappy) to 5 (delighted)") == true })
        // The good task still comes through, so a caller can show what was understood.
        #expect(imported.journey?.touchpoints.map(\.name) == ["Good"])
    }

    @Test("a file with a bad score: the error names the line of the task")
    func badScoreFixture() throws {
        let url = Paths.fixtures.appendingPathComponent("mermaid/bad-score.mmd")
        let imported = MermaidJourneyImporter.importFile(from: try Paths.bytes(url), path: "bad-score.mmd")
        let journey = try #require(imported.journeys.first)
        #expect(journey.diagnostics.map(\.location.description) == ["bad-score.mmd:5:29"])
        #expect(journey.diagnostics.first?.message == "score 0 of \"Waits for the refund\" is outside 1…5")
    }

    @Test("a task without actors is for every persona: empty persona list")
    func missingActors() throws {
        let journey = try #require(try importOne("journey\n section A\n  Alone: 3\n  Trailing colon: 3:\n  With: 3: Bo\n").journey)
        #expect(journey.touchpoints.map(\.personas) == [[], [], ["bo"]])
        #expect(journey.personas.map(\.id) == ["bo"])
    }

    @Test("a task before any section goes into an implicit stage, with a warning, as Mermaid draws it in an unnamed section")
    func taskBeforeSection() throws {
        let imported = try importOne("journey\n  title T\n  Wakes up: 2: Me\n  section Day\n  Works: 3: Me\n")
        #expect(summary(imported.diagnostics) == [
            "3:3: warning: the task \"Wakes up\" comes before any section; cjm puts it in a stage named \"(no section)\"",
        ])
        #expect(imported.isValid)
        let journey = try #require(imported.journey)
        try #require(journey.stages.map(\.name) == ["(no section)", "Day"])
        #expect(journey.stages.map(\.id) == ["no-section", "day"])
        #expect(journey.stages[0].touchpoints.map(\.name) == ["Wakes up"])
    }

    @Test("duplicate names get unique, stable ids: -2, -3")
    func duplicateNames() throws {
        let journey = try #require(try importOne("""
            journey
              section Visit
                Calls: 3: Ann
                Calls: 2: ann
                Calls: 1: Ann
              section Visit
                Waits: 3: ANN
            """).journey)
        #expect(journey.touchpoints.map(\.id) == ["calls", "calls-2", "calls-3", "waits"])
        #expect(journey.stages.map(\.id) == ["visit", "visit-2"])
        // Actors are people by exact name, as Mermaid colours them; ids stay unique.
        #expect(journey.personas.map(\.id) == ["ann", "ann-2", "ann-3"])
        #expect(journey.personas.map(\.name) == ["Ann", "ann", "ANN"])
        #expect(journey.touchpoints.map(\.personas) == [["ann"], ["ann-2"], ["ann"], ["ann-3"]])
    }

    @Test("ids are ASCII slugs: accents folded, punctuation dropped, digits first get a prefix")
    func derivedIDs() throws {
        let journey = try #require(try importOne("""
            journey
              title Tienda: ¿compra por WhatsApp?
              section 1º contacto
                Botón «Pregúntanos»: 4: María, Łukasz Żółć, Jürgen Groß, 東京
                !!!: 3: O'Brien
            """).journey)
        #expect(journey.id == "tienda-compra-por-whatsapp")
        #expect(journey.stages.map(\.id) == ["stage-1-contacto"])
        #expect(journey.touchpoints.map(\.id) == ["boton-preguntanos", "touchpoint"])
        #expect(journey.personas.map(\.id) == ["maria", "lukasz-zolc", "jurgen-gross", "persona", "obrien"])
        #expect(journey.personas.allSatisfy { JourneyValidator.isValidID($0.id) })
        #expect(journey.touchpoints.map(\.name) == ["Botón «Pregúntanos»", "!!!"])
    }

    @Test("names with the look-alike characters cjm writes come back with the real ones")
    func specialCharacters() throws {
        let journey = try #require(try importOne("""
            journey
              title Step 1\u{2236} pay
              section Pay \u{266F}1
                \u{2060}Journey planner\u{2236} opens: 3: Dana\u{201A} hurt in an accident, 50\u{FE6A}% off
                Semi\u{204F}colon: 4
            """).journey)
        #expect(journey.title == "Step 1: pay")
        #expect(journey.stages.map(\.name) == ["Pay #1"])
        #expect(journey.touchpoints.map(\.name) == ["Journey planner: opens", "Semi;colon"])
        #expect(journey.personas.map(\.name) == ["Dana, hurt in an accident", "50%% off"])
    }

    @Test("what Mermaid rejects is an error at the place: ':' in a section, ';', a task starting with journey")
    func rejectedSyntax() throws {
        let imported = try importOne("""
            journey
              section Pay: now
              section Ok
                Pays; quickly: 3
                Journey back home: 3
                : 3: Me
                Step: 3: Me: Extra
              section
            """)
        #expect(summary(imported.diagnostics) == [
            "2:14: error: a section name cannot contain ':'",
            "4:9: error: Mermaid does not allow ';' here and stops drawing the diagram",
            "5:5: error: Mermaid reads \"Journey\" at the start of a line as the diagram's first word, not as a task",
            "6:5: error: a task needs a name before ':'",
            "7:16: warning: Mermaid ignores what follows the actors of \"Step\"",
            "8:3: error: the section has no name",
        ])
    }

    @Test("Windows line ends (CRLF), a byte-order mark and a lone CR are read like LF")
    func lineEnds() throws {
        let text = "\u{FEFF}journey\r\n  title CRLF\r\n  section A\r\n    One: 5: Me\r\n    Two: 9: Me\r\n"
        let imported = try importOne(text)
        #expect(imported.journey?.title == "CRLF")
        #expect(imported.journey?.touchpoints.map(\.name) == ["One"])
        #expect(summary(imported.diagnostics) == ["5:10: error: score 9 of \"Two\" is outside 1…5"])
        let lone = try importOne("journey\r  section A\r    One: 1\r")
        #expect(lone.journey?.touchpoints.map(\.emotion) == [-2])
    }

    @Test("Markdown: only the ```mermaid journey block is read; positions are lines of the Markdown file")
    func markdown() throws {
        let url = Paths.fixtures.appendingPathComponent("mermaid/notes.md")
        let result = MermaidJourneyImporter.importFile(from: try Paths.bytes(url), path: "notes.md")
        #expect(result.diagnostics.isEmpty)
        #expect(result.journeys.count == 1)
        let imported = try #require(result.journeys.first)
        #expect(imported.diagnostics.isEmpty)
        let journey = try #require(imported.journey)
        #expect(journey.title == "Checkout: first purchase")
        #expect(journey.location?.line == 28)
        #expect(journey.stages.map(\.name) == ["Cart", "Pay"])
        #expect(journey.touchpoints.map(\.name) == ["Adds to cart", "Sees delivery cost", "Pays by card"])
        #expect(journey.touchpoints.map(\.emotion) == [1, -1, 0])
        #expect(journey.personas.map(\.name) == ["Buyer", "Gift giver"])
        #expect(journey.touchpoints.map { $0.location?.line } == [31, 32, 34])
    }

    @Test("Markdown with several journeys gives one import each, in order")
    func severalJourneys() throws {
        let url = Paths.fixtures.appendingPathComponent("mermaid/two-journeys.md")
        let result = MermaidJourneyImporter.importFile(from: try Paths.bytes(url), path: "two-journeys.md")
        #expect(result.journeys.map { $0.journey?.title } == ["First", "Second"])
        #expect(result.journeys.map { $0.journey?.location?.line } == [4, 11])
    }

    @Test("files without a journey diagram, or not UTF-8, are one clear error")
    func notJourneys() throws {
        let flowchart = MermaidJourneyImporter.importFile(from: Array("%% c\n\n  flowchart LR\n  A --> B\n".utf8), path: "f.mmd")
        #expect(summary(flowchart.diagnostics) == ["3:3: error: not a Mermaid journey diagram: it starts with \"flowchart\""])
        #expect(flowchart.journeys.isEmpty)

        let empty = MermaidJourneyImporter.importFile(from: [], path: "e.mmd")
        #expect(summary(empty.diagnostics) == ["1:1: error: not a Mermaid journey diagram: it is empty"])

        let page = MermaidJourneyImporter.importFile(from: Array("# Page\n```mermaid\npie\n```\n".utf8), path: "p.md")
        #expect(summary(page.diagnostics) == ["1:1: error: no Mermaid journey diagram in this Markdown file (1 other Mermaid diagram was skipped)"])

        let binary = MermaidJourneyImporter.importFile(from: [0x6A, 0xFF, 0xFE], path: "b.mmd")
        #expect(summary(binary.diagnostics) == ["1:1: error: the file is not UTF-8 text"])
    }

    @Test("a diagram without title takes the file's name")
    func titleFromFileName() throws {
        let journey = try #require(try importOne("journey\n section A\n  B: 3\n", path: "docs/onboarding.mmd").journey)
        #expect(journey.title == "onboarding")
        #expect(journey.id == "onboarding")
    }
}
