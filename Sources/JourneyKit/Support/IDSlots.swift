/// A hash table of 32-bit values keyed by ids that the caller keeps elsewhere: each slot holds
/// only a value (an element's position), and a probe reads the id back through `idOf`.
///
/// A `[String: Int]` keeps its own copy of every key and 16 more bytes beside it; with a
/// million personas that was 50 MB of a `cjm check` (issue 17). These slots take 8 bytes an id:
/// open addressing with linear probing, at most half full, so a probe ends after a slot or two.
struct IDSlots: Sendable {
    /// 0 is an empty slot, else 1 + the value.
    private var slots: [UInt32]
    /// How many values the table holds.
    private(set) var count = 0

    /// A table sized for `capacity` ids (it grows beyond that when needed).
    init(capacity: Int) {
        var slotCount = 8
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = Array(repeating: 0, count: slotCount)
    }

    /// Where `id` is in the table: its value when it has one, else the empty slot it would take.
    struct Probe {
        fileprivate let slot: Int
        /// The value stored for the id, or nil when the id is not in the table.
        let value: UInt32?
    }

    /// Finds `id`; `idOf` gives the id a stored value stands for.
    func probe(_ id: String, idOf: (UInt32) -> String) -> Probe {
        let mask = slots.count - 1
        var slot = id.hashValue & mask
        while slots[slot] != 0 {
            if idOf(slots[slot] - 1) == id { return Probe(slot: slot, value: slots[slot] - 1) }
            slot = (slot + 1) & mask
        }
        return Probe(slot: slot, value: nil)
    }

    /// Stores `value` in the empty slot `probe` found (no other insertion in between); `idOf`
    /// must already give the id for `value`, since growing the table reads it.
    mutating func fill(_ probe: Probe, with value: UInt32, idOf: (UInt32) -> String) {
        precondition(probe.value == nil && value < UInt32.max, "a slot already taken, or a value the slots cannot hold")
        slots[probe.slot] = value + 1
        count += 1
        if count * 2 > slots.count { grow(idOf: idOf) }
    }

    /// Every stored value, in no particular order.
    var values: [UInt32] {
        slots.compactMap { $0 == 0 ? nil : $0 - 1 }
    }

    private mutating func grow(idOf: (UInt32) -> String) {
        let old = slots
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = idOf(entry - 1).hashValue & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
