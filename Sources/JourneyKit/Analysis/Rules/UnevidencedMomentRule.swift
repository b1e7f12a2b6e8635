/// `unevidenced-moment`: a moment of truth that nobody has checked with customers or data.
public struct UnevidencedMomentRule: Rule {
    public static let id = "unevidenced-moment"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "A moment of truth with no evidence, or only assumptions.",
        explanation: """
            Moments of truth decide how customers see the business, so what the map says about them should rest \
            on more than a guess. A moment of truth without "evidence", or whose only evidence is of kind \
            "assumption", is flagged. Add an interview, a survey, analytics, support tickets, an observation or a \
            usability test that backs it, or check the assumption.
            """,
        triggeringExamples: [
            .init("The payment is a moment of truth, and all the team has is an assumption", json: """
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
                          "id": "pay",
                          "name": "Pays by transfer",
                          "channels": ["whatsapp"],
                          "momentOfTruth": true,
                          "opportunities": ["Payment links"],
                          "kpis": [{"name": "Payments confirmed"}],
                          "evidence": [{"kind": "assumption", "source": "The owner thinks customers dislike transfers"}]
                        }
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("Interviews back the moment of truth", json: """
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
                          "id": "pay",
                          "name": "Pays by transfer",
                          "channels": ["whatsapp"],
                          "momentOfTruth": true,
                          "opportunities": ["Payment links"],
                          "kpis": [{"name": "Payments confirmed"}],
                          "evidence": [
                            {"kind": "assumption", "source": "The owner thinks customers dislike transfers"},
                            {"kind": "interview", "source": "Interviews with 6 customers", "date": "2026-03-10"}
                          ]
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
        // The words are written when a finding is printed; kind 1: it has evidence, all assumptions.
        let wording = FindingWording(Self.id, journey, message: { Self.message($0, $1) }, hint: { _, _ in Self.hint })
        journey.touchpoints.forEach { index, touchpoint, _ in
            guard touchpoint.momentOfTruth, touchpoint.evidence.allSatisfy({ $0.kind == .assumption }) else { return }
            findings.append(finding(WordingSubject(kind: touchpoint.evidence.isEmpty ? 0 : 1, index), worded: wording,
                                    at: touchpoint.location))
        }
        return findings
    }

    private static func message(_ journey: AnalyzedJourney, _ subject: WordingSubject) -> String {
        let name = Wording.quoted(journey.touchpoints[Int(subject.first)].touchpoint.name)
        return subject.kind == 0
            ? "Moment of truth \(name) has no evidence"
            : "Moment of truth \(name) rests only on assumptions"
    }

    private static let hint = "add \"evidence\" from research or data: an interview, survey, analytics, support tickets, an observation or a usability test"
}
