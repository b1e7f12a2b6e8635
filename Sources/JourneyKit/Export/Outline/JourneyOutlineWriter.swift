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
        add(&lines, "  ", "description", journey.description)
        add(&lines, "  ", "ignore", journey.ignore)
        for persona in journey.personas {
            lines.append("persona \(persona.id): \(persona.name)")
            add(&lines, "  ", "description", persona.description)
            for goal in persona.goals { add(&lines, "  ", "goal", goal) }
            add(&lines, "  ", "channels", persona.channels.isEmpty ? nil : persona.channels.joined(separator: " "))
            add(&lines, "  ", "ignore", persona.ignore)
        }
        for channel in journey.channels {
            lines.append("channel \(channel.id): \(channel.name)")
            lines.append("  kind: \(channel.kind.rawValue)")
            lines.append("  status: \(channel.status.rawValue)")
            add(&lines, "  ", "owner", channel.owner)
            add(&lines, "  ", "description", channel.description)
            add(&lines, "  ", "ignore", channel.ignore)
        }
        for stage in journey.stages {
            lines.append("stage \(stage.id): \(stage.name)")
            add(&lines, "  ", "description", stage.description)
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
                for pain in touchpoint.pains { add(&lines, indent, "pain", pain) }
                for opportunity in touchpoint.opportunities { add(&lines, indent, "opportunity", opportunity) }
                for kpi in touchpoint.kpis { add(&lines, indent, "kpi", kpi.displayText) }
                add(&lines, indent, "ignore", touchpoint.ignore)
            }
        }
        return lines.map(TerminalText.sanitize).joined(separator: "\n") + "\n"
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
