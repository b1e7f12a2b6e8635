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
    /// The ids of the elements the finding is about, by the part they play, in role order:
    /// `references[.touchpoint]`, `for reference in references`.
    public var references: References

    /// A diagnostic; validation problems have no rule and no references.
    public init(
        severity: Severity,
        message: String,
        location: SourceLocation,
        hint: String? = nil,
        rule: String? = nil,
        references: References = [:]
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.rule = rule
        self.references = references
    }

    /// A diagnostic whose references are given as a dictionary.
    public init(
        severity: Severity,
        message: String,
        location: SourceLocation,
        hint: String? = nil,
        rule: String? = nil,
        references: [ReferenceRole: String]
    ) {
        self.init(severity: severity, message: message, location: location, hint: hint, rule: rule,
                  references: References(references))
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

extension Array<Diagnostic> {
    /// Whether these are in order already (no diagnostic sorts before the one ahead of it): the
    /// analyser's findings are, and a reporter then need not sort a copy of 200,000 of them.
    public var isSorted: Bool {
        indices.dropFirst().allSatisfy { !(self[$0] < self[$0 - 1]) }
    }
}

extension Diagnostic {
    /// The references of a finding, at most one per role, in role order (as `cjm check
    /// --format json` prints them); read and written like a dictionary: `references[.touchpoint]`,
    /// `for (role, id) in references`, `[.from: from.id, .touchpoint: to.id]`.
    ///
    /// Nearly every finding names one or two elements, so the first two are held in the value
    /// itself and a finding allocates nothing for its references: a dictionary per finding took
    /// about 150 bytes of heap, 30 MB for the 200,000 findings of a large careless journey.
    public struct References: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
        private struct Entry: Sendable, Hashable {
            var role: ReferenceRole
            var id: String
        }

        private var first: Entry?
        private var second: Entry?
        /// The third and later references (rare), in role order.
        private var rest: [Entry] = []

        /// No references.
        public init() {}

        /// The references of a dictionary.
        public init(_ dictionary: [ReferenceRole: String]) {
            for (role, id) in dictionary { self[role] = id }
        }

        public init(dictionaryLiteral elements: (ReferenceRole, String)...) {
            for (role, id) in elements { self[role] = id }
        }

        /// Whether the finding names no element.
        public var isEmpty: Bool { first == nil }

        /// How many elements the finding names.
        public var count: Int { first == nil ? 0 : second == nil ? 1 : 2 + rest.count }

        /// The roles present, in order.
        public var keys: [ReferenceRole] { map(\.role) }

        /// The id of the element in `role`, if there is one; setting `nil` removes it.
        public subscript(role: ReferenceRole) -> String? {
            get {
                if first?.role == role { return first?.id }
                if second?.role == role { return second?.id }
                return rest.first { $0.role == role }?.id
            }
            set {
                if let newValue, first?.role == role {
                    first?.id = newValue
                } else if let newValue, second?.role == role {
                    second?.id = newValue
                } else if let newValue, let index = rest.firstIndex(where: { $0.role == role }) {
                    rest[index].id = newValue
                } else if let newValue {
                    insert(Entry(role: role, id: newValue))
                } else if self[role] != nil {
                    let kept = filter { $0.role != role }
                    self = References()
                    for (role, id) in kept { insert(Entry(role: role, id: id)) }
                }
            }
        }

        /// Adds a reference in a role not present yet, keeping role order.
        private mutating func insert(_ entry: Entry) {
            guard let head = first else {
                first = entry
                return
            }
            guard let next = second else {
                if entry.role < head.role { (first, second) = (entry, head) } else { second = entry }
                return
            }
            var all = [head, next] + rest
            all.insert(entry, at: all.firstIndex { entry.role < $0.role } ?? all.endIndex)
            first = all[0]
            second = all[1]
            rest = Array(all.dropFirst(2))
        }

        public func makeIterator() -> Iterator { Iterator(references: self) }

        /// Walks the references in role order.
        public struct Iterator: IteratorProtocol {
            fileprivate let references: References
            fileprivate var position = 0

            public mutating func next() -> (role: ReferenceRole, id: String)? {
                defer { position += 1 }
                let entry = switch position {
                case 0: references.first
                case 1: references.second
                default: position - 2 < references.rest.count ? references.rest[position - 2] : nil
                }
                return entry.map { ($0.role, $0.id) }
            }
        }
    }
}
