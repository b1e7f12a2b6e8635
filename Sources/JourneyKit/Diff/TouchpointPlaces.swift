/// Every touchpoint of a journey by its place, in document order, and the first place of each
/// id: the one table the diff matches touchpoints through and the DOT flow view numbers them by.
///
/// The ids are looked up as slots over the journey's own ids (`IDSlots`, 4 bytes a slot, read
/// back through the places) beside 8 bytes of place per touchpoint: a dictionary keyed by a copy
/// of every id held about 50 bytes per touchpoint (5 MB for 100k, held through a whole export;
/// 17 MB for the two journeys of a diff), issue 19, memory.
struct TouchpointPlaces {
    /// Each touchpoint's stage in the journey's stages and index there, by position (document order).
    let places: [(stage: Int32, index: Int32)]
    private let stages: [Stage]
    /// The first position of each id.
    private let slots: IDSlots

    /// The places of the touchpoints of `stages`; `visit` is told, in document order, each
    /// touchpoint's position and the first position of its id (its own, unless the id repeats).
    init(_ stages: [Stage], visit: (_ position: Int32, _ first: Int32) -> Void = { _, _ in }) {
        var places: [(stage: Int32, index: Int32)] = []
        places.reserveCapacity(stages.reduce(0) { $0 + $1.touchpoints.count })
        for (stageIndex, stage) in stages.enumerated() {
            for index in stage.touchpoints.indices { places.append((Int32(stageIndex), Int32(index))) }
        }
        func id(at position: UInt32) -> String { Self.id(at: position, places: places, stages: stages) }
        var slots = IDSlots(capacity: places.count)
        for position in places.indices {
            // Ids are unique in a valid journey; a repeated one keeps its first position.
            let probe = slots.probe(id(at: UInt32(position)), idOf: id(at:))
            if probe.value == nil { slots.fill(probe, with: UInt32(position), idOf: id(at:)) }
            visit(Int32(position), probe.value.map { Int32(bitPattern: $0) } ?? Int32(position))
        }
        self.places = places
        self.stages = stages
        self.slots = slots
    }

    /// How many touchpoints there are.
    var count: Int { places.count }

    /// The position of the first touchpoint with `id`, if there is one.
    func position(of id: String) -> Int32? {
        slots.probe(id) { Self.id(at: $0, places: places, stages: stages) }.value.map { Int32(bitPattern: $0) }
    }

    /// The place of the first touchpoint with `id`, if there is one.
    subscript(id: String) -> (stage: Int32, index: Int32)? {
        position(of: id).map { places[Int($0)] }
    }

    /// The id of the touchpoint at `position`, read where it is.
    private static func id(at position: UInt32, places: [(stage: Int32, index: Int32)], stages: [Stage]) -> String {
        let (stage, index) = places[Int(position)]
        return stages[Int(stage)].touchpoints[Int(index)].id
    }
}
