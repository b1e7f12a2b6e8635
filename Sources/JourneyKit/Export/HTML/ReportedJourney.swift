/// One file shown in an HTML report: the journey with its findings when the file is valid,
/// else the located problems that make it invalid.
public struct ReportedJourney: Sendable {
    /// The file's path as given, shown above its errors.
    public var path: String
    /// A stable name for links and URLs: the journey id, or the file's name when invalid.
    public var key: String
    /// The journey; `nil` when the file is invalid.
    public var journey: Journey?
    /// What reading and validating the file found (errors make it invalid).
    public var diagnostics: [Diagnostic]
    /// The analyser's findings about the journey as written.
    public var findings: [Diagnostic]
    /// The findings with each scenario applied, by scenario id (for the scenario switcher).
    public var scenarioFindings: [String: [Diagnostic]]
    /// The latest KPI actuals (`--actuals`) compared with their targets.
    public var kpiReadings: [KPIReading] = []
    /// What an event log says customers did (`--events`, `--transitions`).
    public var observed: ObservedTraffic?

    /// A reported file; `key` defaults to the journey id, else the file name.
    public init(path: String, key: String? = nil, journey: Journey?, diagnostics: [Diagnostic] = [],
                findings: [Diagnostic] = [], scenarioFindings: [String: [Diagnostic]] = [:]) {
        self.path = path
        self.key = key ?? journey?.id ?? String(path.split(separator: "/").last ?? Substring(path))
        self.journey = journey
        self.diagnostics = diagnostics
        self.findings = findings
        self.scenarioFindings = scenarioFindings
    }

    /// Whether the file holds a valid journey.
    public var isValid: Bool { journey != nil }

    /// Every finding, of the journey as written and of each scenario.
    var allFindings: [Diagnostic] { findings + scenarioFindings.keys.sorted().flatMap { scenarioFindings[$0] ?? [] } }
}

/// What an HTML report starts with and how its journeys link.
public struct JourneyReportOptions: Sendable, Hashable {
    /// How the index links to the journeys.
    public enum Links: Sendable, Hashable {
        /// Every journey is a section of the same page (`cjm report`).
        case sections
        /// Every journey is its own page at PREFIX + key (`cjm serve`: `/journeys/`).
        case pages(prefix: String)
    }

    /// The persona selected when the page opens (`--persona`); nil for all personas.
    public var persona: String?
    /// The scenario selected when the page opens (`--scenario`); nil for the journey as written.
    public var scenario: String?
    /// A BCP 47 tag for the page's words (`--lang`); nil for each journey's own language.
    public var language: String?
    /// Whether the page listens to `/events` and reloads when its file changes (`cjm serve`).
    public var liveReload: Bool
    /// How the index links to the journeys.
    public var links: Links

    public init(persona: String? = nil, scenario: String? = nil, language: String? = nil,
                liveReload: Bool = false, links: Links = .sections) {
        self.persona = persona
        self.scenario = scenario
        self.language = language
        self.liveReload = liveReload
        self.links = links
    }
}
