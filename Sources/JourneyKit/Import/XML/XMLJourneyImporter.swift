import CLibXML2

/// Reads journeys in the XML format (version 1, namespace `urn:cjm:journey:1`) with libxml2's
/// streaming reader, validating against the embedded `schema/journey.xsd` as it goes, and
/// reporting every problem with its line and column.
///
/// Safe by default: a file with a `<!DOCTYPE` is refused before libxml2 sees it, so no DTD,
/// external entity or entity expansion is ever processed; the network is off; XInclude is
/// not processed (an `xi:include` element is just an unknown element). The reader never
/// reads anything but the bytes it is given.
public enum XMLJourneyImporter {
    /// The namespace of every element of an XML journey.
    public static let namespace = "urn:cjm:journey:1"

    /// Reads a journey from UTF-8 XML bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - path: The path used in diagnostics.
    ///   - validator: The id and reference checks to run after reading.
    public static func importJourney(
        from bytes: some Collection<UInt8>, path: String, validator: JourneyValidator = JourneyValidator()
    ) -> ImportedJourney {
        let run: (UnsafeBufferPointer<UInt8>) -> ImportedJourney = { buffer in
            var reader = XMLJourneyReader(source: XMLSourceText(bytes: buffer, file: path))
            return reader.read(validator: validator)
        }
        // XML reads a lone CR (old Mac line ends) as a line break, but libxml2 counts lines by LF
        // only; a CR turned into an LF reads the same and keeps every offset, so lines agree.
        if containsLoneCarriageReturn(bytes) {
            var normalized = Array(bytes)
            for index in normalized.indices where normalized[index] == 0x0D
                && (index + 1 == normalized.count || normalized[index + 1] != 0x0A) {
                normalized[index] = 0x0A
            }
            return normalized.withUnsafeBufferPointer(run)
        }
        if let result = bytes.withContiguousStorageIfAvailable(run) { return result }
        return Array(bytes).withUnsafeBufferPointer(run)
    }

    private static func containsLoneCarriageReturn(_ bytes: some Collection<UInt8>) -> Bool {
        var previousWasCarriageReturn = false
        for byte in bytes {
            if previousWasCarriageReturn, byte != 0x0A { return true }
            previousWasCarriageReturn = byte == 0x0D
        }
        return previousWasCarriageReturn
    }
}

/// libxml2 keeps global tables that must be set up once before threads use it.
private let libxml2IsInitialized: Bool = {
    xmlInitParser()
    return true
}()

/// The embedded XSD, parsed once on first use and shared by every import, on any thread.
///
/// libxml2 never changes a parsed `xmlSchema` while validating: all validation state lives in
/// the `xmlSchemaValidCtxt` each import creates for itself, so one schema serves concurrent
/// imports. It is never freed (it lives as long as the process, like the embedded text).
private final class SharedJourneySchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr?

    private init() {
        _ = libxml2IsInitialized
        pointer = JourneySchema.xsd.utf8CString.withUnsafeBufferPointer { text in
            guard let parser = xmlSchemaNewMemParserCtxt(text.baseAddress, Int32(text.count - 1)) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, { _, _ in }, nil)
            return xmlSchemaParse(parser)
        }
    }

    /// Swift runs this initialiser exactly once, even when several threads ask at the same time.
    static let shared = SharedJourneySchema()
}

/// An error libxml2 reported, copied out of its error struct before the reader moves on.
private struct LibXMLError {
    var domain: Int32
    var code: Int32
    var isWarning: Bool
    var message: String
    var line: Int
    var column: Int
}

/// Collects one reader's errors; libxml2 holds it only as an opaque context pointer while the
/// reader that owns it is alive, so no error handler is ever global.
private final class LibXMLErrorCollector {
    var errors: [LibXMLError] = []

