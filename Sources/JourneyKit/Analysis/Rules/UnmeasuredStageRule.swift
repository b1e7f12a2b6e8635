/// `unmeasured-stage`: a stage whose touchpoints have no KPI.
public struct UnmeasuredStageRule: Rule {
    public static let id = "unmeasured-stage"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "A stage whose touchpoints have no KPI.",
        explanation: """
            When no touchpoint of a stage has a KPI, nobody can tell whether the stage works or whether a change \
            made it better. Add "kpis" to at least one of its touchpoints, ideally with a target.
            """,
        triggeringExamples: [
            .init("No touchpoint of the stage has a KPI", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "after-sales",
                      "name": "After-sales",
                      "touchpoints": [{"id": "warranty", "name": "Asks about the warranty", "channels": ["web"]}]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("The warranty request is measured", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "after-sales",
                      "name": "After-sales",
                      "touchpoints": [
                        {
                          "id": "warranty",
                          "name": "Asks about the warranty",
                          "channels": ["web"],
                          "kpis": [{"name": "Days to resolve", "target": "less than 10"}]
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
            guard !stage.touchpoints.isEmpty, !stage.touchpoints.contains(where: { !$0.kpis.isEmpty }) else { return nil }
            return finding(
                "No touchpoint of stage \(Wording.quoted(stage.name)) has a KPI",
                hint: "add \"kpis\" to at least one of its touchpoints",
                at: stage.location, in: journey, references: [.stage: stage.id])
        }
    }
}
