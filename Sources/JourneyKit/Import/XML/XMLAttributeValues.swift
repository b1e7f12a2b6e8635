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
    func valueRange(of name: String) -> Range<Int>? {
        var name = name
        // Compared as two byte buffers: a generic walk over `String.UTF8View` cost more than the rest.
        return name.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { all in
                entries.first { $0.name.count == wanted.count && UnsafeBufferPointer(rebasing: all[$0.name]).elementsEqual(wanted) }?.value
            }
        }
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

    /// The value of the attribute `name`, as a new string.
    subscript(_ name: String) -> String? {
        withBytes(of: name) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` applied to the bytes of the attribute `name`'s value, if the element has one.
    func withBytes<Result>(of name: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        if valuesAreAsWritten {
            guard let attribute = rawAttribute(name) else { return nil }
            return try body(source.valueAsWritten(of: attribute))
        }
        guard let range = values.valueRange(of: name) else { return nil }
        return try values.bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func rawAttribute(_ name: String) -> XMLSourceText.RawAttribute? {
        var name = name
        return name.withUTF8 { wanted in raw.first { source.attribute($0, isNamed: wanted) } }
    }
}

/// Turning attribute values into model fields: each value is checked and located at its
/// position in the source, with the JSON importer's messages.
extension XMLJourneyReader {
    func valueLocation(_ attributes: XMLAttributes, _ name: String) -> SourceLocation {
        attributes.rawAttribute(name).map { source.location(ofOffset: $0.valueOffset) } ?? attributes.element
    }

    mutating func id(_ attributes: XMLAttributes, kind: String) -> String {
        guard let value = attributes.withBytes(of: "id", { interned(utf8: $0) }) else { return "" }
        sourceMap.record(valueLocation(attributes, "id"), of: .id, in: attributes.element)
        return value
    }

    /// The attribute's text, with an error when it is empty or blank (see `EmptyText`).
    mutating func nonEmptyText(_ attributes: XMLAttributes, _ name: String) -> String? {
        guard let text = attributes[name] else { return nil }
        // A visible ASCII first character says something: most names need no further look.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return text }
        if let problem = EmptyText.problem(key: name, text: text) {
            diagnostics.append(.error(problem.message, at: valueLocation(attributes, name), hint: problem.hint))
        }
        return text
    }

    mutating func idList(_ attributes: XMLAttributes, _ name: String, _ field: SourceMap.Field) -> [String] {
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
            var index = 0
            var inItem = false
            for (offset, byte) in source.valueAsWritten(of: raw).enumerated() {
                if Self.isXMLSpace(byte) {
                    inItem = false
                } else if !inItem {
                    inItem = true
                    sourceMap.record(source.location(ofOffset: raw.valueOffset + offset), of: field, index: index, in: attributes.element)
                    index += 1
                }
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
    mutating func reference(_ attributes: XMLAttributes, _ name: String) -> String? {
        attributes.withBytes(of: name) { interned(utf8: $0) }
    }

    static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ attributes: XMLAttributes, _ name: String
    ) -> Value? where Value.RawValue == String {
        guard let text = attributes[name] else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        diagnostics.append(.error(
            "\"\(name)\" must be one of \(allowed.joined(separator: ", ")), found \"\(text)\"",
            at: valueLocation(attributes, name), hint: ChoiceHint.hint(for: text, as: Value.self)))
        return nil
    }

    mutating func bool(_ attributes: XMLAttributes, _ name: String) -> Bool? {
        guard let text = attributes[name] else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(
                "\"\(name)\" must be true or false, found \"\(text)\"", at: valueLocation(attributes, name),
                hint: Suggestion.hint(for: text, among: ["true", "false"], fallback: "write \(name)=\"true\" or leave it out")))
            return nil
        }
    }

    mutating func date(_ attributes: XMLAttributes, _ name: String) -> CalendarDate? {
        guard let text = attributes[name] else { return nil }
        if let date = CalendarDate(text) { return date }
        diagnostics.append(.error(CalendarDate.problem(with: text, key: name), at: valueLocation(attributes, name), hint: CalendarDate.hint))
        return nil
    }

    mutating func emotion(_ attributes: XMLAttributes) -> Int? {
        guard let text = attributes["emotion"] else { return nil }
        let hint = "emotion goes from -2 (very unhappy) through 0 (neutral) to 2 (delighted)"
        let location = valueLocation(attributes, "emotion")
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
