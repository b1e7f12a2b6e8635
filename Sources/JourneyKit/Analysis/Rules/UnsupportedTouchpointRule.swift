/// `unsupported-touchpoint`: in a journey with a service blueprint, a touchpoint that matters and has no backstage step.
public struct UnsupportedTouchpointRule: Rule {
    public static let id = "unsupported-touchpoint"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "In a journey with backstage steps, a moment of truth or business-initiated touchpoint without one.",
        explanation: """
            Once a team maps the work behind the touchpoints (the "backstage" steps of a service blueprint), the \
            touchpoints that matter most — moments of truth, and contacts the business starts — should show what \
            makes them happen; without it nobody knows who prepares them or what breaks when they fail. The rule \
            only looks at journeys with at least one backstage step, so journeys that do not use the blueprint \
            layer are left alone. Add the staff, support or system steps in "backstage".
            """,
        triggeringExamples: [
            .init("The order is prepared backstage, but nothing says who sends the reminder the business starts", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "ana", "name": "Ana"}],
                  "channels": [{"id": "whatsapp", "name": "WhatsApp", "owner": "sales"}],
                  "stages": [
                    {
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {
                          "id": "order",
                          "name": "Orders",
                          "channels": ["whatsapp"],
                          "kpis": [{"name": "Orders"}],
                          "backstage": [{"name": "Checks stock in the warehouse", "owner": "warehouse"}]
                        },
                        {
                          "id": "reminder",
                          "name": "Gets a payment reminder",
                          "channels": ["whatsapp"],
                          "initiator": "business",
                          "kpis": [{"name": "Payments after a reminder"}]
                        }
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("A journey without any backstage step is not checked", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "ana", "name": "Ana"}],
                  "channels": [{"id": "whatsapp", "name": "WhatsApp", "owner": "sales"}],
                  "stages": [
                    {
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {
                          "id": "reminder",
                          "name": "Gets a payment reminder",
                          "channels": ["whatsapp"],
                          "initiator": "business",
                          "kpis": [{"name": "Payments after a reminder"}]
                        }
                      ]
                    }
                  ]
                }
                """),
            .init("The reminder has its backstage step", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "ana", "name": "Ana"}],
                  "channels": [{"id": "whatsapp", "name": "WhatsApp", "owner": "sales"}],
                  "stages": [
                    {
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {
                          "id": "reminder",
                          "name": "Gets a payment reminder",
                          "channels": ["whatsapp"],
                          "initiator": "business",
                          "kpis": [{"name": "Payments after a reminder"}],
                          "backstage": [{"name": "Lists unpaid orders", "lane": "system", "owner": "shop software"}]
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
        guard journey.hasBackstage else { return [] }
        return journey.touchpoints.compactMap { placed in
            let touchpoint = placed.touchpoint
            let matters = touchpoint.momentOfTruth || touchpoint.initiator == .business
            guard matters, touchpoint.backstage.isEmpty else { return nil }
            let why = touchpoint.momentOfTruth ? "a moment of truth" : "started by the business"
            return finding(
                "\(Wording.quoted(touchpoint.name)) is \(why) but has no backstage step",
                hint: "add the staff, support or system work that makes it happen in \"backstage\"",
                at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id])
        }
    }
}
