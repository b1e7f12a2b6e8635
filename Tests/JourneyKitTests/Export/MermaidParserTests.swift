import Foundation
@testable import JourneyKit
import Testing

/// Checks cjm against Mermaid itself: `scripts/mermaid-journey.py` runs Mermaid's own parser
/// (mermaid.js bundled in the PyPI package `mmdc`, no browser) on the diagrams. CI installs
/// `mmdc`; elsewhere the tests are skipped when it is missing (`.requires(.mermaidParser)`).
@Suite("Mermaid's own parser")
struct MermaidParserTests {
    /// What Mermaid's parser read from one file.
    struct Parsed: Decodable {
        struct Task: Decodable, Equatable {
            var section: String
            var task: String
            var score: Double
            var people: [String]
        }
        var path: String
        var ok: Bool
        var error: String?
        var title: String?
        var accDescription: String?
        var sections: [String]?
        var tasks: [Task]?
    }

    /// Runs Mermaid's parser on the texts: what it read from each, in order.
    static func parse(_ texts: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Parsed] {
        let python = try ExternalTool.mermaidParser.path()
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        var paths: [String] = []
        for (index, text) in texts.enumerated() {
            let url = folder.appendingPathComponent("\(index).mmd")
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let script = Paths.repository.appendingPathComponent("scripts/mermaid-journey.py").path
        let result = try Subprocess.run(python, [script] + paths)
        // 0: every file parsed, 1: one did not; anything else (3: mmdc missing) is a failure.
        try #require(result.status == 0 || result.status == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        let decoder = JSONDecoder()
        let parsed = try result.standardOutput.split(separator: "\n").map { try decoder.decode(Parsed.self, from: Data($0.utf8)) }
        try #require(parsed.count == texts.count, "\(result.standardOutput)", sourceLocation: sourceLocation)
        return parsed
    }

    @Test("Mermaid reads every sample's export as cjm meant it: titles, sections, tasks, scores, actors",
          .requires(.mermaidParser))
    func samplesParse() throws {
        let journeys = try Paths.samples("journey.json").map { url in
            try #require(JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: Paths.relative(url)).journey)
        }
        try #require(journeys.count >= 3)
        let parsed = try Self.parse(try journeys.map { try MermaidJourneyWriter.mermaid($0) })
        for (journey, mermaid) in zip(journeys, parsed) {
            #expect(mermaid.ok, "\(journey.id): \(mermaid.error ?? "")")
            let names = Dictionary(uniqueKeysWithValues: journey.personas.map { ($0.id, $0.name) })
            #expect(mermaid.title.map { MermaidText.unescape($0) } == journey.title)
            #expect((mermaid.accDescription ?? "") == (journey.description.map(MermaidText.oneLine) ?? ""))
            #expect(mermaid.sections?.map { MermaidText.unescape($0) } == journey.stages.map(\.name))
            let expected = journey.stages.flatMap { stage in
                stage.touchpoints.map { touchpoint in
                    Parsed.Task(section: stage.name, task: touchpoint.name,
                                score: Double(MermaidJourneyWriter.score(forEmotion: touchpoint.emotion)),
                                people: touchpoint.personas.isEmpty ? journey.personas.map(\.name) : touchpoint.personas.compactMap { names[$0] })
                }
            }
            let read = mermaid.tasks?.map { task in
                Parsed.Task(section: MermaidText.unescape(task.section), task: MermaidText.unescape(task.task), score: task.score,
                            people: task.people.map { MermaidText.unescape($0, isActor: true) })
            }
            #expect(read == expected, "\(journey.id)")
        }
    }

    @Test("Mermaid reads names full of characters it treats specially without losing anything",
          .requires(.mermaidParser))
    func replacementsParse() throws {
        let journey = Journey(
            id: "j", title: "Step 1: pay; #2 %% now", description: "Line one\nline two: ok; #3 %% four",
            personas: [Persona(id: "p", name: "Dana, hurt: in; an #accident %%")],
            stages: [Stage(id: "s", name: "Pay: #1; %%x", touchpoints: [
                Touchpoint(id: "t1", name: "Asks\nfor 50%% off: now; #1", personas: ["p"], emotion: 2),
                Touchpoint(id: "t2", name: "Journey planner", emotion: -2),
                Touchpoint(id: "t3", name: "title of the form"),
                Touchpoint(id: "t4", name: "Section 3 read"),
                Touchpoint(id: "t5", name: "accDescr {x}"),
                Touchpoint(id: "t6", name: "accTitle: x"),
            ])])
        let mermaid = try #require(try Self.parse([try MermaidJourneyWriter.mermaid(journey)]).first)
        #expect(mermaid.ok, "\(mermaid.error ?? "")")
        #expect(mermaid.title.map { MermaidText.unescape($0) } == "Step 1: pay; #2 %% now")
        #expect(mermaid.accDescription == "Line one line two: ok; #3 %% four")
        #expect(mermaid.sections?.map { MermaidText.unescape($0) } == ["Pay: #1; %%x"])
        #expect(mermaid.tasks?.map { MermaidText.unescape($0.task) } == [
            "Asks for 50%% off: now; #1", "Journey planner", "title of the form", "Section 3 read", "accDescr {x}", "accTitle: x",
        ])
        #expect(mermaid.tasks?.map(\.score) == [5, 1, 3, 3, 3, 3])
        #expect(mermaid.tasks?.first?.people.map { MermaidText.unescape($0, isActor: true) } == ["Dana, hurt: in; an #accident %%"])
    }

    @Test("cjm's import reads Mermaid's documentation example and the edge cases exactly as Mermaid does",
          .requires(.mermaidParser))
    func importAgrees() throws {
        let files = ["my-working-day.mmd", "agreement.mmd"].map { Paths.fixtures.appendingPathComponent("mermaid/\($0)") }
        let texts = try files.map { try String(contentsOf: $0, encoding: .utf8) }
        let parsed = try Self.parse(texts)
        for (text, mermaid) in zip(texts, parsed) {
            #expect(mermaid.ok, "\(mermaid.error ?? "")")
            let imported = try #require(MermaidJourneyImporter.importDiagram(text).journeys.first)
            #expect(!imported.diagnostics.containsErrors)
            let journey = try #require(imported.journey)
            let names = Dictionary(uniqueKeysWithValues: journey.personas.map { ($0.id, $0.name) })
            #expect(mermaid.title.map { MermaidText.unescape($0.trimmingSpaces) } == journey.title)
            let ours = journey.stages.flatMap { stage in
                stage.touchpoints.map { touchpoint in
                    // Mermaid's unnamed section for tasks before the first one is cjm's "(no section)".
                    Parsed.Task(section: stage.name == "(no section)" ? "" : stage.name, task: touchpoint.name,
                                score: Double((touchpoint.emotion ?? 0) + 3), people: touchpoint.personas.compactMap { names[$0] })
                }
            }
            // Mermaid keeps spaces before ':' in a task name and empty actors; cjm trims and drops them.
            let theirs = mermaid.tasks?.map { task in
                Parsed.Task(section: MermaidText.unescape(task.section.trimmingSpaces), task: MermaidText.unescape(task.task.trimmingSpaces),
                            score: task.score, people: task.people.filter { !$0.isEmpty }.map { MermaidText.unescape($0, isActor: true) }
                                .reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
            }
            #expect(theirs == ours)
        }
    }

    @Test("what cjm's import rejects as invalid Mermaid, Mermaid rejects too",
          .requires(.mermaidParser))
    func rejectionsAgree() throws {
        let broken = [
            "journey\n  section A\n    Pays; now: 3: Me\n",
            "journey\n  section Pay: now\n    Pays: 3: Me\n",
            "journey\n  section A\n    Journey back home: 3: Me\n",
            "journey\n  section A\n    No score at all\n",
            "journey\n  section A\n    : 3: Me\n",
        ]
        let parsed = try Self.parse(broken)
        for (text, mermaid) in zip(broken, parsed) {
            #expect(!mermaid.ok, "Mermaid accepted \(text)")
            let imported = try #require(MermaidJourneyImporter.importDiagram(text).journeys.first)
            #expect(imported.diagnostics.containsErrors, "cjm accepted \(text)")
        }
    }
}
