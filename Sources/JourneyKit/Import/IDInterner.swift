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
/// holds one slot per distinct id and never more than twice that.
private struct ByteKeyedIDs {
    private struct Slot {
        var hash: Int
        var id: String
    }

    private var slots: [Slot?] = []
    private var count = 0

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if 2 * (count + 1) > slots.count { grow() }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var index = hash & mask
        while let slot = slots[index] {
            if slot.hash == hash, Self.spells(slot.id, bytes) { return slot.id }
            index = (index + 1) & mask
        }
        let id = String(decoding: bytes, as: UTF8.self)
        slots[index] = Slot(hash: hash, id: id)
        count += 1
        return id
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: max(64, old.count * 2))
        let mask = slots.count - 1
        for case let slot? in old {
            var index = slot.hash & mask
            while slots[index] != nil { index = (index + 1) & mask }
            slots[index] = slot
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
