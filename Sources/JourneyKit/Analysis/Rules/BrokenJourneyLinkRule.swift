/// `broken-journey-link`: a touchpoint links to a journey that no file of the portfolio defines.
public struct BrokenJourneyLinkRule: Rule {
    public static let id = "broken-journey-link"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "A touchpoint's `journey` names a journey that no file of the portfolio defines.",
        explanation: """
            A touchpoint's `journey` says that another journey details or continues it (a sub-journey). When no \
            file of the portfolio defines that journey id, the link leads nowhere: the other journey was renamed, \
            removed or never written. Correct the id, or write the journey. The rule only runs in a portfolio \
            check (`cjm check DIR`, `cjm portfolio DIR`), where every journey id is known.
            """,
        triggeringExamples: [
            .init("In a portfolio of the purchase journey alone, the warranty touchpoint links to a returns journey nobody wrote",
                  json: example(link: "devoluciones"), portfolioJourneyIDs: ["compra"]),
        ],
        nonTriggeringExamples: [
            .init("The portfolio holds the returns journey too", json: example(link: "devoluciones"),
                  portfolioJourneyIDs: ["compra", "devoluciones"]),
            .init("Checked on its own, outside a portfolio, the link is not followed", json: example(link: "devoluciones")),
        ]
    )

    private static func example(link: String) -> String {
        """
        {
          "id": "compra",
          "title": "Compra por WhatsApp",
          "personas": [{"id": "maria", "name": "María"}],
          "channels": [{"id": "whatsapp", "name": "WhatsApp", "owner": "ventas"}],
          "stages": [
            {
              "id": "posventa",
              "name": "Posventa",
              "touchpoints": [
                {
                  "id": "garantia",
                  "name": "Pide la garantía",
                  "channels": ["whatsapp"],
                  "owner": "ventas",
                  "entry": true,
                  "journey": "\(link)",
                  "kpis": [{"name": "Reclamaciones resueltas"}]
                }
              ]
            }
          ]
        }
        """
    }

    public init() {}

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        guard let known = journey.portfolioJourneyIDs else { return [] }
        return journey.touchpoints.compactMap { placed in
            guard let link = placed.touchpoint.journey, !known.contains(link) else { return nil }
            return finding(
                "Touchpoint \"\(placed.touchpoint.name)\" links to journey \"\(link)\", which no file of the portfolio defines",
                hint: Suggestion.hint(for: link, among: known.sorted(), fallback: "correct the journey id, or write that journey"),
                at: placed.touchpoint.location, in: journey, references: [.touchpoint: placed.touchpoint.id])
        }
    }
}