    /// The C callback libxml2 calls with each error; `context` is the collector.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<LibXMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
        let reported = error.pointee
        var message = reported.message.map { String(cString: $0) } ?? "unknown error"
        while message.last?.isWhitespace == true { message.removeLast() }
        collector.errors.append(LibXMLError(
            domain: Int32(reported.domain), code: Int32(reported.code),
            isWarning: reported.level == XML_ERR_WARNING, message: message,
            line: Int(reported.line), column: Int(reported.int2)))
    }
}

/// The text-valued child elements, and where their text goes.
private enum TextField {
    case journeyDescription, personaDescription, goal, channelDescription, stageDescription
    case touchpointDescription, pain, opportunity
}

/// An element being read, with what has been read of it so far.
private enum Frame {
    case journey
    case persona(Persona)
    case channel(Channel)
    case stage(Stage)
    case touchpoint(Touchpoint)
    case kpi(Touchpoint.KPI)
    case text(TextField, String)
    /// An element the schema does not allow; the schema error says so, and its content is skipped.
    case skipped
}

/// An open element, for locating schema errors that name it.
private struct OpenElement {
    var name: String
    var offset: Int?
    var attributes: [XMLSourceText.RawAttribute]
    /// Where each attribute's name starts, only for elements with many attributes: schema
    /// errors about them are located one by one, and a scan for each would be quadratic
    /// (10,000 unknown attributes took seconds; found by docs/robustness.md).
    private var nameOffsets: [String: Int]?

