@testable import JourneyKit
import Testing

/// The one table of touchpoint places the diff and the DOT flow view look ids up in.
@Suite("Touchpoint places")
struct TouchpointPlacesTests {
    private static let stages = [
        Stage(id: "find", name: "Find", touchpoints: [Touchpoint(id: "a", name: "A"), Touchpoint(id: "b", name: "B")]),
        Stage(id: "empty", name: "Empty"),
        Stage(id: "buy", name: "Buy", touchpoints: [Touchpoint(id: "c", name: "C"), Touchpoint(id: "a", name: "A again")]),
    ]

    @Test("places in document order; an id's first place; nil for an id no touchpoint has")
    func lookups() {
        var visited: [[Int32]] = []
        let places = TouchpointPlaces(Self.stages) { position, first in visited.append([position, first]) }
        #expect(places.count == 4)
        #expect(places.places.map { [$0.stage, $0.index] } == [[0, 0], [0, 1], [2, 0], [2, 1]])
        #expect(places.position(of: "c") == 2)
        #expect(places.position(of: "a") == 0, "a repeated id keeps its first place")
        #expect(places["b"].map { [$0.stage, $0.index] } == [0, 1])
        #expect(places.position(of: "z") == nil)
        #expect(places.position(of: "") == nil)
        #expect(visited == [[0, 0], [1, 1], [2, 2], [3, 0]])
    }

    @Test("3,000 ids across 30 stages, each found at its own position")
    func manyIDs() {
        let stages = (0..<30).map { stage in
            Stage(id: "s\(stage)", name: "S", touchpoints: (0..<100).map { Touchpoint(id: "t\(stage)-\($0)", name: "T") })
        }
        let places = TouchpointPlaces(stages)
        #expect(places.count == 3_000)
        #expect((0..<30).allSatisfy { stage in (0..<100).allSatisfy { places.position(of: "t\(stage)-\($0)") == Int32(stage * 100 + $0) } })
        #expect(places.position(of: "t30-0") == nil)
    }
}
