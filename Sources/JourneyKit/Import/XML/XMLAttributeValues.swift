/// The attributes of one element as UTF-8 bytes, refilled for each element: once its two
/// buffers have grown, reading an element's attributes allocates nothing.
struct XMLAttributeBytes {
    /// Every name and value, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Where each attribute's name and value are in `bytes`, in document order; an element
    /// has a dozen attributes at most, so a list is faster than a dictionary here.
    private var entries: [(name: Range<Int>, value: Range<Int>)] = []

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    mutating func append(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        let nameStart = bytes.count
        bytes.append(contentsOf: name)
        let valueStart = bytes.count
        bytes.append(contentsOf: value)
        entries.append((nameStart..<valueStart, valueStart..<bytes.count))
    }

    /// Where the value of the first attribute called `name` is in `bytes`.
    func valueRange(of name: XMLAttributeName) -> Range<Int>? {
        // Compared as two byte buffers: a generic walk over `String.UTF8View` cost more than the rest.
        name.spelling.withUnsafeBufferPointer { wanted in
            bytes.withUnsafeBufferPointer { all in
                entries.first { $0.name.count == wanted.count && UnsafeBufferPointer(rebasing: all[$0.name]).elementsEqual(wanted) }?.value
            }
        }
    }
}

/// The names of a vocabulary (elements, attributes), matched from libxml2's or the file's bytes
/// by length and first letter: matching one compares at most a few spellings (`name`, `next`
/// and `note` share both), where a walk over every name compared each in turn.
struct XMLNameTable<Name: Sendable>: Sendable {
    private let names: [Name]
    private let spellings: [[UInt8]]
    private let longest: Int
    /// The indices of the names of each length and first letter (`a` to `z`).
    private let candidates: [[Int]]

    /// A table of `names`, each spelled by its text in lowercase ASCII letters first.
    init(_ names: [(Name, String)]) {
        self.names = names.map(\.0)
        spellings = names.map { Array($0.1.utf8) }
        longest = spellings.map(\.count).max() ?? 0
        var candidates = [[Int]](repeating: [], count: (longest + 1) * 26)
        for (index, spelling) in spellings.enumerated() { candidates[Self.slot(spelling.count, spelling[0])].append(index) }
        self.candidates = candidates
    }

    private static func slot(_ count: Int, _ first: UInt8) -> Int { count * 26 + Int(first - UInt8(ascii: "a")) }

    /// The name spelled by `bytes` exactly (a prefixed name such as `xsi:type` is none).
    func name(spelledBy bytes: UnsafeBufferPointer<UInt8>) -> Name? {
        guard let first = bytes.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"), bytes.count <= longest else { return nil }
        for index in candidates[Self.slot(bytes.count, first)] where spellings[index].elementsEqual(bytes) { return names[index] }
        return nil
    }
}

/// The attribute names of the journey vocabulary.
///
/// An element's attributes are matched against them once, into an `XMLAttributeIndex`, so that
/// reading a field is a look-up by number: walking the attributes and comparing names for each
/// field read (a touchpoint reads a dozen from about eight attributes) was a tenth of the
/// reader's own work.
enum XMLAttributeName: Int, CaseIterable {
    case id, name, title, lang, audience, ignore, href, channels, personas, kind, status, owner, initiator
    case emotion, entry, momentOfTruth, next, handoff, journey, target, persona, source, date, note, lane, ref

    /// The name as written in a file, for messages.
    var text: String { Self.texts[rawValue] }
    /// The name's UTF-8 bytes.
    var spelling: [UInt8] { Self.spellings[rawValue] }

    private static let texts: [String] = allCases.map { "\($0)" }
    private static let spellings: [[UInt8]] = texts.map { Array($0.utf8) }
    private static let table = XMLNameTable(allCases.map { ($0, $0.text) })

    /// The vocabulary name spelled by `bytes` exactly.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let name = Self.table.name(spelledBy: bytes) else { return nil }
        self = name
    }
}

