import Foundation
@testable import JourneyKit
import Testing

@Suite("Mermaid export")
struct MermaidExportTests {
    static let samples = Paths.samples("journey.json")

    func sample(_ url: URL) throws -> Journey {
        let imported = JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: Paths.relative(url))
        return try #require(imported.journey)
    }

    /// `law-firm-seo` from `samples/law-firm-seo.journey.json`.
    static func name(_ url: URL) -> String {
        String(url.lastPathComponent.dropLast(".journey.json".count))
    }

    @Test("each sample has its two golden files, and each golden file a sample")
    func goldenFilesMatchSamples() throws {
        let golden = try FileManager.default.contentsOfDirectory(atPath: Paths.golden.appendingPathComponent("mermaid").path)
        let expected = Self.samples.flatMap { ["\(Self.name($0)).mmd", "\(Self.name($0)).md"] }
        #expect(Self.samples.count >= 3)
        #expect(Set(golden) == Set(expected))
    }

    @Test("Mermaid export of every sample matches its golden file", arguments: samples)
    func mermaidGolden(sample url: URL) throws {
        try Golden.assertMatches(try MermaidJourneyWriter.mermaid(try sample(url)), "mermaid/\(Self.name(url)).mmd")
    }

    @Test("Markdown export of every sample matches its golden file", arguments: samples)
    func markdownGolden(sample url: URL) throws {
        try Golden.assertMatches(try MermaidJourneyWriter.markdown(try sample(url), findings: []), "mermaid/\(Self.name(url)).md")
    }

    @Test("emotion −2…+2 becomes score 1…5; no emotion becomes 3")
    func scores() {
        #expect([-2, -1, 0, 1, 2].map { MermaidJourneyWriter.score(forEmotion: $0) } == [1, 2, 3, 4, 5])
        #expect(MermaidJourneyWriter.score(forEmotion: nil) == 3)
    }

    @Test("actors are the touchpoint's personas by name; no personas means every persona")
    func actors() throws {
        let journey = Journey(id: "j", title: "J", personas: [
            Persona(id: "a", name: "Ann"), Persona(id: "b", name: "Bo, the builder"),
        ], stages: [Stage(id: "s", name: "S", touchpoints: [
            Touchpoint(id: "t1", name: "Both", emotion: 1),
            Touchpoint(id: "t2", name: "Bo only", personas: ["b"], emotion: -2),
        ])])
        #expect(try MermaidJourneyWriter.mermaid(journey) == """
            journey
                title J
                section S
                  Both: 4: Ann, Bo\u{201A} the builder
                  Bo only: 1: Bo\u{201A} the builder

            """)
        let nobody = Journey(id: "j", title: "J", stages: [Stage(id: "s", name: "S", touchpoints: [Touchpoint(id: "t", name: "T")])])
        #expect(try MermaidJourneyWriter.mermaid(nobody).hasSuffix("      T: 3\n"))
    }

    @Test("characters Mermaid cannot carry are replaced, so nothing after them is lost")
    func replacements() throws {
        let journey = Journey(
            id: "j", title: "Step 1: pay; #2 %% now", description: "Line one\nline two: ok; #3",
            personas: [Persona(id: "p", name: " Dana, hurt:\nin an accident ")],
            stages: [Stage(id: "s", name: "Pay: #1;", touchpoints: [
                Touchpoint(id: "t1", name: "  Asks\r\nfor 50%% off: now  ", personas: ["p"]),
                Touchpoint(id: "t2", name: "Journey planner"),
                Touchpoint(id: "t3", name: "title of the form"),
                Touchpoint(id: "t4", name: "Section 3 read"),
                Touchpoint(id: "t5", name: "accDescr {x}"),
                Touchpoint(id: "t6", name: "Titles"),
                Touchpoint(id: "t7", name: " \n "),
            ])])
        let lines = try MermaidJourneyWriter.mermaid(journey).split(separator: "\n").map(String.init)
        #expect(lines == [
            "journey",
            "    title Step 1\u{2236} pay\u{204F} \u{266F}2 \u{FE6A}% now",
            "    accDescr: Line one line two: ok; #3",
            "    section Pay\u{2236} \u{266F}1\u{204F}",
            "      Asks for 50\u{FE6A}% off\u{2236} now: 3: Dana\u{201A} hurt\u{2236} in an accident",
            "      \u{2060}Journey planner: 3: Dana\u{201A} hurt\u{2236} in an accident",
            "      \u{2060}title of the form: 3: Dana\u{201A} hurt\u{2236} in an accident",
            "      \u{2060}Section 3 read: 3: Dana\u{201A} hurt\u{2236} in an accident",
            "      \u{2060}accDescr {x}: 3: Dana\u{201A} hurt\u{2236} in an accident",
            "      Titles: 3: Dana\u{201A} hurt\u{2236} in an accident",
            "      (unnamed): 3: Dana\u{201A} hurt\u{2236} in an accident",
        ])
        // Reading it back gives the names again, but for line breaks and outer spaces.
        let back = try #require(MermaidJourneyImporter.importDiagram(lines.joined(separator: "\n")).journeys.first?.journey)
        #expect(back.title == "Step 1: pay; #2 %% now")
        #expect(back.stages.map(\.name) == ["Pay: #1;"])
        #expect(back.touchpoints.map(\.name) == ["Asks for 50%% off: now", "Journey planner", "title of the form", "Section 3 read",
                                                  "accDescr {x}", "Titles", "(unnamed)"])
        #expect(back.personas.map(\.name) == ["Dana, hurt: in an accident"])
    }

    @Test("--persona keeps only the touchpoints aimed at that persona and names it in the title")
    func personaFilter() throws {
        let journey = try sample(Paths.samples.appendingPathComponent("law-firm-seo.journey.json"))
        let injured = try MermaidJourneyWriter.mermaid(journey, persona: "injured")
        #expect(injured.contains("    title Finding a lawyer online (Dana\u{2236}") == false)
        #expect(injured.contains("    title Finding a lawyer online (Dana, hurt in a car accident)\n"))
        #expect(!injured.contains("Looks the firm up on Facebook"))
        #expect(!injured.contains("Pays the retainer online"))
        #expect(injured.contains("Reads the practice-area page"))
        let owner = try MermaidJourneyWriter.mermaid(journey, persona: "business-owner")
        #expect(owner.contains("Looks the firm up on Facebook"))
        // Touchpoints aimed at everyone (no personas) are kept for any persona.
        let minimal = try sample(Paths.samples.appendingPathComponent("minimal.journey.json"))
        #expect(try MermaidJourneyWriter.mermaid(minimal, persona: "commuter").contains("Browses the menu: 3: Commuter"))
    }

    @Test("an unknown --persona is an error with a suggestion")
    func unknownPersona() throws {
        let journey = try sample(Paths.samples.appendingPathComponent("law-firm-seo.journey.json"))
        #expect(throws: UnknownPersona(id: "injred", message: "the journey has no persona \"injred\"", hint: "did you mean \"injured\"?")) {
            try MermaidJourneyWriter.mermaid(journey, persona: "injred")
        }
        #expect(throws: UnknownPersona.self) {
            try MermaidJourneyWriter.markdown(journey, findings: [], persona: "nobody-like-this")
        }
    }

    @Test("Markdown lists the findings with severity, element name, message and rule, escaped for Markdown")
    func markdownFindings() throws {
        let journey = try sample(Paths.samples.appendingPathComponent("minimal.journey.json"))
        let at = SourceLocation(file: "samples/minimal.journey.json", line: 1, column: 1)
        let findings = [
            Diagnostic(severity: .warning, message: "no channel reaches the *next* step", location: at,
                       rule: "dead-end", references: [.touchpoint: "pick-up", .stage: "collect"]),
            Diagnostic(severity: .info, message: "only one stage has a moment of truth", location: at,
                       rule: "few_moments", references: [.stage: "order"]),
            Diagnostic(severity: .error, message: "journey-wide <problem>", location: at, rule: "r"),
        ]
        let markdown = try MermaidJourneyWriter.markdown(journey, findings: findings)
        #expect(markdown.hasPrefix("# Ordering coffee ahead\n\n```mermaid\njourney\n    title Ordering coffee ahead\n"))
        #expect(markdown.hasSuffix("""
            ```

            Findings:

            - **warning** Picks up at the counter: no channel reaches the \\*next\\* step [dead-end]
            - **info** Order: only one stage has a moment of truth [few\\_moments]
            - **error** journey-wide \\<problem\\> [r]

            """))
        #expect(try MermaidJourneyWriter.markdown(journey, findings: []).hasSuffix("```\n\nNo findings.\n"))
    }

    @Test("the Markdown heading escapes the title and the fence cannot be closed by a name")
    func markdownSafety() throws {
        let journey = Journey(id: "j", title: "# Not *bold*", stages: [Stage(id: "s", name: "```", touchpoints: [
            Touchpoint(id: "t", name: "```"),
        ])])
        let markdown = try MermaidJourneyWriter.markdown(journey, findings: [])
        #expect(markdown.hasPrefix("# \\# Not \\*bold\\*\n"))
        let fenceLines = markdown.split(separator: "\n").filter { $0.hasPrefix("```") }
        #expect(fenceLines == ["```mermaid", "```"])
        // The page reads back as one journey with the same names.
        let back = MermaidJourneyImporter.importFile(from: Array(markdown.utf8), path: "page.md")
        #expect(back.journeys.first?.journey?.touchpoints.map(\.name) == ["```"])
    }

    @Test("same journey, same bytes")
    func deterministic() throws {
        try #require(Self.samples.count >= 3)
        for url in Self.samples {
            let journey = try sample(url)
            #expect(try MermaidJourneyWriter.mermaid(journey) == MermaidJourneyWriter.mermaid(journey))
        }
    }
}
