/// A position in a journey file, as editors and compilers count it.
///
/// Lines and columns are 1-based; the column counts Unicode code points from the
/// start of the line, which is what SARIF calls `unicodeCodePoints`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path of the file as the caller named it (may be empty for in-memory input).
    public var file: String
    // Every model element keeps a location: 32-bit line and column make one 24 bytes instead
    // of 32, and an optional one too (the string's spare bits mark `nil`). Files are capped
    // far below 4 G lines or columns; larger numbers are clamped.
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// The 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }
    /// The 1-based column, in Unicode code points.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// A position: 1-based line and column (in Unicode code points).
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }

    /// `path:line:column`, the form editors and terminals turn into a link.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.storedLine, lhs.storedColumn) < (rhs.file, rhs.storedLine, rhs.storedColumn)
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
