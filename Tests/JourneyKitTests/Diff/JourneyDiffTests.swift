import JourneyKit
import Testing

/// A small journey to change in each test.
private func base() -> Journey {
    Journey(
        id: "shop", title: "Shop",
        personas: [Persona(id: "buyer", name: "Buyer"), Persona(id: "gift", name: "Gift giver")],
        channels: [Channel(id: "web", name: "Website", kind: .web), Channel(id: "phone", name: "Phone", kind: .phone)],
        stages: [
            Stage(id: "find", name: "Find", touchpoints: [
                Touchpoint(id: "search", name: "Searches", channels: ["web"], next: ["compare"]),
                Touchpoint(id: "compare", name: "Compares", channels: ["web"], emotion: 0),
            ]),
            Stage(id: "buy", name: "Buy", touchpoints: [
                Touchpoint(id: "pay", name: "Pays", channels: ["web"]),
                Touchpoint(id: "call", name: "Calls", channels: ["phone"]),
            ]),
        ])
}

/// `change entity id [fields]` lines, as the JSON output lists them.
private func summary(_ diff: JourneyDiff) -> [String] {
    diff.changes.map { change in
        ([change.kind.rawValue, change.entity.rawValue, change.id] + change.fieldNames).joined(separator: " ")
    }
}

@Suite("Semantic diff")
struct JourneyDiffTests {
    @Test("identical journeys have no changes")
    func identical() {
        #expect(JourneyDiff.compare(old: base(), new: base()).isEmpty)
    }

    @Test("source locations do not count as changes")
    func locationsIgnored() {
        var moved = base()
        moved.stages[0].touchpoints[0].location = SourceLocation(file: "other.xml", line: 40, column: 3)
        #expect(JourneyDiff.compare(old: base(), new: moved).isEmpty)
    }

    @Test("added, removed and changed touchpoints, with the fields that differ")
    func touchpoints() throws {
        var new = base()
        new.stages[0].touchpoints[1].emotion = -1
        new.stages[0].touchpoints[1].owner = "web team"
        new.stages[1].touchpoints.remove(at: 1)
        new.stages[1].touchpoints.append(Touchpoint(id: "chat", name: "Chats", channels: ["web"]))
        let diff = JourneyDiff.compare(old: base(), new: new)
        try #require(summary(diff) == [
            "changed touchpoint compare owner emotion",
            "added touchpoint chat",
            "removed touchpoint call",
        ])
        let emotion = diff.changes[0].fields.first { $0.field == "emotion" }
        #expect(emotion?.old == "0")
        #expect(emotion?.new == "-1")
        #expect(diff.changes[2].stageID == "buy")
    }

    @Test("a touchpoint moved to another stage is changed with field stage")
    func moved() throws {
        var new = base()
        let pay = new.stages[1].touchpoints.removeFirst()
        new.stages[0].touchpoints.append(pay)
        let diff = JourneyDiff.compare(old: base(), new: new)
        #expect(summary(diff) == ["changed touchpoint pay stage"])
        let field = try #require(diff.changes.first?.fields.first)
        #expect(field.old == "\"Buy\"")
        #expect(field.new == "\"Find\"")
    }

    @Test("reordering stages and touchpoints within a stage")
    func reordering() throws {
        var new = base()
        new.stages.swapAt(0, 1)
        new.stages[1].touchpoints.swapAt(0, 1)
        let diff = JourneyDiff.compare(old: base(), new: new)
        #expect(summary(diff) == ["changed journey shop stages", "changed stage find touchpoints"])
        let field = try #require(diff.changes.first?.fields.first)
        #expect(field.new == "buy, find")
    }

    @Test("personas, channels and stages: added, removed, changed")
    func otherElements() {
        var new = base()
        new.personas.remove(at: 1)
        new.personas.append(Persona(id: "b2b", name: "Business buyer"))
        new.personas[0].channels = ["web"]
        new.channels[1].status = .retired
        new.stages[1].name = "Purchase"
        new.stages.append(Stage(id: "support", name: "Support"))
        new.title = "Online shop"
        let diff = JourneyDiff.compare(old: base(), new: new)
        #expect(summary(diff) == [
            "changed journey shop title",
            "changed persona buyer channels",
            "added persona b2b",
            "removed persona gift",
            "changed channel phone status",
            "changed stage buy name",
            "added stage support",
        ])
    }

    @Test("a removed stage lists its touchpoints as removed")
    func removedStage() {
        var new = base()
        new.stages.remove(at: 1)
        new.stages[0].touchpoints[1].next = []
        #expect(summary(JourneyDiff.compare(old: base(), new: new)) == [
            "removed stage buy", "removed touchpoint pay", "removed touchpoint call",
        ])
    }

    @Test("an added or deleted file compares against nothing")
    func addedAndDeletedFiles() {
        let added = JourneyDiff.compare(old: nil, new: base())
        #expect(added.changes.allSatisfy { $0.kind == .added })
        #expect(added.changes.count == 2 + 2 + 2 + 4)
        let deleted = JourneyDiff.compare(old: base(), new: nil)
        #expect(deleted.changes.allSatisfy { $0.kind == .removed })
        #expect(deleted.changes.count == 10)
    }

    @Test("text report groups by stage with human names first")
    func textReport() throws {
        var new = base()
        new.stages[0].touchpoints[1].emotion = -1
        let pay = new.stages[1].touchpoints.removeFirst()
        new.stages[0].touchpoints.append(pay)
        new.stages[1].touchpoints.append(Touchpoint(id: "chat", name: "Chats \u{1B}[31mred", channels: ["web"]))
        let text = DiffTextReporter().report(JourneyDiff.compare(old: base(), new: new), oldPath: "a.json", newPath: "b.json")
        try Golden.assertMatches(text, "diff/text-report.txt")
        #expect(!text.contains("\u{1B}"), "terminal escapes typed in names are never printed raw")
    }
}
