/// One check the analyser runs over a journey: a small type with an id, a default severity
/// and the words that explain it (the same text `cjm rules`, `docs/rules.md` and SARIF show).
public protocol Rule: Sendable {
    /// The id used in output, `ignore` lists and `--disable`, e.g. `unserved-touchpoint`.
    var id: String { get }
    /// The severity of its findings unless the rule decides otherwise for one finding.
    var defaultSeverity: Diagnostic.Severity { get }
    /// One line: what the rule flags.
    var summary: String { get }
    /// A paragraph: why it matters and what to do.
    var explanation: String { get }
    /// The findings of this rule in the journey (before suppression), each with `rule`,
    /// `references` and a location.
    func findings(in journey: AnalyzedJourney) -> [Diagnostic]
}

/// A journey with the lookups every rule needs, computed once.
public struct AnalyzedJourney: Sendable {
    public let journey: Journey

    public init(_ journey: Journey) {
        self.journey = journey
    }
}

/// Runs the rules over a journey: a pure function of the model, no I/O.
public struct Analyzer: Sendable {
    /// Every rule, in the order `cjm rules` lists them.
    public static let allRules: [any Rule] = []

    /// The rules this analyser runs.
    public var rules: [any Rule]

    public init(rules: [any Rule] = Analyzer.allRules, disabled: Set<String> = []) {
        self.rules = rules.filter { !disabled.contains($0.id) }
    }

    /// The findings that are not suppressed by an `ignore` list, ordered by location, then rule id.
    public func analyze(_ journey: Journey) -> [Diagnostic] {
        []
    }
}
