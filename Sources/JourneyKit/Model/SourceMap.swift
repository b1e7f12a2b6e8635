/// Where the fields that validation checks were found in a file, beyond each element's own location.
///
/// Importers fill it so that a dangling reference or a duplicate id is reported at the exact
/// value, not just at the element holding it. It is kept apart from the model so that
/// journeys built in code need none.
public struct SourceMap: Sendable {
    /// The fields whose positions are recorded.
    public enum Field: UInt8, Sendable, Hashable {
        case id, channels, personas, next, ignore, lang, tags, properties, persona, uses, audience
    }

    /// An element's location and a field item, packed so that entries compare as two integers.
    private struct Key: Comparable {
        /// The element's line in the high 32 bits, its column in the low 32.
        var element: UInt64
        /// The field in the high 8 bits, the item index in the low 24.
        var item: UInt32

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.element, lhs.item) < (rhs.element, rhs.item)
        }
    }

    private struct Entry {
        var key: Key
        /// The line in the high 32 bits, the column in the low 32.
        var position: UInt64
    }

    /// Sorted by key. Importers record in document order, so nearly every `record` appends;
    /// a flat array costs a fraction of a dictionary's memory and hashing on large journeys.
    private var entries: [Entry] = []

    /// An empty map: journeys built in code have no positions.
    public init() {}

    /// Records where item `index` of `field` (0 for single values) of the element at `element` is.
    mutating func record(_ location: SourceLocation, of field: Field, index: Int = 0, in element: SourceLocation) {
        let entry = Entry(key: Self.key(field, index, element), position: Self.pack(location.line, location.column))
        guard let last = entries.last, entry.key <= last.key else {
            entries.append(entry)
            return
        }
        let slot = insertionIndex(of: entry.key)
        if slot < entries.count, entries[slot].key == entry.key {
            entries[slot] = entry
        } else {
            entries.insert(entry, at: slot)
        }
    }

    /// Where item `index` of `field` of the element is, or the element's own location when unknown.
    public func location(of field: Field, index: Int = 0, in element: SourceLocation?) -> SourceLocation? {
        guard let element else { return nil }
        let key = Self.key(field, index, element)
        let slot = insertionIndex(of: key)
        guard slot < entries.count, entries[slot].key == key else { return element }
        let position = entries[slot].position
        return SourceLocation(file: element.file, line: Int(position >> 32), column: Int(position & 0xFFFF_FFFF))
    }

    /// The first index whose key is not less than `key`.
    private func insertionIndex(of key: Key) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func pack(_ line: Int, _ column: Int) -> UInt64 {
        UInt64(UInt32(clamping: max(0, line))) << 32 | UInt64(UInt32(clamping: max(0, column)))
    }

    private static func key(_ field: Field, _ index: Int, _ element: SourceLocation) -> Key {
        Key(element: pack(element.line, element.column),
            item: UInt32(field.rawValue) << 24 | UInt32(clamping: min(max(0, index), 0xFF_FFFF)))
    }
}
