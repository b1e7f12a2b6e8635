/// A phase of the journey (awareness, purchase, support…) holding its touchpoints in order.
public struct Stage: Sendable, Hashable, Identifiable {
    /// Identifier, unique among the journey's stages.
    public var id: String
    /// Human name, e.g. "Purchase".
    public var name: String
    /// What happens in this stage.
    public var description: String?
    /// The moments of contact in this stage, in order.
    public var touchpoints: [Touchpoint]
    /// Labels for grouping and filtering, e.g. "priority"; no duplicates.
    public var tags: [String]
    /// Team-specific data, e.g. `jira: CX-142`, in file order.
    public var properties: [Property]
    /// Analyser rule ids suppressed for findings about this stage.
    public var ignore: [String]
    /// Where the stage starts in its file.
    @ExcludedFromEquality public var location: SourceLocation?

    /// A stage with its touchpoints in order.
    public init(
        id: String,
        name: String,
        description: String? = nil,
        touchpoints: [Touchpoint] = [],
        tags: [String] = [],
        properties: [Property] = [],
        ignore: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.touchpoints = touchpoints
        self.tags = tags
        self.properties = properties
        self.ignore = ignore
        self.location = location
    }
}
