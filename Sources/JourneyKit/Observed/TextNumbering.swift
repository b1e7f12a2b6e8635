/// Numbers texts in the order they are first seen (0, 1, 2…), for the case ids and touchpoint
/// names of an event log: ten million rows name half a million cases, so looking them up must
/// not make a `String` per row.
///
/// ASCII texts, which most ids are, are looked up by their bytes (`ByteKeyTable`). Other texts
/// go through a `[String: Int32]`, so that they match as Swift compares text everywhere else in
/// cjm: canonically equivalent spellings (`é` as one scalar or as `e` and an accent) are one
/// text, as they are one key in the journey's own dictionaries.
struct TextNumbering {
    private var asciiNumbers = ByteKeyTable()
    private var otherNumbers: [String: Int32] = [:]
    /// The first spelling of each number that was first seen in a non-ASCII spelling.
    private var otherSpellings: [Int32: String] = [:]
    /// How many texts have a number.
    private(set) var count: Int32 = 0

    /// The number of the ASCII text `bytes` (every byte below 0x80).
    mutating func number(ascii bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (number, inserted) = asciiNumbers.findOrInsert(bytes, value: count)
        if inserted { count += 1 }
        return number
    }

    /// The number of `text`, whatever its spelling.
    mutating func number(_ text: String) -> Int32 {
        var text = text
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.withUTF8 { number(ascii: $0) } }
        if let known = otherNumbers[text] { return known }
        // A non-ASCII text equals an ASCII one only through the three scalars whose canonical
        // decomposition is an ASCII character; the table must then find the same number.
        let asciiForm = Self.asciiEquivalent(of: text)
        if let form = asciiForm, let known = form.withUnsafeBufferPointer({ asciiNumbers.find($0) }) {
            otherNumbers[text] = known
            return known
        }
        let new = count
        count += 1
        otherNumbers[text] = new
        otherSpellings[new] = text
        asciiForm?.withUnsafeBufferPointer { _ = asciiNumbers.findOrInsert($0, value: new) }
        return new
    }

    /// The number of the ASCII text `bytes`, or `nil` when it has none.
    func find(ascii bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        asciiNumbers.find(bytes)
    }

    /// Each number's text, in its first spelling, by number.
    func texts() -> [String] {
        var texts = Array(repeating: "", count: Int(count))
        asciiNumbers.forEach { key, number in
            if otherSpellings[number] == nil { texts[Int(number)] = String(decoding: key, as: UTF8.self) }
        }
        for (number, text) in otherSpellings { texts[Int(number)] = text }
        return texts
    }

    /// `text` in ASCII when it is canonically equivalent to an ASCII text: the Kelvin sign is
    /// `K`, the Greek question mark `;` and the Greek varia `` ` `` (Unicode's only singleton
    /// decompositions into ASCII); `nil` otherwise.
    static func asciiEquivalent(of text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            case 0x212A: bytes.append(UInt8(ascii: "K"))
            case 0x037E: bytes.append(UInt8(ascii: ";"))
            case 0x1FEF: bytes.append(UInt8(ascii: "`"))
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self) == text ? bytes : nil
    }
}

/// A hash table from byte strings to numbers that looks keys up without allocating: keys are
/// kept back to back in one array, and a slot holds a key's hash, value, start and length, so
/// that a lookup reads one slot and, when the hashes match, the key's bytes — two places in
/// memory, which matters once half a million case ids no longer fit in the cache.
struct ByteKeyTable {
    private struct Slot {
        var hash: UInt32 = 0
        var value: Int32 = 0
        var keyStart = 0
        /// -1 for an empty slot.
        var keyCount = -1
    }

    private var keyBytes: [UInt8] = []
    private var slots = [Slot](repeating: Slot(), count: 64)
    private var count = 0

    /// The value of `key`, or `nil`.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        var position = Int(hash) & (slots.count - 1)
        while slots[position].keyCount >= 0 {
            if slots[position].hash == hash, equals(slots[position], key) { return slots[position].value }
            position = (position + 1) & (slots.count - 1)
        }
        return nil
    }

    /// The value of `key`, after giving it `value` when it had none.
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> (value: Int32, inserted: Bool) {
        let hash = Self.hash(key)
        var position = Int(hash) & (slots.count - 1)
        while slots[position].keyCount >= 0 {
            if slots[position].hash == hash, equals(slots[position], key) { return (slots[position].value, false) }
            position = (position + 1) & (slots.count - 1)
        }
        slots[position] = Slot(hash: hash, value: value, keyStart: keyBytes.count, keyCount: key.count)
        keyBytes.append(contentsOf: key)
        count += 1
        // At most half full, so that probes stay short.
        if count * 2 > slots.count { grow() }
        return (value, true)
    }

    /// Calls `body` with each key and its value, in no particular order.
    func forEach(_ body: (ArraySlice<UInt8>, Int32) -> Void) {
        for slot in slots where slot.keyCount >= 0 {
            body(keyBytes[slot.keyStart..<slot.keyStart + slot.keyCount], slot.value)
        }
    }

    private func equals(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard slot.keyCount == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            // An index loop: `elementsEqual` goes through iterators, several times slower on keys this short.
            for index in 0..<key.count where stored[slot.keyStart + index] != key[index] { return false }
            return true
        }
    }

    private mutating func grow() {
        var larger = [Slot](repeating: Slot(), count: slots.count * 2)
        for slot in slots where slot.keyCount >= 0 {
            var position = Int(slot.hash) & (larger.count - 1)
            while larger[position].keyCount >= 0 { position = (position + 1) & (larger.count - 1) }
            larger[position] = slot
        }
        slots = larger
    }

    /// Eight bytes at a time, multiplied and shifted so that every byte reaches the low bits
    /// that pick the slot (ids such as `c123456` differ only at their end).
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(key.count) &* multiplier
        let raw = UnsafeRawBufferPointer(key)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        while offset < raw.count {
            hash = (hash ^ UInt64(raw[offset])) &* multiplier
            offset += 1
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return UInt32(truncatingIfNeeded: hash)
    }
}
