/// One moment of contact between a customer and the business.
public struct Touchpoint: Sendable, Hashable, Identifiable {
    /// Who starts the contact.
    public enum Initiator: String, Sendable, Hashable, CaseIterable {
        case customer, business
    }

    /// A measure of how well this touchpoint works, with an optional target.
    public struct KPI: Sendable, Hashable {
        /// What is measured, e.g. "First response time".
        public var name: String
        /// The value aimed for, e.g. "< 5 min".
        public var target: String?

        /// A KPI named `name`, with an optional target.
        public init(name: String, target: String? = nil) {
            self.name = name
            self.target = target
        }
    }

    /// The range of `emotion`: −2 (very unhappy) to +2 (delighted).
    public static let emotionRange = -2...2

    /// What is wrong with an emotion written as `text` that is not a whole number in range:
    /// a number beyond the range (`1e20`, `7.5`) is out of range, one inside it that is not
    /// written as an integer (`1.5`, `2.0`) is not a whole number.
    /// `shown` is the text as the message quotes it.
    static func emotionProblem(written text: String, shown: String) -> String {
        if let value = Double(text), !value.isNaN, !(-2.0...2.0).contains(value) {
            return "emotion \(shown) is out of range"
        }
        return "emotion must be a whole number, found \(shown)"
    }

    /// Identifier, unique among all touchpoints of the journey.
    public var id: String
    /// Human name, e.g. "Asks for stock on WhatsApp".
    public var name: String
    /// The team responsible for this touchpoint.
    public var owner: String?
    /// Where the touchpoint starts in its file.
    @ExcludedFromEquality public var location: SourceLocation?
    /// Ids of the channels this touchpoint happens on.
    public var channels: [String]
    /// Ids of the personas this touchpoint is for; empty means every persona.
    public var personas: [String]
    /// Ids of the touchpoints that follow this one.
    public var next: [String]
    /// The fields a touchpoint often leaves out, kept out of line (see `RareFields`).
    private var rare = RareFields<Rare>()
    /// How the customer feels here, from −2 to +2.
    public var emotion: Int?
    // The one-byte fields last: declared in this order, a touchpoint is 120 bytes, not 128
    // (Swift lays stored properties out as declared, padding each to its alignment).
    /// Who starts the contact; `customer` when not given.
    public var initiator: Initiator
    /// Whether customers can start the journey here.
    public var entry: Bool
    /// Whether this moment decides how the customer sees the business.
    public var momentOfTruth: Bool
    /// What happens here.
    public var description: String? {
        get { rare.read({ $0.description }, default: nil) }
        set { rare.update { $0.description = newValue } }
        _modify { yield &rare.unique().group.description }
    }
    /// What context this touchpoint receives when a customer arrives from another channel.
    public var handoff: String? {
        get { rare.read({ $0.handoff }, default: nil) }
        set { rare.update { $0.handoff = newValue } }
        _modify { yield &rare.unique().group.handoff }
    }
    /// The id of another journey of the portfolio that details or continues this touchpoint (a sub-journey).
    public var journey: String? {
        get { rare.read({ $0.journey }, default: nil) }
        set { rare.update { $0.journey = newValue } }
        _modify { yield &rare.unique().group.journey }
    }
    /// What goes wrong for customers here.
    public var pains: [String] {
        get { rare.read({ $0.pains }, default: []) }
        set { rare.update { $0.pains = newValue } }
        _modify { yield &rare.unique().group.pains }
    }
    /// Ideas to make this touchpoint better.
    public var opportunities: [String] {
        get { rare.read({ $0.opportunities }, default: []) }
        set { rare.update { $0.opportunities = newValue } }
        _modify { yield &rare.unique().group.opportunities }
    }
    /// How this touchpoint is measured.
    public var kpis: [KPI] {
        get { rare.read({ $0.kpis }, default: []) }
        set { rare.update { $0.kpis = newValue } }
        _modify { yield &rare.unique().group.kpis }
    }
    /// How each persona lives this touchpoint when it differs from `emotion` and `pains`; one per persona at most.
    public var experiences: [Experience] {
        get { rare.read({ $0.experiences }, default: []) }
        set { rare.update { $0.experiences = newValue } }
        _modify { yield &rare.unique().group.experiences }
    }
    /// What this is based on: research, data or assumptions.
    public var evidence: [Evidence] {
        get { rare.read({ $0.evidence }, default: []) }
        set { rare.update { $0.evidence = newValue } }
        _modify { yield &rare.unique().group.evidence }
    }
    /// The work behind the touchpoint that customers do not see (service-blueprint lanes).
    public var backstage: [BackstageStep] {
        get { rare.read({ $0.backstage }, default: []) }
        set { rare.update { $0.backstage = newValue } }
        _modify { yield &rare.unique().group.backstage }
    }
    /// Labels for grouping and filtering, e.g. "priority"; no duplicates.
    public var tags: [String] {
        get { rare.read({ $0.tags }, default: []) }
        set { rare.update { $0.tags = newValue } }
        _modify { yield &rare.unique().group.tags }
    }
    /// Team-specific data, e.g. `jira: CX-142`, in file order.
    public var properties: [Property] {
        get { rare.read({ $0.properties }, default: []) }
        set { rare.update { $0.properties = newValue } }
        _modify { yield &rare.unique().group.properties }
    }
    /// Analyser rule ids suppressed for findings about this touchpoint.
    public var ignore: [String] {
        get { rare.read({ $0.ignore }, default: []) }
        set { rare.update { $0.ignore = newValue } }
        _modify { yield &rare.unique().group.ignore }
    }

