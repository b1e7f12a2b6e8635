/// Writes a journey in the canonical JSON form: keys in the model's order, defaults and empty
/// lists left out, two-space indent, final newline.
///
/// Canonical means that reading a file and writing it back gives the same bytes when the
/// file was already canonical, so formatted files only change where the journey changed.
public enum JourneyJSONWriter {
    /// The canonical JSON text of `journey`.
    public static func write(_ journey: Journey) -> String {
        var out = JSONOutput()
        out.beginObject()
        out.field("$schema", journey.jsonSchema)
        out.field("id", journey.id)
        out.field("title", journey.title)
        out.field("description", journey.description)
        list("personas", journey.personas, to: &out, write(_:to:))
        list("channels", journey.channels, to: &out, write(_:to:))
        list("stages", journey.stages, to: &out, write(_:to:))
        out.field("ignore", journey.ignore)
        out.endObject()
        return out.document
    }

    private static func list<Element>(
        _ name: String, _ elements: [Element], to out: inout JSONOutput, _ write: (Element, inout JSONOutput) -> Void
    ) {
        guard !elements.isEmpty else { return }
        out.key(name)
        out.beginArray()
        for element in elements { write(element, &out) }
        out.endArray()
    }

    private static func write(_ persona: Persona, to out: inout JSONOutput) {
        out.beginObject()
        out.field("id", persona.id)
        out.field("name", persona.name)
        out.field("description", persona.description)
        out.field("goals", persona.goals)
        out.field("channels", persona.channels)
        out.field("ignore", persona.ignore)
        out.endObject()
    }

    private static func write(_ channel: Channel, to out: inout JSONOutput) {
        out.beginObject()
        out.field("id", channel.id)
        out.field("name", channel.name)
        if channel.kind != .other { out.field("kind", channel.kind.rawValue) }
        if channel.status != .live { out.field("status", channel.status.rawValue) }
        out.field("owner", channel.owner)
        out.field("description", channel.description)
        out.field("ignore", channel.ignore)
        out.endObject()
    }

    private static func write(_ stage: Stage, to out: inout JSONOutput) {
        out.beginObject()
        out.field("id", stage.id)
        out.field("name", stage.name)
        out.field("description", stage.description)
        list("touchpoints", stage.touchpoints, to: &out, write(_:to:))
        out.field("ignore", stage.ignore)
        out.endObject()
    }

    private static func write(_ touchpoint: Touchpoint, to out: inout JSONOutput) {
        out.beginObject()
        out.field("id", touchpoint.id)
        out.field("name", touchpoint.name)
        out.field("description", touchpoint.description)
        out.field("channels", touchpoint.channels)
        out.field("personas", touchpoint.personas)
        if touchpoint.initiator != .customer { out.field("initiator", touchpoint.initiator.rawValue) }
        out.field("owner", touchpoint.owner)
        if let emotion = touchpoint.emotion {
            out.key("emotion")
            out.integer(emotion)
        }
        if touchpoint.entry {
            out.key("entry")
            out.bool(true)
        }
        if touchpoint.momentOfTruth {
            out.key("momentOfTruth")
            out.bool(true)
        }
        out.field("next", touchpoint.next)
        out.field("handoff", touchpoint.handoff)
        out.field("pains", touchpoint.pains)
        out.field("opportunities", touchpoint.opportunities)
        list("kpis", touchpoint.kpis, to: &out) { kpi, out in
            out.beginObject()
            out.field("name", kpi.name)
            out.field("target", kpi.target)
            out.endObject()
        }
        out.field("ignore", touchpoint.ignore)
        out.endObject()
    }
}
