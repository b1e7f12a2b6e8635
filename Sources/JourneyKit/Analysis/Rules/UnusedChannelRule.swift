/// `unused-channel`: a channel no touchpoint happens on.
public struct UnusedChannelRule: Rule {
    public static let id = "unused-channel"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "A channel no touchpoint uses.",
        explanation: """
            A channel that no touchpoint lists is either a channel the business runs without any designed contact \
            with customers, or a leftover from an earlier version of the map. Add it to the touchpoints that happen \
            on it, or remove it.
            """,
        triggeringExamples: [
            .init("The live chat is declared but no touchpoint happens on it", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [
                    {"id": "web", "name": "Website", "owner": "marketing"},
                    {"id": "chat", "name": "Live chat", "status": "planned", "owner": "marketing"}
                  ],
                  "stages": [
                    {
                      "id": "evaluate",
                      "name": "Evaluate",
                      "touchpoints": [
                        {
                          "id": "landing",
                          "name": "Reads the landing page",
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
            .init("The landing page also offers the chat", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [
                    {"id": "web", "name": "Website", "owner": "marketing"},
                    {"id": "chat", "name": "Live chat", "status": "planned", "owner": "marketing"}
                  ],
                  "stages": [
                    {
                      "id": "evaluate",
                      "name": "Evaluate",
                      "touchpoints": [
                        {
                          "id": "landing",
                          "name": "Reads the landing page",
                          "channels": ["web", "chat"],
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
        // A journey without channels gets the one `no-channels` finding instead.
        guard journey.declaresChannels else { return [] }
        // Which channels touchpoints use is one of `AnalyzedJourney`'s index tables, noted
        // while it resolved every touchpoint's channels (a set of every id here hashed them again).
        return journey.journey.channels.compactMap { channel in
            guard !journey.isUsed(channel: channel.id) else { return nil }
            // A catalogue's channels serve the whole portfolio: `cjm portfolio` lists those no journey uses.
            guard journey.journey.isOwnDeclaration(at: channel.location) else { return nil }
            return finding(
                "No touchpoint uses channel \(channel.name)",
                hint: "add it to the \"channels\" of the touchpoints that happen on it, or remove it",
                at: channel.location, in: journey, references: [.channel: channel.id])
        }
    }
}
