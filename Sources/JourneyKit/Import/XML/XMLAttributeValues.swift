/// The attributes of one element: their values from libxml2, their positions from the source.
struct XMLAttributes {
    /// (name, value) in document order; an element has a dozen attributes at most, so a
    /// list is faster than a dictionary here.
    var values: [(name: String, value: String)]
    var raw: [XMLSourceText.RawAttribute]
    var element: SourceLocation

    subscript(_ name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    func rawAttribute(_ name: String) -> XMLSourceText.RawAttribute? {
        raw.first { $0.name == name }
    }
}

/// Turning attribute values into model fields: each value is checked and located at its
/// position in the source, with the JSON importer's messages.
extension XMLJourneyReader {
    func valueLocation(_ attributes: XMLAttributes, _ name: String) -> SourceLocation {
        attributes.rawAttribute(name).map { source.location(ofOffset: $0.valueOffset) } ?? attributes.element
    }

    mutating func id(_ attributes: XMLAttributes, kind: String) -> String {
        guard let value = attributes["id"] else { return "" }
        sourceMap.record(valueLocation(attributes, "id"), of: .id, in: attributes.element)
        return value
    }

    /// The attribute's text, with an error when it is empty or blank (see `EmptyText`).
    mutating func nonEmptyText(_ attributes: XMLAttributes, _ name: String) -> String? {
        guard let text = attributes[name] else { return nil }
        if let problem = EmptyText.problem(key: name, text: text) {
            diagnostics.append(.error(problem.message, at: valueLocation(attributes, name), hint: problem.hint))
        }
        return text
    }

    mutating func idList(_ attributes: XMLAttributes, _ name: String, _ field: SourceMap.Field) -> [String] {
        guard let value = attributes[name] else { return [] }
        // Split on bytes, not Characters: XML white space is ASCII, and grapheme breaking costs.
        let items = value.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }).map { String(Substring($0)) }
        let offsets = attributes.rawAttribute(name).map { source.itemOffsets(of: $0) } ?? []
        for index in items.indices {
            let location = offsets.count == items.count
                ? source.location(ofOffset: offsets[index]) : valueLocation(attributes, name)
            sourceMap.record(location, of: field, index: index, in: attributes.element)
        }
        return items
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
        let trimmed = text.trimmingXMLSpace()
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
