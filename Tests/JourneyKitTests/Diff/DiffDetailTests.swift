@testable import JourneyKit
import Testing

/// Issue 16, items 14–16: values in the JSON diff, list edits in the text diff, renames.
@Suite("Diff details: values, list edits, renames")
struct DiffDetailTests {
    static let base = Journey(
        id: "shop", title: "Shop",
        personas: [Persona(id: "lucia", name: "Lucía", channels: ["web"])],
        channels: [Channel(id: "web", name: "Website", kind: .web), Channel(id: "wa-api", name: "WhatsApp Business API", kind: .messaging, status: .planned)],
        stages: [Stage(id: "buy", name: "Buy", touchpoints: [
            Touchpoint(id: "pay", name: "Pays", channels: ["web"], emotion: 0, next: ["book-consult"], pains: ["A"]),
            Touchpoint(id: "book-consult", name: "Books a consultation", channels: ["wa-api"], owner: "sales"),
        ])])

    @Test("diff --format json: a changed element has the old and new values of its changed fields, keyed by JSON field name")
    func jsonValues() throws {
        var new = Self.base
        new.channels[1].status = .live
        new.stages[0].touchpoints[0].emotion = 1
        new.stages[0].touchpoints[0].pains = ["A", "B"]
        new.stages[0].touchpoints[0].kpis = [Touchpoint.KPI(name: "NPS", target: "≥ 40")]
        let json = DiffJSONReporter().report(JourneyDiff.compare(old: Self.base, new: new))
        #expect(json.contains("""
                  "fields": [
                    "status"
                  ],
                  "old": {
                    "status": "planned"
                  },
                  "new": {
                    "status": "live"
                  }
            """))
        #expect(json.contains("""
                  "old": {
                    "emotion": 0,
                    "pains": [
                      "A"
                    ],
                    "kpis": []
                  },
            """))
        #expect(json.contains("""
                    "kpis": [
                      {
                        "name": "NPS",
                        "target": "≥ 40"
                      }
                    ]
            """))
    }

    @Test("every field's change carries its old and new values under its JourneyFields key")
    func valuesUnderDescribedKeys() {
        for (name, edit) in EveryFieldDiffTests.edits.sorted(by: { $0.key < $1.key }) {
            var changed = EveryFieldDiffTests.base
            edit(&changed)
            let diff = JourneyDiff.compare(old: EveryFieldDiffTests.base, oldFindings: [], new: changed, newFindings: [])
            let parts = name.split(separator: ".").map(String.init)
            // Nested fields (kpi.name…) change their parent field; elements added change nothing of the parent.
            let element = parts.count == 2 && ["journey", "persona", "channel", "stage", "touchpoint"].contains(parts[0]) ? parts[0] : nil
            guard let element, let change = diff.changes.first(where: { $0.entity.rawValue == element && $0.kind == .changed }) else { continue }
            let described = Set(JourneyFields.fields(of: element).map(\.json))
            #expect(change.oldValues.map(\.key) == change.newValues.map(\.key), "\(name)")
            #expect(change.oldValues.map(\.key).allSatisfy(described.contains), "\(name): \(change.oldValues.map(\.key))")
            #expect(change.oldValues.map(\.key).contains(parts[1]), "\(name): \(change.oldValues.map(\.key))")
            #expect(change.oldValues != change.newValues, "\(name)")
        }
    }

    @Test("text output shows list fields as items taken out and put in")
    func listEdits() {
        var new = Self.base
        new.stages[0].touchpoints[0].pains = ["B"]
        new.stages[0].touchpoints[0].kpis = [Touchpoint.KPI(name: "NPS")]
        let text = DiffTextReporter().report(JourneyDiff.compare(old: Self.base, new: new), oldPath: "a", newPath: "b")
        #expect(text.contains("""
                  pains:
                    - "A"
                    + "B"
                  kpis:
                    + NPS
            """), "\(text)")
        #expect(!text.contains("→ [\"B\"]"))
    }

    @Test("a renamed touchpoint is one renamed change, and its findings are neither introduced nor resolved")
    func renamedTouchpoint() throws {
        var new = Self.base
        new.stages[0].touchpoints[1].id = "book-consultation"
        new.stages[0].touchpoints[0].next = ["book-consultation"]
        let diff = JourneyDiff.compare(old: Self.base, new: new)
        let renamed = try #require(diff.changes.first { $0.entity == .touchpoint && $0.id == "book-consultation" })
        #expect(renamed.kind == .renamed)
        #expect(renamed.previousID == "book-consult")
        #expect(!diff.changes.contains { $0.kind == .added || $0.kind == .removed })
        #expect(diff.introducedFindings.isEmpty, "\(diff.introducedFindings.map(\.message))")
        #expect(diff.resolvedFindings.isEmpty, "\(diff.resolvedFindings.map(\.message))")
        let json = DiffJSONReporter().report(diff)
        #expect(json.contains("""
                  "change": "renamed",
                  "entity": "touchpoint",
                  "id": "book-consultation",
                  "from": "book-consult"
            """), "\(json)")
        let text = DiffTextReporter().report(diff, oldPath: "a", newPath: "b")
        #expect(text.contains("↷ renamed touchpoint \"Books a consultation\" (book-consult → book-consultation)"), "\(text)")
    }

    @Test("a renamed element whose name and stage stay but whose fields change is renamed with those fields; a channel id renamed too")
    func nearlyEqualRename() throws {
        var new = Self.base
        new.stages[0].touchpoints[1].id = "consult"
        new.stages[0].touchpoints[1].owner = "front desk"
        new.stages[0].touchpoints[0].next = ["consult"]
        new.channels[0].id = "website"
        new.personas[0].channels = ["website"]
        new.stages[0].touchpoints[0].channels = ["website"]
        let diff = JourneyDiff.compare(old: Self.base, new: new)
        let touchpoint = try #require(diff.changes.first { $0.id == "consult" })
        #expect(touchpoint.kind == .renamed)
        #expect(touchpoint.fieldNames == ["owner"])
        let channel = try #require(diff.changes.first { $0.entity == .channel })
        #expect(channel.kind == .renamed)
        #expect(channel.previousID == "web")
        #expect(diff.introducedFindings.isEmpty, "\(diff.introducedFindings.map(\.message))")
        #expect(diff.resolvedFindings.isEmpty, "\(diff.resolvedFindings.map(\.message))")
    }

    @Test("a different element under a new id is still added and removed")
    func notARename() {
        var new = Self.base
        new.stages[0].touchpoints[1] = Touchpoint(id: "chat", name: "Chats", channels: ["web"])
        new.stages[0].touchpoints[0].next = ["chat"]
        let kinds = JourneyDiff.compare(old: Self.base, new: new).changes.filter { $0.entity == .touchpoint }.map(\.kind)
        #expect(kinds.contains(.added) && kinds.contains(.removed) && !kinds.contains(.renamed))
    }
}
