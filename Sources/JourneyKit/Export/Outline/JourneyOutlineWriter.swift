/// Writes a journey as a plain-text outline, one fact per line, for `git diff` textconv.
///
/// Line-based diff tools compare lines; in the outline every field of every element is its
/// own line, prefixed by the element it belongs to, so a changed emotion shows as one
/// changed line whatever the file's format or layout.
public enum JourneyOutlineWriter {
    /// The outline of `journey`: one fact per line, for line-based diffs.
    public static func write(_ journey: Journey) -> String {
        var lines: [String] = []
        lines.append("journey \(journey.id): \(journey.title)")
        add(&lines, "  ", "lang", journey.lang)
        add(&lines, "  ", "description", journey.description)
        for path in journey.uses { add(&lines, "  ", "uses", path) }
        add(&lines, "  ", "audience", journey.audience)
        labels(&lines, "  ", journey.tags, journey.properties)
        add(&lines, "  ", "ignore", journey.ignore)
        for persona in journey.personas {
            lines.append("persona \(persona.id): \(persona.name)")
            add(&lines, "  ", "description", persona.description)
            for goal in persona.goals { add(&lines, "  ", "goal", goal) }
            add(&lines, "  ", "channels", persona.channels.isEmpty ? nil : persona.channels.joined(separator: " "))
            for evidence in persona.evidence { add(&lines, "  ", "evidence", evidence.displayText) }
            labels(&lines, "  ", persona.tags, persona.properties)
            add(&lines, "  ", "ignore", persona.ignore)
        }
        for channel in journey.channels {
            lines.append("channel \(channel.id): \(channel.name)")
            lines.append("  kind: \(channel.kind.rawValue)")
            lines.append("  status: \(channel.status.rawValue)")
            add(&lines, "  ", "owner", channel.owner)
            add(&lines, "  ", "description", channel.description)
            labels(&lines, "  ", channel.tags, channel.properties)
            add(&lines, "  ", "ignore", channel.ignore)
        }
        for stage in journey.stages {
            lines.append("stage \(stage.id): \(stage.name)")
            add(&lines, "  ", "description", stage.description)
            labels(&lines, "  ", stage.tags, stage.properties)
            add(&lines, "  ", "ignore", stage.ignore)
            for touchpoint in stage.touchpoints {
                lines.append("  touchpoint \(touchpoint.id): \(touchpoint.name)")
                let indent = "    "
                add(&lines, indent, "description", touchpoint.description)
                add(&lines, indent, "channels", touchpoint.channels)
                add(&lines, indent, "personas", touchpoint.personas.isEmpty ? "(everyone)" : touchpoint.personas.joined(separator: " "))
                lines.append("\(indent)initiator: \(touchpoint.initiator.rawValue)")
                add(&lines, indent, "owner", touchpoint.owner)
                add(&lines, indent, "emotion", touchpoint.emotion.map { $0 > 0 ? "+\($0)" : "\($0)" })
                if touchpoint.entry { lines.append("\(indent)entry: true") }
                if touchpoint.momentOfTruth { lines.append("\(indent)moment of truth: true") }
                add(&lines, indent, "next", touchpoint.next)
                add(&lines, indent, "handoff", touchpoint.handoff)
                add(&lines, indent, "journey", touchpoint.journey)
                for pain in touchpoint.pains { add(&lines, indent, "pain", pain) }
                for opportunity in touchpoint.opportunities { add(&lines, indent, "opportunity", opportunity) }
                for kpi in touchpoint.kpis { add(&lines, indent, "kpi", kpi.displayText) }
                for experience in touchpoint.experiences { add(&lines, indent, "experience \(experience.persona)", experience.displayText) }
                for evidence in touchpoint.evidence { add(&lines, indent, "evidence", evidence.displayText) }
                for step in touchpoint.backstage { add(&lines, indent, "backstage", step.displayText) }
                labels(&lines, indent, touchpoint.tags, touchpoint.properties)
                add(&lines, indent, "ignore", touchpoint.ignore)
            }
        }
        for scenario in journey.scenarios {
            lines.append("scenario \(scenario.id): \(scenario.name)")
            add(&lines, "  ", "description", scenario.description)
            for override in scenario.channels { lines.append("  channel \(override.channel): \(override.status.rawValue)") }
        }
        return lines.map(TerminalText.sanitize).joined(separator: "\n") + "\n"
    }

    /// One `tag` line per tag (a changed tag shows as one changed line), one `property NAME` line per property.
    private static func labels(_ lines: inout [String], _ indent: String, _ tags: [String], _ properties: [Property]) {
        for tag in tags { add(&lines, indent, "tag", tag) }
        for property in properties { add(&lines, indent, "property \(property.name)", property.value) }
    }

    private static func add(_ lines: inout [String], _ indent: String, _ label: String, _ value: String?) {
        guard let value else { return }
        lines.append("\(indent)\(label): \(value)")
    }

    private static func add(_ lines: inout [String], _ indent: String, _ label: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        lines.append("\(indent)\(label): \(values.joined(separator: " "))")
    }
}
