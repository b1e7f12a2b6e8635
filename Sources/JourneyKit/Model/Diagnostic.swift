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

    /// What is wrong, in words a CX person understands. An analyser finding words it only when
    /// this is read (a reporter printing it), from the few positions it keeps.
    public var message: String {
        get {
            switch content {
            case .written(let text): text.message
            case .deferred(let wording, let subject): wording.message(subject)
            }
        }
        set { edit { $0.message = newValue } }
    }
    /// Where it is.
    public var location: SourceLocation
    /// What to do about it, when there is something useful to say.
    public var hint: String? {
        get {
            switch content {
            case .written(let text): text.hint
            case .deferred(let wording, let subject): wording.hint(subject)
            }
        }
        set { edit { $0.hint = newValue } }
    }
    /// The analyser rule that produced it; `nil` for validation problems.
    public var rule: String? {
        get {
            switch content {
            case .written(let text): text.rule
            case .deferred(let wording, _): wording.rule
            }
        }
        set { edit { $0.rule = newValue } }
    }
    /// The ids of the elements the finding is about, by the part they play, in role order:
    /// `references[.touchpoint]`, `for reference in references`.
    public var references: References {
        get {
            switch content {
            case .written(let text): text.references
            case .deferred(let wording, let subject): wording.references(subject)
            }
        }
        set { edit { $0.references = newValue } }
    }
    /// The message, hint, rule and references: held as text, or left to the rule's wording.
    private var content: Content
    /// How serious it is. (Stored last: after the location and the content it fits in their
    /// padding, and a finding is 48 bytes.)
    public var severity: Severity

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
        self.content = .written(WrittenText(message: message, hint: hint, rule: rule, references: references))
        self.location = location
    }

    /// A finding whose message, hint, rule and references `wording` gives when they are read:
    /// a large journey can have 200,000 findings, and building each one's sentence (some 180
    /// bytes, with the lookups of the names it quotes) while the rules run cost a quarter of
    /// `cjm check`'s time and most of the findings' memory, for words that are printed once,
    /// if at all. Such a finding is 48 bytes (its severity, location, wording and positions),
    /// where one holding its rule, references and words was 144.
    init(severity: Severity, location: SourceLocation, wording: DiagnosticWording, subject: WordingSubject) {
        self.severity = severity
        self.content = .deferred(wording, subject)
        self.location = location
    }

    /// Appends the message's UTF-8 bytes, which a deferred finding writes without making a String.
    func writeMessage(to out: inout UTF8Text) {
        switch content {
        case .written(let text): out.verbatim(text.message)
        case .deferred(let wording, let subject): wording.writeMessage(subject, &out)
        }
    }

    /// Whether its message and hint are written only when read (an analyser finding that
    /// keeps its journey for them), rather than held as text.
    var isWordedWhenRead: Bool {
        if case .deferred = content { return true }
        return false
    }

    /// The same diagnostic with its message and hint held as text: it no longer keeps the
    /// journey its words come from (for reports that wait for other files before printing).
    public func writingOutWords() -> Diagnostic {
        guard isWordedWhenRead else { return self }
        var written = self
        written.edit { _ in }
        return written
    }

    /// Changes the text of the diagnostic, writing out a deferred finding's words first.
    private mutating func edit(_ change: (inout WrittenText.Fields) -> Void) {
        var fields = switch content {
        case .written(let text): text.fields
        case .deferred(let wording, let subject):
            WrittenText.Fields(message: wording.message(subject), hint: wording.hint(subject), rule: wording.rule,
                               references: wording.references(subject))
        }
        change(&fields)
        content = .written(WrittenText(fields))
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

extension Diagnostic {
    /// Equal when everything a reporter prints is equal, however the words are held.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity && lhs.location == rhs.location && lhs.rule == rhs.rule
            && lhs.references == rhs.references && lhs.message == rhs.message && lhs.hint == rhs.hint
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(rule)
        hasher.combine(references)
        hasher.combine(message)
        hasher.combine(hint)
    }
}

/// The positions of the elements a finding's words name (a touchpoint, the touchpoint it
/// comes from, an experience …), and which of its rule's sentences it is: what a deferred
/// finding keeps instead of its message (12 bytes instead of some 180 on the heap).
struct WordingSubject: Sendable, Hashable {
    /// Which sentence of the rule, when it has several.
    var kind: UInt8 = 0
    /// The rule's first and second positions, e.g. of the touchpoints a step goes from and to.
    var first: Int32
    var second: Int32 = 0

    init(kind: UInt8 = 0, _ first: Int, _ second: Int = 0) {
        self.kind = kind
        self.first = Int32(truncatingIfNeeded: first)
        self.second = Int32(truncatingIfNeeded: second)
    }
}

/// Gives the rule, references, message and hint of a rule's findings when they are read. One
/// instance per rule and analysis, shared by its findings (a reference each); its functions
/// hold what the words quote (the analysed journey).
final class DiagnosticWording: Sendable {
    let rule: String
    let references: @Sendable (WordingSubject) -> Diagnostic.References
    /// Appends the message's UTF-8 bytes: a report writes them straight into its own.
    let writeMessage: @Sendable (WordingSubject, inout UTF8Text) -> Void
    let hint: @Sendable (WordingSubject) -> String?

    init(rule: String, references: @escaping @Sendable (WordingSubject) -> Diagnostic.References,
         writeMessage: @escaping @Sendable (WordingSubject, inout UTF8Text) -> Void,
         hint: @escaping @Sendable (WordingSubject) -> String?) {
        self.rule = rule
        self.references = references
        self.writeMessage = writeMessage
        self.hint = hint
    }

    func message(_ subject: WordingSubject) -> String {
        var text = UTF8Text()
        writeMessage(subject, &text)
        return text.string
    }
}

extension Diagnostic {
    /// A diagnostic's text: written out (validation problems, and anything assigned), or the
    /// wording that writes it and what it needs to know. The text is held in an object of its
    /// own so that the common case, a deferred finding, stays small.
    fileprivate enum Content: Sendable {
        case written(WrittenText)
        case deferred(DiagnosticWording, WordingSubject)
    }

    /// The message, hint, rule and references of a diagnostic that holds them as text.
    fileprivate final class WrittenText: Sendable {
        struct Fields {
            var message: String
            var hint: String?
            var rule: String?
            var references: References
        }

        let fields: Fields
        var message: String { fields.message }
        var hint: String? { fields.hint }
        var rule: String? { fields.rule }
        var references: References { fields.references }

        init(_ fields: Fields) { self.fields = fields }

        convenience init(message: String, hint: String?, rule: String?, references: References) {
            self.init(Fields(message: message, hint: hint, rule: rule, references: references))
        }
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by location, then rule id, then message, so output never depends on discovery order.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        guard haveSamePlace(lhs, rhs) else { return precedesByPlace(lhs, rhs) }
        return lhs.message < rhs.message
    }

    /// `<` without its last tie-break, the message (which a finding words when it is read).
    static func precedesByPlace(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return (lhs.rule ?? "") < (rhs.rule ?? "")
    }

    /// Whether `<` can only tell the two apart by their messages.
    static func haveSamePlace(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        lhs.location == rhs.location && lhs.rule == rhs.rule
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
        // Compared where they are, without copying each finding out of the array.
        withUnsafeBufferPointer { diagnostics in
            diagnostics.indices.dropFirst().allSatisfy { !(diagnostics[$0] < diagnostics[$0 - 1]) }
        }
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
