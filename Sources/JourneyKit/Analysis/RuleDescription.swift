/// Everything a person reads about a rule, with example journeys: the single source of
/// `cjm rules`, the rule sections of `docs/rules.md` and the rule descriptors in SARIF.
///
/// The examples are not only documentation: a test runs each one through the analyser and
/// checks that the triggering ones produce a finding of the rule and the non-triggering ones
/// none, so the page cannot promise what the rule does not do. (The idea is SwiftLint's
/// `RuleDescription`.)
public struct RuleDescription: Sendable {
    /// A small journey in the JSON format that shows the rule at work, or at rest.
    public struct Example: Sendable {
        /// What the example shows, for the reader, without a final stop:
        /// "The only channel of the touchpoint is planned, so María cannot pay".
        public let caption: String
        /// The severity the rule gives its findings here, when it is not the rule's default
        /// (a test checks it); `nil` for the default and for non-triggering examples.
        public let severity: Diagnostic.Severity?
        /// The journey, as `docs/rules.md` shows it: a complete file in the JSON format.
        public let json: String
        /// The KPI actuals the example is analysed with (`kpi-off-target`); usually none.
        public let kpiReadings: [KPIReading]
        /// The check date the example is analysed on (`--as-of`, for `stale-evidence`); usually none.
        public let asOf: CalendarDate?
        /// The journey ids of the portfolio the example is checked in (`broken-journey-link`); usually none.
        public let portfolioJourneyIDs: Set<String>?

        public init(_ caption: String, severity: Diagnostic.Severity? = nil, json: String,
                    kpiReadings: [KPIReading] = [], asOf: CalendarDate? = nil, portfolioJourneyIDs: Set<String>? = nil) {
            self.caption = caption
            self.severity = severity
            self.json = json
            self.kpiReadings = kpiReadings
            self.asOf = asOf
            self.portfolioJourneyIDs = portfolioJourneyIDs
        }
    }

    /// The id used in output, `ignore` lists and `--disable`, e.g. `unserved-touchpoint`.
    public let id: String
    /// The severity of its findings unless the rule decides otherwise for one finding.
    public let defaultSeverity: Diagnostic.Severity
    /// One line: what the rule flags.
    public let summary: String
    /// One paragraph: why it matters and what to do.
    public let explanation: String
    /// Journeys in which the rule finds something, at least one.
    public let triggeringExamples: [Example]
    /// Journeys in which the rule finds nothing, at least one: usually the triggering ones, fixed.
    public let nonTriggeringExamples: [Example]

    public init(
        id: String, defaultSeverity: Diagnostic.Severity, summary: String, explanation: String,
        triggeringExamples: [Example], nonTriggeringExamples: [Example]
    ) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
