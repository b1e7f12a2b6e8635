/// `channel-gap`: a persona that a whole stage does not reach.
public struct ChannelGapRule: Rule {
    public static let id = "channel-gap"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "A persona that no touchpoint of a stage reaches.",
        explanation: """
            When no touchpoint of a stage reaches a persona (through a live channel the persona uses), that persona \
            has no way through the stage: the journey breaks for them even if it works for everyone else. Stages \
            without touchpoints are left to empty-stage. Add a touchpoint for the persona on a channel they use, \
            include them in an existing touchpoint, or suppress the rule on the persona if the stage does not apply \
            to them.
            """,
        triggeringExamples: [
            .init("Lucía and Ramón only use WhatsApp, and the only touchpoint of the Loyalty stage is an e-mail newsletter for Álex: one finding names them both", json: """
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
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {
                          "id": "order",
                          "name": "Orders in the chat",
                          "channels": ["whatsapp"],
                          "kpis": [{"name": "Orders"}]
                        }
                      ]
                    },
                    {
                      "id": "loyalty",
                      "name": "Loyalty",
                      "touchpoints": [
                        {
                          "id": "newsletter",
                          "name": "Monthly newsletter",
                          "channels": ["email"],
                          "personas": ["alex"],
                          "kpis": [{"name": "Opens"}]
                        }
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("María has no way through Loyalty, but the rule is switched off for her: she is left out of the finding, and with no one else missed there is none", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [
                    {"id": "alex", "name": "Álex"},
                    {"id": "maria", "name": "María", "channels": ["whatsapp"], "ignore": ["channel-gap"]}
                  ],
                  "channels": [
                    {"id": "whatsapp", "name": "WhatsApp Business", "owner": "sales"},
                    {"id": "email", "name": "E-mail", "owner": "marketing"}
                  ],
                  "stages": [
                    {
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {
                          "id": "order",
                          "name": "Orders in the chat",
                          "channels": ["whatsapp"],
                          "kpis": [{"name": "Orders"}]
                        }
                      ]
                    },
                    {
                      "id": "loyalty",
                      "name": "Loyalty",
                      "touchpoints": [
                        {
                          "id": "newsletter",
                          "name": "Monthly newsletter",
                          "channels": ["email"],
                          "personas": ["alex"],
                          "kpis": [{"name": "Opens"}]
                        }
                      ]
                    }
                  ]
                }
                """),
            .init("The newsletter also goes out on WhatsApp, for every persona", json: """
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
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {
                          "id": "order",
                          "name": "Orders in the chat",
                          "channels": ["whatsapp"],
                          "kpis": [{"name": "Orders"}]
                        }
                      ]
                    },
                    {
                      "id": "loyalty",
                      "name": "Loyalty",
                      "touchpoints": [
                        {
                          "id": "newsletter",
                          "name": "Monthly newsletter",
                          "channels": ["email", "whatsapp"],
                          "kpis": [{"name": "Opens"}]
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
        // A journey without channels gets the one `no-channels` finding instead.
        guard journey.declaresChannels else { return [] }
        var findings: [Diagnostic] = []
        // The position in `journey.touchpoints` of the next touchpoint: they are the stages' in order.
        var touchpointIndex = 0
        for stage in journey.journey.stages {
            defer { touchpointIndex += stage.touchpoints.count }
            guard !stage.touchpoints.isEmpty else { continue }
            // The same test as `journey.touchpoint(_:reaches:)` for every pair, gathered per stage
            // so that the rule stays linear: asking it for each persona and touchpoint was
            // quadratic (4,000 personas × 4,000 touchpoints took 9 s; docs/robustness.md).
            // Channels and personas as positions (`AnalyzedJourney`'s index tables).
            var reached: Set<String> = []
            var channelsForEveryone: Set<Int32> = []
            // Each touchpoint's personas read where they are (a copy of each touchpoint cost more
            // than the test).
            stage.touchpoints.withUnsafeBufferPointer { touchpoints in
                for offset in touchpoints.indices {
                    let live = journey.liveChannelIndices(ofTouchpointAt: touchpointIndex + offset)
                    if touchpoints[offset].personas.isEmpty {
                        channelsForEveryone.formUnion(live)
                    } else {
                        for personaID in touchpoints[offset].personas {
                            guard let personaIndex = journey.personaIndex(of: personaID),
                                  live.contains(where: { journey.persona(at: personaIndex, uses: $0) }) else { continue }
                            reached.insert(personaID)
                        }
                    }
                }
            }
            // One finding per stage, naming every persona it misses (one per persona and stage
            // made 4 million findings for 2,000 personas × 2,000 stages; docs/robustness.md).
            var missed = PersonaGroup()
            for (position, persona) in journey.journey.personas.enumerated()
            where !reached.contains(persona.id)
                && !channelsForEveryone.contains(where: { journey.persona(at: journey.firstPersonaPosition(sharingIDWith: position), uses: $0) })
                && !journey.ignores(.persona, persona.id, rule: id) {
                missed.append(persona)
            }
            guard !missed.isEmpty else { continue }
            findings.append(finding(
                "No touchpoint of stage \(Wording.quoted(stage.name)) reaches \(missed.sentenceSubject)",
                hint: missed.isSingle
                    ? "add a touchpoint for this persona on a live channel they use, or add the persona to one of the stage's touchpoints"
                    : "add a touchpoint for these personas on a live channel they use, or add them to one of the stage's touchpoints",
                at: stage.location, in: journey, references: [.stage: stage.id, .personas: missed.reference]))
        }
        return findings
    }
}
