/// A position in a journey file, as editors and compilers count it.
///
/// Lines and columns are 1-based; the column counts Unicode code points from the
/// start of the line, which is what SARIF calls `unicodeCodePoints`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path of the file as the caller named it (may be empty for in-memory input).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in Unicode code points.
    public var column: Int

    /// A position: 1-based line and column (in Unicode code points).
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the form editors and terminals turn into a link.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Keeps a value next to a model element without letting it take part in `==` or hashing.
///
/// Used for source locations: the same journey read from JSON and from XML is the
/// same journey, although it was found at different places.
@propertyWrapper
public struct ExcludedFromEquality<Value: Sendable>: Sendable, Hashable {
    /// The value kept.
    public var wrappedValue: Value

    /// Keeps `wrappedValue` out of equality and hashing.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    /// Always equal: the value does not take part in comparisons.
    public static func == (lhs: Self, rhs: Self) -> Bool { true }
    /// Adds nothing to the hash.
    public func hash(into hasher: inout Hasher) {}
}
