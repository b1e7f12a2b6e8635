/// `unused-persona`: a persona no touchpoint is for.
public struct UnusedPersonaRule: Rule {
    public static let id = "unused-persona"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "A persona no touchpoint is for.",
        explanation: """
            A persona that is in no touchpoint's audience has no journey at all. A touchpoint without "personas" is \
            for everyone, so this only happens when every touchpoint names its personas and none names this one. \
            Add the persona to the touchpoints that are for them, or remove the persona.
            """,
        triggeringExamples: [
            .init("Every touchpoint names its personas and none names the former client (for the same reason, `channel-gap` reports them in every stage)", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}, {"id": "former-client", "name": "Former client"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "evaluate",
                      "name": "Evaluate",
                      "touchpoints": [
                        {
                          "id": "landing",
                          "name": "Reads the landing page",
                          "channels": ["web"],
                          "personas": ["alex"],
                          "kpis": [{"name": "Visits"}]
                        }
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("A touchpoint without `personas` is for every persona", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}, {"id": "former-client", "name": "Former client"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "evaluate",
                      "name": "Evaluate",
                      "touchpoints": [
                        {
                          "id": "landing",
                          "name": "Reads the landing page",
                          "channels": ["web"],
                          "kpis": [{"name": "Visits"}]
                        }
                      ]
                    }
                  ]
                }
                """),
        ]
    )

    public init() {}

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        var inAudience: Set<String> = []
        for placed in journey.touchpoints {
            if placed.touchpoint.personas.isEmpty { return [] }  // a touchpoint for everyone
            inAudience.formUnion(placed.touchpoint.personas)
        }
        return journey.journey.personas.compactMap { persona in
            guard !inAudience.contains(persona.id) else { return nil }
            // A catalogue's personas serve the whole portfolio: `cjm portfolio` lists those no journey uses.
            guard journey.journey.isOwnDeclaration(at: persona.location) else { return nil }
            return finding(
                "No touchpoint is for persona \(persona.name)",
                hint: "add the persona to the \"personas\" of the touchpoints that are for them, or remove it",
                at: persona.location, in: journey, references: [.persona: persona.id])
        }
    }
}
