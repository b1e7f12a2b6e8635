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
        ignore: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.touchpoints = touchpoints
        self.ignore = ignore
        self.location = location
    }
}
