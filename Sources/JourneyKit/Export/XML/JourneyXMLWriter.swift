/// Writes a journey in the canonical XML form: attributes in the model's field order,
/// defaults and empty lists left out, two-space indent, UTF-8, final newline.
///
/// Like the JSON writer's, the output is canonical: reading a canonical file and writing it
/// back gives the same bytes, and converting JSON → XML → JSON loses nothing.
///
/// XML 1.0 cannot hold most control characters (U+0000–U+001F other than tab, line feed and
/// carriage return, and U+FFFE, U+FFFF), not even as character references; a journey with one
/// of them in its text cannot be written, and `write` throws `UnrepresentableText` naming
/// where it is. Ids in space-separated lists cannot be empty or contain spaces either.
public enum JourneyXMLWriter {
    /// Why a journey cannot be written as XML.
    public struct UnrepresentableText: Error, Sendable, Hashable, CustomStringConvertible {
        /// The field that holds the text, e.g. `name of touchpoint "call"`.
        public var field: String
        /// Why it cannot be written.
        public var reason: String

        /// The error for `field`, saying why XML cannot hold it.
        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }

        /// E.g. "the name holds a control character".
        public var description: String { "the \(field) \(reason)" }
    }

    /// The canonical XML text of `journey`, with `comments` (from the XML file it was read
    /// from) before the elements they preceded there.
    public static func write(_ journey: Journey, comments: XMLComments = XMLComments()) throws(UnrepresentableText) -> String {
        try write(journey, root: "journey", comments: comments)
    }

    /// The canonical XML text of a journey-shaped document whose root element is `root`
    /// (`journey`, or `catalog` for a catalogue, which has no stages).
    static func write(_ journey: Journey, root: String, comments: XMLComments) throws(UnrepresentableText) -> String {
        var out = XMLOutput(comments: comments)
        out.prolog(instructions: comments.prologInstructions)
        var attributes: [(String, String)] = [("xmlns", XMLJourneyImporter.namespace)]
        if let schemaLocation = comments.schemaLocation {
            attributes += [("xmlns:xsi", XMLCommentAnchoring.schemaInstance), ("xsi:schemaLocation", schemaLocation)]
        }
        attributes += [("id", journey.id), ("title", journey.title)]
        if let lang = journey.lang { attributes.append(("lang", lang)) }
        try list("audience", journey.audience, of: "journey", to: &attributes)
        try list("ignore", journey.ignore, of: "journey", to: &attributes)
        let hasChildren = journey.description != nil || !journey.uses.isEmpty || !journey.personas.isEmpty || !journey.channels.isEmpty || !journey.stages.isEmpty
            || !journey.scenarios.isEmpty || !journey.tags.isEmpty || !journey.properties.isEmpty
        out.element = .journey
        if try out.start(root, attributes, of: root, isEmpty: !hasChildren) {
            try out.textElement("description", journey.description, of: root)
            for path in journey.uses { _ = try out.start("uses", [("href", path)], of: root, isEmpty: true) }
            for persona in journey.personas { try write(persona, to: &out) }
            for channel in journey.channels { try write(channel, to: &out) }
            for stage in journey.stages { try write(stage, to: &out) }
            out.element = .journey
            for scenario in journey.scenarios { try write(scenario, to: &out) }
            try labels(journey.tags, journey.properties, of: root, to: &out)
            out.end(root)
        }
        out.comments(at: .afterDocument)
        return out.text.string
    }

    private static func write(_ persona: Persona, to out: inout XMLOutput) throws(UnrepresentableText) {
        func owner() -> String { "persona \"\(persona.id)\"" }
        var attributes = [("id", persona.id), ("name", persona.name)]
        try list("channels", persona.channels, of: owner(), to: &attributes)
        try list("ignore", persona.ignore, of: owner(), to: &attributes)
        let hasChildren = persona.description != nil || !persona.goals.isEmpty || !persona.evidence.isEmpty
            || !persona.tags.isEmpty || !persona.properties.isEmpty
        out.element = .persona(persona.id)
        guard try out.start("persona", attributes, of: owner(), isEmpty: !hasChildren) else { return }
        try out.textElement("description", persona.description, of: owner())
        for goal in persona.goals { try out.textElement("goal", goal, of: owner()) }
        for evidence in persona.evidence { try write(evidence, of: owner(), to: &out) }
        try labels(persona.tags, persona.properties, of: owner(), to: &out)
        out.end("persona")
    }

    private static func write(_ channel: Channel, to out: inout XMLOutput) throws(UnrepresentableText) {
        func owner() -> String { "channel \"\(channel.id)\"" }
        var attributes = [("id", channel.id), ("name", channel.name)]
        if channel.kind != .other { attributes.append(("kind", channel.kind.rawValue)) }
        if channel.status != .live { attributes.append(("status", channel.status.rawValue)) }
        if let value = channel.owner { attributes.append(("owner", value)) }
        try list("ignore", channel.ignore, of: owner(), to: &attributes)
        out.element = .channel(channel.id)
        let hasChildren = channel.description != nil || !channel.tags.isEmpty || !channel.properties.isEmpty
        guard try out.start("channel", attributes, of: owner(), isEmpty: !hasChildren) else { return }
        try out.textElement("description", channel.description, of: owner())
        try labels(channel.tags, channel.properties, of: owner(), to: &out)
        out.end("channel")
    }

    private static func write(_ stage: Stage, to out: inout XMLOutput) throws(UnrepresentableText) {
        func owner() -> String { "stage \"\(stage.id)\"" }
        var attributes = [("id", stage.id), ("name", stage.name)]
        try list("ignore", stage.ignore, of: owner(), to: &attributes)
        let hasChildren = stage.description != nil || !stage.touchpoints.isEmpty || !stage.tags.isEmpty || !stage.properties.isEmpty
        out.element = .stage(stage.id)
        guard try out.start("stage", attributes, of: owner(), isEmpty: !hasChildren) else { return }
        try out.textElement("description", stage.description, of: owner())
        for touchpoint in stage.touchpoints { try write(touchpoint, to: &out) }
        out.element = .stage(stage.id)
        try labels(stage.tags, stage.properties, of: owner(), to: &out)
        out.end("stage")
    }

    private static func write(_ touchpoint: Touchpoint, to out: inout XMLOutput) throws(UnrepresentableText) {
        func owner() -> String { "touchpoint \"\(touchpoint.id)\"" }
        var attributes = [("id", touchpoint.id), ("name", touchpoint.name)]
        try list("channels", touchpoint.channels, of: owner(), to: &attributes)
        try list("personas", touchpoint.personas, of: owner(), to: &attributes)
        if touchpoint.initiator != .customer { attributes.append(("initiator", touchpoint.initiator.rawValue)) }
        if let value = touchpoint.owner { attributes.append(("owner", value)) }
        if let emotion = touchpoint.emotion { attributes.append(("emotion", String(emotion))) }
        if touchpoint.entry { attributes.append(("entry", "true")) }
        if touchpoint.momentOfTruth { attributes.append(("momentOfTruth", "true")) }
        try list("next", touchpoint.next, of: owner(), to: &attributes)
        if let value = touchpoint.handoff { attributes.append(("handoff", value)) }
        if let value = touchpoint.journey { attributes.append(("journey", value)) }
        try list("ignore", touchpoint.ignore, of: owner(), to: &attributes)
        let hasChildren = touchpoint.description != nil || !touchpoint.pains.isEmpty
            || !touchpoint.opportunities.isEmpty || !touchpoint.kpis.isEmpty || !touchpoint.experiences.isEmpty
            || !touchpoint.evidence.isEmpty || !touchpoint.backstage.isEmpty || !touchpoint.tags.isEmpty || !touchpoint.properties.isEmpty
        out.element = .touchpoint(touchpoint.id)
        guard try out.start("touchpoint", attributes, of: owner(), isEmpty: !hasChildren) else { return }
        try out.textElement("description", touchpoint.description, of: owner())
        for pain in touchpoint.pains { try out.textElement("pain", pain, of: owner()) }
        for opportunity in touchpoint.opportunities { try out.textElement("opportunity", opportunity, of: owner()) }
        for kpi in touchpoint.kpis {
            var kpiAttributes = [("name", kpi.name)]
            if let target = kpi.target { kpiAttributes.append(("target", target)) }
            _ = try out.start("kpi", kpiAttributes, of: "KPI \"\(kpi.name)\" of \(owner())", isEmpty: true)
        }
        for experience in touchpoint.experiences {
            func experienceOwner() -> String { "experience of \"\(experience.persona)\" at \(owner())" }
            var experienceAttributes = [("persona", experience.persona)]
            if let emotion = experience.emotion { experienceAttributes.append(("emotion", String(emotion))) }
            let isEmpty = experience.pains.isEmpty && experience.quote == nil
            if try out.start("experience", experienceAttributes, of: experienceOwner(), isEmpty: isEmpty) {
                for pain in experience.pains { try out.nestedTextElement("pain", pain, of: experienceOwner()) }
                if let quote = experience.quote { try out.nestedTextElement("quote", quote, of: experienceOwner()) }
                out.endNested("experience")
            }
        }
        for evidence in touchpoint.evidence { try write(evidence, of: owner(), to: &out) }
        for step in touchpoint.backstage {
            func stepOwner() -> String { "backstage step \"\(step.name)\" of \(owner())" }
            var stepAttributes = [("name", step.name)]
            if step.lane != .backstage { stepAttributes.append(("lane", step.lane.rawValue)) }
            if let value = step.owner { stepAttributes.append(("owner", value)) }
            if try out.start("backstage", stepAttributes, of: stepOwner(), isEmpty: step.description == nil) {
                if let description = step.description { try out.nestedTextElement("description", description, of: stepOwner()) }
                out.endNested("backstage")
            }
        }
        try labels(touchpoint.tags, touchpoint.properties, of: owner(), to: &out)
        out.end("touchpoint")
    }

    private static func write(_ evidence: Evidence, of owner: @autoclosure () -> String, to out: inout XMLOutput) throws(UnrepresentableText) {
        var attributes = [("kind", evidence.kind.rawValue), ("source", evidence.source)]
        if let date = evidence.date { attributes.append(("date", date.description)) }
        if let note = evidence.note { attributes.append(("note", note)) }
        _ = try out.start("evidence", attributes, of: "evidence of \(owner())", isEmpty: true)
    }

    private static func write(_ scenario: Scenario, to out: inout XMLOutput) throws(UnrepresentableText) {
        func owner() -> String { "scenario \"\(scenario.id)\"" }
        let attributes = [("id", scenario.id), ("name", scenario.name)]
        guard try out.start("scenario", attributes, of: owner(), isEmpty: scenario.description == nil && scenario.channels.isEmpty) else { return }
        if let description = scenario.description { try out.nestedTextElement("description", description, of: owner()) }
        for override in scenario.channels {
            _ = try out.start("channel", [("ref", override.channel), ("status", override.status.rawValue)], of: owner(), isEmpty: true)
        }
        out.endNested("scenario")
    }

    /// `<tag>` and `<property>` elements, which every model element may have.
    private static func labels(_ tags: [String], _ properties: [Property], of owner: @autoclosure () -> String, to out: inout XMLOutput) throws(UnrepresentableText) {
        for tag in tags { try out.textElement("tag", tag, of: owner()) }
        for property in properties { try out.textElement("property", property.value, attributes: [("name", property.name)], of: owner()) }
    }

    /// Adds a space-separated id list attribute when the list is not empty.
    private static func list(
        _ name: String, _ ids: [String], of owner: @autoclosure () -> String, to attributes: inout [(String, String)]
    ) throws(UnrepresentableText) {
        guard !ids.isEmpty else { return }
        // Looking at Characters only when a byte could start one of them: most ids have no white space.
        for id in ids where id.isEmpty || id.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            && id.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            throw UnrepresentableText(field: "\(name) list of \(owner())",
                                      reason: "holds \"\(id)\", which cannot be an item of a space-separated XML list")
        }
        attributes.append((name, ids.joined(separator: " ")))
    }
}

