/// The latest measured value of one KPI of one touchpoint, already compared with the KPI's
/// target: what `kpi-off-target` reads and what maps and reports show next to the target.
///
/// The comparison itself (the target grammar) belongs to the `Observed` stage, which reads the
/// actuals file; the analysis only needs its outcome, so this layer does not depend on that one.
public struct KPIReading: Sendable, Hashable {
    /// How the actual compares with the target.
    public enum Verdict: String, Sendable, Hashable {
        case met, missed
        /// The target does not read as a comparison (or there is none).
        case notEvaluated = "not-evaluated"
    }

    /// The id of the touchpoint whose KPI was measured.
    public var touchpoint: String
    /// The KPI's name, as the journey spells it.
    public var kpi: String
    /// The measured value as written, e.g. `12 min`.
    public var value: String
    /// The KPI's target as written, e.g. `< 5 min`.
    public var target: String?
    /// The day of the measurement (`YYYY-MM-DD`), when the actuals give one.
    public var date: String?
    public var verdict: Verdict
    /// Where the value was read (the actuals file's row and column).
    public var location: SourceLocation?

    public init(
        touchpoint: String, kpi: String, value: String, target: String?, date: String?,
        verdict: Verdict, location: SourceLocation? = nil
    ) {
        self.touchpoint = touchpoint
        self.kpi = kpi
        self.value = value
        self.target = target
        self.date = date
        self.verdict = verdict
        self.location = location
    }
}

/// `kpi-off-target`: the latest actual of a KPI misses its target.
public struct KPIOffTargetRule: Rule {
    public static let id = "kpi-off-target"
    public static let description = RuleDescription(
        id: id,
        defaultSeverity: .warning,
        summary: "The latest actual value of a KPI (from --actuals) misses the KPI's target.",
        explanation: """
            A target on the map is a promise; the actuals say whether it is kept. When the latest measured value \
            of a KPI (the row with the latest date in the file given with --actuals) does not meet a target that \
            reads as a comparison, such as "< 5 min" or ">= 80 %", the touchpoint needs attention — or the target \
            needs revising. Targets that are not comparisons are never flagged. Without --actuals the rule finds nothing.
            """,
        triggeringExamples: [
            .init("The first response takes 12 minutes against a target of under 5", json: example,
                  kpiReadings: [KPIReading(touchpoint: "whatsapp-reply", kpi: "First response time", value: "12 min",
                                           target: "< 5 min", date: "2026-10-31", verdict: .missed)]),
        ],
        nonTriggeringExamples: [
            .init("The first response takes 90 seconds, within the target of under 5 minutes", json: example,
                  kpiReadings: [KPIReading(touchpoint: "whatsapp-reply", kpi: "First response time", value: "90 s",
                                           target: "< 5 min", date: "2026-10-31", verdict: .met)]),
            .init("No actuals were given", json: example),
        ]
    )

    private static let example = """
        {
          "id": "example",
          "title": "Shop",
          "personas": [{"id": "alex", "name": "Álex"}],
          "channels": [{"id": "whatsapp", "name": "WhatsApp", "owner": "support"}],
          "stages": [
            {
              "id": "ask",
              "name": "Ask",
              "touchpoints": [
                {
                  "id": "whatsapp-reply",
                  "name": "Gets an answer on WhatsApp",
                  "channels": ["whatsapp"],
                  "kpis": [{"name": "First response time", "target": "< 5 min"}]
                }
              ]
            }
          ]
        }
        """

    public init() {}

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        journey.kpiReadings.compactMap { reading in
            guard reading.verdict == .missed, let touchpoint = journey.touchpoint(reading.touchpoint) else { return nil }
            let when = reading.date.map { " (\($0))" } ?? ""
            return finding(
                "\(Wording.quoted(reading.kpi)) is \(reading.value) against a target of \(reading.target ?? "")\(when)",
                hint: "improve \(Wording.quoted(touchpoint.name)), or revise the target if it no longer holds",
                at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id, .kpi: reading.kpi])
        }
    }
}
