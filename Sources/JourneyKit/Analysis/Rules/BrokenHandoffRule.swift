/// `broken-handoff`: a step that makes the customer change channels and loses the context.
public struct BrokenHandoffRule: Rule {
    public static let id = "broken-handoff"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "A `next` step that makes the customer switch channels while the next touchpoint has no `handoff`.",
        explanation: """
            Each time a customer has to move to another channel (from the website to the phone, from the chat to \
            the bank app) they risk repeating themselves or giving up. When two consecutive touchpoints share no \
            live channel, the second one should say in "handoff" what context it receives: an order number, a \
            pre-filled message, the form's answers. Write the handoff, or put both touchpoints on a shared channel. \
            Steps where either touchpoint has no live channel are left to unserved-touchpoint.
            """,
        triggeringExamples: [
            .init("The customer fills in a form on the website and is then called, with nothing said about what the caller knows", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [
                    {"id": "web", "name": "Website", "owner": "marketing"},
                    {"id": "phone", "name": "Phone", "owner": "reception"}
                  ],
                  "stages": [
                    {
                      "id": "contact",
                      "name": "Contact",
                      "touchpoints": [
                        {
                          "id": "form",
                          "name": "Fills in the contact form",
                          "channels": ["web"],
                          "next": ["call"],
                          "kpis": [{"name": "Forms sent"}]
                        },
                        {"id": "call", "name": "Gets a call back", "channels": ["phone"]}
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("The call says what context it receives", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [
                    {"id": "web", "name": "Website", "owner": "marketing"},
                    {"id": "phone", "name": "Phone", "owner": "reception"}
                  ],
                  "stages": [
                    {
                      "id": "contact",
                      "name": "Contact",
                      "touchpoints": [
                        {
                          "id": "form",
                          "name": "Fills in the contact form",
                          "channels": ["web"],
                          "next": ["call"],
                          "kpis": [{"name": "Forms sent"}]
                        },
                        {
                          "id": "call",
                          "name": "Gets a call back",
                          "channels": ["phone"],
                          "handoff": "The receptionist has the form's answers on screen"
                        }
                      ]
                    }
                  ]
                }
                """),
            .init("Both steps happen on the website, so the customer does not switch channels", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "contact",
                      "name": "Contact",
                      "touchpoints": [
                        {
                          "id": "form",
                          "name": "Fills in the contact form",
                          "channels": ["web"],
                          "next": ["booking"],
                          "kpis": [{"name": "Forms sent"}]
                        },
                        {"id": "booking", "name": "Books a consultation slot", "channels": ["web"]}
                      ]
                    }
                  ]
                }
                """),
        ]
    )

    public init() {}

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        // A journey without channels gets the one `no-channels` finding instead.
        guard journey.declaresChannels else { return [] }
        var findings: [Diagnostic] = []
        let wording = FindingWording(Self.id, journey, writeMessage: { Self.writeMessage($0, $1, to: &$2) }, hint: { _, _ in Self.hint }) { journey, step in
            [.from: journey.touchpoints.id(at: Int(step.first)), .touchpoint: journey.touchpoints.id(at: Int(step.second))]
        }
        for index in journey.touchpoints.indices {
            // Live channels and next steps as positions (`AnalyzedJourney`'s index tables): a
            // touchpoint has a channel or two and a step or two, so scanning these short lists
            // is cheaper than hashing ids for each of 100k touchpoints.
            let fromLive = journey.liveChannelIndices(ofTouchpointAt: index)
            guard !fromLive.isEmpty else { continue }
            for nextIndex in journey.nextIndices(ofTouchpointAt: index) {
                guard !journey.touchpoints.hasHandoff(at: Int(nextIndex)) else { continue }
                let toLive = journey.liveChannelIndices(ofTouchpointAt: Int(nextIndex))
                guard !toLive.isEmpty, !toLive.contains(where: fromLive.contains) else { continue }
                // The words (names and channel names) are written when the finding is printed.
                findings.append(finding(
                    WordingSubject(index, Int(nextIndex)), worded: wording,
                    at: journey.touchpoints.location(at: Int(nextIndex))))
            }
        }
        return findings
    }

    /// The message of the step from touchpoint `first` to touchpoint `second`, appended as bytes:
    /// names are read where they are, rather than copying the two touchpoints and their channels
    /// and building a String for each of 100,000 messages, which was most of printing them.
    private static func writeMessage(_ journey: AnalyzedJourney, _ step: WordingSubject, to out: inout UTF8Text) {
        journey.touchpoints.read(at: Int(step.first)) { from in
            journey.touchpoints.read(at: Int(step.second)) { to in
                out.append("Customers going from ")
                out.appendQuoted(from.name)
                out.append(" to ")
                out.appendQuoted(to.name)
                out.append(" must switch from ")
                journey.writeLiveChannelNames(of: from, to: &out)
                out.append(" to ")
                journey.writeLiveChannelNames(of: to, to: &out)
                out.append(", and ")
                out.appendQuoted(to.name)
                out.append(" has no handoff")
            }
        }
    }

    private static let hint = "describe in \"handoff\" what context this touchpoint receives, or put both touchpoints on a shared channel"
}
