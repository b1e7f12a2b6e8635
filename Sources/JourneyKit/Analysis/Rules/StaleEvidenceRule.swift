/// `stale-evidence`: evidence whose newest date is more than 18 months before the check date.
public struct StaleEvidenceRule: Rule {
    public static let id = "stale-evidence"
    /// How old the newest dated evidence may be before the rule flags it.
    public static let maximumAgeInMonths = 18

    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .info,
        summary: "A touchpoint or persona whose newest dated evidence is more than 18 months old.",
        explanation: """
            Customers, channels and competitors change; research from two years ago may no longer hold. A \
            touchpoint or persona whose evidence has dates, and whose newest dated evidence is more than 18 \
            months older than the check date, is flagged. The check date is today, or the day given with \
            `--as-of YYYY-MM-DD`. Evidence without a date is not counted. Repeat the research, or add newer \
            evidence that confirms it.
            """,
        triggeringExamples: [
            .init("The only interviews about the persona are from two years before the check", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [
                    {
                      "id": "ana",
                      "name": "Ana",
                      "evidence": [{"kind": "interview", "source": "Interviews with 8 customers", "date": "2024-03-01"}]
                    }
                  ],
                  "channels": [{"id": "whatsapp", "name": "WhatsApp", "owner": "sales"}],
                  "stages": [
                    {
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {"id": "order", "name": "Orders", "channels": ["whatsapp"], "kpis": [{"name": "Orders"}]}
                      ]
                    }
                  ]
                }
                """, asOf: CalendarDate(year: 2026, month: 3, day: 1)),
        ],
        nonTriggeringExamples: [
            .init("A newer survey confirms the old interviews", json: """
                {
                  "id": "example",
                  "title": "Shop",
                  "personas": [
                    {
                      "id": "ana",
                      "name": "Ana",
                      "evidence": [
                        {"kind": "interview", "source": "Interviews with 8 customers", "date": "2024-03-01"},
                        {"kind": "survey", "source": "Customer survey", "date": "2025-11-15"}
                      ]
                    }
                  ],
                  "channels": [{"id": "whatsapp", "name": "WhatsApp", "owner": "sales"}],
                  "stages": [
                    {
                      "id": "buy",
                      "name": "Buy",
                      "touchpoints": [
                        {"id": "order", "name": "Orders", "channels": ["whatsapp"], "kpis": [{"name": "Orders"}]}
                      ]
                    }
                  ]
                }
                """, asOf: CalendarDate(year: 2026, month: 3, day: 1)),
        ]
    )

    public init() {}

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        // Rules never read a clock: without a check date there is nothing to compare with.
        guard let checkDate = journey.checkDate else { return [] }
        var found: [Diagnostic] = []
        for persona in journey.journey.personas {
            guard let newest = Self.newestStale(persona.evidence, checkDate: checkDate) else { continue }
            found.append(finding(
                "The newest evidence about persona \(Wording.quoted(persona.name)) is from \(newest), "
                    + "more than \(Self.maximumAgeInMonths) months before \(checkDate)",
                hint: Self.hint, at: persona.location, in: journey, references: [.persona: persona.id]))
        }
        for placed in journey.touchpoints {
            let touchpoint = placed.touchpoint
            guard let newest = Self.newestStale(touchpoint.evidence, checkDate: checkDate) else { continue }
            found.append(finding(
                "The newest evidence about \(Wording.quoted(touchpoint.name)) is from \(newest), "
                    + "more than \(Self.maximumAgeInMonths) months before \(checkDate)",
                hint: Self.hint, at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id]))
        }
        return found
    }

    private static let hint = "repeat the research, or add newer evidence that confirms it"

    /// The newest date of `evidence` when it is too old on `checkDate`; `nil` when it is recent or nothing has a date.
    static func newestStale(_ evidence: [Evidence], checkDate: CalendarDate) -> CalendarDate? {
        guard let newest = evidence.compactMap(\.date).max() else { return nil }
        return newest.adding(months: maximumAgeInMonths) < checkDate ? newest : nil
    }
}

extension CalendarDate {
    /// The same day `months` months later; the month's last day when it is shorter (2024-08-31 + 6 → 2025-02-28).
    func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        var newDay = day
        while newDay > 28, CalendarDate(year: newYear, month: newMonth, day: newDay) == nil { newDay -= 1 }
        return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
    }
}
