/// Builds the model from libxml2's stream of nodes, with the source scan alongside for exact
/// positions; schema errors and comments are placed by their own helpers as tags go by.
struct XMLJourneyReader {
    /// The text-valued child elements, and where their text goes.
    enum TextField {
        case journeyDescription, personaDescription, goal, channelDescription, stageDescription
        case touchpointDescription, pain, opportunity
        case tag, property(String), experiencePain, quote, backstageDescription, scenarioDescription
    }

    /// What an open element is. Each model element is read in its own slot (`openPersona`,
    /// `openTouchpoint`, …) and changed there in place: an enum of frames with the elements as
    /// payloads was copied, retained and released whenever a child changed its parent (a whole
    /// touchpoint per `<kpi>`, a whole stage per touchpoint), a quarter of the reader's own time.
    /// One slot per kind suffices: the vocabulary nests each kind at one place only (a
    /// touchpoint in a stage, an experience in a touchpoint), and a text element holds no other.
    enum FrameKind {
        case journey, persona, channel, stage, touchpoint, kpi, experience, backstage, scenario, text
        /// An element the schema does not allow, or one only read for its attributes; the
        /// schema error says so, and its content is skipped.
        case skipped
    }

    /// The element names of the journey vocabulary, found from libxml2's bytes once per
    /// element rather than by comparing a String against each name in turn.
    enum ElementName: Int, CaseIterable {
        case journey, catalog, description, uses, persona, channel, stage, goal, touchpoint, pain, opportunity
        case kpi, experience, quote, evidence, backstage, scenario, tag, property

        /// The name as written, shared rather than made anew for every element.
        var text: String { Self.texts[rawValue] }

