/// One field of a journey element, described once: its JSON key, its XML spelling, its type,
/// default and one-line meaning.
///
/// The importers' known keys, the schemas, the diff, the outline and the field tables of
/// `docs/format.md` are checked against this table by tests, so that a field added to the
/// model but forgotten in one of them fails a test (see "Adding a field" in docs/format.md).
public struct FieldDescription: Sendable, Hashable {
    /// How the field is spelt in XML.
    public enum XMLSpelling: Sendable, Hashable {
        /// An attribute of the element's start tag.
        case attribute(String)
        /// A child element, repeated for lists.
        case element(String)
        /// Not written in XML (the JSON `$schema` reference).
        case none
    }

    /// The kinds of value, as the documentation names them.
    public enum ValueType: String, Sendable, Hashable {
        case id, text, texts = "list of texts", ids = "list of ids", choice, integer = "whole number", boolean = "true or false"
        case date = "date YYYY-MM-DD", languageTag = "language tag", properties = "name → text"
        case channelStatuses = "channel id → status", objects = "list of objects"
    }

    /// The key in JSON, e.g. `momentOfTruth`.
    public var json: String
    /// The spelling in XML.
    public var xml: XMLSpelling
    /// The kind of value.
    public var type: ValueType
    /// The value when the field is left out (`nil` for none), as written in the file.
    public var defaultValue: String?
    /// Whether the field must be given.
    public var isRequired: Bool
    /// What the field means, in one line.
    public var summary: String

    public init(_ json: String, _ xml: XMLSpelling, _ type: ValueType, default defaultValue: String? = nil,
                required isRequired: Bool = false, _ summary: String) {
        self.json = json
        self.xml = xml
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.summary = summary
    }
}

/// The fields of every element of the journey format, in canonical order.
public enum JourneyFields {
    /// The element names (the JSON object kinds), in the order the documentation lists them.
    public static let elements = ["journey", "persona", "channel", "stage", "touchpoint", "kpi", "experience", "evidence", "backstage", "scenario"]

    private static let tags = FieldDescription("tags", .element("tag"), .texts, "Labels for grouping and filtering; non-empty, no duplicates.")
    private static let properties = FieldDescription("properties", .element("property"), .properties,
                                                     "Team data such as `jira: CX-142`; XML: `<property name=\"jira\">CX-142</property>`.")
    private static let ignore = FieldDescription("ignore", .attribute("ignore"), .ids, "Analyser rule ids suppressed for findings about this element.")
    private static let evidence = FieldDescription("evidence", .element("evidence"), .objects, "What this is based on (see evidence).")

