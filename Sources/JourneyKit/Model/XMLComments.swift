/// The comments of an XML journey, each kept with the element it precedes, so that `cjm fmt`
/// rewrites a commented file without losing a word. JSON has no comments; converting a
/// commented XML file to JSON warns that they cannot be carried.
public struct XMLComments: Sendable, Hashable {
    /// A model element, named by its kind and id.
    public enum Element: Sendable, Hashable {
        case journey
        case persona(String)
        case channel(String)
        case stage(String)
        case touchpoint(String)
    }

    /// Where a comment stands.
    public enum Anchor: Sendable, Hashable {
        /// Before a model element's start tag.
        case before(Element)
        /// Before the `index`-th child element called `name` (`description`, `goal`, `pain`,
        /// `opportunity`, `kpi`) of a model element.
        case beforeChild(Element, name: String, index: Int)
        /// Before a model element's end tag, after all its children.
        case end(Element)
        /// After the root element.
        case afterDocument
    }

    /// The comments' texts (what stands between `<!--` and `-->`) at each anchor, in order.
    public private(set) var comments: [Anchor: [String]] = [:]
    /// The processing instructions before the root element, as written between `<?` and `?>`
    /// (`xml-stylesheet type="text/xsl" href="journey.xsl"`), in order: `cjm fmt` keeps them.
    public var prologInstructions: [String] = []
    /// The root element's `xsi:schemaLocation`, which editors validate with: `cjm fmt` keeps it.
    public var schemaLocation: String?

    /// No comments.
    public init() {}

    /// Whether the file had no comments.
    public var isEmpty: Bool { comments.isEmpty }

    /// The number of comments.
    public var count: Int { comments.values.reduce(0) { $0 + $1.count } }

    /// Keeps `texts`, in order, with the element or position `anchor` names.
    public mutating func add(_ texts: [String], at anchor: Anchor) {
        guard !texts.isEmpty else { return }
        comments[anchor, default: []] += texts
    }

    public subscript(anchor: Anchor) -> [String] { comments[anchor] ?? [] }
}
