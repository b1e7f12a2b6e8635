/// `unowned-touchpoint`: nobody in the business is responsible for a touchpoint.
public struct UnownedTouchpointRule: Rule {
    public static let id = "unowned-touchpoint"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "A touchpoint with no owner whose channels have no owner either.",
        explanation: """
            Touchpoints that nobody owns are the ones that quietly break: nobody answers the message, updates the \
            page or notices the drop in numbers. A touchpoint is owned when it has an owner, or when one of its \
            channels has one. Set "owner" on the touchpoint, or on the channel if one team runs everything on it.
            """,
        triggeringExamples: [
            .init("Neither the touchpoint nor its channel has an owner", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website"}],
                  "stages": [
                    {
                      "id": "find",
                      "name": "Find",
                      "touchpoints": [
                        {
                          "id": "product-page",
                          "name": "Reads the product page",
                          "channels": ["web"],
                          "kpis": [{"name": "Visits"}]
                        }
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("The touchpoint has an owner", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website"}],
                  "stages": [
                    {
                      "id": "find",
                      "name": "Find",
                      "touchpoints": [
                        {
                          "id": "product-page",
                          "name": "Reads the product page",
                          "channels": ["web"],
                          "owner": "marketing",
                          "kpis": [{"name": "Visits"}]
                        }
                      ]
                    }
                  ]
                }
                """),
            .init("The channel has an owner, who answers for every touchpoint on it", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "find",
                      "name": "Find",
                      "touchpoints": [
                        {
                          "id": "product-page",
                          "name": "Reads the product page",
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
        var findings: [Diagnostic] = []
        // The words (the channels' names) are written when a finding is printed.
        let wording = FindingWording(Self.id, journey, message: { Self.message($0, $1) }, hint: { _, _ in Self.hint })
        journey.touchpoints.forEach { index, touchpoint, _ in
            guard touchpoint.owner == nil, !journey.hasOwnedChannel(touchpoint) else { return }
            findings.append(finding(WordingSubject(index), worded: wording, at: touchpoint.location))
        }
        return findings
    }

    private static func message(_ journey: AnalyzedJourney, _ subject: WordingSubject) -> String {
        let touchpoint = journey.touchpoints[Int(subject.first)].touchpoint
        let channels = journey.channels(of: touchpoint)
        let why = switch channels.count {
        case 0: "it has no owner and no channel"
        case 1: "neither it nor its channel, \(channels[0].name), has an owner"
        default: "neither it nor its channels (\(Wording.list(channels.map(\.name)))) have an owner"
        }
        return "No one owns \(Wording.quoted(touchpoint.name)): \(why)"
    }

    private static let hint = "set \"owner\" on the touchpoint or on one of its channels"
}
