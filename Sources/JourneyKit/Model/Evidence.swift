/// What a persona or a touchpoint is based on: research, data or an assumption.
public struct Evidence: Sendable, Hashable {
    /// Where the knowledge comes from.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case interview, survey, analytics, support, observation
        case usabilityTest = "usability-test"
        /// Nobody checked it yet; `unevidenced-moment` treats it as no evidence.
        case assumption
    }

    /// Where the knowledge comes from.
    public var kind: Kind
    /// The study, report or dashboard, e.g. "Interviews with 8 shop owners".
    public var source: String
    /// When it was gathered; `stale-evidence` compares it with the check date.
    public var date: CalendarDate?
    /// Anything worth knowing about it.
    public var note: String?

    public init(kind: Kind, source: String, date: CalendarDate? = nil, note: String? = nil) {
        self.kind = kind
        self.source = source
        self.date = date
        self.note = note
    }
}
