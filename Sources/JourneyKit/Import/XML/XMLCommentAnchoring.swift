/// Attaches the comments of an XML journey to the elements they stand before, as the reader
/// meets start and end tags, so that `cjm fmt` can put each one back in its place.
struct XMLCommentAnchoring {
    private var comments = XMLComments()
    /// Comments read but not yet attached to the element they precede.
    private var pending: [String] = []
    /// For each open element: the model element it is (or belongs to), and where its entries
    /// in `childCounts` start.
    private var owners: [(element: XMLComments.Element?, firstChildCount: Int)] = []
    /// How many children of each name the open elements have had so far, innermost last: one
    /// stack for all rather than a dictionary per element, which cost an allocation for
    /// every touchpoint with a child element.
    private var childCounts: [(name: String, count: Int)] = []

    /// The namespace of `xsi:schemaLocation`.
    static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"

    /// The root element's `xsi:schemaLocation`.
    var schemaLocation: String? {
        get { comments.schemaLocation }
        set { comments.schemaLocation = newValue }
    }

    mutating func read(comment: String) {
        pending.append(comment)
    }

    /// Keeps a processing instruction that stands before the root element (`<?xml-stylesheet …?>`);
    /// those inside the document are not kept (the writer has no place for them).
    mutating func read(instruction target: String, data: String) {
        guard owners.isEmpty else { return }
        comments.prologInstructions.append(data.isEmpty ? target : target + " " + data)
    }

    /// Attaches the comments read since the last tag to the element starting now: `element`
    /// when it is a model element, else the `name` child of the innermost open model element.
    mutating func elementStarted(_ element: XMLComments.Element?, name: String) {
        if let element {
            comments.add(pending, at: .before(element))
        } else if let owner = owners.last?.element {
            let first = owners[owners.count - 1].firstChildCount
            var index = 0
            if let slot = childCounts[first...].firstIndex(where: { $0.name == name }) {
                index = childCounts[slot].count
                childCounts[slot].count += 1
            } else {
                childCounts.append((name, 1))
            }
            comments.add(pending, at: .beforeChild(owner, name: name, index: index))
        } else {
            comments.add(pending, at: .afterDocument)
        }
        if !pending.isEmpty { pending = [] }
        owners.append((element, childCounts.count))
    }

    /// Attaches the comments before an end tag to the end of its model element.
    mutating func elementEnded() {
        guard let owner = owners.popLast() else { return }
        childCounts.removeSubrange(owner.firstChildCount...)
        if let element = owner.element {
            comments.add(pending, at: .end(element))
            pending = []
        }
    }

    /// Every comment, those after the root element included.
    func finished() -> XMLComments {
        var all = comments
        all.add(pending, at: .afterDocument)
        return all
    }
}
