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
        out.field("lang", journey.lang)
        out.field("description", journey.description)
        out.field("uses", journey.uses)
        out.field("audience", journey.audience)
        list("personas", journey.personas, to: &out, write(_:to:))
        list("channels", journey.channels, to: &out, write(_:to:))
        list("stages", journey.stages, to: &out, write(_:to:))
        list("scenarios", journey.scenarios, to: &out, write(_:to:))
        labels(journey.tags, journey.properties, to: &out)
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
        list("evidence", persona.evidence, to: &out, write(_:to:))
        labels(persona.tags, persona.properties, to: &out)
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
        labels(channel.tags, channel.properties, to: &out)
        out.field("ignore", channel.ignore)
        out.endObject()
    }

    private static func write(_ stage: Stage, to out: inout JSONOutput) {
        out.beginObject()
        out.field("id", stage.id)
        out.field("name", stage.name)
        out.field("description", stage.description)
        list("touchpoints", stage.touchpoints, to: &out, write(_:to:))
        labels(stage.tags, stage.properties, to: &out)
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
            out.field("emotion", emotion)
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
        out.field("journey", touchpoint.journey)
        out.field("pains", touchpoint.pains)
        out.field("opportunities", touchpoint.opportunities)
        list("kpis", touchpoint.kpis, to: &out) { kpi, out in
            out.beginObject()
            out.field("name", kpi.name)
            out.field("target", kpi.target)
            out.endObject()
        }
        list("experiences", touchpoint.experiences, to: &out) { experience, out in
            out.beginObject()
            out.field("persona", experience.persona)
            if let emotion = experience.emotion {
                out.field("emotion", emotion)
            }
            out.field("pains", experience.pains)
            out.field("quote", experience.quote)
            out.endObject()
        }
        list("evidence", touchpoint.evidence, to: &out, write(_:to:))
        list("backstage", touchpoint.backstage, to: &out) { step, out in
            out.beginObject()
            out.field("name", step.name)
            if step.lane != .backstage { out.field("lane", step.lane.rawValue) }
            out.field("owner", step.owner)
            out.field("description", step.description)
            out.endObject()
        }
        labels(touchpoint.tags, touchpoint.properties, to: &out)
        out.field("ignore", touchpoint.ignore)
        out.endObject()
    }

    private static func write(_ evidence: Evidence, to out: inout JSONOutput) {
        out.beginObject()
        out.field("kind", evidence.kind.rawValue)
        out.field("source", evidence.source)
        out.field("date", evidence.date?.description)
        out.field("note", evidence.note)
        out.endObject()
    }

    private static func write(_ scenario: Scenario, to out: inout JSONOutput) {
        out.beginObject()
        out.field("id", scenario.id)
        out.field("name", scenario.name)
        out.field("description", scenario.description)
        if !scenario.channels.isEmpty {
            out.key("channels")
            out.beginObject()
            for override in scenario.channels { out.field(override.channel, override.status.rawValue) }
            out.endObject()
        }
        out.endObject()
    }

    /// `tags` and `properties`, which every element but the KPI may have.
    private static func labels(_ tags: [String], _ properties: [Property], to out: inout JSONOutput) {
        out.field("tags", tags)
        guard !properties.isEmpty else { return }
        out.key("properties")
        out.beginObject()
        for property in properties { out.field(property.name, property.value) }
        out.endObject()
    }
}
