/// Ids read from one file, so that an element's id and every reference to it share one string.
///
/// Swift keeps texts of up to 15 UTF-8 bytes inline; a longer id (`touchpoint-12345`) is an
/// allocation of its own each time it is read. Keeping the first and handing it out again for
/// each later reference saves that allocation for every `next` entry and other reference
/// (issue 19: names and ids stored once).
struct IDInterner {
    private var longIDsByBytes = ByteKeyedIDs()

    /// The id spelled by the UTF-8 bytes `utf8`: an id seen before is found without making a
    /// `String` first. Bytes are matched exactly, so the id keeps the spelling of the file.
    mutating func callAsFunction(utf8: UnsafeBufferPointer<UInt8>) -> String {
        utf8.count > 15 ? longIDsByBytes.intern(utf8) : String(decoding: utf8, as: UTF8.self)
    }
}

/// An open-addressing table of strings found by their UTF-8 bytes.
///
/// Hashed with the standard library's `Hasher`, which is seeded per process, so ids written to
/// collide cannot make probing quadratic; kept at most half full, and grown by doubling, so it
/// holds one slot per distinct id and never more than twice that. A slot is the 32-bit number
/// of an id in `ids` (4 bytes, where a hash and a string took 24): the table lives while a
/// file is read, beside the growing journey, at the peak of the import's memory.
private struct ByteKeyedIDs {
    /// Each distinct id, in the order first read.
    private var ids: [String] = []
    /// The number of an id in `ids` plus one; 0 for an empty slot.
    private var slots: [UInt32] = []

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if 2 * (ids.count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var index = Self.hash(bytes) & mask
        while slots[index] != 0 {
            let id = ids[Int(slots[index] - 1)]
            if Self.spells(id, bytes) { return id }
            index = (index + 1) & mask
        }
        let id = String(decoding: bytes, as: UTF8.self)
        ids.append(id)
        slots[index] = UInt32(ids.count)
        return id
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: max(64, slots.count * 2))
        let mask = slots.count - 1
        for number in ids.indices {
            var id = ids[number]
            var index = id.withUTF8 { Self.hash($0) } & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = UInt32(number + 1)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    /// Whether `id`'s UTF-8 is exactly `bytes`.
    private static func spells(_ id: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = id.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? utf8.elementsEqual(bytes)
    }
}
