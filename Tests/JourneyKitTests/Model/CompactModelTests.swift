@testable import JourneyKit
import Testing

/// The model stays small per element (issue 19, item 5; issue 17, item 13: a journey of a
/// million personas): rare fields out of line, compact locations, compact validation tables.
@Suite("Compact model")
struct CompactModelTests {
    /// A journey of `count` personas with an id and a name each, plus the one stage, channel and
    /// touchpoint that make it valid.
    static func personasJourney(_ count: Int) -> [UInt8] {
        var text = #"{"id":"many","title":"Many personas","personas":["#
        for index in 0..<count {
            if index > 0 { text += ",\n" }
            text += #"{"id":"p\#(index)","name":"P\#(index)"}"#
        }
        text += #"],"channels":[{"id":"web","name":"Web"}],"#
        text += #""stages":[{"id":"s","name":"S","touchpoints":[{"id":"t","name":"T","channels":["web"]}]}]}"#
        return Array(text.utf8)
    }

    @Test("a persona, a touchpoint and a location take a fraction of what they did")
    func elementSizes() {
        // Before: 136, 256 and 40 bytes (every optional field and list inline, Int line and column);
        // a persona was then 64 bytes until its location's file moved into the shared box, a
        // touchpoint 128 until its one-byte fields were declared last.
        #expect(MemoryLayout<Persona>.stride <= 48)
        #expect(MemoryLayout<Touchpoint>.stride <= 120)
        #expect(MemoryLayout.stride(ofValue: Persona(id: "p", name: "P").location) <= 24)
    }

    @Test("fields kept out of line read, change and compare as before")
    func rareFields() {
        var persona = Persona(id: "p", name: "P")
        let plain = persona
        persona.tags.append("vip")
        persona.goals = ["Pay"]
        #expect(persona.tags == ["vip"] && persona.goals == ["Pay"])
        // Copies do not share a change.
        #expect(plain.tags.isEmpty && plain.goals.isEmpty)
        var copy = persona
        copy.tags.append("new")
        #expect(persona.tags == ["vip"] && copy.tags == ["vip", "new"])
        // A field set back to its default equals one never set, with the same hash.
        persona.tags = []
        persona.goals = []
        #expect(persona == plain)
        #expect(persona.hashValue == plain.hashValue)
        #expect(Persona(id: "p", name: "P", description: "d") != plain)
        #expect(Touchpoint(id: "t", name: "T", pains: ["slow"]) == Touchpoint(id: "t", name: "T", pains: ["slow"]))
        // Locations stay out of equality.
        #expect(Persona(id: "p", name: "P", location: SourceLocation(file: "a", line: 1, column: 1)) == plain)
    }

    @Test("a location keeps its numbers, clamped to what 32 bits hold")
    func locations() {
        var location = SourceLocation(file: "f.journey.json", line: 3, column: 70_000)
        #expect(location.description == "f.journey.json:3:70000")
        location.line = -5
        #expect(location.line == 0)
        #expect(SourceLocation(file: "f", line: 1, column: 9) < SourceLocation(file: "f", line: 2, column: 1))
    }

    @Test("duplicate and unknown ids are still found with the compact id tables")
    func idTables() throws {
        let personas = (0..<1_000).map { Persona(id: "id-\($0)", name: "P\($0)") } + [Persona(id: "id-7", name: "again")]
        var table = IDTable(.personas(personas))
        for index in 0..<1_000 {
            #expect(table.insert("id-\(index)", declaredBy: .persona(Int32(index))) == nil)
        }
        #expect(table.count == 1_000 && table.contains("id-999") && !table.contains("id-1000"))
        let repeated = table.insert("id-7", declaredBy: .persona(1_000))
        let first = try #require(repeated)
        #expect(first == .persona(7))
        #expect(table.insert("from-catalog", declaredBy: .catalog(0)) == nil)
        #expect(table.insert("from-catalog", declaredBy: .catalog(1)) == .catalog(0))
        #expect(table.ids.count == 1_001 && table.ids.sorted().prefix(3) == ["from-catalog", "id-0", "id-1"])
    }

    @Test("touchpoint ids are found across stages, including stages without touchpoints")
    func touchpointTable() throws {
        let stages = [
            Stage(id: "a", name: "A", touchpoints: [Touchpoint(id: "t1", name: "T"), Touchpoint(id: "t2", name: "T")]),
            Stage(id: "empty", name: "E"),
            Stage(id: "b", name: "B", touchpoints: [Touchpoint(id: "t3", name: "T"), Touchpoint(id: "t1", name: "T")]),
        ]
        var table = IDTable(.touchpoints(of: stages))
        #expect(table.insert("t1", declaredBy: .touchpoint(stage: 0, index: 0)) == nil)
        #expect(table.insert("t2", declaredBy: .touchpoint(stage: 0, index: 1)) == nil)
        #expect(table.insert("t3", declaredBy: .touchpoint(stage: 2, index: 0)) == nil)
        #expect(table.insert("t1", declaredBy: .touchpoint(stage: 2, index: 1)) == .touchpoint(stage: 0, index: 0))
        #expect(table.contains("t3") && !table.contains("t4") && table.count == 3)
    }

    @Test("importing ten times the personas takes about ten times as long")
    func manyPersonasGrowLinearly() throws {
        let journey = Growth.expectLinear("import of personas", size: 2_000, input: Self.personasJourney) { bytes in
            JourneyImporter.importJourney(from: bytes, path: "many.journey.json", format: .json)
        }
        #expect(journey.isValid, "\(journey.diagnostics.prefix(3))")
        #expect(journey.journey?.personas.count == 20_000)
        #expect(journey.journey?.personas.last?.name == "P19999")
    }
}
