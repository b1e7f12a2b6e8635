/// `unaddressed-pain`: a touchpoint that hurts customers with no idea to fix it.
public struct UnaddressedPainRule: Rule {
    public static let id = "unaddressed-pain"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "A touchpoint with pains or a negative emotion and no opportunity.",
        explanation: """
            A touchpoint with an emotion of -1 or less, or with at least one pain, and no opportunity is a known \
            problem without a plan. A persona's experience of the touchpoint counts too: one finding for the \
            touchpoint's own pains and emotion, and one for each experience with pains or an emotion of -1 or less. On a moment of truth, which decides how customers see the business, the \
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
            .init("One persona's experience hurts although the touchpoint itself seems fine", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "ana", "name": "Ana"}, {"id": "luis", "name": "Luis"}],
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
                          "emotion": 1,
                          "kpis": [{"name": "Payments confirmed"}],
                          "experiences": [{"persona": "luis", "emotion": -2, "pains": ["Has to send the receipt as a photo"]}]
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
        // One array for every finding: an array per touchpoint (`flatMap`) cost more than the checks.
        var found: [Diagnostic] = []
        // The words are written when a finding is printed: here only which touchpoint (and
        // which of its experiences) it is about.
        let wording = FindingWording(Self.id, journey, message: { Self.message($0, $1) }, hint: { _, _ in Self.hint }) { journey, subject in
            let touchpoint = Int(subject.first)
            guard subject.kind == 1 else { return [.touchpoint: journey.touchpoints.id(at: touchpoint)] }
            return [.touchpoint: journey.touchpoints.id(at: touchpoint),
                    .persona: journey.touchpoints.read(at: touchpoint) { $0.experiences[Int(subject.second)].persona }]
        }
        journey.touchpoints.forEach { index, touchpoint, _ in
            guard touchpoint.opportunities.isEmpty else { return }
            let severity = Self.severity(touchpoint, default: defaultSeverity)
            if Self.hasTrouble(pains: touchpoint.pains, emotion: touchpoint.emotion) {
                found.append(finding(WordingSubject(index), worded: wording, severity: severity, at: touchpoint.location))
            }
            // Each persona's own experience counts on its own: a touchpoint that is fine on
            // average can still hurt one persona.
            for (position, experience) in touchpoint.experiences.enumerated()
            where Self.hasTrouble(pains: experience.pains, emotion: experience.emotion) {
                found.append(finding(WordingSubject(kind: 1, index, position), worded: wording, severity: severity,
                                     at: experience.location ?? touchpoint.location))
            }
        }
        return found
    }

    /// The message of the touchpoint at `first` (kind 0), or of its experience at `second` (kind 1).
    private static func message(_ journey: AnalyzedJourney, _ subject: WordingSubject) -> String {
        let touchpoint = journey.touchpoints[Int(subject.first)].touchpoint
        guard subject.kind == 1 else {
            return "\(Wording.quoted(touchpoint.name)) has \(trouble(pains: touchpoint.pains, emotion: touchpoint.emotion) ?? "") but no opportunity"
                + momentNote(touchpoint)
        }
        let experience = touchpoint.experiences[Int(subject.second)]
        let persona = journey.personasByID[experience.persona]?.name ?? experience.persona
        return "\(Wording.quoted(persona)) has \(trouble(pains: experience.pains, emotion: experience.emotion) ?? "") at \(Wording.quoted(touchpoint.name)) but it has no opportunity"
            + momentNote(touchpoint)
    }

    /// Whether there are pains or a negative emotion: what `trouble` words.
    private static func hasTrouble(pains: [String], emotion: Int?) -> Bool {
        !pains.isEmpty || (emotion ?? 0) <= -1
    }

    private static let hint = "write at least one idea to make it better in \"opportunities\""

    /// "a pain and emotion -2", or `nil` when there are no pains and the emotion is not negative.
    private static func trouble(pains: [String], emotion: Int?) -> String? {
        var what: [String] = []
        if !pains.isEmpty { what.append(pains.count == 1 ? "a pain" : "\(pains.count) pains") }
        if let emotion, emotion <= -1 { what.append("emotion \(emotion)") }
        return what.isEmpty ? nil : Wording.list(what)
    }

    private static func momentNote(_ touchpoint: Touchpoint) -> String {
        touchpoint.momentOfTruth ? ", and it is a moment of truth" : ""
    }

    private static func severity(_ touchpoint: Touchpoint, default severity: Diagnostic.Severity) -> Diagnostic.Severity {
        touchpoint.momentOfTruth ? .warning : severity
    }
}
