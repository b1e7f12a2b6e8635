@testable import JourneyKit
import Testing

/// A change to any described field shows in `cjm diff` and in the outline, so a field added to
/// `JourneyFields` cannot be forgotten there.
@Suite("Every field in the diff and the outline")
struct EveryFieldDiffTests {
    static let base = Journey(
        id: "j", title: "T", lang: "es", description: "d",
        personas: [Persona(id: "p", name: "P", description: "pd", goals: ["g"], channels: ["c"],
                           evidence: [Evidence(kind: .interview, source: "s", date: CalendarDate("2024-01-01"), note: "n")],
                           tags: ["t"], properties: [Property(name: "k", value: "v")], ignore: ["dead-end"])],
        channels: [Channel(id: "c", name: "C", kind: .web, status: .live, owner: "o", description: "cd",
                           tags: ["t"], properties: [Property(name: "k", value: "v")], ignore: ["dead-end"])],
        stages: [Stage(id: "s", name: "S", description: "sd", touchpoints: [
            Touchpoint(id: "a", name: "A", description: "ad", channels: ["c"], personas: ["p"], initiator: .customer, owner: "o",
                       emotion: 0, entry: false, momentOfTruth: false, next: ["b"], handoff: "h", pains: ["x"], opportunities: ["y"],
                       kpis: [Touchpoint.KPI(name: "k", target: "1")],
                       experiences: [Experience(persona: "p", emotion: 1, pains: ["e"], quote: "q")],
                       evidence: [Evidence(kind: .survey, source: "s", date: CalendarDate("2024-01-01"), note: "n")],
                       backstage: [BackstageStep(name: "b", lane: .backstage, owner: "o", description: "bd")],
                       tags: ["t"], properties: [Property(name: "k", value: "v")], ignore: ["dead-end"]),
            Touchpoint(id: "b", name: "B"),
        ], tags: ["t"], properties: [Property(name: "k", value: "v")], ignore: ["dead-end"]), Stage(id: "s2", name: "S2")],
        scenarios: [Scenario(id: "sc", name: "Sc", description: "scd", channels: [.init(channel: "c", status: .planned)])],
        tags: ["t"], properties: [Property(name: "k", value: "v")], ignore: ["dead-end"], jsonSchema: "x.json")

    typealias Edit = @Sendable (inout Journey) -> Void