/// Which of an element's attributes as written has each vocabulary name, filled once per
/// element into a buffer the reader reuses.
struct XMLAttributeIndex {
    /// The position in the element's attributes of the one named by each `XMLAttributeName`, or -1.
    private var positions = [Int32](repeating: -1, count: XMLAttributeName.allCases.count)

    /// Indexes `attributes`; the first of two with the same name wins, as a search would find it.
    mutating func fill(_ attributes: [XMLSourceText.RawAttribute], in source: XMLSourceText) {
        for index in positions.indices { positions[index] = -1 }
        for (position, attribute) in attributes.enumerated() {
            guard let name = XMLAttributeName(source.nameBytes(of: attribute)), positions[name.rawValue] < 0 else { continue }
            positions[name.rawValue] = Int32(position)
        }
    }

    /// The position of the attribute called `name`, if the element has one.
    subscript(name: XMLAttributeName) -> Int? {
        let position = positions[name.rawValue]
        return position < 0 ? nil : Int(position)
    }
}

/// The attributes of one element: their positions from the source, and their values from the
/// source too when they are as written there (`valuesAreAsWritten`), else from libxml2.
struct XMLAttributes {
    var values: XMLAttributeBytes
    var raw: [XMLSourceText.RawAttribute]
    var source: XMLSourceText
    var element: SourceLocation
    /// Whether each value is the one of `raw` as written, so that it is read in place and its
    /// byte `i` is at `valueOffset + i` in the file; otherwise `values` holds libxml2's values.
    var valuesAreAsWritten: Bool
    /// Which of `raw` has each name.
    var index: XMLAttributeIndex

