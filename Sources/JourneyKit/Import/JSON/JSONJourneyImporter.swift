/// Reads journeys in the JSON format (version 1), reporting every problem with its position.
public enum JSONJourneyImporter {
    /// Reads a journey from UTF-8 JSON bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - path: The path used in diagnostics.
    ///   - validator: The id and reference checks to run after reading.
    public static func importJourney(
        from bytes: some Collection<UInt8>, path: String, validator: JourneyValidator = JourneyValidator()
    ) -> ImportedJourney {
        let run: (UnsafeBufferPointer<UInt8>) -> ImportedJourney = { buffer in
            var decoder = JSONJourneyDecoder(scanner: JSONScanner(bytes: buffer, file: path))
            return decoder.decode(validator: validator)
        }
        if let result = bytes.withContiguousStorageIfAvailable(run) { return result }
        return Array(bytes).withUnsafeBufferPointer(run)
    }
}

/// Decodes the journey model from a `JSONScanner`, collecting diagnostics instead of stopping at
/// the first problem. Only syntax errors stop it, since nothing after one can be trusted.
private struct JSONJourneyDecoder {
    var scanner: JSONScanner
    var diagnostics: [Diagnostic] = []
    var sourceMap = SourceMap()

    init(scanner: JSONScanner) {
        self.scanner = scanner
    }

    mutating func decode(validator: JourneyValidator) -> ImportedJourney {
        var journey: Journey?
        do throws(JSONSyntaxError) {
            if let encoding = TextEncoding.otherUnicodeEncoding(of: scanner.bytes) {
                diagnostics.append(.error(TextEncoding.message(for: encoding), at: scanner.currentLocation(), hint: TextEncoding.hint))
                return ImportedJourney(journey: nil, diagnostics: diagnostics)
            }
            let start = scanner.currentLocation()
            guard scanner.peekByte() != nil else {
                let onlyWhiteSpace = scanner.offset > ByteOrderMark.length(in: scanner.bytes)
                diagnostics.append(.error(onlyWhiteSpace ? "the file holds only white space" : "the file is empty", at: start,
                                          hint: "a journey file holds one JSON object with at least \"id\" and \"title\""))
                return ImportedJourney(journey: nil, diagnostics: diagnostics)
            }
            guard try scanner.valueKind() == .object else {
                diagnostics.append(.error("a journey file must hold one JSON object", at: scanner.currentLocation(),
                                          hint: "start the file with '{' and give at least \"id\" and \"title\""))
                return ImportedJourney(journey: nil, diagnostics: diagnostics)
            }
            journey = try decodeJourney()
            if scanner.peekByte() != nil {
                throw JSONSyntaxError(message: "unexpected content after the journey", offset: scanner.offset,
                                      hint: "a file holds one journey; remove what follows its closing '}'")
            }
        } catch {
            diagnostics.append(.error(error.message, at: scanner.location(ofOffset: error.offset), hint: error.hint))
            return ImportedJourney(journey: nil, diagnostics: diagnostics.sorted(), sourceMap: sourceMap)
        }
        if let journey {
            diagnostics += validator.validate(journey, sourceMap: sourceMap)
        }
        return ImportedJourney(journey: journey, diagnostics: diagnostics.sorted(), sourceMap: sourceMap)
    }

    // MARK: Elements

