/// Builds the model from libxml2's stream of nodes, with the source scan alongside for exact
/// positions; schema errors and comments are placed by their own helpers as tags go by.
struct XMLJourneyReader {
    /// The text-valued child elements, and where their text goes.
    enum TextField {
        case journeyDescription, personaDescription, goal, channelDescription, stageDescription
        case touchpointDescription, pain, opportunity
        case tag, property(String), experiencePain, quote, backstageDescription, scenarioDescription
    }

    /// An element being read, with what has been read of it so far.
    enum Frame {
        case journey
        case persona(Persona)
        case channel(Channel)
        case stage(Stage)
        case touchpoint(Touchpoint)
        case kpi(Touchpoint.KPI)
        case experience(Experience)
        case backstage(BackstageStep)
        case scenario(Scenario)
        case text(TextField, String)
        /// An element the schema does not allow; the schema error says so, and its content is skipped.
        case skipped
    }

    /// What a frame is, without its payload: asking the parent's kind copies nothing, where
    /// `frames.last` copied a whole touchpoint (and retained every field) on each child element.
    enum FrameKind {
        case journey, persona, channel, stage, touchpoint, kpi, experience, backstage, scenario, text, skipped
    }

    /// The element names of the journey vocabulary, found from libxml2's bytes once per
    /// element rather than by comparing a String against each name in turn.
    enum ElementName: CaseIterable {
        case journey, catalog, description, uses, persona, channel, stage, goal, touchpoint, pain, opportunity
        case kpi, experience, quote, evidence, backstage, scenario, tag, property

