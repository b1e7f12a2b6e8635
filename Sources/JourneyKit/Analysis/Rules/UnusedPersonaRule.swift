/// `unused-persona`: a persona no touchpoint is for.
public struct UnusedPersonaRule: Rule {
    public init() {}
    public let id = "unused-persona"
    public let defaultSeverity = Diagnostic.Severity.info
    public let summary = "A persona no touchpoint is for."
    public let explanation = """
        A persona that is in no touchpoint's audience has no journey at all. A touchpoint without "personas" is \
        for everyone, so this only happens when every touchpoint names its personas and none names this one. \
        Add the persona to the touchpoints that are for them, or remove the persona.
        """

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        var inAudience: Set<String> = []
        for placed in journey.touchpoints {
            if placed.touchpoint.personas.isEmpty { return [] }  // a touchpoint for everyone
            inAudience.formUnion(placed.touchpoint.personas)
        }
        return journey.journey.personas.compactMap { persona in
            guard !inAudience.contains(persona.id) else { return nil }
            return finding(
                "No touchpoint is for persona \(persona.name)",
                hint: "add the persona to the \"personas\" of the touchpoints that are for them, or remove it",
                at: persona.location, in: journey, references: [.persona: persona.id])
        }
    }
}