        private static let texts: [String] = allCases.map { "\($0)" }
        private static let table = XMLNameTable(allCases.map { ($0, $0.text) })

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let name = Self.table.name(spelledBy: bytes) else { return nil }
            self = name
        }
    }

    var source: XMLSourceText
    var diagnostics: [Diagnostic] = []
    var sourceMap = SourceMap()
    var journey: Journey?
    /// Whether the root element was `<catalog>` rather than `<journey>`.
    var isCatalog = false
    /// The kinds of the open elements, innermost last.
    var frames: [FrameKind] = []
    // The open model elements, one slot per kind (see `FrameKind`).
    var openPersona: Persona?
    var openChannel: Channel?
    var openStage: Stage?
    var openTouchpoint: Touchpoint?
    var openKPI: Touchpoint.KPI?
    var openExperience: Experience?
    var openBackstage: BackstageStep?
    var openScenario: Scenario?
    /// The open text element: which field its text goes to, and the text so far.
    var openText: (field: TextField, text: String)?
    var sawFatalError = false
    /// The well-formedness error the validating reader stopped at, if it stopped at one.
    var firstSyntaxError: Diagnostic?
    var schemaErrors = XMLSchemaErrorLocator()
    var comments = XMLCommentAnchoring()
    /// Ids and references, so that an id and every reference to it share one string.
    var interned = IDInterner()
    var blankPersonas = Persona.Blanks()
    /// The current element's attributes as libxml2 reads them, when they are not read from
    /// the source; its buffers are reused from element to element.
    var attributeBytes = XMLAttributeBytes()
    /// The current element's attributes as written, reused from element to element.
    var rawAttributes: [XMLSourceText.RawAttribute] = []
    /// Which of `rawAttributes` has each name, reused from element to element.
    var attributeIndex = XMLAttributeIndex()
    /// Channel and persona lists, so that touchpoints naming the same ones share one array.
    var internedLists = XMLIDLists()
    /// Told how far libxml2 has read (see `XMLJourneyImporter.importJourney(from:path:validator:readUpTo:)`).
    var readUpTo: ((Int) -> Void)?
    /// The offset last told to `readUpTo`.
    var reportedOffset = 0
    /// Nodes read since libxml2 was last asked how far it has read.
    var nodesSinceReport = 0

    static let namespaceBytes = Array(XMLJourneyImporter.namespace.utf8)
    static let blankTouchpoint = Touchpoint(id: "", name: "")

    init(source: XMLSourceText) {
        self.source = source
    }

    /// Reads the file: the journey unless reading failed, with the problems found (validation
    /// is the caller's, once the reader is gone).
    mutating func read() -> ImportedJourney {
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
            return finish()
        }
        let outcome = ValidatingXMLReader.read(source.bytes) { reader in readNodes(reader) }
        if case .failure(let failure) = outcome {
            let message = switch failure {
            case .tooLarge: "the file is too large to read as XML"
            case .schemaUnavailable: "internal error: the embedded XML schema could not be loaded"
            case .outOfMemory: "internal error: out of memory"
            case .readerUnavailable: "internal error: the XML reader could not be created"
            case .validationUnavailable: "internal error: XML schema validation could not be started"
            }
            fail(message, at: source.location(ofOffset: 0))
            return finish()
        }
        diagnostics += schemaErrors.remaining(in: source)
        if let firstSyntaxError {
            // The rest of the file's syntax errors, so that one run reports them all.
            diagnostics += source.syntaxErrors(after: firstSyntaxError, recovered: RecoveringXMLReader.syntaxErrors(in: source.bytes))
        }
        if sawFatalError, let tag = source.unfinishedTagAtEnd() {
            // libxml2 reads `<des` at the end as an element (a schema error) and then fails on
            // it; one error that says what happened replaces both (issue 17).
            let start = source.location(ofOffset: tag.offset)
            diagnostics.removeAll { ($0.location.line, $0.location.column) >= (start.line, start.column) }
            diagnostics.append(.error("the file ends inside an unfinished tag <\(tag.name)", at: start,
                                      hint: "the file may be cut short: finish the tag with '>' and close the elements still open"))
        }
        if !sawFatalError, journey == nil, !diagnostics.containsErrors {
            fail("the file holds no <journey> element", at: source.location(ofOffset: 0),
                 hint: "an XML journey starts with <journey xmlns=\"\(XMLJourneyImporter.namespace)\" id=\"…\" title=\"…\">")
        }
        return finish()
    }

    /// Reads every node, and the errors libxml2 reports on the way, until the end or the first
    /// syntax error.
    mutating func readNodes(_ reader: ValidatingXMLReader) {
        while true {
            let step = reader.next()
            if step == .node {
                handleNode(reader)
                if readUpTo != nil { tellReadUpTo(reader) }
            }
            if reader.hasErrors { report(reader.takeErrors()) }
            if step != .node {
                if step == .stopped, !sawFatalError {
                    // libxml2 stopped without telling a handler why (see ValidatingXMLReader).
                    let error = source.syntaxError(lastError: reader.lastError(), parserPosition: reader.parserPosition)
                    diagnostics.append(error)
                    firstSyntaxError = error
                    sawFatalError = true
                }
                return
            }
            if sawFatalError { return }
        }
    }

    /// Tells `readUpTo`, every megabyte or so, the offset libxml2 has read up to, less a margin:
    /// libxml2 reads ahead of the node it hands over, whose attributes are read where written.
    mutating func tellReadUpTo(_ reader: ValidatingXMLReader) {
        nodesSinceReport += 1
        guard nodesSinceReport >= 1_024, let readUpTo else { return }
        nodesSinceReport = 0
        let offset = reader.bytesConsumed - (64 << 10)
        if offset - reportedOffset >= JourneyImporter.readReportStep {
            reportedOffset = offset
            readUpTo(offset)
        }
    }

    mutating func fail(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(.error(message, at: location, hint: hint))
        sawFatalError = true
    }

    mutating func finish() -> ImportedJourney {
        guard !sawFatalError, let journey else {
            return ImportedJourney(journey: nil, diagnostics: diagnostics.sorted(), sourceMap: sourceMap)
        }
        return ImportedJourney(journey: journey, diagnostics: diagnostics, sourceMap: sourceMap, comments: comments.finished())
    }

    /// Hands schema errors to the locator; any other error stops the file.
    mutating func report(_ errors: [LibXMLError]) {
        for error in errors where !sawFatalError {
            if error.isSchemaError {
                if let diagnostic = schemaErrors.receive(error, in: source) { diagnostics.append(diagnostic) }
            } else if !error.isWarning {
                let (message, hint) = XMLSyntaxMessages.rewrite(error)
                fail(message, at: source.location(line: error.line, column: error.column), hint: hint)
                firstSyntaxError = diagnostics.last
            }
        }
    }

    // MARK: Nodes

    mutating func handleNode(_ reader: ValidatingXMLReader) {
        switch reader.nodeKind {
        case .element:
            let isEmpty = reader.isEmptyElement
            startElement(reader)
            if isEmpty { endElement() }
        case .endElement:
            endElement()
        case .text:
            // Only inside a text element; between elements it is indentation, left unread.
            guard parentKind == .text, let value = reader.value else { break }
            openText?.text += value
        case .comment:
            comments.read(comment: reader.value ?? "")
        case .processingInstruction:
            comments.read(instruction: reader.localName, data: reader.value ?? "")
        case .documentType:
            // Refused before parsing already; this only guards against a prolog the scan missed.
            fail("a <!DOCTYPE> declaration is not allowed in a journey file", at: source.location(ofOffset: 0))
        case .entityReference:
            fail("entity references are not allowed in a journey file", at: source.location(ofOffset: 0))
        case .other:
            break
        }
    }

    mutating func startElement(_ reader: ValidatingXMLReader) {
        let nameBytes = reader.localNameBytes
        let elementName = ElementName(nameBytes)
        let name = elementName?.text ?? String(decoding: nameBytes, as: UTF8.self)
        let inNamespace = reader.isInNamespace(Self.namespaceBytes)
        let offset = source.nextStartTag()
        if let offset { source.attributes(ofTagAt: offset, into: &rawAttributes) } else { rawAttributes.removeAll(keepingCapacity: true) }
        let location = offset.map { source.location(ofOffset: $0) } ?? source.location(ofOffset: 0)
        let schemaDiagnostics = schemaErrors.elementStarted(name: name, offset: offset, tagEnd: source.lastTagEnd,
                                                            attributes: rawAttributes, in: source)
        if !schemaDiagnostics.isEmpty { diagnostics += schemaDiagnostics }
        // The values are read where they are written when that is what libxml2 would hand
        // over, sparing its walk over the attributes and a copy of each (see `valuesAreAsWritten`).
        let valuesAreAsWritten = offset.map { source.startTag(at: $0, hasLocalName: nameBytes) } == true
            && reader.attributeCount == rawAttributes.count && source.attributesAreAsWritten(rawAttributes)
        if !valuesAreAsWritten { reader.unqualifiedAttributes(into: &attributeBytes) }
        attributeIndex.fill(rawAttributes, in: source)
        let attributes = XMLAttributes(values: attributeBytes, raw: rawAttributes, source: source, element: location,
                                       valuesAreAsWritten: valuesAreAsWritten, index: attributeIndex)
        if frames.isEmpty { comments.schemaLocation = reader.attribute("schemaLocation", namespace: XMLCommentAnchoring.schemaInstance) }

        guard inNamespace else {
            if frames.isEmpty { journey = nil }
            frames.append(.skipped)
            comments.elementStarted(nil, name: name)
            return
        }
        let frame: FrameKind
        switch (parentKind, elementName) {
        case (nil, .journey?), (nil, .catalog?):
            isCatalog = elementName == .catalog
            var value = Journey(id: "", title: "", location: location)
            value.id = id(attributes, kind: "journey")
            value.title = attributes[.title] ?? ""
            if let lang = attributes[.lang] {
                value.lang = lang
                sourceMap.record(valueLocation(attributes, .lang), of: .lang, in: location)
            }
            value.audience = idList(attributes, .audience, .audience)
            value.ignore = idList(attributes, .ignore, .ignore)
            journey = value
            frame = .journey
        case (.journey?, .description?): frame = openText(.journeyDescription)
        case (.journey?, .uses?):
            if let href = attributes[.href], let journeyLocation = journey?.location {
                sourceMap.record(valueLocation(attributes, .href), of: .uses, index: journey?.uses.count ?? 0, in: journeyLocation)
                journey?.uses.append(href)
            }
            frame = .skipped
        case (.journey?, .persona?):
            var persona = blankPersonas.persona(at: location)
            persona.id = id(attributes, kind: "persona")
            persona.name = nonEmptyText(attributes, .name) ?? ""
            let channels = idList(attributes, .channels, .channels)
            if !channels.isEmpty { persona.channels = channels }
            let ignore = idList(attributes, .ignore, .ignore)
            if !ignore.isEmpty { persona.ignore = ignore }
            openPersona = persona
            frame = .persona
        case (.journey?, .channel?):
            var channel = Channel(id: "", name: "", location: location)
            channel.id = id(attributes, kind: "channel")
            channel.name = nonEmptyText(attributes, .name) ?? ""
            channel.kind = choice(attributes, .kind) ?? .other
            channel.status = choice(attributes, .status) ?? .live
            channel.owner = nonEmptyText(attributes, .owner)
            channel.ignore = idList(attributes, .ignore, .ignore)
            openChannel = channel
            frame = .channel
        case (.journey?, .stage?):
            var stage = Stage(id: "", name: "", location: location)
            stage.id = id(attributes, kind: "stage")
            stage.name = nonEmptyText(attributes, .name) ?? ""
            stage.ignore = idList(attributes, .ignore, .ignore)
            openStage = stage
            frame = .stage
        case (.persona?, .description?): frame = openText(.personaDescription)
        case (.persona?, .goal?): frame = openText(.goal)
        case (.channel?, .description?): frame = openText(.channelDescription)
        case (.stage?, .description?): frame = openText(.stageDescription)
        case (.stage?, .touchpoint?):
            // Copied from a blank one: the initialiser compares every rare field with its default.
            var touchpoint = Self.blankTouchpoint
            touchpoint.location = location
            touchpoint.id = id(attributes, kind: "touchpoint")
            touchpoint.name = nonEmptyText(attributes, .name) ?? ""
            touchpoint.channels = idList(attributes, .channels, .channels)
            touchpoint.personas = idList(attributes, .personas, .personas)
            touchpoint.initiator = choice(attributes, .initiator) ?? .customer
            touchpoint.owner = nonEmptyText(attributes, .owner)
            touchpoint.emotion = emotion(attributes)
            touchpoint.entry = bool(attributes, .entry) ?? false
            touchpoint.momentOfTruth = bool(attributes, .momentOfTruth) ?? false
            touchpoint.next = idList(attributes, .next, .next)
            // Rare fields are set only when present: each assignment goes through the
            // out-of-line storage's setter, which costs even for a nil.
            if let handoff = reference(attributes, .handoff) { touchpoint.handoff = handoff }
            if let journey = attributes[.journey] { touchpoint.journey = journey }
            let ignore = idList(attributes, .ignore, .ignore)
            if !ignore.isEmpty { touchpoint.ignore = ignore }
            openTouchpoint = touchpoint
            frame = .touchpoint
        case (.touchpoint?, .description?): frame = openText(.touchpointDescription)
        case (.touchpoint?, .pain?): frame = openText(.pain)
        case (.touchpoint?, .opportunity?): frame = openText(.opportunity)
        case (.touchpoint?, .kpi?):
            openKPI = Touchpoint.KPI(name: nonEmptyText(attributes, .name) ?? "", target: attributes[.target])
            frame = .kpi
        case (.touchpoint?, .experience?):
            let persona = reference(attributes, .persona)
            var experience = Experience(persona: persona ?? "", location: location)
            if persona != nil { sourceMap.record(valueLocation(attributes, .persona), of: .persona, in: location) }
            experience.emotion = emotion(attributes)
            openExperience = experience
            frame = .experience
        case (.experience?, .pain?): frame = openText(.experiencePain)
        case (.experience?, .quote?): frame = openText(.quote)
        case (.touchpoint?, .evidence?), (.persona?, .evidence?):
            let evidence = Evidence(kind: choice(attributes, .kind) ?? .assumption, source: attributes[.source] ?? "",
                                    date: date(attributes, .date), note: attributes[.note])
            if parentKind == .touchpoint { openTouchpoint?.evidence.append(evidence) } else { openPersona?.evidence.append(evidence) }
            frame = .skipped
        case (.touchpoint?, .backstage?):
            openBackstage = BackstageStep(name: nonEmptyText(attributes, .name) ?? "", lane: choice(attributes, .lane) ?? .backstage,
                                          owner: nonEmptyText(attributes, .owner))
            frame = .backstage
        case (.backstage?, .description?): frame = openText(.backstageDescription)
        case (.journey?, .scenario?):
            var scenario = Scenario(id: "", name: "", location: location)
            scenario.id = id(attributes, kind: "scenario")
            scenario.name = nonEmptyText(attributes, .name) ?? ""
            openScenario = scenario
            frame = .scenario
        case (.scenario?, .description?): frame = openText(.scenarioDescription)
        case (.scenario?, .channel?):
            if let scenarioLocation = openScenario?.location, let ref = attributes[.ref],
               let status: Channel.Status = choice(attributes, .status) {
                sourceMap.record(valueLocation(attributes, .ref), of: .channels, index: openScenario?.channels.count ?? 0, in: scenarioLocation)
                openScenario?.channels.append(Scenario.ChannelStatus(channel: ref, status: status))
            }
            frame = .skipped
        case (.journey?, .tag?), (.persona?, .tag?), (.channel?, .tag?), (.stage?, .tag?), (.touchpoint?, .tag?):
            if let (owner, index, _) = labelOwner() { sourceMap.record(location, of: .tags, index: index, in: owner) }
            frame = openText(.tag)
        case (.journey?, .property?), (.persona?, .property?), (.channel?, .property?), (.stage?, .property?), (.touchpoint?, .property?):
            if let (owner, _, index) = labelOwner() {
                sourceMap.record(attributes[.name] != nil ? valueLocation(attributes, .name) : location, of: .properties, index: index, in: owner)
            }
            frame = openText(.property(attributes[.name] ?? ""))
        default:
            frame = .skipped
        }
        frames.append(frame)
        let element: XMLComments.Element? = switch frame {
        case .journey: .journey
        case .persona: openPersona.map { .persona($0.id) }
        case .channel: openChannel.map { .channel($0.id) }
        case .stage: openStage.map { .stage($0.id) }
        case .touchpoint: openTouchpoint.map { .touchpoint($0.id) }
        default: nil
        }
        comments.elementStarted(element, name: name)
    }

    /// Starts reading the text of an element into `field`.
    mutating func openText(_ field: TextField) -> FrameKind {
        openText = (field, "")
        return .text
    }

    mutating func endElement() {
        comments.elementEnded()
        schemaErrors.elementEnded()
        guard let frame = frames.popLast() else { return }
        // Each finished element is moved out of its slot (`take()`) into its parent's, so
        // that the arrays it holds are never shared and grow in place.
        switch frame {
        case .journey, .skipped:
            break
        case .persona: if let persona = openPersona.take() { journey?.personas.append(persona) }
        case .channel: if let channel = openChannel.take() { journey?.channels.append(channel) }
        case .stage: if let stage = openStage.take() { journey?.stages.append(stage) }
        case .touchpoint: if let touchpoint = openTouchpoint.take() { openStage?.touchpoints.append(touchpoint) }
        case .kpi: if let kpi = openKPI.take() { openTouchpoint?.kpis.append(kpi) }
        case .experience: if let experience = openExperience.take() { openTouchpoint?.experiences.append(experience) }
        case .backstage: if let step = openBackstage.take() { openTouchpoint?.backstage.append(step) }
        case .scenario: if let scenario = openScenario.take() { journey?.scenarios.append(scenario) }
        case .text:
            guard let (field, text) = openText.take() else { return }
            switch field {
            case .journeyDescription: journey?.description = text
            case .personaDescription: openPersona?.description = text
            case .goal: openPersona?.goals.append(text)
            case .channelDescription: openChannel?.description = text
            case .stageDescription: openStage?.description = text
            case .touchpointDescription: openTouchpoint?.description = text
            case .pain: openTouchpoint?.pains.append(text)
            case .opportunity: openTouchpoint?.opportunities.append(text)
            case .tag:
                switch parentKind {
                case .journey?: journey?.tags.append(text)
                case .persona?: openPersona?.tags.append(text)
                case .channel?: openChannel?.tags.append(text)
                case .stage?: openStage?.tags.append(text)
                case .touchpoint?: openTouchpoint?.tags.append(text)
                default: break
                }
            case .property(let name):
                let property = Property(name: name, value: text)
                switch parentKind {
                case .journey?: journey?.properties.append(property)
                case .persona?: openPersona?.properties.append(property)
                case .channel?: openChannel?.properties.append(property)
                case .stage?: openStage?.properties.append(property)
                case .touchpoint?: openTouchpoint?.properties.append(property)
                default: break
                }
            case .experiencePain: openExperience?.pains.append(text)
            case .quote: openExperience?.quote = text
            case .backstageDescription: openBackstage?.description = text
            case .scenarioDescription: openScenario?.description = text
            }
        }
    }

    /// The model element whose `<tag>` or `<property>` starts now: its location and how many tags and properties it has so far.
    func labelOwner() -> (SourceLocation, Int, Int)? {
        func counts(_ location: SourceLocation?, _ tags: [String], _ properties: [Property]) -> (SourceLocation, Int, Int)? {
            location.map { ($0, tags.count, properties.count) }
        }
        return switch parentKind {
        case .journey?: journey.flatMap { counts($0.location, $0.tags, $0.properties) }
        case .persona?: openPersona.flatMap { counts($0.location, $0.tags, $0.properties) }
        case .channel?: openChannel.flatMap { counts($0.location, $0.tags, $0.properties) }
        case .stage?: openStage.flatMap { counts($0.location, $0.tags, $0.properties) }
        case .touchpoint?: openTouchpoint.flatMap { counts($0.location, $0.tags, $0.properties) }
        default: nil
        }
    }

    /// The kind of the innermost open element, `nil` at the root.
    var parentKind: FrameKind? { frames.last }
}
