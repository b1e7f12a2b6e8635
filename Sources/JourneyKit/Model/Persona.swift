/// A kind of customer, with the goals that bring them to the journey.
public struct Persona: Sendable, Hashable, Identifiable {
    /// Identifier, unique among the journey's personas.
    public var id: String
    /// Human name, e.g. "Small-business owner".
    public var name: String
    /// Who this persona is.
    public var description: String?
    /// What this persona wants to achieve.
    public var goals: [String]
    /// Ids of the channels this persona uses; empty means every channel.
    public var channels: [String]
    /// What this is based on: research, data or assumptions.
    public var evidence: [Evidence]
    /// Labels for grouping and filtering, e.g. "priority"; no duplicates.
    public var tags: [String]
    /// Team-specific data, e.g. `jira: CX-142`, in file order.
    public var properties: [Property]
    /// Analyser rule ids suppressed for findings about this persona.
    public var ignore: [String]
    /// Where the persona starts in its file.
    @ExcludedFromEquality public var location: SourceLocation?

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
        self.description = description
        self.goals = goals
        self.channels = channels
        self.evidence = evidence
        self.tags = tags
        self.properties = properties
        self.ignore = ignore
        self.location = location
    }

    /// Whether this persona uses the channel: an empty channel list means every channel.
    public func uses(channel id: String) -> Bool {
        channels.isEmpty || channels.contains(id)
    }
}
