/// Places libxml2's schema errors at the element they are about: its `<`, or the name of the
/// attribute concerned.
///
/// libxml2 validates as its parser reads, ahead of the reader, and gives only the line where
/// the element's start tag ends (no column). So an error about a start tag waits until the
/// reader reaches a start tag of that name ending on that line; errors about an element's
/// content are found while it is open and reported at once, on their line.
struct XMLSchemaErrorLocator {
    /// An element whose start tag an error is about: its `<` and its attributes.
    struct TaggedElement {
        var offset: Int?
        var attributes: [XMLSourceText.RawAttribute]
        /// Where each attribute's name starts, only for elements with many attributes: schema
        /// errors about them are located one by one, and a scan for each would be quadratic
        /// (10,000 unknown attributes took seconds; found by docs/robustness.md).
        private var nameOffsets: [String: Int]?

        init(offset: Int?, attributes: [XMLSourceText.RawAttribute], in source: XMLSourceText) {
            self.offset = offset
            self.attributes = attributes
            if attributes.count > 16 {
                nameOffsets = Dictionary(attributes.map { (source.name(of: $0), $0.nameOffset) }, uniquingKeysWith: { first, _ in first })
            }
        }

        /// The offset of the first attribute named `attribute` in the start tag.
        func nameOffset(of attribute: String, in source: XMLSourceText) -> Int? {
            if let nameOffsets { return nameOffsets[attribute] }
            var attribute = attribute
            return attribute.withUTF8 { name in attributes.first { source.attribute($0, isNamed: name) }?.nameOffset }
        }
    }

    /// A schema error waiting for the reader to reach the element it is about.
    private struct PendingError {
        var error: LibXMLError
        var parsed: XMLSchemaMessages.Parsed?
    }

    /// The names of the open elements, innermost last: an error about a start tag is matched
    /// against the element starting and names its parent.
    private var openElements: [String] = []
    private var pending: [PendingError] = []

    /// Takes one schema error; returns its diagnostic when it can be placed now, `nil` when it
    /// waits for its element (or is one the importer reports itself).
    mutating func receive(_ error: LibXMLError, in source: XMLSourceText) -> Diagnostic? {
        let parsed = XMLSchemaMessages.parse(error.message)
        if XMLSchemaMessages.isAboutContent(error, parsed: parsed) {
            return diagnostic(for: PendingError(error: error, parsed: parsed), element: nil, parent: nil, in: source)
        }
        pending.append(PendingError(error: error, parsed: parsed))
        return nil
    }

    /// Records the start tag the reader is on (`offset` is its `<`, `tagEnd` its `>`) and
    /// returns the diagnostics of the waiting errors about it. The attributes are looked at
    /// only when an error waits, so the caller may reuse their buffer afterwards.
    mutating func elementStarted(
        name: String, offset: Int?, tagEnd: Int?, attributes: [XMLSourceText.RawAttribute], in source: XMLSourceText
    ) -> [Diagnostic] {
        openElements.append(name)
        guard !pending.isEmpty, let tagEnd else { return [] }
        let line = source.location(ofOffset: tagEnd).line
        let parent = openElements.count >= 2 ? openElements[openElements.count - 2] : nil
        let element = TaggedElement(offset: offset, attributes: attributes, in: source)
        var diagnostics: [Diagnostic] = []
        var waiting: [PendingError] = []
        for error in pending {
            if error.error.line == line, (error.parsed?.element ?? name) == name {
                if let diagnostic = diagnostic(for: error, element: element, parent: parent, in: source) {
                    diagnostics.append(diagnostic)
                }
            } else {
                waiting.append(error)
            }
        }
        pending = waiting
        return diagnostics
    }

    mutating func elementEnded() {
        _ = openElements.popLast()
    }

    /// The errors the reader never reached an element for (it stopped at a syntax error
    /// first), at most 100, each located by searching the source for its start tag.
    mutating func remaining(in source: XMLSourceText) -> [Diagnostic] {
        defer { pending.removeAll() }
        return pending.prefix(100).compactMap { error in
            let element = error.parsed.flatMap { source.startTag(named: $0.element, endingOnLine: error.error.line) }
                .map { TaggedElement(offset: $0, attributes: source.attributes(ofTagAt: $0), in: source) }
            return diagnostic(for: error, element: element, parent: nil, in: source)
        }
    }

    /// The diagnostic for `error`, at `element` (its `<`, or the name of the attribute
    /// concerned), or at the line libxml2 gave when the element is not known.
    private func diagnostic(
        for error: PendingError, element: TaggedElement?, parent: String?, in source: XMLSourceText
    ) -> Diagnostic? {
        XMLSchemaMessages.diagnostic(for: error.error, parsed: error.parsed, parent: parent) { attribute in
            guard let element, let offset = element.offset else { return source.location(line: error.error.line, column: 1) }
            if let attribute, let nameOffset = element.nameOffset(of: attribute, in: source) {
                return source.location(ofOffset: nameOffset)
            }
            return source.location(ofOffset: offset)
        }
    }
}
