/// `unserved-touchpoint`: a touchpoint no customer, or some of its audience, cannot reach.
public struct UnservedTouchpointRule: Rule {
    public static let id = "unserved-touchpoint"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "A touchpoint with no live channel, or that cannot reach a persona of its audience through a live channel the persona uses.",
        explanation: """
            A touchpoint only happens if customers can get to it: it needs at least one channel that is live today, \
            and every persona it is for must use one of those live channels. A touchpoint on planned or retired \
            channels only describes the future or the past, and a persona who does not use any of its live channels \
            silently drops out of the journey there. Add a live channel the persona uses, add the channel to the \
            persona's channels if they really use it, or take the persona out of the touchpoint's personas.
            """,
        triggeringExamples: [
            .init("The only channel of the payment is planned, so María cannot pay", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "maria", "name": "María", "channels": ["whatsapp"]}],
                  "channels": [
                    {"id": "whatsapp", "name": "WhatsApp Business", "owner": "sales"},
                    {"id": "wa-pay", "name": "WhatsApp Payments", "status": "planned", "owner": "sales"}
                  ],
                  "stages": [
                    {
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {"id": "order", "name": "Orders in the chat", "channels": ["whatsapp"]},
                        {
                          "id": "pay",
                          "name": "Pays in the chat",
                          "channels": ["wa-pay"],
                          "kpis": [{"name": "Paid orders"}]
                        }
                      ]
                    }
                  ]
                }
                """),
            .init("Lucía and Ramón only use WhatsApp, and the shipping notice, which is for every persona, only goes out by e-mail: one finding names them both", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [
                    {"id": "alex", "name": "Álex"},
                    {"id": "lucia", "name": "Lucía", "channels": ["whatsapp"]},
                    {"id": "ramon", "name": "Ramón", "channels": ["whatsapp"]}
                  ],
                  "channels": [
                    {"id": "whatsapp", "name": "WhatsApp Business", "owner": "sales"},
                    {"id": "email", "name": "E-mail", "owner": "marketing"}
                  ],
                  "stages": [
                    {
                      "id": "delivery",
                      "name": "Delivery",
                      "touchpoints": [
                        {
                          "id": "shipping-notice",
                          "name": "Gets the shipping notice",
                          "channels": ["email"],
                          "kpis": [{"name": "Opens"}]
                        },
                        {"id": "delivery-time", "name": "Arranges the delivery time in the chat", "channels": ["whatsapp"]}
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("Until payments in the chat go live, the payment is also on a live channel María uses", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "maria", "name": "María", "channels": ["whatsapp"]}],
                  "channels": [
                    {"id": "whatsapp", "name": "WhatsApp Business", "owner": "sales"},
                    {"id": "wa-pay", "name": "WhatsApp Payments", "status": "planned", "owner": "sales"}
                  ],
                  "stages": [
                    {
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {"id": "order", "name": "Orders in the chat", "channels": ["whatsapp"]},
                        {
                          "id": "pay",
                          "name": "Pays in the chat",
                          "channels": ["wa-pay", "whatsapp"],
                          "kpis": [{"name": "Paid orders"}]
                        }
                      ]
                    }
                  ]
                }
                """),
            .init("The e-mail notice is only for Álex; María arranges the delivery in the chat", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [{"id": "alex", "name": "Álex"}, {"id": "maria", "name": "María", "channels": ["whatsapp"]}],
                  "channels": [
                    {"id": "whatsapp", "name": "WhatsApp Business", "owner": "sales"},
                    {"id": "email", "name": "E-mail", "owner": "marketing"}
                  ],
                  "stages": [
                    {
                      "id": "delivery",
                      "name": "Delivery",
                      "touchpoints": [
                        {
                          "id": "shipping-notice",
                          "name": "Gets the shipping notice",
                          "channels": ["email"],
                          "personas": ["alex"],
                          "kpis": [{"name": "Opens"}]
                        },
                        {"id": "delivery-time", "name": "Arranges the delivery time in the chat", "channels": ["whatsapp"]}
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
        for (index, placed) in journey.touchpoints.enumerated() {
            let touchpoint = placed.touchpoint
            // Built only for a finding: most of a large journey's touchpoints have none.
            var name: String { Wording.quoted(touchpoint.name) }
            let live = journey.liveChannelIndices(ofTouchpointAt: index)
            if live.isEmpty {
                let channels = journey.channels(of: touchpoint)
                if channels.isEmpty {
                    findings.append(finding(
                        "No one can reach \(name): it has no channel",
                        hint: "list the channels it happens on in \"channels\"",
                        at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id]))
                    continue
                }
                let reason = channels.count == 1
                    ? "its only channel, \(channels[0].name), is \(channels[0].status.rawValue)"
                    : "none of its channels is live (" + Wording.list(channels.map { "\($0.name) is \($0.status.rawValue)" }) + ")"
                findings.append(finding(
                    "No one can reach \(name): \(reason)",
                    hint: "add a live channel to the touchpoint, or suppress with \"ignore\": [\"\(id)\"] while it is only planned",
                    at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id]))
                continue
            }
            // One finding per touchpoint, naming every persona of its audience it misses: the
            // test of `journey.touchpoint(_:reaches:)`, on positions.
            var missed = PersonaGroup()
            // A persona is only copied out of the journey when the touchpoint misses it.
            func check(_ position: Int, at personaIndex: Int) {
                guard !live.contains(where: { journey.persona(at: personaIndex, uses: $0) }) else { return }
                let persona = journey.journey.personas[position]
                guard !journey.ignores(.persona, persona.id, rule: id) else { return }
                missed.append(persona)
            }
            if touchpoint.personas.isEmpty {
                for position in journey.journey.personas.indices {
                    check(position, at: journey.firstPersonaIndex[position])
                }
            } else {
                for personaID in touchpoint.personas {
                    guard let personaIndex = journey.personaIndex(of: personaID) else { continue }
                    check(personaIndex, at: personaIndex)
                }
            }
            guard !missed.isEmpty else { continue }
            let channels = journey.channels(of: touchpoint)
            let reasons = channels.map { channel in
                channel.isLive
                    ? "\(channel.name) is not one of their channels"
                    : "\(channel.name) is \(channel.status.rawValue)"
            }
            findings.append(finding(
                "\(missed.sentenceSubject) cannot reach \(name): " + Wording.list(reasons),
                hint: missed.isSingle
                    ? "add a live channel this persona uses to the touchpoint, add the channel to the persona, or take the persona out of the touchpoint's \"personas\""
                    : "add a live channel these personas use to the touchpoint, add the channel to them, or take them out of the touchpoint's \"personas\"",
                at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id, .personas: missed.reference]))
        }
        return findings
    }
}