    /// The fields of `element`, in canonical order; empty for an unknown element.
    public static func fields(of element: String) -> [FieldDescription] {
        switch element {
        case "journey": [
            FieldDescription("$schema", .none, .text, "The JSON Schema reference, kept by `cjm fmt`; JSON only."),
            FieldDescription("id", .attribute("id"), .id, required: true, "Identifier of the journey."),
            FieldDescription("title", .attribute("title"), .text, required: true, "Human title, shown on diagrams and reports."),
            FieldDescription("lang", .attribute("lang"), .languageTag, "BCP 47 language tag of the journey's texts, e.g. `es`, `en-GB`."),
            FieldDescription("description", .element("description"), .text, "What this journey covers."),
            FieldDescription("uses", .element("uses"), .texts,
                             "Catalogues whose personas and channels it uses: relative paths; XML: `<uses href=\"…\"/>`."),
            FieldDescription("audience", .attribute("audience"), .ids, "Personas the journey is about; none means every persona it declares or imports."),
            FieldDescription("personas", .element("persona"), .objects, "The kinds of customer who go through the journey."),
            FieldDescription("channels", .element("channel"), .objects, "The channels of contact, planned and retired ones included."),
            FieldDescription("stages", .element("stage"), .objects, "The stages, in the order customers go through them."),
            FieldDescription("scenarios", .element("scenario"), .objects, "Alternative states of the journey (e.g. to-be), for `--scenario`."),
            tags, properties, ignore,
        ]
        case "persona": [
            FieldDescription("id", .attribute("id"), .id, required: true, "Identifier, unique among personas."),
            FieldDescription("name", .attribute("name"), .text, required: true, "Human name."),
            FieldDescription("description", .element("description"), .text, "Who this persona is."),
            FieldDescription("goals", .element("goal"), .texts, "What this persona wants to achieve."),
            FieldDescription("channels", .attribute("channels"), .ids, "Channels this persona uses; none means every channel."),
            evidence, tags, properties, ignore,
        ]
        case "channel": [
            FieldDescription("id", .attribute("id"), .id, required: true, "Identifier, unique among channels."),
            FieldDescription("name", .attribute("name"), .text, required: true, "Human name."),
            FieldDescription("kind", .attribute("kind"), .choice, default: "other", "web, app, email, phone, messaging, social, ads, store, mail or other."),
            FieldDescription("status", .attribute("status"), .choice, default: "live", "live, planned or retired."),
            FieldDescription("owner", .attribute("owner"), .text, "The team responsible for the channel."),
            FieldDescription("description", .element("description"), .text, "Notes about the channel."),
            tags, properties, ignore,
        ]
        case "stage": [
            FieldDescription("id", .attribute("id"), .id, required: true, "Identifier, unique among stages."),
            FieldDescription("name", .attribute("name"), .text, required: true, "Human name."),
            FieldDescription("description", .element("description"), .text, "What happens in this stage."),
            FieldDescription("touchpoints", .element("touchpoint"), .objects, "The moments of contact, in order."),
            tags, properties, ignore,
        ]
        case "touchpoint": [
            FieldDescription("id", .attribute("id"), .id, required: true, "Identifier, unique among all touchpoints."),
            FieldDescription("name", .attribute("name"), .text, required: true, "Human name."),
            FieldDescription("description", .element("description"), .text, "What happens here."),
            FieldDescription("channels", .attribute("channels"), .ids, "Channels this touchpoint happens on."),
            FieldDescription("personas", .attribute("personas"), .ids, "Personas it is for; none means every persona."),
            FieldDescription("initiator", .attribute("initiator"), .choice, default: "customer", "Who starts the contact: customer or business."),
            FieldDescription("owner", .attribute("owner"), .text, "The team responsible."),
            FieldDescription("emotion", .attribute("emotion"), .integer, "How the customer feels, from -2 to 2."),
            FieldDescription("entry", .attribute("entry"), .boolean, default: "false", "Whether customers can start the journey here."),
            FieldDescription("momentOfTruth", .attribute("momentOfTruth"), .boolean, default: "false", "Whether this moment decides how customers see the business."),
            FieldDescription("next", .attribute("next"), .ids, "Touchpoints that follow this one."),
            FieldDescription("handoff", .attribute("handoff"), .text, "What context is passed on when customers arrive from another channel."),
            FieldDescription("journey", .attribute("journey"), .id, "The id of the journey of the portfolio that details or continues it."),
            FieldDescription("pains", .element("pain"), .texts, "What goes wrong for customers here."),
            FieldDescription("opportunities", .element("opportunity"), .texts, "Ideas to make it better."),
            FieldDescription("kpis", .element("kpi"), .objects, "How it is measured (see kpi)."),
            FieldDescription("experiences", .element("experience"), .objects, "How each persona lives it, one per persona (see experience)."),
            evidence,
            FieldDescription("backstage", .element("backstage"), .objects, "The work behind it that customers do not see (see backstage)."),
            tags, properties, ignore,
        ]
        case "kpi": [
            FieldDescription("name", .attribute("name"), .text, required: true, "What is measured."),
            FieldDescription("target", .attribute("target"), .text, "The value aimed for."),
        ]
        case "experience": [
            FieldDescription("persona", .attribute("persona"), .id, required: true, "The persona; it must be in the touchpoint's audience."),
            FieldDescription("emotion", .attribute("emotion"), .integer, "How this persona feels, -2 to 2; the touchpoint's emotion when left out."),
            FieldDescription("pains", .element("pain"), .texts, "What goes wrong for this persona here."),
            FieldDescription("quote", .element("quote"), .text, "Something this persona said."),
        ]
        case "evidence": [
            FieldDescription("kind", .attribute("kind"), .choice, required: true,
                             "interview, survey, analytics, support, observation, usability-test or assumption."),
            FieldDescription("source", .attribute("source"), .text, required: true, "The study, report or dashboard."),
            FieldDescription("date", .attribute("date"), .date, "When it was gathered; a day that exists."),
            FieldDescription("note", .attribute("note"), .text, "Anything worth knowing about it."),
        ]
        case "backstage": [
            FieldDescription("name", .attribute("name"), .text, required: true, "What is done."),
            FieldDescription("lane", .attribute("lane"), .choice, default: "backstage", "backstage, support or system."),
            FieldDescription("owner", .attribute("owner"), .text, "The team or person who does it."),
            FieldDescription("description", .element("description"), .text, "More about it."),
        ]
        case "scenario": [
            FieldDescription("id", .attribute("id"), .id, required: true, "Identifier, unique among scenarios."),
            FieldDescription("name", .attribute("name"), .text, required: true, "Human name, e.g. \"To be\"."),
            FieldDescription("description", .element("description"), .text, "What the scenario assumes."),
            FieldDescription("channels", .element("channel"), .channelStatuses,
                             "Channel statuses in this scenario; XML: `<channel ref=\"…\" status=\"…\"/>`."),
        ]
        default: []
        }
    }

    /// The Markdown table of `element`'s fields, as docs/format.md shows it.
    public static func markdownTable(of element: String) -> String {
        var lines = ["| JSON | XML | Type | Default | Required | Meaning |", "|---|---|---|---|---|---|"]
        for field in fields(of: element) {
            let xml = switch field.xml {
            case .attribute(let name): "`\(name)=\"…\"`"
            case .element(let name): "`<\(name)>`"
            case .none: "—"
            }
            lines.append("| `\(field.json)` | \(xml) | \(field.type.rawValue) | \(field.defaultValue.map { "`\($0)`" } ?? "") | \(field.isRequired ? "yes" : "") | \(field.summary) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