        private static let spellings: [(ElementName, [UInt8])] = allCases.map { ($0, Array("\($0)".utf8)) }

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let match = Self.spellings.first(where: { $0.1.count == bytes.count && $0.1.elementsEqual(bytes) }) else { return nil }
            self = match.0
        }
    }

    var source: XMLSourceText
    var diagnostics: [Diagnostic] = []
    var sourceMap = SourceMap()
    var journey: Journey?
    /// Whether the root element was `<catalog>` rather than `<journey>`.
    var isCatalog = false
    var frames: [Frame] = []
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
    /// Channel and persona lists, so that touchpoints naming the same ones share one array.
    var internedLists = XMLIDLists()
    /// Told how far libxml2 has read (see `XMLJourneyImporter.importJourney(from:path:validator:readUpTo:)`).
    var readUpTo: ((Int) -> Void)?
    /// The offset last told to `readUpTo`.
    var reportedOffset = 0
    /// Nodes read since libxml2 was last asked how far it has read.
    var nodesSinceReport = 0

    static let namespaceBytes = Array(XMLJourneyImporter.namespace.utf8)

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
            report(reader.takeErrors())
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
            updateParent { if case .text(let field, var text) = $0 { $0 = .skipped; text += value; $0 = .text(field, text) } }
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
        let name = String(decoding: nameBytes, as: UTF8.self)
        let inNamespace = reader.isInNamespace(Self.namespaceBytes)
        let offset = source.nextStartTag()
        if let offset { source.attributes(ofTagAt: offset, into: &rawAttributes) } else { rawAttributes.removeAll(keepingCapacity: true) }
        let location = offset.map { source.location(ofOffset: $0) } ?? source.location(ofOffset: 0)
        diagnostics += schemaErrors.elementStarted(name: name, offset: offset, tagEnd: source.lastTagEnd,
                                                   attributes: rawAttributes, in: source)
        // The values are read where they are written when that is what libxml2 would hand
        // over, sparing its walk over the attributes and a copy of each (see `valuesAreAsWritten`).
        let valuesAreAsWritten = offset.map { source.startTag(at: $0, hasLocalName: nameBytes) } == true
            && reader.attributeCount == rawAttributes.count && source.attributesAreAsWritten(rawAttributes)
        if !valuesAreAsWritten { reader.unqualifiedAttributes(into: &attributeBytes) }
        let attributes = XMLAttributes(values: attributeBytes, raw: rawAttributes, source: source, element: location,
                                       valuesAreAsWritten: valuesAreAsWritten)
        if frames.isEmpty { comments.schemaLocation = reader.attribute("schemaLocation", namespace: XMLCommentAnchoring.schemaInstance) }

        guard inNamespace else {
            if frames.isEmpty { journey = nil }
            frames.append(.skipped)
            comments.elementStarted(nil, name: name)
            return
        }
        let frame: Frame
        switch (parentKind, elementName) {
        case (nil, .journey?), (nil, .catalog?):
            isCatalog = elementName == .catalog
            var value = Journey(id: "", title: "", location: location)
            value.id = id(attributes, kind: "journey")
            value.title = attributes["title"] ?? ""
            if let lang = attributes["lang"] {
                value.lang = lang
                sourceMap.record(valueLocation(attributes, "lang"), of: .lang, in: location)
            }
            value.audience = idList(attributes, "audience", .audience)
            value.ignore = idList(attributes, "ignore", .ignore)
            journey = value
            frame = .journey
        case (.journey?, .description?): frame = .text(.journeyDescription, "")
        case (.journey?, .uses?):
            if let href = attributes["href"], let journeyLocation = journey?.location {
                sourceMap.record(valueLocation(attributes, "href"), of: .uses, index: journey?.uses.count ?? 0, in: journeyLocation)
                journey?.uses.append(href)
            }
            frame = .skipped
        case (.journey?, .persona?):
            var persona = blankPersonas.persona(at: location)
            persona.id = id(attributes, kind: "persona")
            persona.name = nonEmptyText(attributes, "name") ?? ""
            let channels = idList(attributes, "channels", .channels)
            if !channels.isEmpty { persona.channels = channels }
            let ignore = idList(attributes, "ignore", .ignore)
            if !ignore.isEmpty { persona.ignore = ignore }
            frame = .persona(persona)
        case (.journey?, .channel?):
            var channel = Channel(id: "", name: "", location: location)
            channel.id = id(attributes, kind: "channel")
            channel.name = nonEmptyText(attributes, "name") ?? ""
            channel.kind = choice(attributes, "kind") ?? .other
            channel.status = choice(attributes, "status") ?? .live
            channel.owner = nonEmptyText(attributes, "owner")
            channel.ignore = idList(attributes, "ignore", .ignore)
            frame = .channel(channel)
        case (.journey?, .stage?):
            var stage = Stage(id: "", name: "", location: location)
            stage.id = id(attributes, kind: "stage")
            stage.name = nonEmptyText(attributes, "name") ?? ""
            stage.ignore = idList(attributes, "ignore", .ignore)
            frame = .stage(stage)
        case (.persona?, .description?): frame = .text(.personaDescription, "")
        case (.persona?, .goal?): frame = .text(.goal, "")
        case (.channel?, .description?): frame = .text(.channelDescription, "")
        case (.stage?, .description?): frame = .text(.stageDescription, "")
        case (.stage?, .touchpoint?):
            var touchpoint = Touchpoint(id: "", name: "", location: location)
            touchpoint.id = id(attributes, kind: "touchpoint")
            touchpoint.name = nonEmptyText(attributes, "name") ?? ""
            touchpoint.channels = idList(attributes, "channels", .channels)
            touchpoint.personas = idList(attributes, "personas", .personas)
            touchpoint.initiator = choice(attributes, "initiator") ?? .customer
            touchpoint.owner = nonEmptyText(attributes, "owner")
            touchpoint.emotion = emotion(attributes)
            touchpoint.entry = bool(attributes, "entry") ?? false
            touchpoint.momentOfTruth = bool(attributes, "momentOfTruth") ?? false
            touchpoint.next = idList(attributes, "next", .next)
            // Rare fields are set only when present: each assignment goes through the
            // out-of-line storage's setter, which costs even for a nil.
            if let handoff = reference(attributes, "handoff") { touchpoint.handoff = handoff }
            if let journey = attributes["journey"] { touchpoint.journey = journey }
            let ignore = idList(attributes, "ignore", .ignore)
            if !ignore.isEmpty { touchpoint.ignore = ignore }
            frame = .touchpoint(touchpoint)
        case (.touchpoint?, .description?): frame = .text(.touchpointDescription, "")
        case (.touchpoint?, .pain?): frame = .text(.pain, "")
        case (.touchpoint?, .opportunity?): frame = .text(.opportunity, "")
        case (.touchpoint?, .kpi?):
            frame = .kpi(Touchpoint.KPI(name: nonEmptyText(attributes, "name") ?? "", target: attributes["target"]))
        case (.touchpoint?, .experience?):
            let persona = reference(attributes, "persona")
            var experience = Experience(persona: persona ?? "", location: location)
            if persona != nil { sourceMap.record(valueLocation(attributes, "persona"), of: .persona, in: location) }
            experience.emotion = emotion(attributes)
            frame = .experience(experience)
        case (.experience?, .pain?): frame = .text(.experiencePain, "")
        case (.experience?, .quote?): frame = .text(.quote, "")
        case (.touchpoint?, .evidence?), (.persona?, .evidence?):
            let evidence = Evidence(kind: choice(attributes, "kind") ?? .assumption, source: attributes["source"] ?? "",
                                    date: date(attributes, "date"), note: attributes["note"])
            updateParent {
                switch $0 {
                case .touchpoint(var touchpoint): $0 = .skipped; touchpoint.evidence.append(evidence); $0 = .touchpoint(touchpoint)
                case .persona(var persona): $0 = .skipped; persona.evidence.append(evidence); $0 = .persona(persona)
                default: break
                }
            }
            frame = .skipped
        case (.touchpoint?, .backstage?):
            frame = .backstage(BackstageStep(name: nonEmptyText(attributes, "name") ?? "", lane: choice(attributes, "lane") ?? .backstage,
                                             owner: nonEmptyText(attributes, "owner")))
        case (.backstage?, .description?): frame = .text(.backstageDescription, "")
        case (.journey?, .scenario?):
            var scenario = Scenario(id: "", name: "", location: location)
            scenario.id = id(attributes, kind: "scenario")
            scenario.name = nonEmptyText(attributes, "name") ?? ""
            frame = .scenario(scenario)
        case (.scenario?, .description?): frame = .text(.scenarioDescription, "")
        case (.scenario?, .channel?):
            if case .scenario(let scenario)? = frames.last, let ref = attributes["ref"], let status: Channel.Status = choice(attributes, "status"),
               let scenarioLocation = scenario.location {
                sourceMap.record(valueLocation(attributes, "ref"), of: .channels, index: scenario.channels.count, in: scenarioLocation)
                updateParent {
                    if case .scenario(var scenario) = $0 {
                        $0 = .skipped; scenario.channels.append(Scenario.ChannelStatus(channel: ref, status: status)); $0 = .scenario(scenario)
                    }
                }
            }
            frame = .skipped
        case (.journey?, .tag?), (.persona?, .tag?), (.channel?, .tag?), (.stage?, .tag?), (.touchpoint?, .tag?):
            if let (owner, index, _) = labelOwner() { sourceMap.record(location, of: .tags, index: index, in: owner) }
            frame = .text(.tag, "")
        case (.journey?, .property?), (.persona?, .property?), (.channel?, .property?), (.stage?, .property?), (.touchpoint?, .property?):
            if let (owner, _, index) = labelOwner() {
                sourceMap.record(attributes["name"] != nil ? valueLocation(attributes, "name") : location, of: .properties, index: index, in: owner)
            }
            frame = .text(.property(attributes["name"] ?? ""), "")
        default:
            frame = .skipped
        }
        frames.append(frame)
        let element: XMLComments.Element? = switch frame {
        case .journey: .journey
        case .persona(let persona): .persona(persona.id)
        case .channel(let channel): .channel(channel.id)
        case .stage(let stage): .stage(stage.id)
        case .touchpoint(let touchpoint): .touchpoint(touchpoint.id)
        default: nil
        }
        comments.elementStarted(element, name: name)
    }

    mutating func endElement() {
        comments.elementEnded()
        schemaErrors.elementEnded()
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
        case .experience(let experience):
            updateParent { if case .touchpoint(var touchpoint) = $0 { $0 = .skipped; touchpoint.experiences.append(experience); $0 = .touchpoint(touchpoint) } }
        case .backstage(let step):
            updateParent { if case .touchpoint(var touchpoint) = $0 { $0 = .skipped; touchpoint.backstage.append(step); $0 = .touchpoint(touchpoint) } }
        case .scenario(let scenario): journey?.scenarios.append(scenario)
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
            case .tag: updateLabels { tags, _ in tags.append(text) }
            case .property(let name): updateLabels { _, properties in properties.append(Property(name: name, value: text)) }
            case .experiencePain:
                updateParent { if case .experience(var experience) = $0 { experience.pains.append(text); $0 = .experience(experience) } }
            case .quote:
                updateParent { if case .experience(var experience) = $0 { experience.quote = text; $0 = .experience(experience) } }
            case .backstageDescription:
                updateParent { if case .backstage(var step) = $0 { step.description = text; $0 = .backstage(step) } }
            case .scenarioDescription:
                updateParent { if case .scenario(var scenario) = $0 { scenario.description = text; $0 = .scenario(scenario) } }
            }
        }
    }

    /// The model element whose `<tag>` or `<property>` starts now: its location and how many tags and properties it has so far.
    func labelOwner() -> (SourceLocation, Int, Int)? {
        switch frames.last {
        case .journey?: journey.flatMap { j in j.location.map { ($0, j.tags.count, j.properties.count) } }
        case .persona(let persona)?: persona.location.map { ($0, persona.tags.count, persona.properties.count) }
        case .channel(let channel)?: channel.location.map { ($0, channel.tags.count, channel.properties.count) }
        case .stage(let stage)?: stage.location.map { ($0, stage.tags.count, stage.properties.count) }
        case .touchpoint(let touchpoint)?: touchpoint.location.map { ($0, touchpoint.tags.count, touchpoint.properties.count) }
        default: nil
        }
    }

    /// Adds to the tags or properties of the model element that holds the `<tag>` or `<property>` just read.
    mutating func updateLabels(_ update: (inout [String], inout [Property]) -> Void) {
        if case .journey? = frames.last {
            if var value = journey {
                journey = nil
                update(&value.tags, &value.properties)
                journey = value
            }
            return
        }
        // A persona's or touchpoint's tags and properties are stored together out of line
        // (`RareFields`): taken out, changed and put back, not changed through two accesses at once.
        func updateLabels<Element>(of element: inout Element, _ tags: WritableKeyPath<Element, [String]>,
                                   _ properties: WritableKeyPath<Element, [Property]>) {
            var takenTags = element[keyPath: tags]
            var takenProperties = element[keyPath: properties]
            element[keyPath: tags] = []
            element[keyPath: properties] = []
            update(&takenTags, &takenProperties)
            element[keyPath: tags] = takenTags
            element[keyPath: properties] = takenProperties
        }
        updateParent {
            switch $0 {
            case .persona(var persona): $0 = .skipped; updateLabels(of: &persona, \.tags, \.properties); $0 = .persona(persona)
            case .channel(var channel): $0 = .skipped; update(&channel.tags, &channel.properties); $0 = .channel(channel)
            case .stage(var stage): $0 = .skipped; update(&stage.tags, &stage.properties); $0 = .stage(stage)
            case .touchpoint(var touchpoint): $0 = .skipped; updateLabels(of: &touchpoint, \.tags, \.properties); $0 = .touchpoint(touchpoint)
            default: break
            }
        }
    }

    /// The kind of the innermost open element, `nil` at the root.
    var parentKind: FrameKind? {
        guard !frames.isEmpty else { return nil }
        return switch frames[frames.count - 1] {
        case .journey: .journey
        case .persona: .persona
        case .channel: .channel
        case .stage: .stage
        case .touchpoint: .touchpoint
        case .kpi: .kpi
        case .experience: .experience
        case .backstage: .backstage
        case .scenario: .scenario
        case .text: .text
        case .skipped: .skipped
        }
    }

    /// Changes the parent frame. Each update first sets the frame to `.skipped` so that the
    /// payload it took out is the only reference to its arrays: appending then happens in place
    /// instead of copying a stage's touchpoints on every touchpoint (quadratic on large stages).
    mutating func updateParent(_ update: (inout Frame) -> Void) {
        guard !frames.isEmpty else { return }
        update(&frames[frames.count - 1])
    }
}
