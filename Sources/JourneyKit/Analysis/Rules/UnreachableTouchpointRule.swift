/// `unreachable-touchpoint`: a touchpoint no path of `next` steps leads to.
public struct UnreachableTouchpointRule: Rule {
    public static let id = "unreachable-touchpoint"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "A touchpoint that no path of `next` steps leads to from an entry.",
        explanation: """
            Once a journey has flows (at least one touchpoint with "next"), every touchpoint should be on a path \
            customers can follow. The entries are the touchpoints of the first stage that has touchpoints, plus \
            every touchpoint marked "entry": true. A touchpoint that cannot be reached from an entry is usually a \
            forgotten "next" link, or a real way into the journey that is not marked as one. Add it to the "next" \
            of the touchpoint before it, or mark it "entry": true.
            """,
        triggeringExamples: [
            .init("No `next` leads to the fee guide, and it is not an entry", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "search",
                      "name": "Search",
                      "touchpoints": [
                        {
                          "id": "results",
                          "name": "Finds the firm in search results",
                          "channels": ["web"],
                          "next": ["landing"],
                          "kpis": [{"name": "Clicks"}]
                        }
                      ]
                    },
                    {
                      "id": "evaluate",
                      "name": "Evaluate",
                      "touchpoints": [
                        {
                          "id": "landing",
                          "name": "Reads the landing page",
                          "channels": ["web"],
                          "kpis": [{"name": "Visits"}]
                        },
                        {"id": "fee-guide", "name": "Downloads the fee guide", "channels": ["web"]}
                      ]
                    }
                  ]
                }
                """),
        ],
        nonTriggeringExamples: [
            .init("The fee guide is a way into the journey of its own", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "search",
                      "name": "Search",
                      "touchpoints": [
                        {
                          "id": "results",
                          "name": "Finds the firm in search results",
                          "channels": ["web"],
                          "next": ["landing"],
                          "kpis": [{"name": "Clicks"}]
                        }
                      ]
                    },
                    {
                      "id": "evaluate",
                      "name": "Evaluate",
                      "touchpoints": [
                        {
                          "id": "landing",
                          "name": "Reads the landing page",
                          "channels": ["web"],
                          "kpis": [{"name": "Visits"}]
                        },
                        {
                          "id": "fee-guide",
                          "name": "Downloads the fee guide",
                          "channels": ["web"],
                          "entry": true
                        }
                      ]
                    }
                  ]
                }
                """),
            .init("The landing page links to the fee guide", json: """
                {
                  "id": "example",
                  "title": "Law firm",
                  "personas": [{"id": "alex", "name": "Álex"}],
                  "channels": [{"id": "web", "name": "Website", "owner": "marketing"}],
                  "stages": [
                    {
                      "id": "search",
                      "name": "Search",
                      "touchpoints": [
                        {
                          "id": "results",
                          "name": "Finds the firm in search results",
                          "channels": ["web"],
                          "next": ["landing"],
                          "kpis": [{"name": "Clicks"}]
                        }
                      ]
                    },
                    {
                      "id": "evaluate",
                      "name": "Evaluate",
                      "touchpoints": [
                        {
                          "id": "landing",
                          "name": "Reads the landing page",
                          "channels": ["web"],
                          "next": ["fee-guide"],
                          "kpis": [{"name": "Visits"}]
                        },
                        {"id": "fee-guide", "name": "Downloads the fee guide", "channels": ["web"]}
                      ]
                    }
                  ]
                }
                """),
        ]
    )

    public init() {}

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        guard journey.hasFlows else { return [] }
        var reached = [Bool](repeating: false, count: journey.touchpoints.count)
        var queue: [Int] = []
        for (index, placed) in journey.touchpoints.enumerated()
        where placed.stageIndex == journey.firstStageWithTouchpoints || placed.touchpoint.entry {
            reached[index] = true
            queue.append(index)
        }
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for next in journey.nextIndices(ofTouchpointAt: current) where !reached[Int(next)] {
                reached[Int(next)] = true
                queue.append(Int(next))
            }
        }
        return journey.touchpoints.enumerated().compactMap { index, placed in
            guard !reached[index] else { return nil }
            return finding(
                "No path of \"next\" steps leads to \(Wording.quoted(placed.touchpoint.name)) from an entry of the journey",
                hint: "add it to the \"next\" of the touchpoint that comes before it, or mark it \"entry\": true",
                at: placed.touchpoint.location, in: journey, references: [.touchpoint: placed.touchpoint.id])
        }
    }
}
