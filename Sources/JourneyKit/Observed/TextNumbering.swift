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

    /// The number here of each of `other`'s texts, by `other`'s number; texts new here are
    /// numbered in `other`'s order. A text first spelled in a non-ASCII form is looked up as
    /// text, so that it meets its canonical equivalents here.
    mutating func numbers(of other: TextNumbering) -> [Int32] {
        var numbers = [Int32](repeating: 0, count: Int(other.count))
        other.asciiNumbers.forEach { key, number in
            if let text = other.otherSpellings[number] {
                numbers[Int(number)] = self.number(text)
            } else {
                numbers[Int(number)] = key.withUnsafeBufferPointer { self.number(ascii: $0) }
            }
        }
        // In number order, so that the numbering does not depend on a dictionary's order.
        for (number, text) in other.otherSpellings.sorted(by: { $0.key < $1.key }) {
            numbers[Int(number)] = self.number(text)
        }
        return numbers
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
/// kept back to back in one array, entries (key and value) in the order given, and a slot is
/// 8 bytes: 32 bits of the key's hash and its entry. Half a million case ids outgrow the
/// caches, so what a lookup touches counts more than what it computes: a slot array this small
/// (8 MB for a million slots) mostly stays in the shared cache, and a hash that differs skips
/// the entry and the key without reading them.
struct ByteKeyTable {
    private struct Entry {
        var keyStart: Int
        var keyCount: Int32
        var value: Int32
    }

    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    /// 0 when empty, else the key's hash in the high 32 bits and its entry + 1 in the low ones.
    private var slots = [UInt64](repeating: 0, count: 64)

    /// The value of `key`, or `nil`.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        switch probe(key) {
        case .found(let value): value
        case .empty: nil
        }
    }

    /// The value of `key`, after giving it `value` when it had none.
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> (value: Int32, inserted: Bool) {
        let (hash, position): (UInt32, Int)
        switch probe(key) {
        case .found(let known): return (known, false)
        case .empty(let emptyHash, let emptyPosition): (hash, position) = (emptyHash, emptyPosition)
        }
        // Keys are cells of one row, far below 2 GB; a longer one could not be a key.
        entries.append(Entry(keyStart: keyBytes.count, keyCount: Int32(clamping: key.count), value: value))
        keyBytes.append(contentsOf: key)
        slots[position] = UInt64(hash) << 32 | UInt64(entries.count)
        // At most half full, so that probes stay short.
        if entries.count * 2 > slots.count { grow() }
        return (value, true)
    }

    /// Calls `body` with each key and its value, in the order given.
    func forEach(_ body: (ArraySlice<UInt8>, Int32) -> Void) {
        for entry in entries {
            body(keyBytes[entry.keyStart..<entry.keyStart + Int(entry.keyCount)], entry.value)
        }
    }

    private enum Probe {
        case found(Int32)
        /// The key's hash and the empty slot where it would go.
        case empty(UInt32, Int)
    }

    private func probe(_ key: UnsafeBufferPointer<UInt8>) -> Probe {
        let hash = Self.hash(key)
        var position = Int(hash) & (slots.count - 1)
        while slots[position] != 0 {
            let slot = slots[position]
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let entry = entries[Int(slot & 0xFFFF_FFFF) - 1]
                if Int(entry.keyCount) == key.count, keyBytes.withUnsafeBufferPointer({ stored in
                    // An index loop: `elementsEqual` goes through iterators, several times slower on keys this short.
                    for index in 0..<key.count where stored[entry.keyStart + index] != key[index] { return false }
                    return true
                }) {
                    return .found(entry.value)
                }
            }
            position = (position + 1) & (slots.count - 1)
        }
        return .empty(hash, position)
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        for slot in slots where slot != 0 {
            var position = Int(UInt32(truncatingIfNeeded: slot >> 32)) & (larger.count - 1)
            while larger[position] != 0 { position = (position + 1) & (larger.count - 1) }
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