    struct Rare: RareFieldGroup {
        var description: String?
        var handoff: String?
        var journey: String?
        var pains: [String] = []
        var opportunities: [String] = []
        var kpis: [KPI] = []
        var experiences: [Experience] = []
        var evidence: [Evidence] = []
        var backstage: [BackstageStep] = []
        var tags: [String] = []
        var properties: [Property] = []
        var ignore: [String] = []
    }

    /// A touchpoint; every field but the id and name is optional, with the defaults of the file format.
    public init(
        id: String,
        name: String,
        description: String? = nil,
        channels: [String] = [],
        personas: [String] = [],
        initiator: Initiator = .customer,
        owner: String? = nil,
        emotion: Int? = nil,
        entry: Bool = false,
        momentOfTruth: Bool = false,
        next: [String] = [],
        handoff: String? = nil,
        journey: String? = nil,
        pains: [String] = [],
        opportunities: [String] = [],
        kpis: [KPI] = [],
        experiences: [Experience] = [],
        evidence: [Evidence] = [],
        backstage: [BackstageStep] = [],
        tags: [String] = [],
        properties: [Property] = [],
        ignore: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.channels = channels
        self.personas = personas
        self.initiator = initiator
        self.owner = owner
        self.emotion = emotion
        self.entry = entry
        self.momentOfTruth = momentOfTruth
        self.next = next
        self.location = location
        rare.update {
            $0 = Rare(description: description, handoff: handoff, journey: journey, pains: pains, opportunities: opportunities,
                      kpis: kpis, experiences: experiences, evidence: evidence, backstage: backstage,
                      tags: tags, properties: properties, ignore: ignore)
        }
    }

    /// Whether the touchpoint is for this persona: an empty persona list means every persona.
    public func isAimed(at persona: String) -> Bool {
        personas.isEmpty || personas.contains(persona)
    }

    /// The experience of this persona here, if the touchpoint has one.
    public func experience(of persona: String) -> Experience? {
        experiences.first { $0.persona == persona }
    }

    /// How `persona` feels here: its experience's emotion when given, else the touchpoint's.
    public func emotion(for persona: String) -> Int? {
        experience(of: persona)?.emotion ?? emotion
    }
}
