/// `channel-gap`: a persona that a whole stage does not reach.
public struct ChannelGapRule: Rule {
    public init() {}
    public let id = "channel-gap"
    public let defaultSeverity = Diagnostic.Severity.warning
    public let summary = "A persona that no touchpoint of a stage reaches."
    public let explanation = """
        When no touchpoint of a stage reaches a persona (through a live channel the persona uses), that persona \
        has no way through the stage: the journey breaks for them even if it works for everyone else. Stages \
        without touchpoints are left to empty-stage. Add a touchpoint for the persona on a channel they use, \
        include them in an existing touchpoint, or suppress the rule on the persona if the stage does not apply \
        to them.
        """

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for stage in journey.journey.stages where !stage.touchpoints.isEmpty {
            for persona in journey.journey.personas
            where !stage.touchpoints.contains(where: { journey.touchpoint($0, reaches: persona.id) }) {
                findings.append(finding(
                    "No touchpoint of stage \(Wording.quoted(stage.name)) reaches \(persona.name)",
                    hint: "add a touchpoint for this persona on a live channel they use, or add the persona to one of the stage's touchpoints",
                    at: stage.location, in: journey, references: [.persona: persona.id, .stage: stage.id]))
            }
        }
        return findings
    }
}
