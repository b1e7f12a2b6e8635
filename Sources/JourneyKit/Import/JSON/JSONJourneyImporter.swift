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

    /// Reads a journey from bytes the caller keeps, such as a file mapped into memory, telling
    /// `readUpTo` every megabyte or so the offset it has read up to.
    ///
    /// The importer looks at bytes before that offset again only to place an error, so a
    /// caller whose bytes can be read back (a file mapping's pages are, from the file) may let
    /// the system drop them: the file is then not all in memory beside the journey it became.
    public static func importJourney(
        from buffer: UnsafeBufferPointer<UInt8>, path: String, validator: JourneyValidator = JourneyValidator(),
        readUpTo: @escaping (Int) -> Void
    ) -> ImportedJourney {
        var decoder = JSONJourneyDecoder(scanner: JSONScanner(bytes: buffer, file: path))
        decoder.readUpTo = readUpTo
        return decoder.decode(validator: validator)
    }
}

/// Decodes the journey model from a `JSONScanner`, collecting diagnostics instead of stopping at
/// the first problem. The scanner reads past common syntax slips, so one run reports the
/// problems after them too (issue 16); a file with any syntax error yields no journey, and only
/// errors the scanner cannot read past (a text never closed, the file cut short) stop it.
private struct JSONJourneyDecoder {
    var scanner: JSONScanner
    var diagnostics: [Diagnostic] = []
    var sourceMap = SourceMap()
    /// The `JourneyFields` element whose object is being read, for examples in hints.
    var element = "journey"
    var interned = IDInterner()
    /// Channel and persona lists read so far, by the bytes that spelled their items: most
    /// touchpoints name one of a few channel sets and personas, so they share one array each.
    var sharedLists = XMLIDLists()
    /// The items of the shared-kind list being read, kept from list to list so that a list
    /// written before costs no allocation.
    var listItems: [String] = []
    var blankPersonas = Persona.Blanks()
    /// What each touchpoint starts from: copying it is cheaper than `Touchpoint.init`, which
    /// gathers a dozen rare fields into a group only to find them all at their defaults.
    static let blankTouchpoint = Touchpoint(id: "", name: "")
    /// The lines of the known keys read in each object being read, innermost last (see `Fields`).
    var knownKeyLines: [Int] = []
    /// Told how far the decoder has read, after list items (see `importJourney(from:path:validator:readUpTo:)`).
    var readUpTo: ((Int) -> Void)?
    /// The offset last told to `readUpTo`.
    var reportedOffset = 0

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
            let rootKind = try scanner.valueKind()
            guard rootKind == .object else {
                guard rootKind != .invalid else { return ImportedJourney(journey: nil, diagnostics: scanner.recoveredErrors) }
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
            diagnostics += scanner.recoveredErrors
            diagnostics.append(.error(error.message, at: scanner.location(ofOffset: error.offset), hint: error.hint))
            return ImportedJourney(journey: nil, diagnostics: diagnostics.sorted(), sourceMap: sourceMap)
        }
        if let journey {
            diagnostics += validator.validate(journey, sourceMap: sourceMap)
        }
        guard scanner.recoveredErrors.isEmpty else {
            // Validated all the same, to report every problem in one run, but what was read
            // around a syntax error is a guess: no journey to analyse or write back.
            return ImportedJourney(journey: nil, diagnostics: (diagnostics + scanner.recoveredErrors).sorted(), sourceMap: sourceMap)
        }
        return ImportedJourney(journey: journey, diagnostics: diagnostics.sorted(), sourceMap: sourceMap)
    }

    // MARK: Elements

    mutating func decodeJourney() throws(JSONSyntaxError) -> Journey {
        let location = scanner.currentLocation()
        var journey = Journey(id: "", title: "", location: location)
        var seen = Fields(element: "journey", location: location)
        try readObject(&seen, known: .journey) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "$schema": journey.jsonSchema = try decoder.string(key, at: mark)
            case "id": journey.id = try decoder.id(at: mark, in: location) ?? ""
            case "title": journey.title = try decoder.string(key, at: mark) ?? ""
            case "description": journey.description = try decoder.string(key, at: mark)
            case "uses": journey.uses = try decoder.idList(key, .uses, at: mark, in: location)
            case "audience": journey.audience = try decoder.idList(key, .audience, at: mark, in: location)
            case "personas": journey.personas = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodePersona() }
            case "channels": journey.channels = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeChannel() }
            case "stages": journey.stages = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeStage() }
            case "lang": journey.lang = try decoder.lang(at: mark, in: location)
            case "scenarios": journey.scenarios = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeScenario() }
            case "tags": journey.tags = try decoder.idList(key, .tags, at: mark, in: location)
            case "properties": journey.properties = try decoder.properties(key, at: mark, in: location)
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
        var persona = blankPersonas.persona(at: location)
        var seen = Fields(element: "persona", location: location)
        try readObject(&seen, known: .persona) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": persona.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": persona.name = try decoder.nonEmptyText(key, at: mark) ?? ""
            case "description": persona.description = try decoder.string(key, at: mark)
            case "goals": persona.goals = try decoder.textList(key, at: mark)
            case "channels": persona.channels = try decoder.idList(key, .channels, at: mark, in: location)
            case "evidence": persona.evidence = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeEvidence() }
            case "tags": persona.tags = try decoder.idList(key, .tags, at: mark, in: location)
            case "properties": persona.properties = try decoder.properties(key, at: mark, in: location)
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
        try readObject(&seen, known: .channel) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": channel.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": channel.name = try decoder.nonEmptyText(key, at: mark) ?? ""
            case "kind": channel.kind = try decoder.choice(key, at: mark) ?? .other
            case "status": channel.status = try decoder.choice(key, at: mark) ?? .live
            case "owner": channel.owner = try decoder.nonEmptyText(key, at: mark)
            case "description": channel.description = try decoder.string(key, at: mark)
            case "tags": channel.tags = try decoder.idList(key, .tags, at: mark, in: location)
            case "properties": channel.properties = try decoder.properties(key, at: mark, in: location)
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
        try readObject(&seen, known: .stage) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": stage.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": stage.name = try decoder.nonEmptyText(key, at: mark) ?? ""
            case "description": stage.description = try decoder.string(key, at: mark)
            case "touchpoints": stage.touchpoints = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeTouchpoint() }
            case "tags": stage.tags = try decoder.idList(key, .tags, at: mark, in: location)
            case "properties": stage.properties = try decoder.properties(key, at: mark, in: location)
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
        var touchpoint = Self.blankTouchpoint
        touchpoint.location = location
        var seen = Fields(element: "touchpoint", location: location)
        try readObject(&seen, known: .touchpoint) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": touchpoint.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": touchpoint.name = try decoder.nonEmptyText(key, at: mark) ?? ""
            case "description": touchpoint.description = try decoder.string(key, at: mark)
            case "channels": touchpoint.channels = try decoder.idList(key, .channels, at: mark, in: location)
            case "personas": touchpoint.personas = try decoder.idList(key, .personas, at: mark, in: location)
            case "initiator": touchpoint.initiator = try decoder.choice(key, at: mark) ?? .customer
            case "owner": touchpoint.owner = try decoder.nonEmptyText(key, at: mark)
            case "emotion": touchpoint.emotion = try decoder.emotion(at: mark)
            case "entry": touchpoint.entry = try decoder.bool(key, at: mark) ?? false
            case "momentOfTruth": touchpoint.momentOfTruth = try decoder.bool(key, at: mark) ?? false
            case "next": touchpoint.next = try decoder.idList(key, .next, at: mark, in: location)
            case "handoff": touchpoint.handoff = try decoder.string(key, at: mark)
            case "journey": touchpoint.journey = try decoder.string(key, at: mark)
            case "pains": touchpoint.pains = try decoder.textList(key, at: mark)
            case "opportunities": touchpoint.opportunities = try decoder.textList(key, at: mark)
            case "kpis": touchpoint.kpis = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeKPI() }
            case "experiences": touchpoint.experiences = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeExperience() }
            case "evidence": touchpoint.evidence = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeEvidence() }
            case "backstage": touchpoint.backstage = try decoder.list(key, at: mark) { d throws(JSONSyntaxError) in try d.decodeBackstageStep() }
            case "tags": touchpoint.tags = try decoder.idList(key, .tags, at: mark, in: location)
            case "properties": touchpoint.properties = try decoder.properties(key, at: mark, in: location)
            case "ignore": touchpoint.ignore = try decoder.idList(key, .ignore, at: mark, in: location)
            default: return false
            }
            return true
        }
        require(["id", "name"], in: seen, name: "a touchpoint")
        return touchpoint
    }

    mutating func decodeExperience() throws(JSONSyntaxError) -> Experience {
        let location = scanner.currentLocation()
        var experience = Experience(persona: "", location: location)
        var seen = Fields(element: "experience", location: location)
        try readObject(&seen, known: .experience) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "persona":
                guard try decoder.expect(.string, key, "a text", at: mark) else { break }
                _ = decoder.scanner.peekByte()
                decoder.sourceMap.record(decoder.scanner.currentLocation(), of: .persona, in: location)
                experience.persona = try decoder.internedText()
            case "emotion": experience.emotion = try decoder.emotion(at: mark)
            case "pains": experience.pains = try decoder.textList(key, at: mark)
            case "quote": experience.quote = try decoder.string(key, at: mark)
            default: return false
            }
            return true
        }
        require(["persona"], in: seen, name: "an experience")
        return experience
    }

    mutating func decodeEvidence() throws(JSONSyntaxError) -> Evidence {
        let location = scanner.currentLocation()
        var evidence = Evidence(kind: .assumption, source: "")
        var seen = Fields(element: "evidence", location: location)
        try readObject(&seen, known: .evidence) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "kind": evidence.kind = try decoder.choice(key, at: mark) ?? .assumption
            case "source": evidence.source = try decoder.string(key, at: mark) ?? ""
            case "date": evidence.date = try decoder.date(key, at: mark)
            case "note": evidence.note = try decoder.string(key, at: mark)
            default: return false
            }
            return true
        }
        require(["kind", "source"], in: seen, name: "an evidence")
        return evidence
    }

    mutating func decodeBackstageStep() throws(JSONSyntaxError) -> BackstageStep {
        let location = scanner.currentLocation()
        var step = BackstageStep(name: "")
        var seen = Fields(element: "backstage step", location: location)
        try readObject(&seen, known: .backstageStep) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "name": step.name = try decoder.nonEmptyText(key, at: mark) ?? ""
            case "lane": step.lane = try decoder.choice(key, at: mark) ?? .backstage
            case "owner": step.owner = try decoder.nonEmptyText(key, at: mark)
            case "description": step.description = try decoder.string(key, at: mark)
            default: return false
            }
            return true
        }
        require(["name"], in: seen, name: "a backstage step")
        return step
    }

    mutating func decodeScenario() throws(JSONSyntaxError) -> Scenario {
        let location = scanner.currentLocation()
        var scenario = Scenario(id: "", name: "", location: location)
        var seen = Fields(element: "scenario", location: location)
        try readObject(&seen, known: .scenario) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "id": scenario.id = try decoder.id(at: mark, in: location) ?? ""
            case "name": scenario.name = try decoder.nonEmptyText(key, at: mark) ?? ""
            case "description": scenario.description = try decoder.string(key, at: mark)
            case "channels": scenario.channels = try decoder.channelStatuses(key, at: mark, in: location)
            default: return false
            }
            return true
        }
        require(["id", "name"], in: seen, name: "a scenario")
        return scenario
    }

    mutating func decodeKPI() throws(JSONSyntaxError) -> Touchpoint.KPI {
        let location = scanner.currentLocation()
        var kpi = Touchpoint.KPI(name: "")
        var seen = Fields(element: "KPI", location: location)
        try readObject(&seen, known: .kpi) { decoder, key, mark throws(JSONSyntaxError) in
            switch key {
            case "name": kpi.name = try decoder.nonEmptyText(key, at: mark) ?? ""
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
        /// The keys the element knows, set by `readObject`.
        var known = KnownKeys.none
        /// Which of `known` have been read, one bit each: most objects hold only known keys,
        /// so they are matched by their bytes and kept as bits, with no list or `String` per key.
        var seenKnown: UInt64 = 0
        /// Where the lines of the known keys read are kept in `knownKeyLines`.
        var knownLinesStart = 0
        /// Keys not in `known` (a property's name, a channel id), with their lines.
        var otherLines = KeyLines()

        /// Whether `key` has been read.
        func contains(_ key: String) -> Bool {
            if let index = known.names.firstIndex(of: key) { return seenKnown & 1 << index != 0 }
            return otherLines[key] != nil
        }
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
        _ fields: inout Fields, known: KnownKeys,
        _ body: (inout JSONJourneyDecoder, String, JSONScanner.Mark) throws(JSONSyntaxError) -> Bool
    ) throws(JSONSyntaxError) {
        let outerElement = element
        defer { element = outerElement }
        element = switch fields.element {
        case "KPI": "kpi"
        case "backstage step": "backstage"
        default: fields.element
        }
        fields.known = known
        fields.knownLinesStart = knownKeyLines.count
        knownKeyLines.append(contentsOf: repeatElement(0, count: known.names.count))
        defer { knownKeyLines.removeLast(known.names.count) }
        var cursor = try scanner.beginObject()
        while let (text, mark) = try scanner.nextKeyText(&cursor) {
            let knownIndex = text.withUTF8 { known.index(of: $0) }
            let key = knownIndex.map { known.names[$0] } ?? text.string
            let firstLine = if let knownIndex {
                fields.seenKnown & 1 << knownIndex != 0 ? knownKeyLines[fields.knownLinesStart + knownIndex] : nil
            } else {
                fields.otherLines[key]
            }
            if let firstLine {
                diagnostics.append(.error(
                    "duplicate key \"\(TerminalText.visibleID(key))\" in this \(fields.element); the first is on line \(firstLine)",
                    at: scanner.location(of: mark),
                    hint: "JSON keeps only one of them, so one value would be silently lost; remove or merge one"))
                try scanner.skipValue()
                continue
            }
            if let knownIndex {
                fields.seenKnown |= 1 << knownIndex
                knownKeyLines[fields.knownLinesStart + knownIndex] = mark.line
            } else {
                fields.otherLines[key] = mark.line
            }
            if try !body(&self, key, mark) {
                if let knownIndex { fields.seenKnown &= ~(1 << knownIndex) } else { fields.otherLines[key] = nil }
                diagnostics.append(.error(
                    "unknown key \"\(TerminalText.visibleID(key))\" in this \(fields.element)", at: scanner.location(of: mark),
                    hint: Suggestion.hint(for: key, among: known.names, fallback: "known keys: " + known.names.joined(separator: ", "))))
                try scanner.skipValue()
            }
        }
    }

    mutating func require(_ keys: [String], in fields: Fields, name: String) {
        for key in keys where !fields.contains(key) {
            diagnostics.append(.error(
                "\(name) has no \"\(key)\"", at: fields.location,
                hint: "every \(fields.element) needs " + keys.map { "\"\($0)\"" }.joined(separator: " and ")))
        }
    }

    // MARK: Typed values

    /// Checks the kind of the next value; on a mismatch reports it, skips the value and returns `false`.
    /// `inList` says the value is an item of a list, so that a list there is "a list inside the list".
    mutating func expect(
        _ kind: JSONScanner.ValueKind, _ key: String, _ what: @autoclosure () -> String, at mark: JSONScanner.Mark, inList: Bool = false
    ) throws(JSONSyntaxError) -> Bool {
        let found = try scanner.valueKind()
        guard found != kind else { return true }
        // Not a value at all: the scanner has reported and skipped it.
        guard found != .invalid else { return false }
        let valueLocation = scanner.currentLocation()
        let foundDescription = inList && found == .array ? "a list inside the list" : found.description
        var text: String?
        if found == .string { text = try scanner.readString() } else { try scanner.skipValue() }
        diagnostics.append(.error(
            "\"\(key)\" must be \(what()), found \(foundDescription)", at: valueLocation,
            hint: found == .null ? "leave the key out instead of writing null" : JSONShapeExample.hint(element: element, key: key, text: text)))
        return false
    }

    mutating func string(_ key: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> String? {
        guard try expect(.string, key, "a text", at: mark) else { return nil }
        return try scanner.readString()
    }

    /// A text that must say something (a name, an owner): an empty or blank one is an error,
    /// since it would read as missing everywhere it is shown and silence rules that look for it.
    mutating func nonEmptyText(_ key: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> String? {
        guard try expect(.string, key, "a text", at: mark) else { return nil }
        _ = scanner.peekByte()
        let valueMark = scanner.mark
        let text = try scanner.readString()
        // A text starting with a visible ASCII character says something; only others are checked.
        let startsVisible = text.utf8.first.map { $0 > 0x20 && $0 < 0x7F } ?? false
        if !startsVisible, let problem = EmptyText.problem(key: key, text: text) {
            diagnostics.append(.error(problem.message, at: scanner.location(of: valueMark), hint: problem.hint))
        }
        return text
    }

    mutating func id(at mark: JSONScanner.Mark, in element: SourceLocation) throws(JSONSyntaxError) -> String? {
        guard try expect(.string, "id", "a text", at: mark) else { return nil }
        _ = scanner.peekByte()
        sourceMap.record(scanner.currentLocation(), of: .id, in: element)
        return try internedText()
    }

    /// Reads a text that names an element (an id or a reference to one), interned from its bytes.
    mutating func internedText() throws(JSONSyntaxError) -> String {
        let text = try scanner.readText()
        return text.withUTF8 { interned(utf8: $0) }
    }

    mutating func bool(_ key: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> Bool? {
        guard try expect(.bool, key, "true or false", at: mark) else { return nil }
        return try scanner.readBool()
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ key: String, at mark: JSONScanner.Mark
    ) throws(JSONSyntaxError) -> Value? where Value.RawValue == String {
        let allowed = { Value.allCases.map(\.rawValue).joined(separator: ", ") }
        guard try expect(.string, key, "one of " + allowed(), at: mark) else { return nil }
        let valueMark = scanner.mark
        let text = try scanner.readString()
        if let value = Value(rawValue: text) { return value }
        diagnostics.append(.error(
            "\"\(key)\" must be one of \(allowed()), found \"\(text)\"", at: scanner.location(of: valueMark),
            hint: ChoiceHint.hint(for: text, as: Value.self)))
        return nil
    }

    mutating func emotion(at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> Int? {
        let hint = "emotion goes from -2 (very unhappy) through 0 (neutral) to 2 (delighted)"
        guard try expect(.number, "emotion", "a whole number from -2 to 2", at: mark) else { return nil }
        _ = scanner.peekByte()
        let valueMark = scanner.mark
        switch try scanner.readNumber() {
        case .integer(let value) where Touchpoint.emotionRange.contains(value):
            return value
        case .integer(let value):
            diagnostics.append(.error("emotion \(value) is out of range", at: scanner.location(of: valueMark), hint: hint))
        case .other(let text):
            diagnostics.append(.error(Touchpoint.emotionProblem(written: text, shown: text), at: scanner.location(of: valueMark), hint: hint))
        }
        return nil
    }

    mutating func lang(at mark: JSONScanner.Mark, in element: SourceLocation) throws(JSONSyntaxError) -> String? {
        guard try expect(.string, "lang", "a text", at: mark) else { return nil }
        _ = scanner.peekByte()
        sourceMap.record(scanner.currentLocation(), of: .lang, in: element)
        return try scanner.readString()
    }

    mutating func date(_ key: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> CalendarDate? {
        guard try expect(.string, key, "a date YYYY-MM-DD", at: mark) else { return nil }
        _ = scanner.peekByte()
        let valueMark = scanner.mark
        let text = try scanner.readString()
        if let date = CalendarDate(text) { return date }
        diagnostics.append(.error(CalendarDate.problem(with: text, key: key), at: scanner.location(of: valueMark), hint: CalendarDate.hint))
        return nil
    }

    /// `{ "name": "value", … }` in file order; a value that is not a text is reported and skipped.
    mutating func properties(_ key: String, at mark: JSONScanner.Mark, in element: SourceLocation) throws(JSONSyntaxError) -> [Property] {
        guard try expect(.object, key, "an object of texts", at: mark) else { return [] }
        var properties: [Property] = []
        var seen = Fields(element: "properties object", location: element)
        try readObject(&seen, known: .none) { decoder, name, nameMark throws(JSONSyntaxError) in
            guard let value = try decoder.string(name, at: nameMark) else { return true }
            decoder.sourceMap.record(decoder.scanner.location(of: nameMark), of: .properties, index: properties.count, in: element)
            properties.append(Property(name: name, value: value))
            return true
        }
        return properties
    }

    /// `{ "CHANNEL_ID": "STATUS", … }` in file order; each channel id's position is recorded for validation.
    mutating func channelStatuses(_ key: String, at mark: JSONScanner.Mark, in element: SourceLocation) throws(JSONSyntaxError) -> [Scenario.ChannelStatus] {
        guard try expect(.object, key, "an object of channel ids to statuses", at: mark) else { return [] }
        var statuses: [Scenario.ChannelStatus] = []
        var seen = Fields(element: "scenario's channels", location: element)
        try readObject(&seen, known: .none) { decoder, channel, channelMark throws(JSONSyntaxError) in
            guard let status: Channel.Status = try decoder.choice(channel, at: channelMark) else { return true }
            decoder.sourceMap.record(decoder.scanner.location(of: channelMark), of: .channels, index: statuses.count, in: element)
            statuses.append(Scenario.ChannelStatus(channel: channel, status: status))
            return true
        }
        return statuses
    }

    mutating func list<Element>(
        _ key: String, at mark: JSONScanner.Mark,
        _ element: (inout JSONJourneyDecoder) throws(JSONSyntaxError) -> Element
    ) throws(JSONSyntaxError) -> [Element] {
        guard try expect(.array, key, "a list", at: mark) else { return [] }
        var elements: [Element] = []
        var cursor = try scanner.beginArray()
        while let itemMark = try scanner.nextItem(&cursor) {
            guard try expect(.object, key, "a list of objects", at: itemMark, inList: true) else { continue }
            elements.append(try element(&self))
            if let readUpTo, scanner.offset - reportedOffset >= JourneyImporter.readReportStep {
                reportedOffset = scanner.offset
                readUpTo(reportedOffset)
            }
        }
        return elements
    }

    mutating func textList(_ key: String, at mark: JSONScanner.Mark) throws(JSONSyntaxError) -> [String] {
        var texts: [String] = []
        _ = try readList(key, at: mark, into: &texts)
        return texts
    }

    /// A list of ids, interned, each item's position recorded as `field` of `element`.
    mutating func idList(
        _ key: String, _ field: SourceMap.Field, at mark: JSONScanner.Mark, in element: SourceLocation
    ) throws(JSONSyntaxError) -> [String] {
        // `next` lists are nearly all different, and the other lists rare: only channels and
        // personas are looked up.
        guard field == .channels || field == .personas else {
            var ids: [String] = []
            _ = try readList(key, at: mark, into: &ids, ids: (field, element))
            return ids
        }
        var items = listItems
        listItems = []
        defer {
            items.removeAll(keepingCapacity: true)
            listItems = items
        }
        guard let spelling = try readList(key, at: mark, into: &items, ids: (field, element)), !items.isEmpty else {
            return Array(items)
        }
        // Every item was read, recorded and reported above; only the array is shared.
        if let shared = sharedLists.list(spelledBy: spelling) { return shared }
        let list = Array(items)
        sharedLists.insert(list, spelledBy: spelling)
        return list
    }

    /// Reads a list of texts into `strings` and returns the bytes that spelled its items, or
    /// `nil` (and no items) when the value is not a list. With `ids`, the texts are ids:
    /// interned, and each item's position recorded as that field of that element.
    private mutating func readList(
        _ key: String, at mark: JSONScanner.Mark, into strings: inout [String],
        ids: (field: SourceMap.Field, element: SourceLocation)? = nil
    ) throws(JSONSyntaxError) -> UnsafeBufferPointer<UInt8>? {
        guard try expect(.array, key, "a list of texts", at: mark) else { return nil }
        // The items' bytes, from the first item's start to the last one's end: the indentation
        // around them (most lists hold one or two ids) need not be hashed and compared.
        var itemsStart: Int?
        var itemsEnd = scanner.offset
        var cursor = try scanner.beginArray()
        while let itemMark = try scanner.nextItem(&cursor) {
            itemsStart = itemsStart ?? itemMark.offset
            defer { itemsEnd = scanner.offset }
            guard try expect(.string, key, "a list of texts", at: itemMark, inList: true) else { continue }
            if let ids {
                sourceMap.record(scanner.location(of: itemMark), of: ids.field, index: strings.count, in: ids.element)
                strings.append(try internedText())
            } else {
                strings.append(try scanner.readString())
            }
        }
        return UnsafeBufferPointer(rebasing: scanner.bytes[(itemsStart ?? itemsEnd)..<itemsEnd])
    }
}

/// The keys of each JSON object, in canonical order; shared by the importer's "did you mean"
/// hints and the writer.
enum JSONKeys {
    static let journey = [
        "$schema", "id", "title", "lang", "description", "uses", "audience", "personas", "channels", "stages", "scenarios", "tags", "properties", "ignore",
    ]
    static let persona = ["id", "name", "description", "goals", "channels", "evidence", "tags", "properties", "ignore"]
    static let channel = ["id", "name", "kind", "status", "owner", "description", "tags", "properties", "ignore"]
    static let stage = ["id", "name", "description", "touchpoints", "tags", "properties", "ignore"]
    static let touchpoint = [
        "id", "name", "description", "channels", "personas", "initiator", "owner", "emotion", "entry",
        "momentOfTruth", "next", "handoff", "journey", "pains", "opportunities", "kpis", "experiences", "evidence", "backstage",
        "tags", "properties", "ignore",
    ]
    static let kpi = ["name", "target"]
    static let experience = ["persona", "emotion", "pains", "quote"]
    static let evidence = ["kind", "source", "date", "note"]
    static let backstageStep = ["name", "lane", "owner", "description"]
    static let scenario = ["id", "name", "description", "channels"]
}

/// An element's keys (`JSONKeys`), matched against a key read as bytes without making a
/// `String` of it: each key is packed with its length into two words, so matching is a
/// couple of integer comparisons per known key instead of a `String` and a hash per key read.
struct KnownKeys: Sendable {
    /// The keys, in canonical order (at most 64, for `Fields.seenKnown`).
    let names: [String]
    private let packed: [Packed]

    private struct Packed: Equatable {
        var low: UInt64
        var high: UInt64
    }

    init(_ names: [String]) {
        precondition(names.count <= 64 && names.allSatisfy { $0.utf8.count <= 15 })
        self.names = names
        packed = names.map { name in
            var name = name
            return name.withUTF8 { Self.pack($0)! }
        }
    }

    /// The position in `names` of the key spelled by `utf8`, if it is one of them.
    func index(of utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let key = Self.pack(utf8) else { return nil }
        return packed.firstIndex(of: key)
    }

    /// The bytes of a key of at most 15 bytes, with its length in the top byte (so that a key
    /// ending in NUL bytes, written as escapes, does not match a shorter one); `nil` if longer.
    private static func pack(_ utf8: UnsafeBufferPointer<UInt8>) -> Packed? {
        guard utf8.count <= 15 else { return nil }
        var key = Packed(low: 0, high: 0)
        // One copy of the bytes into the two words, then the length into the last byte (the
        // top byte of `high` on this little-endian machine; on any other the keys packed
        // for `names` are packed the same way, so matching is unchanged).
        withUnsafeMutableBytes(of: &key) { words in
            words.copyMemory(from: UnsafeRawBufferPointer(utf8))
            words[15] = UInt8(utf8.count)
        }
        return key
    }

    static let none = KnownKeys([])
    static let journey = KnownKeys(JSONKeys.journey)
    static let persona = KnownKeys(JSONKeys.persona)
    static let channel = KnownKeys(JSONKeys.channel)
    static let stage = KnownKeys(JSONKeys.stage)
    static let touchpoint = KnownKeys(JSONKeys.touchpoint)
    static let kpi = KnownKeys(JSONKeys.kpi)
    static let experience = KnownKeys(JSONKeys.experience)
    static let evidence = KnownKeys(JSONKeys.evidence)
    static let backstageStep = KnownKeys(JSONKeys.backstageStep)
    static let scenario = KnownKeys(JSONKeys.scenario)
}