/// Indented XML text with escaping and the file's comments; only the journey writer uses it.
///
/// Written as UTF-8 bytes (`UTF8Text`), which is what makes writing a large journey about as
/// fast as reading it (issue 19); the comment bookkeeping is skipped when there are no comments.
private struct XMLOutput {
    var text = UTF8Text()
    private var depth = 0
    private let comments: XMLComments
    /// Whether the file had comments: when not, no child needs counting to anchor one.
    private let hasComments: Bool
    /// The model element being written, which anchors the comments of its children and end tag.
    var element: XMLComments.Element = .journey
    private var childCounts: [String: Int] = [:]
    private var openElements: [XMLComments.Element] = []

    init(comments: XMLComments) {
        self.comments = comments
        hasComments = !comments.isEmpty
    }

    /// The XML declaration and the processing instructions the file had before its root.
    mutating func prolog(instructions: [String]) {
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        for instruction in instructions {
            text.append("<?")
            text.verbatim(instruction)
            text.append("?>\n")
        }
    }

    /// Writes the comments that stood at `anchor`.
    mutating func comments(at anchor: XMLComments.Anchor) {
        guard hasComments else { return }
        for comment in comments[anchor] {
            indent()
            text.append("<!--")
            text.verbatim(comment)
            text.append("-->\n")
        }
    }