    init(name: String, offset: Int?, attributes: [XMLSourceText.RawAttribute]) {
        self.name = name
        self.offset = offset
        self.attributes = attributes
        if attributes.count > 16 {
            nameOffsets = Dictionary(attributes.map { ($0.name, $0.nameOffset) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The offset of the first attribute named `attribute` in the start tag.
    func nameOffset(of attribute: String) -> Int? {
        if let nameOffsets { return nameOffsets[attribute] }
        return attributes.first { $0.name == attribute }?.nameOffset
    }
}

/// Builds the model from the reader's stream of nodes.
private struct XMLJourneyReader {
    var source: XMLSourceText
    var diagnostics: [Diagnostic] = []
    var sourceMap = SourceMap()
    var journey: Journey?
    var frames: [Frame] = []
    var openElements: [OpenElement] = []
    var sawFatalError = false
    /// Schema errors waiting for the reader to reach the element they are about: libxml2
    /// validates as its parser reads, ahead of the reader, and gives only the line where the
    /// element's start tag ends.
    var pendingSchemaErrors: [PendingSchemaError] = []
    /// Comments read but not yet attached to the element they precede.
    var pendingComments: [String] = []
    var comments = XMLComments()
    /// For each open frame: the model element it is (or belongs to), and how many children of
    /// each name it has had so far, to anchor comments.
    var commentOwners: [(element: XMLComments.Element?, childCounts: [String: Int])] = []

    struct PendingSchemaError {
        var line: Int
        var message: String
        var parsed: XMLSchemaMessages.Parsed?

        /// Errors about an element's content, found while it is open, rather than about its start tag.
        var isAboutContent: Bool {
            guard let parsed, parsed.attribute == nil else { return false }
            return parsed.detail.hasPrefix("Character content") || parsed.detail.hasPrefix("Element content")
        }
    }

    init(source: XMLSourceText) {
        self.source = source
    }

    mutating func read(validator: JourneyValidator) -> ImportedJourney {
        if let problem = source.prologProblem() {
            switch problem {
            case .empty:
                fail("the file is empty", at: source.location(ofOffset: 0),
                     hint: "an XML journey starts with <journey xmlns=\"\(XMLJourneyImporter.namespace)\" id=\"…\" title=\"…\">")
            case .notUTF8(let encoding):
                fail(TextEncoding.message(for: encoding), at: source.location(ofOffset: 0), hint: TextEncoding.hint)
            case .declaredEncoding(let encoding, let offset):
                fail("the file declares the encoding \"\(encoding)\"; journeys are UTF-8", at: source.location(ofOffset: offset),
                     hint: "save the file as UTF-8 and write encoding=\"UTF-8\" in the XML declaration, or leave the encoding out")
            case .documentType(let offset):
                fail("a <!DOCTYPE> declaration is not allowed in a journey file", at: source.location(ofOffset: offset),
                     hint: "remove it: cjm never reads DTDs or entities, so that a journey cannot make it read other files or expand without limit")
            }
            return finish(validator: validator)
        }
        guard source.bytes.count <= Int(Int32.max), let base = source.bytes.baseAddress else {
            fail("the file is too large to read as XML", at: source.location(ofOffset: 0))
            return finish(validator: validator)
        }
        _ = libxml2IsInitialized

        // Everything libxml2 allocates here (but the shared schema) is freed by the defers, in
        // reverse order, before returning.
        guard let schema = SharedJourneySchema.shared.pointer else {
            fail("internal error: the embedded XML schema could not be loaded", at: source.location(ofOffset: 0))
            return finish(validator: validator)
        }
        guard let validation = xmlSchemaNewValidCtxt(schema) else {
            fail("internal error: out of memory", at: source.location(ofOffset: 0))
            return finish(validator: validator)
        }
        defer { xmlSchemaFreeValidCtxt(validation) }

        // libxml2's generic error handler is per thread; nothing may reach standard error.
        cjm_silence_generic_errors()
        let collector = LibXMLErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetValidStructuredErrors(validation, LibXMLErrorCollector.callback, context)
        // No NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE: entities stay unexpanded and nothing is loaded.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let reader = base.withMemoryRebound(to: CChar.self, capacity: source.bytes.count) {
            xmlReaderForMemory($0, Int32(source.bytes.count), nil, "UTF-8", options)
        }
        guard let reader else {
            fail("internal error: the XML reader could not be created", at: source.location(ofOffset: 0))
            return finish(validator: validator)
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, LibXMLErrorCollector.callback, context)
        guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else {
            fail("internal error: XML schema validation could not be started", at: source.location(ofOffset: 0))
            return finish(validator: validator)
        }

        // libxml2 2.9's schema plug keeps the parser's own errors from reaching the reader's
        // handler (setting the handler after the plug crashes instead), so the fatal syntax error
        // that stops a file is taken from this thread's last error.
        xmlResetLastError()
        withExtendedLifetime(collector) {
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 1 { handleNode(reader) }
                report(collector.errors)
                collector.errors.removeAll(keepingCapacity: true)
                if status != 1 {
                    if status < 0, !sawFatalError {
                        failWithoutError(reader)
                    }
                    break
                }
                if sawFatalError { break }
            }
        }
        // Errors the reader never reached an element for (it stopped at a syntax error first).
        for pending in pendingSchemaErrors.prefix(100) {
            let element = pending.parsed.flatMap { source.startTag(named: $0.element, endingOnLine: pending.line) }
                .map { OpenElement(name: pending.parsed?.element ?? "", offset: $0, attributes: source.attributes(ofTagAt: $0)) }
            resolve(pending, element: element, parent: nil)
        }
        pendingSchemaErrors.removeAll()
        if !sawFatalError, journey == nil, !diagnostics.containsErrors {
            fail("the file holds no <journey> element", at: source.location(ofOffset: 0),
                 hint: "an XML journey starts with <journey xmlns=\"\(XMLJourneyImporter.namespace)\" id=\"…\" title=\"…\">")
        }
        return finish(validator: validator)
    }

    /// libxml2 stopped without saying why; find the reason ourselves.
    mutating func failWithoutError(_ reader: xmlTextReaderPtr) {
        if let last = xmlGetLastError()?.pointee, last.domain != XML_FROM_SCHEMASV.rawValue, last.level.rawValue >= XML_ERR_ERROR.rawValue {
            let lastMessage = last.message.map { String(cString: $0) } ?? ""
            // Entity errors are located more exactly by looking for the entity below.
            let isAboutEntity = ["Entity '", "xmlParseEntityRef", "EntityRef"].contains { lastMessage.hasPrefix($0) }
            if !isAboutEntity {
                // The streaming parser calls a file that ends inside an element "extra content".
                if lastMessage.hasPrefix("Extra content at the end of the document"), let innermost = source.unclosedElements().last {
                    fail("the file ends before <\(innermost.name)> is closed", at: source.location(ofOffset: source.bytes.count),
                         hint: "<\(innermost.name)> is opened at line \(source.location(ofOffset: innermost.offset).line); add </\(innermost.name)>")
                    return
                }
                let (text, hint) = XMLSyntaxMessages.rewrite(lastMessage)
                fail(text, at: source.location(line: Int(last.line), column: Int(last.int2)), hint: hint)
                return
            }
        }
        if let (offset, name, isTerminated) = source.firstUndefinedEntity() {
            if name.isEmpty {
                fail("a '&' that does not start an entity", at: source.location(ofOffset: offset), hint: "write &amp; for a literal '&'")
            } else if !isTerminated {
                fail("\"&\(name)\" is not ended by ';'", at: source.location(ofOffset: offset),
                     hint: "write &amp; for a literal '&', or end the entity with ';'")
            } else {
                let (message, hint) = XMLSyntaxMessages.rewrite("Entity '\(name)' not defined")
                fail(message, at: source.location(ofOffset: offset), hint: hint)
            }
            return
        }
        let line = Int(xmlTextReaderGetParserLineNumber(reader))
        let column = Int(xmlTextReaderGetParserColumnNumber(reader))
        fail("the XML cannot be read past this point", at: source.location(line: line, column: column),
             hint: "check the XML syntax here, for example with xmllint --noout FILE")
    }

    mutating func fail(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(.error(message, at: location, hint: hint))
        sawFatalError = true
    }

    func finish(validator: JourneyValidator) -> ImportedJourney {
        guard !sawFatalError, let journey else {
            return ImportedJourney(journey: nil, diagnostics: diagnostics.sorted(), sourceMap: sourceMap)
        }
        let all = diagnostics + validator.validate(journey, sourceMap: sourceMap)
        var comments = comments
        comments.add(pendingComments, at: .afterDocument)
        return ImportedJourney(journey: journey, diagnostics: all.sorted(), sourceMap: sourceMap, comments: comments)
    }

    // MARK: Nodes

    mutating func handleNode(_ reader: xmlTextReaderPtr) {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            startElement(reader)
            if isEmpty { endElement() }
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            endElement()
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            if case .text(let field, let text)? = frames.last, let value = xmlTextReaderConstValue(reader) {
                frames[frames.count - 1] = .text(field, text + String(cString: value))
            }
        case Int32(XML_READER_TYPE_COMMENT.rawValue):
            pendingComments.append(Self.string(xmlTextReaderConstValue(reader)))
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            // Refused before parsing already; this only guards against a prolog the scan missed.
            fail("a <!DOCTYPE> declaration is not allowed in a journey file", at: source.location(ofOffset: 0))
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            fail("entity references are not allowed in a journey file", at: source.location(ofOffset: 0))
        default:
            break
        }
    }

    mutating func startElement(_ reader: xmlTextReaderPtr) {
        let name = Self.string(xmlTextReaderConstLocalName(reader))
        let inNamespace = Self.isJourneyNamespace(xmlTextReaderConstNamespaceUri(reader))
        let offset = source.nextStartTag()
        let rawAttributes = offset.map { source.attributes(ofTagAt: $0) } ?? []
        openElements.append(OpenElement(name: name, offset: offset, attributes: rawAttributes))
        let location = offset.map { source.location(ofOffset: $0) } ?? source.location(ofOffset: 0)
        if !pendingSchemaErrors.isEmpty, let tagEnd = source.lastTagEnd {
            let line = source.location(ofOffset: tagEnd).line
            let parent = openElements.count >= 2 ? openElements[openElements.count - 2].name : nil
            var waiting: [PendingSchemaError] = []
            for pending in pendingSchemaErrors {
                if !pending.isAboutContent, pending.line == line, (pending.parsed?.element ?? name) == name {
                    resolve(pending, element: openElements.last, parent: parent)
                } else {
                    waiting.append(pending)
                }
            }
            pendingSchemaErrors = waiting
        }
        var attributes = Attributes(values: [], raw: rawAttributes, element: location)
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            // Namespace declarations and attributes of other namespaces are not journey fields.
            guard xmlTextReaderIsNamespaceDecl(reader) != 1, xmlTextReaderConstNamespaceUri(reader) == nil else { continue }
            attributes.values.append((Self.string(xmlTextReaderConstLocalName(reader)), Self.string(xmlTextReaderConstValue(reader))))
        }
        xmlTextReaderMoveToElement(reader)

        guard inNamespace else {
            if frames.isEmpty { journey = nil }
            frames.append(.skipped)
            anchorComments(before: .skipped, name: name)
            return
        }
        let frame: Frame
        switch (frames.last, name) {
        case (nil, "journey"):
            var value = Journey(id: "", title: "", location: location)
            value.id = id(attributes, kind: "journey")
            value.title = attributes["title"] ?? ""
            value.ignore = idList(attributes, "ignore", .ignore)
            journey = value
            frame = .journey
        case (.journey?, "description"): frame = .text(.journeyDescription, "")
        case (.journey?, "persona"):
            var persona = Persona(id: "", name: "", location: location)
            persona.id = id(attributes, kind: "persona")
            persona.name = attributes["name"] ?? ""
            persona.channels = idList(attributes, "channels", .channels)
            persona.ignore = idList(attributes, "ignore", .ignore)
            frame = .persona(persona)
        case (.journey?, "channel"):
            var channel = Channel(id: "", name: "", location: location)
            channel.id = id(attributes, kind: "channel")
            channel.name = attributes["name"] ?? ""
            channel.kind = choice(attributes, "kind") ?? .other
            channel.status = choice(attributes, "status") ?? .live
            channel.owner = attributes["owner"]
            channel.ignore = idList(attributes, "ignore", .ignore)
            frame = .channel(channel)
        case (.journey?, "stage"):
            var stage = Stage(id: "", name: "", location: location)
            stage.id = id(attributes, kind: "stage")
            stage.name = attributes["name"] ?? ""
            stage.ignore = idList(attributes, "ignore", .ignore)
            frame = .stage(stage)
        case (.persona?, "description"): frame = .text(.personaDescription, "")
        case (.persona?, "goal"): frame = .text(.goal, "")
        case (.channel?, "description"): frame = .text(.channelDescription, "")
        case (.stage?, "description"): frame = .text(.stageDescription, "")
        case (.stage?, "touchpoint"):
            var touchpoint = Touchpoint(id: "", name: "", location: location)
            touchpoint.id = id(attributes, kind: "touchpoint")
            touchpoint.name = attributes["name"] ?? ""
            touchpoint.channels = idList(attributes, "channels", .channels)
            touchpoint.personas = idList(attributes, "personas", .personas)
            touchpoint.initiator = choice(attributes, "initiator") ?? .customer
            touchpoint.owner = attributes["owner"]
            touchpoint.emotion = emotion(attributes)
            touchpoint.entry = bool(attributes, "entry") ?? false
            touchpoint.momentOfTruth = bool(attributes, "momentOfTruth") ?? false
            touchpoint.next = idList(attributes, "next", .next)
            touchpoint.handoff = attributes["handoff"]
            touchpoint.ignore = idList(attributes, "ignore", .ignore)
            frame = .touchpoint(touchpoint)
        case (.touchpoint?, "description"): frame = .text(.touchpointDescription, "")
        case (.touchpoint?, "pain"): frame = .text(.pain, "")
        case (.touchpoint?, "opportunity"): frame = .text(.opportunity, "")
        case (.touchpoint?, "kpi"):
            frame = .kpi(Touchpoint.KPI(name: attributes["name"] ?? "", target: attributes["target"]))
        default:
            frame = .skipped
        }
        frames.append(frame)
        anchorComments(before: frame, name: name)
    }

