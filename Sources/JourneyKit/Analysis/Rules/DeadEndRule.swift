/// `dead-end`: a touchpoint where the flow stops before the journey ends.
public struct DeadEndRule: Rule {
    public static let id = "dead-end"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "A touchpoint with no `next` before the last stage.",
        explanation: """
            Once a journey has flows (at least one touchpoint with "next"), a touchpoint without "next" that is not \
            in the last stage with touchpoints is where customers are left without a next step. Sometimes that is \
            true (a complaint that closes the relationship), often it is a missing link. Add the touchpoints that \
            follow it to "next", or suppress the rule on the touchpoint when the journey really ends there.
            """,
        triggeringExamples: [
            .init("The menu leads nowhere although the journey goes on", json: """
                {
                  "id": "example",
                  "title": "Café",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "order",
                      "name": "Order",
                      "touchpoints": [
                        {"id": "menu", "name": "Browses the menu", "channels": ["web"]},
                        {
                          "id": "pay",
                          "name": "Pays",
                          "channels": ["web"],
                          "next": ["pick-up"],
                          "kpis": [{"name": "Orders"}]
                        }
                      ]
                    },
                    {
                      "id": "collect",
                      "name": "Collect",
                      "touchpoints": [
                        {
                          "id": "pick-up",
                          "name": "Picks up the order",
                          "channels": ["web"],
                          "kpis": [{"name": "Waiting time"}]
                        }
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("The menu leads to paying, and picking up the order, in the last stage, needs no `next`", json: """
                {
                  "id": "example",
                  "title": "Café",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "order",
                      "name": "Order",
                      "touchpoints": [
                        {"id": "menu", "name": "Browses the menu", "channels": ["web"], "next": ["pay"]},
                        {
                          "id": "pay",
                          "name": "Pays",
                          "channels": ["web"],
                          "next": ["pick-up"],
                          "kpis": [{"name": "Orders"}]
                        }
                      ]
                    },
                    {
                      "id": "collect",
                      "name": "Collect",
                      "touchpoints": [
                        {
                          "id": "pick-up",
                          "name": "Picks up the order",
                          "channels": ["web"],
                          "kpis": [{"name": "Waiting time"}]
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
        guard journey.hasFlows else { return [] }
        var findings: [Diagnostic] = []
        // The words are written when a finding is printed.
        let wording = FindingWording(Self.id, journey, message: { Self.message($0, $1) }, hint: { _, _ in Self.hint })
        journey.touchpoints.forEach { index, touchpoint, stageIndex in
            guard touchpoint.next.isEmpty, stageIndex != journey.lastStageWithTouchpoints else { return }
            findings.append(finding(WordingSubject(index), worded: wording, at: touchpoint.location))
        }
        return findings
    }

    private static func message(_ journey: AnalyzedJourney, _ subject: WordingSubject) -> String {
        "\(Wording.quoted(journey.touchpoints[Int(subject.first)].touchpoint.name)) is a dead end: it has no \"next\" and is not in the last stage"
    }

    private static let hint = "list the touchpoints that follow it in \"next\", or add \"ignore\": [\"\(id)\"] if the journey really ends here"
}
