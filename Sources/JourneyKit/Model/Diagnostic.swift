/// Something cjm has to say about a journey file: a validation problem or an analyser finding.
///
/// There is one diagnostic type for everything so that every reporter (text, JSON, SARIF)
/// and every editor integration treats problems the same way.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a diagnostic is, from the least to the most.
    public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        /// Orders from the least serious (info) to the most (error).
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The part an element plays in a finding, used as the keys of `references`.
    public enum ReferenceRole: String, Sendable, Hashable, CaseIterable, Comparable {
        case channel, from, persona, stage, touchpoint
        /// A KPI of the touchpoint the finding is about, by its name (KPIs have no ids).
        case kpi
        /// Several personas at once, their ids in declaration order separated by single spaces
        /// (ids hold no spaces): a finding that would otherwise repeat for each persona.
        case personas

        /// Orders by name, so references print in a stable order.
        public static func < (lhs: ReferenceRole, rhs: ReferenceRole) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in words a CX person understands.
    public var message: String
    /// Where it is.
    public var location: SourceLocation
    /// What to do about it, when there is something useful to say.
    public var hint: String?
    /// The analyser rule that produced it; `nil` for validation problems.
    public var rule: String?
    /// The ids of the elements the finding is about, by the part they play.
    public var references: [ReferenceRole: String]

    /// A diagnostic; validation problems have no rule and no references.
    public init(
        severity: Severity,
        message: String,
        location: SourceLocation,
        hint: String? = nil,
        rule: String? = nil,
        references: [ReferenceRole: String] = [:]
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.rule = rule
        self.references = references
    }

    /// The ids of the personas the finding is about: the one of `persona`, or the list of
    /// `personas`; empty when it is about no persona in particular.
    public var personaIDs: [String] {
        if let persona = references[.persona] { return [persona] }
        return references[.personas].map { $0.split(separator: " ").map(String.init) } ?? []
    }

    /// A validation error: the file cannot be trusted until it is fixed.
    public static func error(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity: .error, message: message, location: location, hint: hint)
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by location, then rule id, then message, so output never depends on discovery order.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return (lhs.rule ?? "") < (rhs.rule ?? "") }
        return lhs.message < rhs.message
    }
}

extension Sequence<Diagnostic> {
    /// Whether any of these is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