    mutating func decodeJourney() throws(JSONSyntaxError) -> Journey {
        let location = scanner.currentLocation()
        var journey = Journey(id: "", title: "", location: location)
        var seen = Fields(element: "journey", location: location)
        try readObject(&seen, known: JSONKeys.journey) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "$schema": journey.jsonSchema = try decoder.string(key, at: mark)
            case "id": journey.id = try decoder.id(at: mark, in: location) ?? ""
            case "title": journey.title = try decoder.string(key, at: mark) ?? ""
            case "description": journey.description = try decoder.string(key, at: mark)
            case "personas": journey.personas = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodePersona() }
            case "channels": journey.channels = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeChannel() }
            case "stages": journey.stages = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeStage() }
            case "ignore": journey.ignore = try decoder.idList(key, .ignore, at: mark, in: location)
            default: return false
            }
            return true
        }
        require(["id", "title"], in: seen, name: "the journey")
        return journey
    }

    mutating func decodePersona() throws(JSONSyntaxError) -> Persona {
        let location = scanner.currentLocation()
        var persona = Persona(id: "", name: "", location: location)
        var seen = Fields(element: "persona", location: location)
        try readObject(&seen, known: JSONKeys.persona) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": persona.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": persona.name = try decoder.string(key, at: mark) ?? ""
            case "description": persona.description = try decoder.string(key, at: mark)
            case "goals": persona.goals = try decoder.textList(key, at: mark)
            case "channels": persona.channels = try decoder.idList(key, .channels, at: mark, in: location)
            case "ignore": persona.ignore = try decoder.idList(key, .ignore, at: mark, in: location)
            default: return false
            }
            return true
        }
        require(["id", "name"], in: seen, name: "a persona")
        return persona
    }

    mutating func decodeChannel() throws(JSONSyntaxError) -> Channel {
        let location = scanner.currentLocation()
        var channel = Channel(id: "", name: "", location: location)
        var seen = Fields(element: "channel", location: location)
        try readObject(&seen, known: JSONKeys.channel) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": channel.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": channel.name = try decoder.string(key, at: mark) ?? ""
            case "kind": channel.kind = try decoder.choice(key, at: mark) ?? .other
            case "status": channel.status = try decoder.choice(key, at: mark) ?? .live
            case "owner": channel.owner = try decoder.string(key, at: mark)
            case "description": channel.description = try decoder.string(key, at: mark)
            case "ignore": channel.ignore = try decoder.idList(key, .ignore, at: mark, in: location)
            default: return false
            }
            return true
        }
        require(["id", "name"], in: seen, name: "a channel")
        return channel
    }

    mutating func decodeStage() throws(JSONSyntaxError) -> Stage {
        let location = scanner.currentLocation()
        var stage = Stage(id: "", name: "", location: location)
        var seen = Fields(element: "stage", location: location)
        try readObject(&seen, known: JSONKeys.stage) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": stage.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": stage.name = try decoder.string(key, at: mark) ?? ""
            case "description": stage.description = try decoder.string(key, at: mark)
            case "touchpoints": stage.touchpoints = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeTouchpoint() }
            case "ignore": stage.ignore = try decoder.idList(key, .ignore, at: mark, in: location)
            default: return false
            }
            return true
        }
        require(["id", "name"], in: seen, name: "a stage")
        return stage
    }

    mutating func decodeTouchpoint() throws(JSONSyntaxError) -> Touchpoint {
        let location = scanner.currentLocation()
        var touchpoint = Touchpoint(id: "", name: "", location: location)
        var seen = Fields(element: "touchpoint", location: location)
        try readObject(&seen, known: JSONKeys.touchpoint) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": touchpoint.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": touchpoint.name = try decoder.string(key, at: mark) ?? ""
            case "description": touchpoint.description = try decoder.string(key, at: mark)
            case "channels": touchpoint.channels = try decoder.idList(key, .channels, at: mark, in: location)
            case "personas": touchpoint.personas = try decoder.idList(key, .personas, at: mark, in: location)
            case "initiator": touchpoint.initiator = try decoder.choice(key, at: mark) ?? .customer
            case "owner": touchpoint.owner = try decoder.string(key, at: mark)
            case "emotion": touchpoint.emotion = try decoder.emotion(at: mark)
            case "entry": touchpoint.entry = try decoder.bool(key, at: mark) ?? false
            case "momentOfTruth": touchpoint.momentOfTruth = try decoder.bool(key, at: mark) ?? false
            case "next": touchpoint.next = try decoder.idList(key, .next, at: mark, in: location)
            case "handoff": touchpoint.handoff = try decoder.string(key, at: mark)
            case "pains": touchpoint.pains = try decoder.textList(key, at: mark)
            case "opportunities": touchpoint.opportunities = try decoder.textList(key, at: mark)
            case "kpis": touchpoint.kpis = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeKPI() }
            case "ignore": touchpoint.ignore = try decoder.idList(key, .ignore, at: mark, in: location)
            default: return false
            }
            return true
        }
        require(["id", "name"], in: seen, name: "a touchpoint")
        return touchpoint
    }

    mutating func decodeKPI() throws(JSONSyntaxError) -> Touchpoint.KPI {
        let location = scanner.currentLocation()
        var kpi = Touchpoint.KPI(name: "")
        var seen = Fields(element: "KPI", location: location)
        try readObject(&seen, known: JSONKeys.kpi) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "name": kpi.name = try decoder.string(key, at: mark) ?? ""
            case "target": kpi.target = try decoder.string(key, at: mark)
            default: return false
            }
            return true
        }
        require(["name"], in: seen, name: "a KPI")
        return kpi
    }

    // MARK: Objects and required fields

    /// The keys seen so far in one object, for duplicate and missing-key errors.
    struct Fields {
        var element: String
        var location: SourceLocation
        var firstLines = KeyLines()
    }

    /// The line of each key read so far in one object. An object has a dozen keys at most, so a
    /// short list beats hashing every key of 100k touchpoints; an object with very many keys
    /// switches to a dictionary so that it stays linear.
    struct KeyLines {
        private var list: [(key: String, line: Int)] = []
        private var dictionary: [String: Int]?

        subscript(key: String) -> Int? {
            get {
                if let dictionary { return dictionary[key] }
                return list.first { $0.key == key }?.line
            }
            set {
                if dictionary != nil {
                    dictionary?[key] = newValue
                } else if let position = list.firstIndex(where: { $0.key == key }) {
                    if let newValue { list[position].line = newValue } else { list.remove(at: position) }
                } else if let newValue {
                    list.append((key, newValue))
                    if list.count > 32 {
                        dictionary = Dictionary(list.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
                        list = []
                    }
                }
            }
        }
    }

    /// Reads an object; `body` returns `false` for a key it does not know, which is then reported and skipped.
    mutating func readObject(
        _ fields: inout Fields, known: [String],
        _ body: (inout JSONJourneyDecoder, String, JSONScanner.Mark) throws(JSONSyntaxError) -> Bool
    ) throws(JSONSyntaxError) {
        var cursor = try scanner.beginObject()
        while let (key, mark) = try scanner.nextKey(&cursor) {
            if let firstLine = fields.firstLines[key] {
                diagnostics.append(.error(
                    "duplicate key \"\(key)\" in this \(fields.element); the first is on line \(firstLine)",
                    at: scanner.location(of: mark),
                    hint: "JSON keeps only one of them, so one value would be silently lost; remove or merge one"))
                try scanner.skipValue()
                continue
            }
            fields.firstLines[key] = mark.line
            if try !body(&self, key, mark) {
                fields.firstLines[key] = nil
                diagnostics.append(.error(
                    "unknown key \"\(key)\" in this \(fields.element)", at: scanner.location(of: mark),
                    hint: Suggestion.hint(for: key, among: known, fallback: "known keys: " + known.joined(separator: ", "))))
                try scanner.skipValue()
            }
        }
    }

    mutating func require(_ keys: [String], in fields: Fields, name: String) {
        for key in keys where fields.firstLines[key] == nil {
            diagnostics.append(.error(
                "\(name) has no \"\(key)\"", at: fields.location,
                hint: "every \(fields.element) needs " + keys.map { "\"\($0)\"" }.joined(separator: " and ")))
        }
    }

    // MARK: Typed values

    /// Checks the kind of the next value; on a mismatch reports it, skips the value and returns `false`.
    mutating func expect(_ kind: JSONScanner.ValueKind, _ key: String, _ what: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> Bool {
        let found = try scanner.valueKind()
        guard found != kind else { return true }
        let valueMark = scanner.mark
        diagnostics.append(.error(
            "\"\(key)\" must be \(what), found \(found.description)", at: scanner.location(of: valueMark),
            hint: found == .null ? "leave the key out instead of writing null" : nil))
        try scanner.skipValue()
        return false
    }

    mutating func string(_ key: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> String? {
        guard try expect(.string, key, "a text", at: mark) else { return nil }
        return try scanner.readString()
    }

    mutating func id(at mark: JSONScanner.Mark, in element: SourceLocation) throws(JSONSyntaxError) -> String? {
        guard try expect(.string, "id", "a text", at: mark) else { return nil }
        _ = scanner.peekByte()
        sourceMap.record(scanner.currentLocation(), of: .id, in: element)
        return try scanner.readString()
    }

    mutating func bool(_ key: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> Bool? {
        guard try expect(.bool, key, "true or false", at: mark) else { return nil }
        return try scanner.readBool()
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ key: String, at mark: JSONScanner.Mark
    ) throws(JSONSyntaxError) -> Value? where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue)
        guard try expect(.string, key, "one of " + allowed.joined(separator: ", "), at: mark) else { return nil }
        let valueLocation = scanner.currentLocation()
        let text = try scanner.readString()
        if let value = Value(rawValue: text) { return value }
        diagnostics.append(.error(
            "\"\(key)\" must be one of \(allowed.joined(separator: ", ")), found \"\(text)\"", at: valueLocation,
            hint: Suggestion.hint(for: text, among: allowed)))
        return nil
    }

    mutating func emotion(at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> Int? {
        let hint = "emotion goes from -2 (very unhappy) through 0 (neutral) to 2 (delighted)"
        guard try expect(.number, "emotion", "a whole number from -2 to 2", at: mark) else { return nil }
        _ = scanner.peekByte()
        let valueLocation = scanner.currentLocation()
        switch try scanner.readNumber() {
        case .integer(let value) where Touchpoint.emotionRange.contains(value):
            return value
        case .integer(let value):
            diagnostics.append(.error("emotion \(value) is out of range", at: valueLocation, hint: hint))
        case .other(let text):
            diagnostics.append(.error("emotion must be a whole number, found \(text)", at: valueLocation, hint: hint))
        }
        return nil
    }

    mutating func list<Element>(
        _ key: String, at mark: JSONScanner.Mark,
        _ element: (inout JSONJourneyDecoder) throws(JSONSyntaxError) -> Element
    ) throws(JSONSyntaxError) -> [Element] {
        guard try expect(.array, key, "a list", at: mark) else { return [] }
        var elements: [Element] = []
        var cursor = try scanner.beginArray()
        while let itemMark = try scanner.nextItem(&cursor) {
            guard try expect(.object, key, "a list of objects", at: itemMark) else { continue }
            elements.append(try element(&self))
        }
        return elements
    }

    mutating func textList(_ key: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> [String] {
        try stringList(key, at: mark) { _, _, _ in }
    }

    mutating func idList(
        _ key: String, _ field: SourceMap.Field, at mark: JSONScanner.Mark, in element: SourceLocation
    ) throws(JSONSyntaxError) -> [String] {
        try stringList(key, at: mark) { decoder, index, location in
            decoder.sourceMap.record(location, of: field, index: index, in: element)
        }
    }

    private mutating func stringList(
        _ key: String, at mark: JSONScanner.Mark, record: (inout JSONJourneyDecoder, Int, SourceLocation) -> Void
    ) throws(JSONSyntaxError) -> [String] {
        guard try expect(.array, key, "a list of texts", at: mark) else { return [] }
        var strings: [String] = []
        var cursor = try scanner.beginArray()
        while let itemMark = try scanner.nextItem(&cursor) {
            guard try expect(.string, key, "a list of texts", at: itemMark) else { continue }
            record(&self, strings.count, scanner.location(of: itemMark))
            strings.append(try scanner.readString())
        }
        return strings
    }
}

/// The keys of each JSON object, in canonical order; shared by the importer's "did you mean"
/// hints and the writer.
enum JSONKeys {
    static let journey = ["$schema", "id", "title", "description", "personas", "channels", "stages", "ignore"]
    static let persona = ["id", "name", "description", "goals", "channels", "ignore"]
    static let channel = ["id", "name", "kind", "status", "owner", "description", "ignore"]
    static let stage = ["id", "name", "description", "touchpoints", "ignore"]
    static let touchpoint = [
        "id", "name", "description", "channels", "personas", "initiator", "owner", "emotion", "entry",
        "momentOfTruth", "next", "handoff", "pains", "opportunities", "kpis", "ignore",
    ]
    static let kpi = ["name", "target"]
}
