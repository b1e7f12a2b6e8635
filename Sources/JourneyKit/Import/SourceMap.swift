/// Where the fields that validation checks were found in a file, beyond each element's own location.
///
/// Importers fill it so that a dangling reference or a duplicate id is reported at the exact
/// value, not just at the element holding it. It is kept apart from the model so that
/// journeys built in code need none.
public struct SourceMap: Sendable {
    /// The fields whose positions are recorded.
    public enum Field: UInt8, Sendable, Hashable {
        case id, channels, personas, next, ignore
    }

    private struct Key: Hashable {
        var line: Int32
        var column: Int32
        var field: Field
        var index: Int32
    }

    private struct Position: Hashable {
        var line: Int32
        var column: Int32
    }

    private var positions: [Key: Position] = [:]

    public init() {}

    /// Records where item `index` of `field` (0 for single values) of the element at `element` is.
    public mutating func record(_ location: SourceLocation, of field: Field, index: Int = 0, in element: SourceLocation) {
        positions[Self.key(field, index, element)] = Position(line: Int32(clamping: location.line), column: Int32(clamping: location.column))
    }

    /// Where item `index` of `field` of the element is, or the element's own location when unknown.
    public func location(of field: Field, index: Int = 0, in element: SourceLocation?) -> SourceLocation? {
        guard let element else { return nil }
        guard let position = positions[Self.key(field, index, element)] else { return element }
        return SourceLocation(file: element.file, line: Int(position.line), column: Int(position.column))
    }

    private static func key(_ field: Field, _ index: Int, _ element: SourceLocation) -> Key {
        Key(line: Int32(clamping: element.line), column: Int32(clamping: element.column), field: field, index: Int32(clamping: index))
    }
}

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

    public init(journey: Journey?, diagnostics: [Diagnostic], sourceMap: SourceMap = SourceMap(), comments: XMLComments = XMLComments()) {
        self.journey = journey
        self.diagnostics = diagnostics
        self.sourceMap = sourceMap
        self.comments = comments
    }

    /// Whether the file is a valid journey: it was read and has no errors.
    public var isValid: Bool { journey != nil && !diagnostics.containsErrors }
}
