/// `empty-stage`: a stage without touchpoints.
public struct EmptyStageRule: Rule {
    public static let id = "empty-stage"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "A stage without touchpoints.",
        explanation: """
            A stage with no touchpoints is a phase of the journey where the business has no contact with the \
            customer: either the map is unfinished or there is a real gap worth designing for. Add the touchpoints \
            of the stage, or remove the stage.
            """,
        triggeringExamples: [
            .init("Nothing happens in the Referral stage", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "engage",
                      "name": "Engage",
                      "touchpoints": [
                        {
                          "id": "letter",
                          "name": "Signs the engagement letter",
                          "channels": ["web"],
                          "kpis": [{"name": "Signed letters"}]
                        }
                      ]
                    },
                    {"id": "refer", "name": "Referral"}
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("The Referral stage has a touchpoint", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "engage",
                      "name": "Engage",
                      "touchpoints": [
                        {
                          "id": "letter",
                          "name": "Signs the engagement letter",
                          "channels": ["web"],
                          "kpis": [{"name": "Signed letters"}]
                        }
                      ]
                    },
                    {
                      "id": "refer",
                      "name": "Referral",
                      "touchpoints": [
                        {
                          "id": "review-request",
                          "name": "Is asked for a review",
                          "channels": ["web"],
                          "kpis": [{"name": "Reviews"}]
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
        journey.journey.stages.compactMap { stage in
            guard stage.touchpoints.isEmpty else { return nil }
            return finding(
                "Stage \(Wording.quoted(stage.name)) has no touchpoints",
                hint: "add the touchpoints of this stage, or remove it",
                at: stage.location, in: journey, references: [.stage: stage.id])
        }
    }
}
