/// A kind of customer, with the goals that bring them to the journey.
public struct Persona: Sendable, Hashable, Identifiable {
    /// Identifier, unique among the journey's personas.
    public var id: String
    /// Human name, e.g. "Small-business owner".
    public var name: String
    /// Who this persona is.
    public var description: String? {
        get { rare.read({ $0.description }, default: nil) }
        set { rare.update { $0.description = newValue } }
        _modify { yield &rare.unique().group.description }
    }
    /// What this persona wants to achieve.
    public var goals: [String] {
        get { rare.read({ $0.goals }, default: []) }
        set { rare.update { $0.goals = newValue } }
        _modify { yield &rare.unique().group.goals }
    }
    /// Ids of the channels this persona uses; empty means every channel.
    public var channels: [String] {
        get { rare.read({ $0.channels }, default: []) }
        set { rare.update { $0.channels = newValue } }
        _modify { yield &rare.unique().group.channels }
    }
    /// What this is based on: research, data or assumptions.
    public var evidence: [Evidence] {
        get { rare.read({ $0.evidence }, default: []) }
        set { rare.update { $0.evidence = newValue } }
        _modify { yield &rare.unique().group.evidence }
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
    /// Analyser rule ids suppressed for findings about this persona.
    public var ignore: [String] {
        get { rare.read({ $0.ignore }, default: []) }
        set { rare.update { $0.ignore = newValue } }
        _modify { yield &rare.unique().group.ignore }
    }
    /// Where the persona starts in its file.
    public var location: SourceLocation? {
        get { rare.file.map { SourceLocation(file: $0, line: Int(position.line), column: Int(position.column)) } }
        set {
            position = PackedPosition(newValue)
            rare.setFile(newValue?.file)
        }
    }
    /// The line and column of `location`; its file is kept with the rare fields, in a box that
    /// the personas an importer reads from one file share. A persona is 48 bytes instead of
    /// 64, which a journey of a million personas holds for the whole check (issue 17).
    @ExcludedFromEquality private var position = PackedPosition(nil)
    /// Everything but the id, name and location: most personas of a large journey have none of it.
    private var rare = RareFields<Rare>()

    private struct PackedPosition: Sendable {
        var line: UInt32
        var column: UInt32

        init(_ location: SourceLocation?) {
            line = UInt32(clamping: location?.line ?? 0)
            column = UInt32(clamping: location?.column ?? 0)
        }
    }

    struct Rare: RareFieldGroup {
        var description: String?
        var goals: [String] = []
        var channels: [String] = []
        var evidence: [Evidence] = []
        var tags: [String] = []
        var properties: [Property] = []
        var ignore: [String] = []
    }

    /// A persona; an empty channel list means it uses every channel.
    public init(
        id: String,
        name: String,
        description: String? = nil,
        goals: [String] = [],
        channels: [String] = [],
        evidence: [Evidence] = [],
        tags: [String] = [],
        properties: [Property] = [],
        ignore: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.location = location
        rare.update {
            $0 = Rare(description: description, goals: goals, channels: channels, evidence: evidence,
                      tags: tags, properties: properties, ignore: ignore)
        }
    }

    /// Whether this persona uses the channel: an empty channel list means every channel.
    public func uses(channel id: String) -> Bool {
        channels.isEmpty || channels.contains(id)
    }
}

extension Persona {
    /// Makes the empty personas an importer fills in, all copied from one template so that the
    /// personas read from one file share the box holding its path (see `location`) instead of
    /// allocating one each.
    struct Blanks {
        private var template: Persona?

        /// An empty persona (no id, no name) that starts at `location`.
        mutating func persona(at location: SourceLocation) -> Persona {
            let template = template ?? Persona(id: "", name: "", location: location)
            self.template = template
            var persona = template
            persona.location = location
            return persona
        }
    }
}