    /// Writes a start tag, or an empty-element tag; returns whether the element was left open
    /// (it has children, or comments before its end tag), so the caller writes its content and end.
    mutating func start(_ name: String, _ attributes: [(String, String)], of owner: @autoclosure () -> String, isEmpty: Bool) throws(JourneyXMLWriter.UnrepresentableText) -> Bool {
        let isModelElement = ["journey", "catalog", "persona", "channel", "stage", "touchpoint"].contains(name)
        if isModelElement {
            comments(at: .before(element))
        } else {
            countChild(name)
        }
        // Comments before the end tag need the element open, even when it has no children.
        let hasEndComments = isModelElement && hasComments && !comments[.end(element)].isEmpty
        let isEmpty = isEmpty && !hasEndComments
        if isModelElement {
            openElements.append(element)
            childCounts = [:]
            if isEmpty { openElements.removeLast() }
        }
        indent()
        text.append("<")
        text.verbatim(name)
        try self.attributes(attributes, of: owner)
        if isEmpty {
            text.append("/>\n")
            return false
        }
        text.append(">\n")
        depth += 1
        return true
    }

    /// `<name>text</name>` inside an element that is not a model element (an experience, a
    /// backstage step, a scenario); the reader keeps no comments there, so none are written.
    mutating func nestedTextElement(_ name: String, _ value: String, of owner: @autoclosure () -> String) throws(JourneyXMLWriter.UnrepresentableText) {
        indent()
        text.append("<")
        text.verbatim(name)
        text.append(">")
        try escaped(value, inAttribute: false, field: "\(name) of \(owner())")
        closingTag(name)
    }