    /// Attaches the comments read since the last element to this one.
    mutating func anchorComments(before frame: Frame, name: String) {
        let element: XMLComments.Element? = switch frame {
        case .journey: .journey
        case .persona(let persona): .persona(persona.id)
        case .channel(let channel): .channel(channel.id)
        case .stage(let stage): .stage(stage.id)
        case .touchpoint(let touchpoint): .touchpoint(touchpoint.id)
        default: nil
        }
        if let element {
            comments.add(pendingComments, at: .before(element))
        } else if let owner = commentOwners.last?.element {
            let index = commentOwners[commentOwners.count - 1].childCounts[name, default: 0]
            commentOwners[commentOwners.count - 1].childCounts[name] = index + 1
            comments.add(pendingComments, at: .beforeChild(owner, name: name, index: index))
        } else {
            comments.add(pendingComments, at: .afterDocument)
        }
        pendingComments = []
        commentOwners.append((element, [:]))
    }

    mutating func endElement() {
        if let owner = commentOwners.popLast(), let element = owner.element {
            comments.add(pendingComments, at: .end(element))
            pendingComments = []
        }
        openElements.removeLast()
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .journey, .skipped:
            break
        case .persona(let persona): journey?.personas.append(persona)
        case .channel(let channel): journey?.channels.append(channel)
        case .stage(let stage): journey?.stages.append(stage)
        case .touchpoint(let touchpoint):
            updateParent { if case .stage(var stage) = $0 { $0 = .skipped; stage.touchpoints.append(touchpoint); $0 = .stage(stage) } }
        case .kpi(let kpi):
            updateParent { if case .touchpoint(var touchpoint) = $0 { $0 = .skipped; touchpoint.kpis.append(kpi); $0 = .touchpoint(touchpoint) } }
        case .text(let field, let text):
            switch field {
            case .journeyDescription: journey?.description = text
            case .personaDescription:
                updateParent { if case .persona(var persona) = $0 { $0 = .skipped; persona.description = text; $0 = .persona(persona) } }
            case .goal:
                updateParent { if case .persona(var persona) = $0 { $0 = .skipped; persona.goals.append(text); $0 = .persona(persona) } }
            case .channelDescription:
                updateParent { if case .channel(var channel) = $0 { $0 = .skipped; channel.description = text; $0 = .channel(channel) } }
            case .stageDescription:
                updateParent { if case .stage(var stage) = $0 { $0 = .skipped; stage.description = text; $0 = .stage(stage) } }
            case .touchpointDescription:
                updateParent { if case .touchpoint(var touchpoint) = $0 { $0 = .skipped; touchpoint.description = text; $0 = .touchpoint(touchpoint) } }
            case .pain:
                updateParent { if case .touchpoint(var touchpoint) = $0 { $0 = .skipped; touchpoint.pains.append(text); $0 = .touchpoint(touchpoint) } }
            case .opportunity:
                updateParent { if case .touchpoint(var touchpoint) = $0 { $0 = .skipped; touchpoint.opportunities.append(text); $0 = .touchpoint(touchpoint) } }
            }
        }
    }

    /// Changes the parent frame. Each update first sets the frame to `.skipped` so that the
    /// payload it took out is the only reference to its arrays: appending then happens in place
    /// instead of copying a stage's touchpoints on every touchpoint (quadratic on large stages).
    mutating func updateParent(_ update: (inout Frame) -> Void) {
        guard !frames.isEmpty else { return }
        update(&frames[frames.count - 1])
    }

    /// Whether libxml2's namespace URI is the journey namespace, compared in place: making a
    /// String of it for every element would allocate (it is too long to be stored inline).
    static func isJourneyNamespace(_ uri: UnsafePointer<xmlChar>?) -> Bool {
        guard let uri else { return false }
        // A shorter URI stops at its terminating 0, which matches no byte of the namespace.
        for (index, byte) in namespaceBytes.enumerated() where uri[index] != byte { return false }
        return uri[namespaceBytes.count] == 0
    }

    static let namespaceBytes = Array(XMLJourneyImporter.namespace.utf8)

    static func string(_ text: UnsafePointer<xmlChar>?) -> String {
        guard let text else { return "" }
        return String(cString: text)
    }

    // MARK: Attribute values

    /// The attributes of one element: their values from libxml2, their positions from the source.
    struct Attributes {
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

    func valueLocation(_ attributes: Attributes, _ name: String) -> SourceLocation {
        attributes.rawAttribute(name).map { source.location(ofOffset: $0.valueOffset) } ?? attributes.element
    }

    mutating func id(_ attributes: Attributes, kind: String) -> String {
        guard let value = attributes["id"] else { return "" }
        sourceMap.record(valueLocation(attributes, "id"), of: .id, in: attributes.element)
        return value
    }

    mutating func idList(_ attributes: Attributes, _ name: String, _ field: SourceMap.Field) -> [String] {
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
        _ attributes: Attributes, _ name: String
    ) -> Value? where Value.RawValue == String {
        guard let text = attributes[name] else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        diagnostics.append(.error(
            "\"\(name)\" must be one of \(allowed.joined(separator: ", ")), found \"\(text)\"",
            at: valueLocation(attributes, name), hint: Suggestion.hint(for: text, among: allowed)))
        return nil
    }

    mutating func bool(_ attributes: Attributes, _ name: String) -> Bool? {
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

    mutating func emotion(_ attributes: Attributes) -> Int? {
        guard let text = attributes["emotion"] else { return nil }
        let hint = "emotion goes from -2 (very unhappy) through 0 (neutral) to 2 (delighted)"
        let location = valueLocation(attributes, "emotion")
        let trimmed = text.trimmingXMLSpace()
        guard let value = Int(trimmed) else {
            diagnostics.append(.error("emotion must be a whole number, found \"\(text)\"", at: location, hint: hint))
            return nil
        }
        guard Touchpoint.emotionRange.contains(value) else {
            diagnostics.append(.error("emotion \(value) is out of range", at: location, hint: hint))
            return nil
        }
        return value
    }

    // MARK: libxml2 errors

    mutating func report(_ errors: [LibXMLError]) {
        for error in errors where !sawFatalError {
            if error.domain == Int32(XML_FROM_SCHEMASV.rawValue) {
                let pending = PendingSchemaError(line: error.line, message: error.message, parsed: XMLSchemaMessages.parse(error.message))
                if pending.isAboutContent {
                    // Found while the element is open, at the line of the content; libxml2 gives no column.
                    resolve(pending, element: nil, parent: nil)
                } else {
                    pendingSchemaErrors.append(pending)
                }
            } else if !error.isWarning {
                let (message, hint) = XMLSyntaxMessages.rewrite(error.message)
                fail(message, at: source.location(line: error.line, column: error.column), hint: hint)
            }
        }
    }

    /// Reports a schema error at the element it is about (its `<`, or the name of the attribute
    /// concerned), or at the line libxml2 gave when the element was not found.
    mutating func resolve(_ pending: PendingSchemaError, element: OpenElement?, parent: String?) {
        let source = self.source
        let diagnostic = XMLSchemaMessages.diagnostic(for: pending.message, parsed: pending.parsed, parent: parent) { attribute in
            guard let element, let offset = element.offset else { return source.location(line: pending.line, column: 1) }
            if let attribute, let nameOffset = element.nameOffset(of: attribute) {
                return source.location(ofOffset: nameOffset)
            }
            return source.location(ofOffset: offset)
        }
        if let diagnostic { diagnostics.append(diagnostic) }
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
