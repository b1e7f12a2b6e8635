@testable import JourneyKit
import Testing

/// The compact storage of positions (issue 17 item 13): a persona's location split between
/// its line and column and a box shared per file, and the ids' positions kept as runs.
@Suite("Compact positions")
struct CompactPositionTests {
    @Test("a persona's location reads back as set, and copies do not share a change of it")
    func personaLocation() {
        let here = SourceLocation(file: "f.journey.json", line: 7, column: 3)
        var persona = Persona(id: "p", name: "P", location: here)
        #expect(persona.location == here)
        let copy = persona
        persona.location = SourceLocation(file: "other.journey.xml", line: 1, column: 2)
        persona.description = "changed"
        #expect(copy.location == here && copy.description == nil)
        #expect(persona.location == SourceLocation(file: "other.journey.xml", line: 1, column: 2))
        persona.location = nil
        #expect(persona.location == nil && persona.description == "changed")
        #expect(Persona(id: "p", name: "P").location == nil)
        #expect(Persona(id: "p", name: "P", location: SourceLocation(file: "", line: 0, column: 0)).location != nil)
    }

    @Test("ids' positions kept as runs read back exactly, in and out of order, near and far")
    func idPositionRuns() {
        var map = SourceMap()
        var expected: [(element: Int, idLine: Int, idColumn: Int)] = []
        for line in 1...2_000 {
            let element = SourceLocation(file: "f", line: line * 3, column: 5)
            // Mostly the same distance; every 7th on the next line, every 100th far away.
            let id = switch line {
            case _ where line % 100 == 0: (line * 3 + 2, 40_000_000)
            case _ where line % 7 == 0: (line * 3 + 1, 9)
            default: (line * 3, 11)
            }
            map.record(SourceLocation(file: "f", line: id.0, column: id.1), of: .id, in: element)
            map.record(SourceLocation(file: "f", line: line * 3, column: 30), of: .next, index: 1, in: element)
            expected.append((line * 3, id.0, id.1))
            if line % 100 == 0 {
                // Hundreds of lines after its element: kept apart from the 16-byte entries.
                map.record(SourceLocation(file: "f", line: line * 3 + 300, column: 7), of: .next, index: 2, in: element)
            }
        }
        // Recorded out of order, and again (the last one counts).
        let early = SourceLocation(file: "f", line: 4, column: 1)
        map.record(SourceLocation(file: "f", line: 4, column: 60), of: .id, in: early)
        map.record(SourceLocation(file: "f", line: 5, column: 2), of: .id, in: SourceLocation(file: "f", line: expected[10].element, column: 5))
        expected[10].idLine = 5
        expected[10].idColumn = 2
        for (line, idLine, idColumn) in expected {
            let element = SourceLocation(file: "f", line: line, column: 5)
            #expect(map.location(of: .id, in: element) == SourceLocation(file: "f", line: idLine, column: idColumn))
            #expect(map.location(of: .next, index: 1, in: element) == SourceLocation(file: "f", line: line, column: 30))
            #expect(map.location(of: .next, index: 0, in: element) == element)
            #expect(map.location(of: .next, index: 2, in: element) == (line % 300 == 0 ? SourceLocation(file: "f", line: line + 300, column: 7) : element))
        }
        #expect(map.location(of: .id, in: early) == SourceLocation(file: "f", line: 4, column: 60))
        // Before the first id and after the last, an element is its own answer.
        let before = SourceLocation(file: "f", line: 1, column: 1)
        let after = SourceLocation(file: "f", line: 9_000, column: 1)
        #expect(map.location(of: .id, in: before) == before && map.location(of: .id, in: after) == after)
    }
}
