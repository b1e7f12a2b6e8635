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
        let wording = FindingWording(Self.id, journey, message: { Self.message($0, $1) }, hint: { Self.hint($1) }) { journey, subject in
            let touchpoint = Int(subject.first)
            guard subject.kind == Sentence.missedPersonas.rawValue else { return [.touchpoint: journey.touchpoints.id(at: touchpoint)] }
            // Found again when asked for (a JSON or SARIF report), rather than kept by each finding.
            return [.touchpoint: journey.touchpoints.id(at: touchpoint),
                    .personas: Self.missedPersonas(ofTouchpointAt: touchpoint, in: journey).reference]
        }
        for index in journey.touchpoints.indices {
            // The words are written when the finding is printed; here only what it is about.
            if journey.liveChannelIndices(ofTouchpointAt: index).isEmpty {
                let kind = journey.touchpoints[index].touchpoint.channels.contains { journey.channelsByID[$0] != nil }
                    ? Sentence.noLiveChannel : Sentence.noChannel
                findings.append(finding(WordingSubject(kind: kind.rawValue, index), worded: wording,
                                        at: journey.touchpoints.location(at: index)))
                continue
            }
            let missed = Self.missedPersonas(ofTouchpointAt: index, in: journey)
            guard !missed.isEmpty else { continue }
            // The count of personas missed decides the hint's wording without finding them again.
            findings.append(finding(WordingSubject(kind: Sentence.missedPersonas.rawValue, index, missed.isSingle ? 1 : 2), worded: wording,
                                    at: journey.touchpoints.location(at: index)))
        }
        return findings
    }

    /// The rule's sentences, by `WordingSubject.kind`.
    private enum Sentence: UInt8 {
        case noChannel, noLiveChannel, missedPersonas
    }

    /// The personas of the touchpoint's audience that use none of its live channels (and do not
    /// ignore this rule): the test of `journey.touchpoint(_:reaches:)`, on positions. A persona
    /// is only copied out of the journey when the touchpoint misses it.
    private static func missedPersonas(ofTouchpointAt index: Int, in journey: AnalyzedJourney) -> PersonaGroup {
        let live = journey.liveChannelIndices(ofTouchpointAt: index)
        var missed = PersonaGroup()
        func check(_ position: Int, at personaIndex: Int) {
            guard !live.contains(where: { journey.persona(at: personaIndex, uses: $0) }) else { return }
            let persona = journey.journey.personas[position]
            guard !journey.ignores(.persona, persona.id, rule: id) else { return }
            missed.append(persona)
        }
        let personas = journey.touchpoints.personas(at: index)
        if personas.isEmpty {
            for position in journey.journey.personas.indices {
                check(position, at: journey.firstPersonaPosition(sharingIDWith: position))
            }
        } else {
            for personaID in personas {
                guard let personaIndex = journey.personaIndex(of: personaID) else { continue }
                check(personaIndex, at: personaIndex)
            }
        }
        return missed
    }

    private static func message(_ journey: AnalyzedJourney, _ subject: WordingSubject) -> String {
        let touchpoint = journey.touchpoints[Int(subject.first)].touchpoint
        let name = Wording.quoted(touchpoint.name)
        let channels = journey.channels(of: touchpoint)
        switch Sentence(rawValue: subject.kind) ?? .missedPersonas {
        case .noChannel:
            return "No one can reach \(name): it has no channel"
        case .noLiveChannel:
            let reason = channels.count == 1
                ? "its only channel, \(channels[0].name), is \(channels[0].status.rawValue)"
                : "none of its channels is live (" + Wording.list(channels.map { "\($0.name) is \($0.status.rawValue)" }) + ")"
            return "No one can reach \(name): \(reason)"
        case .missedPersonas:
            let missed = missedPersonas(ofTouchpointAt: Int(subject.first), in: journey)
            let reasons = channels.map { channel in
                channel.isLive
                    ? "\(channel.name) is not one of their channels"
                    : "\(channel.name) is \(channel.status.rawValue)"
            }
            return "\(missed.sentenceSubject) cannot reach \(name): " + Wording.list(reasons)
        }
    }

    private static func hint(_ subject: WordingSubject) -> String {
        switch Sentence(rawValue: subject.kind) ?? .missedPersonas {
        case .noChannel:
            return "list the channels it happens on in \"channels\""
        case .noLiveChannel:
            return "add a live channel to the touchpoint, or suppress with \"ignore\": [\"\(id)\"] while it is only planned"
        case .missedPersonas:
            return subject.second == 1
                ? "add a live channel this persona uses to the touchpoint, add the channel to the persona, or take the persona out of the touchpoint's \"personas\""
                : "add a live channel these personas use to the touchpoint, add the channel to them, or take them out of the touchpoint's \"personas\""
        }
    }
}
