/// The ids declared for one kind of element, each with where it was first declared.
///
/// Validation keeps one per kind for the duplicate and reference checks. A `[String: Int]`
/// plus a copy of each element's name and location cost about 90 bytes an id, and its
/// rehashing held two tables at once: with a million personas that was the peak of a check
/// (issue 17). Here the ids share the model's string storage, the declaration is an index
/// into the journey, and the hash table holds 32-bit slots sized once: about 40 bytes an id.
struct IDTable {
    /// Where an id was declared: indices into the journey (12 bytes), whose name and location
    /// are read only when a message needs them.
    enum Declaration {
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

    /// The ids, in the order they were declared.
    private(set) var ids: [String] = []
    private var declarations: [Declaration] = []
    /// Open addressing with linear probing: 0 is an empty slot, else 1 + an index in `ids`.
    /// Kept at most half full, so a probe ends after a slot or two.
    private var slots: [UInt32]

    /// A table for about `capacity` ids (it grows beyond that if needed).
    init(capacity: Int) {
        slots = Array(repeating: 0, count: Self.slotCount(for: capacity))
        ids.reserveCapacity(capacity)
        declarations.reserveCapacity(capacity)
    }

    /// How many ids are declared.
    var count: Int { ids.count }

    /// Whether `id` is declared.
    func contains(_ id: String) -> Bool {
        slots[slot(of: id)] != 0
    }

    /// Declares `id`; when it was declared already, leaves the table as it is and returns the
    /// first declaration.
    mutating func insert(_ id: String, declaredBy declaration: Declaration) -> Declaration? {
        let slot = slot(of: id)
        if slots[slot] != 0 { return declarations[Int(slots[slot] - 1)] }
        ids.append(id)
        declarations.append(declaration)
        slots[slot] = UInt32(ids.count)
        if ids.count * 2 > slots.count { rehash() }
        return nil
    }

    /// The slot holding `id`, or the empty slot where it would go.
    private func slot(of id: String) -> Int {
        let mask = slots.count - 1
        var slot = id.hashValue & mask
        while slots[slot] != 0, ids[Int(slots[slot] - 1)] != id {
            slot = (slot + 1) & mask
        }
        return slot
    }

    private mutating func rehash() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, id) in ids.enumerated() {
            var slot = id.hashValue & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(index + 1)
        }
    }

    /// A power of two at least twice `capacity`.
    private static func slotCount(for capacity: Int) -> Int {
        var count = 8
        while count < capacity * 2 { count *= 2 }
        return count
    }
}
