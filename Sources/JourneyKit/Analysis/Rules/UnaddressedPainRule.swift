/// `unaddressed-pain`: a touchpoint that hurts customers with no idea to fix it.
public struct UnaddressedPainRule: Rule {
    public static let id = "unaddressed-pain"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "A touchpoint with pains or a negative emotion and no opportunity.",
        explanation: """
            A touchpoint with an emotion of -1 or less, or with at least one pain, and no opportunity is a known \
            problem without a plan. On a moment of truth, which decides how customers see the business, the \
            finding is a warning instead of info. Write at least one idea in "opportunities".
            """,
        triggeringExamples: [
            .init("A moment of truth with a pain and no idea to fix it (a warning, because it is a moment of truth)", severity: .warning, json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "phone", "name": "Phone", "owner": "reception"}],
                  "stages": [
                    {
                      "id": "consult",
                      "name": "Consult",
                      "touchpoints": [
                        {
                          "id": "consultation",
                          "name": "Free consultation",
                          "channels": ["phone"],
                          "momentOfTruth": true,
                          "pains": ["Waits twenty minutes on hold"],
                          "kpis": [{"name": "Consultations booked"}]
                        }
                      ]
                    }
                  ]
                }
                """),
            .init("A bad moment (emotion -1) without a pain written down and without an idea to make it better", json: """
                {
                  "id": "example",
                  "title": "Café",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "counter", "name": "Counter", "owner": "staff"}],
                  "stages": [
                    {
                      "id": "collect",
                      "name": "Collect",
                      "touchpoints": [
                        {
                          "id": "pick-up",
                          "name": "Picks up the order",
                          "channels": ["counter"],
                          "emotion": -1,
                          "kpis": [{"name": "Waiting time"}]
                        }
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("The pain comes with an opportunity", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "phone", "name": "Phone", "owner": "reception"}],
                  "stages": [
                    {
                      "id": "consult",
                      "name": "Consult",
                      "touchpoints": [
                        {
                          "id": "consultation",
                          "name": "Free consultation",
                          "channels": ["phone"],
                          "momentOfTruth": true,
                          "pains": ["Waits twenty minutes on hold"],
                          "opportunities": ["Offer a call back at a chosen time"],
                          "kpis": [{"name": "Consultations booked"}]
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
        journey.touchpoints.compactMap { placed in
            let touchpoint = placed.touchpoint
            let unhappy = (touchpoint.emotion ?? 0) <= -1
            guard unhappy || !touchpoint.pains.isEmpty, touchpoint.opportunities.isEmpty else { return nil }
            var what: [String] = []
            if !touchpoint.pains.isEmpty {
                what.append(touchpoint.pains.count == 1 ? "a pain" : "\(touchpoint.pains.count) pains")
            }
            if let emotion = touchpoint.emotion, unhappy { what.append("emotion \(emotion)") }
            var message = "\(Wording.quoted(touchpoint.name)) has \(Wording.list(what)) but no opportunity"
            if touchpoint.momentOfTruth { message += ", and it is a moment of truth" }
            return finding(
                message,
                hint: "write at least one idea to make it better in \"opportunities\"",
                severity: touchpoint.momentOfTruth ? .warning : defaultSeverity,
                at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id])
        }
    }
}
