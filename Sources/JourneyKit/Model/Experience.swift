/// How one persona lives a touchpoint, when it differs from the touchpoint's own emotion and pains.
public struct Experience: Sendable, Hashable {
    /// The persona's id; it must be in the touchpoint's audience.
    public var persona: String
    /// How this persona feels here, from −2 to +2; the touchpoint's `emotion` when `nil`.
    public var emotion: Int?
    /// What goes wrong for this persona here.
    public var pains: [String]
    /// Something this persona said, in their words.
    public var quote: String?
    /// Where the experience starts in its file.
    @ExcludedFromEquality public var location: SourceLocation?

    public init(persona: String, emotion: Int? = nil, pains: [String] = [], quote: String? = nil, location: SourceLocation? = nil) {
        self.persona = persona
        self.emotion = emotion
        self.pains = pains
        self.quote = quote
        self.location = location
    }
}
