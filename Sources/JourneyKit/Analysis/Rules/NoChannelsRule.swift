/// `no-channels`: a journey with touchpoints that declares no channel at all, as `cjm import`
/// makes from a Mermaid journey. The channel rules stay silent on such a journey (they would
/// flag every touchpoint and stage); this one finding says what to add instead.
public struct NoChannelsRule: Rule {
    public static let id = "no-channels"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "A journey with touchpoints but no channels.",
        explanation: """
            Without channels cjm cannot tell which touchpoints reach which persona, so the channel rules \
            (unserved-touchpoint, channel-gap, broken-handoff, unused-channel) do not run on such a journey and this \
            one finding takes their place. It is typical right after `cjm import` of a Mermaid journey: declare the \
            channels the business runs (website, phone, front desk …) and list them on the touchpoints.
            """,
        triggeringExamples: [
            .init("The journey was imported from a Mermaid diagram and has no channels yet", json: """
                {
                  "id": "example",
                  "title": "Dental clinic",
                  "personas": [{"id": "maria", "name": "María"}],
                  "stages": [
                    {
                      "id": "book",
                      "name": "Book",
                      "touchpoints": [
                        {"id": "call", "name": "Calls the clinic", "owner": "front-desk"},
                        {"id": "confirm", "name": "Gets a confirmation", "owner": "front-desk"}
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("The phone line is declared and the touchpoints happen on it", json: """
                {
                  "id": "example",
                  "title": "Dental clinic",
                  "personas": [{"id": "maria", "name": "María"}],
                  "channels": [{"id": "phone", "name": "Phone", "owner": "front-desk"}],
                  "stages": [
                    {
                      "id": "book",
                      "name": "Book",
                      "touchpoints": [
                        {"id": "call", "name": "Calls the clinic", "channels": ["phone"], "owner": "front-desk"},
                        {"id": "confirm", "name": "Gets a confirmation", "channels": ["phone"], "owner": "front-desk"}
                      ]
                    }
                  ]
                }
                """),
        ]
    )

    public init() {}

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        guard !journey.declaresChannels, !journey.touchpoints.isEmpty else { return [] }
        return [finding(
            "This journey declares no channels, so cjm cannot tell who is reached: add channels and list them on the touchpoints",
            hint: "declare the channels the business runs (website, phone, front desk …) and name them in each touchpoint's \"channels\"",
            at: journey.journey.location, in: journey, references: [:])]
    }
}
