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
    private struct Key: Comparable, Hashable {
        /// The element's line in the high 32 bits, its column in the low 32.
        var element: UInt64
        /// The field in the high 8 bits, the item index in the low 24.
        var item: UInt32

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.element, lhs.item) < (rhs.element, rhs.item)
        }
    }

    /// 16 bytes: the position is kept relative to the element (see `Offset`), which holds it in
    /// 32 bits for every value but those far from their element; those few are in `distant`.
    private struct Entry {
        var key: Key
        var offset: UInt32
    }

    /// Sorted by key. Importers record in document order, so nearly every `record` appends;
    /// a flat array costs a fraction of a dictionary's memory and hashing on large journeys.
    private var entries: [Entry] = []
    /// The positions whose offset does not fit an entry's 32 bits, by key.
    private var distant: [Key: UInt64] = [:]
    /// The ids' positions, as runs: an element's id is as far from the element as the id of
    /// the run's first element. Elements written alike (one persona a line, a million of them)
    /// share one run instead of an entry each (issue 17). Sorted by first element.
    private var idRuns: [IDRun] = []

    private struct IDRun {
        /// The first element of the run (its line and column, packed as in `Key`).
        var first: UInt64
        /// The last element whose id was recorded in the run.
        var last: UInt64
        /// Where the id is from the element, packed as by `Offset.pack`.
        var offset: UInt64
    }

    /// An empty map: journeys built in code have no positions.
    public init() {}

    /// Records where item `index` of `field` (0 for single values) of the element at `element` is.
    mutating func record(_ location: SourceLocation, of field: Field, index: Int = 0, in element: SourceLocation) {
        record(line: location.line, column: location.column, of: field, index: index, in: element)
    }

    /// The same, for a position in the element's file given as its line and column: an
    /// importer that knows them need not make a location (and retain its file) for each list item.
    mutating func record(line: Int, column: Int, of field: Field, index: Int = 0, in element: SourceLocation) {
        let key = Self.key(field, index, element)
        let position = Self.pack(line, column)
        if field == .id, extendIDRuns(key.element, position) { return }
        let offset = Offset.pack(position, from: key.element)
        let entry = Entry(key: key, offset: offset ?? Offset.distant)
        if offset == nil { distant[key] = position } else if !distant.isEmpty { distant[key] = nil }
        guard let last = entries.last, entry.key <= last.key else {
            // Grown by a quarter rather than doubled: the map grows beside the journey being
            // read, and a doubled array is on average a quarter empty, at worst a half.
            if entries.count == entries.capacity, entries.count >= 4096 { entries.reserveCapacity(entries.count + entries.count / 4) }
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

    /// Lets the memory that growing left unused go: an importer calls it once the file is
    /// read, before the map is kept beside the journey.
    mutating func shrinkToFit() {
        guard entries.capacity > entries.count + entries.count / 8 else { return }
        entries = entries.withUnsafeBufferPointer { Array($0) }
    }

    /// Where item `index` of `field` of the element is, or the element's own location when unknown.
    ///
    /// An id's position comes from its run; validation asks only for the position of ids it
    /// read as text, which every importer records, so an element between two recorded ids of
    /// a run is never asked about without having been recorded itself.
    public func location(of field: Field, index: Int = 0, in element: SourceLocation?) -> SourceLocation? {
        guard let element else { return nil }
        let key = Self.key(field, index, element)
        let slot = insertionIndex(of: key)
        if slot < entries.count, entries[slot].key == key {
            let offset = entries[slot].offset
            return Self.location(offset == Offset.distant ? distant[key] ?? key.element : Offset.unpack(offset, from: key.element), in: element)
        }
        if field == .id, let run = idRun(holding: key.element) {
            return Self.location(Offset.unpack64(run.offset, from: key.element), in: element)
        }
        return element
    }

    /// Adds an id recorded after every other (the usual case) to the last run, or starts a run;
    /// `false` for an id recorded out of order or far from its element, which takes an entry.
    private mutating func extendIDRuns(_ element: UInt64, _ position: UInt64) -> Bool {
        guard let offset = Offset.pack64(position, from: element) else { return false }
        guard let last = idRuns.last else {
            idRuns.append(IDRun(first: element, last: element, offset: offset))
            return true
        }
        guard element > last.last else { return false }
        if last.offset == offset {
            idRuns[idRuns.count - 1].last = element
        } else {
            idRuns.append(IDRun(first: element, last: element, offset: offset))
        }
        return true
    }

    /// The run whose first and last recorded elements enclose `element`.
    private func idRun(holding element: UInt64) -> IDRun? {
        var low = 0
        var high = idRuns.count
        while low < high {
            let middle = (low + high) / 2
            if idRuns[middle].first <= element { low = middle + 1 } else { high = middle }
        }
        guard low > 0, idRuns[low - 1].last >= element else { return nil }
        return idRuns[low - 1]
    }

    /// A value's position relative to its element's: on the element's line, the columns after
    /// it; on a later line, the lines after it and the column itself.
    private enum Offset {
        /// An entry whose position is in `distant`.
        static let distant = UInt32.max

        /// Lines after the element in the high 8 bits, the column (or columns after the
        /// element's) in the low 24; `nil` when either does not fit.
        static func pack(_ position: UInt64, from element: UInt64) -> UInt32? {
            guard let offset = pack64(position, from: element) else { return nil }
            let lines = offset >> 32, column = offset & 0xFFFF_FFFF
            guard lines < 0xFF, column <= 0xFF_FFFF else { return nil }
            return UInt32(lines << 24 | column)
        }

        static func unpack(_ offset: UInt32, from element: UInt64) -> UInt64 {
            unpack64(UInt64(offset >> 24) << 32 | UInt64(offset & 0xFF_FFFF), from: element)
        }

        /// The same offset in 32 bits each: lines after the element, and the column (or
        /// columns after the element's); `nil` for a value before its element.
        static func pack64(_ position: UInt64, from element: UInt64) -> UInt64? {
            let (line, column) = (position >> 32, position & 0xFFFF_FFFF)
            let (elementLine, elementColumn) = (element >> 32, element & 0xFFFF_FFFF)
            if line == elementLine {
                return column >= elementColumn ? column - elementColumn : nil
            }
            return line > elementLine ? (line - elementLine) << 32 | column : nil
        }

        static func unpack64(_ offset: UInt64, from element: UInt64) -> UInt64 {
            let lines = offset >> 32
            return lines == 0 ? element + offset : (element >> 32 + lines) << 32 | offset & 0xFFFF_FFFF
        }
    }

    private static func location(_ position: UInt64, in element: SourceLocation) -> SourceLocation {
        SourceLocation(file: element.file, line: Int(position >> 32), column: Int(position & 0xFFFF_FFFF))
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
