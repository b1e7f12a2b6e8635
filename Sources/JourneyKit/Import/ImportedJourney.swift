/// A journey read from a file, with everything found wrong with it.
public struct ImportedJourney: Sendable {
    /// The journey, or `nil` when the file could not be read far enough to make one.
    public var journey: Journey?
    /// Problems found while reading and validating, sorted by location.
    public var diagnostics: [Diagnostic]
    /// Positions of ids and references, for later checks that want to point at them.
    public var sourceMap: SourceMap
    /// The comments of an XML file, for writing it back without losing them.
    public var comments: XMLComments

    /// What an importer read: the journey (if any), its problems, positions and comments.
    public init(journey: Journey?, diagnostics: [Diagnostic], sourceMap: SourceMap = SourceMap(), comments: XMLComments = XMLComments()) {
        self.journey = journey
        self.diagnostics = diagnostics
        self.sourceMap = sourceMap
        self.comments = comments
    }

    /// Whether the file is a valid journey: it was read and has no errors.
    public var isValid: Bool { journey != nil && !diagnostics.containsErrors }
}
