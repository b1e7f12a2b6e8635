/// The ids declared for one kind of element, each with where it was first declared.
///
/// Validation keeps one per kind for the duplicate and reference checks. The table holds no
/// copy of the ids: a slot is the number of the declaring element, whose id is read from the
/// journey when a probe needs to compare it. With a million personas a copy of every id (16
/// bytes) and of every declaration (12) beside the slots was 28 MB of the check's peak
/// (issue 17); now the slots alone are left, 32 bits each, at most half full: 8 bytes an id.
struct IDTable {
    /// Where an id was declared: indices into the journey, whose name and location are read
    /// only when a message needs them.
    enum Declaration: Equatable {
        case persona(Int32), channel(Int32), stage(Int32), touchpoint(stage: Int32, index: Int32), scenario(Int32)
        /// A catalogue's persona or channel, an index into the validator's own list.
        case catalog(Int32)

        /// The kind of element as messages name it.
        var kind: String {
            switch self {
            case .persona: "persona"
            case .channel: "channel"
            case .stage: "stage"
            case .touchpoint: "touchpoint"
            case .scenario: "scenario"
            case .catalog: "catalogue element"
            }
        }
    }

    /// The journey's elements of the table's kind, where the ids are read (arrays shared with
    /// the journey, not copied).
    enum Elements {
        case personas([Persona]), channels([Channel]), stages([Stage]), scenarios([Scenario])
        /// Every touchpoint, numbered stage by stage: `starts[s]` is the number of stage `s`'s first.
        case touchpoints([Stage], starts: [Int])

        /// The touchpoints of `stages`, numbered in document order.
        static func touchpoints(of stages: [Stage]) -> Elements {
            var starts: [Int] = []
            starts.reserveCapacity(stages.count)
            var next = 0
            for stage in stages {
                starts.append(next)
                next += stage.touchpoints.count
            }
            return .touchpoints(stages, starts: starts)
        }

        var count: Int {
            switch self {
            case .personas(let personas): personas.count
            case .channels(let channels): channels.count
            case .stages(let stages): stages.count
            case .scenarios(let scenarios): scenarios.count
            case .touchpoints(let stages, let starts): (starts.last ?? 0) + (stages.last?.touchpoints.count ?? 0)
            }
        }
    }

    private let elements: Elements
    /// Catalogue personas or channels added after the journey's own, with their ids (a few).
    private var catalogEntries: [(id: String, declaration: Declaration)] = []
    /// Numbers (see `number(of:)`) by id, read back from `elements` while probing.
    private var slots: IDSlots
    /// How many ids are declared.
    var count: Int { slots.count }

    /// Numbers at or above this are catalogue entries; below it, the journey's elements.
    private static let catalogBit: UInt32 = 1 << 31

    /// A table for the ids of `elements` (it grows beyond their count if needed).
    init(_ elements: Elements) {
        self.elements = elements
        slots = IDSlots(capacity: elements.count)
    }

    /// Whether `id` is declared.
    func contains(_ id: String) -> Bool {
        slots.probe(id, idOf: id(ofNumber:)).value != nil
    }

    /// Every declared id, in no particular order.
    var ids: [String] {
        slots.values.map(id(ofNumber:))
    }

    /// Declares `id`, which `declaration`'s element (one of `elements`, or a catalogue's) has;
    /// when it was declared already, leaves the table as it is and returns the first declaration.
    mutating func insert(_ id: String, declaredBy declaration: Declaration) -> Declaration? {
        let probe = slots.probe(id, idOf: id(ofNumber:))
        if let first = probe.value { return self.declaration(ofNumber: first) }
        let number = number(of: declaration, id: id)
        // Growing reads ids back: from copies (shared storage), as `self` is being changed.
        let (elements, catalogEntries) = (elements, catalogEntries)
        slots.fill(probe, with: number) { Self.id(ofNumber: $0, in: elements, catalogEntries: catalogEntries) }
        return nil
    }

    private mutating func number(of declaration: Declaration, id: String) -> UInt32 {
        switch declaration {
        case .persona(let index), .channel(let index), .stage(let index), .scenario(let index):
            return UInt32(index)
        case .touchpoint(let stage, let index):
            guard case .touchpoints(_, let starts) = elements else { preconditionFailure("a touchpoint in another kind's table") }
            return UInt32(starts[Int(stage)] + Int(index))
        case .catalog:
            catalogEntries.append((id, declaration))
            return Self.catalogBit | UInt32(catalogEntries.count - 1)
        }
    }

    private func declaration(ofNumber number: UInt32) -> Declaration {
        if number & Self.catalogBit != 0 { return catalogEntries[Int(number & ~Self.catalogBit)].declaration }
        let index = Int32(number)
        switch elements {
        case .personas: return .persona(index)
        case .channels: return .channel(index)
        case .stages: return .stage(index)
        case .scenarios: return .scenario(index)
        case .touchpoints(_, let starts):
            let stage = Self.stage(holding: Int(number), starts: starts)
            return .touchpoint(stage: Int32(stage), index: Int32(Int(number) - starts[stage]))
        }
    }

    private func id(ofNumber number: UInt32) -> String {
        Self.id(ofNumber: number, in: elements, catalogEntries: catalogEntries)
    }

    private static func id(ofNumber number: UInt32, in elements: Elements, catalogEntries: [(id: String, declaration: Declaration)]) -> String {
        if number & catalogBit != 0 { return catalogEntries[Int(number & ~catalogBit)].id }
        let index = Int(number)
        switch elements {
        case .personas(let personas): return personas[index].id
        case .channels(let channels): return channels[index].id
        case .stages(let stages): return stages[index].id
        case .scenarios(let scenarios): return scenarios[index].id
        case .touchpoints(let stages, let starts):
            let stage = stage(holding: index, starts: starts)
            return stages[stage].touchpoints[index - starts[stage]].id
        }
    }

    /// The last stage whose first touchpoint's number is at most `number` (stages without
    /// touchpoints share their successor's start, and are skipped so).
    private static func stage(holding number: Int, starts: [Int]) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= number { low = middle } else { high = middle }
        }
        return low
    }
}