    /// The value of the attribute `name`, as a new string.
    subscript(_ name: XMLAttributeName) -> String? {
        withBytes(of: name) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` applied to the bytes of the attribute `name`'s value, if the element has one.
    func withBytes<Result>(of name: XMLAttributeName, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        if valuesAreAsWritten {
            guard let attribute = rawAttribute(name) else { return nil }
            return try body(source.valueAsWritten(of: attribute))
        }
        guard let range = values.valueRange(of: name) else { return nil }
        return try values.bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func rawAttribute(_ name: XMLAttributeName) -> XMLSourceText.RawAttribute? {
        index[name].map { raw[$0] }
    }
}

/// Turning attribute values into model fields: each value is checked and located at its
/// position in the source, with the JSON importer's messages.
extension XMLJourneyReader {
    func valueLocation(_ attributes: XMLAttributes, _ name: XMLAttributeName) -> SourceLocation {
        attributes.rawAttribute(name).map { source.location(ofOffset: $0.valueOffset) } ?? attributes.element
    }

    mutating func id(_ attributes: XMLAttributes, kind: String) -> String {
        guard let value = attributes.withBytes(of: .id, { interned(utf8: $0) }) else { return "" }
        sourceMap.record(valueLocation(attributes, .id), of: .id, in: attributes.element)
        return value
    }

    /// The attribute's text, with an error when it is empty or blank (see `EmptyText`).
    mutating func nonEmptyText(_ attributes: XMLAttributes, _ name: XMLAttributeName) -> String? {
        guard let text = attributes[name] else { return nil }
        // A visible ASCII first character says something: most names need no further look.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return text }
        if let problem = EmptyText.problem(key: name.text, text: text) {
            diagnostics.append(.error(problem.message, at: valueLocation(attributes, name), hint: problem.hint))
        }
        return text
    }

    mutating func idList(_ attributes: XMLAttributes, _ name: XMLAttributeName, _ field: SourceMap.Field) -> [String] {
        guard let items = attributes.withBytes(of: name, { value in
            // Channel and persona lists repeat from touchpoint to touchpoint: the same value
            // gives the same array, stored once.
            guard field == .channels || field == .personas else { return splitIDs(value) }
            if let items = internedLists.list(spelledBy: value) { return items }
            let items = splitIDs(value)
            internedLists.insert(items, spelledBy: value)
            return items
        }) else { return [] }
        let raw = attributes.rawAttribute(name)
        if attributes.valuesAreAsWritten, let raw {
            // The value is the source itself: each item's position is where it starts in the
            // value, found in the one pass instead of a second scan into an array of offsets.
            // A value read as written has no line break, so every item is on the value's line,
            // and its column is the value's plus the characters (UTF-8 lead bytes) before it.
            let start = source.location(ofOffset: raw.valueOffset)
            var column = start.column
            var index = 0
            var inItem = false
            for byte in source.valueAsWritten(of: raw) {
                if Self.isXMLSpace(byte) {
                    inItem = false
                } else if !inItem {
                    inItem = true
                    sourceMap.record(line: start.line, column: column, of: field, index: index, in: attributes.element)
                    index += 1
                }
                if byte & 0xC0 != 0x80 { column += 1 }
            }
            return items
        }
        let offsets = raw.map { source.itemOffsets(of: $0) } ?? []
        for index in items.indices {
            let location = offsets.count == items.count
                ? source.location(ofOffset: offsets[index]) : valueLocation(attributes, name)
            sourceMap.record(location, of: field, index: index, in: attributes.element)
        }
        return items
    }

    /// The whitespace-separated items of a list value, each interned. Split on bytes: XML
    /// white space is ASCII, and neither a Character walk nor a String per item is needed.
    mutating func splitIDs(_ value: UnsafeBufferPointer<UInt8>) -> [String] {
        var items: [String] = []
        var start: Int?
        for index in value.indices {
            if Self.isXMLSpace(value[index]) {
                if let first = start { items.append(interned(utf8: UnsafeBufferPointer(rebasing: value[first..<index]))) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { items.append(interned(utf8: UnsafeBufferPointer(rebasing: value[first...]))) }
        return items
    }

    /// A reference to another element (`handoff`, an experience's `persona`), interned like ids.
    mutating func reference(_ attributes: XMLAttributes, _ name: XMLAttributeName) -> String? {
        attributes.withBytes(of: name) { interned(utf8: $0) }
    }

    static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ attributes: XMLAttributes, _ name: XMLAttributeName
    ) -> Value? where Value.RawValue == String {
        guard let text = attributes[name] else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        diagnostics.append(.error(
            "\"\(name.text)\" must be one of \(allowed.joined(separator: ", ")), found \"\(text)\"",
            at: valueLocation(attributes, name), hint: ChoiceHint.hint(for: text, as: Value.self)))
        return nil
    }

    mutating func bool(_ attributes: XMLAttributes, _ name: XMLAttributeName) -> Bool? {
        guard let text = attributes[name] else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(
                "\"\(name.text)\" must be true or false, found \"\(text)\"", at: valueLocation(attributes, name),
                hint: Suggestion.hint(for: text, among: ["true", "false"], fallback: "write \(name.text)=\"true\" or leave it out")))
            return nil
        }
    }

    mutating func date(_ attributes: XMLAttributes, _ name: XMLAttributeName) -> CalendarDate? {
        guard let text = attributes[name] else { return nil }
        if let date = CalendarDate(text) { return date }
        diagnostics.append(.error(CalendarDate.problem(with: text, key: name.text), at: valueLocation(attributes, name), hint: CalendarDate.hint))
        return nil
    }

    mutating func emotion(_ attributes: XMLAttributes) -> Int? {
        guard let text = attributes[.emotion] else { return nil }
        let hint = "emotion goes from -2 (very unhappy) through 0 (neutral) to 2 (delighted)"
        let location = valueLocation(attributes, .emotion)
        // Trimming walks Characters; a value without white space (the usual "-1") needs none.
        let trimmed = text.utf8.contains(where: Self.isXMLSpace) ? text.trimmingXMLSpace() : text
        guard let value = Int(trimmed) else {
            diagnostics.append(.error(Touchpoint.emotionProblem(written: trimmed, shown: "\"\(text)\""), at: location, hint: hint))
            return nil
        }
        guard Touchpoint.emotionRange.contains(value) else {
            diagnostics.append(.error("emotion \(value) is out of range", at: location, hint: hint))
            return nil
        }
        return value
    }
}

extension String {
    /// Without leading and trailing XML white space (space, tab, line feed, carriage return).
    func trimmingXMLSpace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