    /// The end tag of an element that is not a model element.
    mutating func endNested(_ name: String) {
        depth -= 1
        indent()
        closingTag(name)
    }

    mutating func end(_ name: String) {
        if let closing = openElements.popLast() {
            comments(at: .end(closing))
            element = openElements.last ?? .journey
        }
        depth -= 1
        indent()
        closingTag(name)
    }

    /// `<name>text</name>` on one line, when `value` is present.
    mutating func textElement(
        _ name: String, _ value: String?, attributes: [(String, String)] = [], of owner: @autoclosure () -> String
    ) throws(JourneyXMLWriter.UnrepresentableText) {
        guard let value else { return }
        countChild(name)
        indent()
        text.append("<")
        text.verbatim(name)
        try self.attributes(attributes, of: owner)
        text.append(">")
        try escaped(value, inAttribute: false, field: "\(name) of \(owner())")
        closingTag(name)
    }

    /// Counts a child element of `element` and writes the comments that stood before it.
    private mutating func countChild(_ name: String) {
        guard hasComments else { return }
        let index = childCounts[name, default: 0]
        childCounts[name] = index + 1
        comments(at: .beforeChild(element, name: name, index: index))
    }

    private mutating func attributes(_ attributes: [(String, String)], of owner: () -> String) throws(JourneyXMLWriter.UnrepresentableText) {
        for (attribute, value) in attributes {
            text.append(" ")
            text.verbatim(attribute)
            text.append("=\"")
            try escaped(value, inAttribute: true, field: "\(attribute) of \(owner())")
            text.append("\"")
        }
    }

    private mutating func indent() {
        text.indentation(depth)
    }

    private mutating func closingTag(_ name: String) {
        text.append("</")
        text.verbatim(name)
        text.append(">\n")
    }

    /// Appends `value` escaped for element text or a double-quoted attribute value
    /// (`UTF8Text.escapedXML`).
    ///
    /// `&`, `<`, `>` and (in attributes) `"` become entities; tab, line feed and carriage
    /// return in attributes, carriage return in text, and DEL and the C1 controls everywhere
    /// become character references, so that a parser gives back exactly the same text (XML
    /// normalises white space in attributes and line ends everywhere). A scalar XML 1.0 cannot
    /// hold is an error naming `field`, which is only built then.
    private mutating func escaped(
        _ value: String, inAttribute: Bool, field: @autoclosure () -> String
    ) throws(JourneyXMLWriter.UnrepresentableText) {
        guard let scalar = text.escapedXML(value, inAttribute: inAttribute, referencingControls: true) else { return }
        let code = String(scalar.value, radix: 16, uppercase: true)
        throw JourneyXMLWriter.UnrepresentableText(
            field: field(),
            reason: "contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which XML 1.0 cannot hold")
    }
}