    /// One edit per described field, named `element.field`; the test fails when a described field has none.
    static let edits: [String: Edit] = {
        var edits: [String: Edit] = [
            "journey.title": { $0.title = "T2" }, "journey.lang": { $0.lang = "en" }, "journey.description": { $0.description = "d2" },
            "journey.uses": { $0.uses = ["shared/people.catalog.json"] }, "journey.audience": { $0.audience = ["p"] },
            "journey.personas": { $0.personas.append(Persona(id: "p2", name: "P2")) },
            "journey.channels": { $0.channels.append(Channel(id: "c2", name: "C2")) },
            "journey.stages": { $0.stages.reverse() }, "journey.scenarios": { $0.scenarios[0].id = "sc2" },
            "journey.tags": { $0.tags = ["u"] }, "journey.properties": { $0.properties[0].value = "w" }, "journey.ignore": { $0.ignore = [] },
            "persona.name": { $0.personas[0].name = "P2" }, "persona.description": { $0.personas[0].description = nil },
            "persona.goals": { $0.personas[0].goals = [] }, "persona.channels": { $0.personas[0].channels = [] },
            "persona.evidence": { $0.personas[0].evidence = [] }, "persona.tags": { $0.personas[0].tags = [] },
            "persona.properties": { $0.personas[0].properties = [] }, "persona.ignore": { $0.personas[0].ignore = [] },
            "channel.name": { $0.channels[0].name = "C2" }, "channel.kind": { $0.channels[0].kind = .app },
            "channel.status": { $0.channels[0].status = .retired }, "channel.owner": { $0.channels[0].owner = nil },
            "channel.description": { $0.channels[0].description = nil }, "channel.tags": { $0.channels[0].tags = [] },
            "channel.properties": { $0.channels[0].properties = [] }, "channel.ignore": { $0.channels[0].ignore = [] },
            "stage.name": { $0.stages[0].name = "S3" }, "stage.description": { $0.stages[0].description = nil },
            "stage.touchpoints": { $0.stages[0].touchpoints.reverse() }, "stage.tags": { $0.stages[0].tags = [] },
            "stage.properties": { $0.stages[0].properties = [] }, "stage.ignore": { $0.stages[0].ignore = [] },
        ]
        let touchpoint: [String: @Sendable (inout Touchpoint) -> Void] = [
            "name": { $0.name = "A2" }, "description": { $0.description = nil }, "channels": { $0.channels = [] },
            "personas": { $0.personas = [] }, "initiator": { $0.initiator = .business }, "owner": { $0.owner = nil },
            "emotion": { $0.emotion = -1 }, "entry": { $0.entry = true }, "momentOfTruth": { $0.momentOfTruth = true },
            "next": { $0.next = [] }, "handoff": { $0.handoff = nil }, "journey": { $0.journey = "other" }, "pains": { $0.pains = [] }, "opportunities": { $0.opportunities = [] },
            "kpis": { $0.kpis = [] }, "experiences": { $0.experiences = [] }, "evidence": { $0.evidence = [] },
            "backstage": { $0.backstage = [] }, "tags": { $0.tags = [] }, "properties": { $0.properties = [] }, "ignore": { $0.ignore = [] },
            "kpi.name": { $0.kpis[0].name = "k2" }, "kpi.target": { $0.kpis[0].target = nil },
            "experience.persona": { $0.experiences[0].persona = "q" }, "experience.emotion": { $0.experiences[0].emotion = nil },
            "experience.pains": { $0.experiences[0].pains = [] }, "experience.quote": { $0.experiences[0].quote = nil },
            "evidence.kind": { $0.evidence[0].kind = .assumption }, "evidence.source": { $0.evidence[0].source = "s2" },
            "evidence.date": { $0.evidence[0].date = nil }, "evidence.note": { $0.evidence[0].note = nil },
            "backstage.name": { $0.backstage[0].name = "b2" }, "backstage.lane": { $0.backstage[0].lane = .system },
            "backstage.owner": { $0.backstage[0].owner = nil }, "backstage.description": { $0.backstage[0].description = nil },
        ]
        for (name, edit) in touchpoint {
            edits[name.contains(".") ? name : "touchpoint." + name] = { edit(&$0.stages[0].touchpoints[0]) }
        }
        edits["scenario.name"] = { $0.scenarios[0].name = "Sc2" }
        edits["scenario.description"] = { $0.scenarios[0].description = nil }
        edits["scenario.channels"] = { $0.scenarios[0].channels[0].status = .live }
        return edits
    }()

    /// Ids match elements rather than being compared; `$schema` is not part of the journey.
    static let notCompared: Set<String> = [
        "journey.$schema", "journey.id", "persona.id", "channel.id", "stage.id", "touchpoint.id", "scenario.id",
    ]

    @Test("every described field has an edit here")
    func everyFieldHasAnEdit() {
        let described = Set(JourneyFields.elements.flatMap { element in JourneyFields.fields(of: element).map { "\(element).\($0.json)" } })
        #expect(described.subtracting(Self.notCompared).subtracting(Self.edits.keys).sorted() == [])
    }

    @Test("a change to any field shows in cjm diff and in the outline")
    func everyChangeShows() {
        let outline = JourneyOutlineWriter.write(Self.base)
        for (name, edit) in Self.edits.sorted(by: { $0.key < $1.key }) {
            var changed = Self.base
            edit(&changed)
            #expect(changed != Self.base, "\(name): the edit changes nothing")
            let diff = JourneyDiff.compare(old: Self.base, oldFindings: [], new: changed, newFindings: [])
            #expect(!diff.changes.isEmpty, "cjm diff misses a change to \(name)")
            #expect(JourneyOutlineWriter.write(changed) != outline, "the outline misses a change to \(name)")
        }
    }
}
