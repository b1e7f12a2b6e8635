/// The raw bytes of an XML journey, read alongside libxml2 to find exact positions.
///
/// libxml2's streaming reader gives a node's line only as far as its parser has read (it
/// reads ahead in chunks, and an element's line is the line where its start tag *ends*).
/// Diagnostics should point at the `<` of an element and at the name of an attribute, so
/// the importer walks the start tags here in the same document order as the reader.
struct XMLSourceText {
    /// One attribute as written in a start tag, as offsets: its name is read only when a
    /// message needs it (`name(of:)`), since a `String` per attribute of every element was a
    /// large part of the scan.
    struct RawAttribute {
        /// Offset of the name's first byte.
        var nameOffset: Int
        /// Offset just past the qualified name as written, e.g. `channels` or `xmlns:xi`.
        var nameEnd: Int
        /// Offset of the first byte of the value, just after the opening quote.
        var valueOffset: Int
        /// Offset just past the value's last byte (its closing quote), so that the value as
        /// written, before entity and whitespace normalisation, is `valueOffset..<valueEnd`.
        var valueEnd: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    /// Offsets where lines start, for turning offsets into line numbers.
    private let lineStarts: [Int]
    /// Where the search for the next start tag resumes.
    private var cursor = 0
    /// The offset of the `>` that ends the start tag `nextStartTag` last found.
    private(set) var lastTagEnd: Int?

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        // A UTF-8 byte order mark is not part of the text editors show, so line 1 starts after it.
        var starts = [ByteOrderMark.length(in: bytes)]
        var index = 0
        while let lineFeed = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: index) {
            starts.append(lineFeed + 1)
            index = lineFeed + 1
        }
        lineStarts = starts
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String, lineStarts: [Int]) {
        self.bytes = bytes
        self.file = file
        self.lineStarts = lineStarts
    }

    /// The column counter, in a box because `location(ofOffset:)` is asked for while reading.
    private final class Columns {
        var counter = ColumnCounter()
        /// The index of the line last asked for: the reader asks in document order, so the
        /// next offset is usually on that line or the next, found without a binary search.
        var lineIndex = 0
    }

    private let columns = Columns()

    /// The line and column (in Unicode code points) of a byte offset.
    func location(ofOffset offset: Int) -> SourceLocation {
        let offset = min(max(lineStarts[0], offset), bytes.count)
        var low = columns.lineIndex
        if !isOnLine(offset, low) {
            if isOnLine(offset, low + 1) {
                low += 1
            } else {
                low = 0
                var high = lineStarts.count - 1
                while low < high {
                    let middle = (low + high + 1) / 2
                    if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
                }
            }
        }
        columns.lineIndex = low
        let column = columns.counter.column(of: offset, lineStart: lineStarts[low], in: bytes)
        return SourceLocation(file: file, line: low + 1, column: column)
    }

    /// Whether `offset` is on the line at `index` of `lineStarts` (an index past the last is on no line).
    private func isOnLine(_ offset: Int, _ index: Int) -> Bool {
        index < lineStarts.count && lineStarts[index] <= offset && (index + 1 == lineStarts.count || offset < lineStarts[index + 1])
    }

    /// The location of a line and column as libxml2 reports them (0 means unknown).
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(1, line), column: max(1, column))
    }

    // MARK: Prolog

    /// What comes before the root element that cjm refuses to read.
    enum PrologProblem {
        case documentType(offset: Int)
        case notUTF8(encoding: String)
        /// The XML declaration names an encoding other than UTF-8, at this offset.
        case declaredEncoding(String, offset: Int)
        case empty
    }

    /// Looks through the XML declaration, comments and processing instructions before the root
    /// element for a `<!DOCTYPE`, the only place one is allowed, so that libxml2 never sees a DTD.
    func prologProblem() -> PrologProblem? {
        if let encoding = TextEncoding.otherUnicodeEncoding(of: bytes) {
            return .notUTF8(encoding: encoding)
        }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case UInt8(ascii: "<"):
                if matches("<?", at: index) {
                    let end = skip(past: "?>", from: index + 2)
                    if index == (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0), matches("<?xml", at: index), index + 5 < end, isSpace(bytes[index + 5]),
                       let (encoding, offset) = declaredEncoding(in: index..<end),
                       !["utf-8", "utf8"].contains(encoding.lowercased()) {
                        // libxml2 would decode by it, and cjm's positions count UTF-8.
                        return .declaredEncoding(encoding, offset: offset)
                    }
                    index = end
                } else if matches("<!--", at: index) {
                    index = skip(past: "-->", from: index + 4)
                } else if matches("<!", at: index) {
                    // `<!DOCTYPE`, or any other declaration libxml2 might take for one.
                    return .documentType(offset: index)
                } else {
                    return nil
                }
            default:
                return nil
            }
        }
        // Only white space (after a byte order mark): nothing to read.
        return .empty
    }

    /// The value of `encoding="…"` in the XML declaration spanning `range`, and its offset.
    private func declaredEncoding(in range: Range<Int>) -> (String, Int)? {
        var index = range.lowerBound
        while index < range.upperBound {
            if matches("encoding", at: index) {
                var cursor = index + 8
                while cursor < range.upperBound, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "=") { cursor += 1 }
                guard cursor < range.upperBound, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else { return nil }
                let quote = bytes[cursor]
                let start = cursor + 1
                var end = start
                while end < range.upperBound, bytes[end] != quote { end += 1 }
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), start)
            }
            index += 1
        }
        return nil
    }

    // MARK: Start tags

    /// What a `<` starts: a start tag, an end tag, or other markup (comment, CDATA section,
    /// processing instruction, declaration), with the offset just past the latter two.
    private enum Markup {
        case startTag
        case endTag(end: Int)
        case other(end: Int)
    }

    private func markup(at index: Int) -> Markup {
        if matches("<!--", at: index) { return .other(end: skip(past: "-->", from: index + 4)) }
        if matches("<![CDATA[", at: index) { return .other(end: skip(past: "]]>", from: index + 9)) }
        if matches("<?", at: index) { return .other(end: skip(past: "?>", from: index + 2)) }
        if matches("</", at: index) { return .endTag(end: skip(past: ">", from: index + 2)) }
        if matches("<!", at: index) { return .other(end: skip(past: ">", from: index + 2)) }
        return .startTag
    }

    /// Finds the next start tag after the previous one and returns the offset of its `<`.
    mutating func nextStartTag() -> Int? {
        var index = cursor
        while let open = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: index) {
            index = open
            switch markup(at: index) {
            case .other(let end), .endTag(let end):
                index = end
            case .startTag:
                cursor = endOfTag(from: index + 1)
                lastTagEnd = cursor - 1
                return index
            }
        }
        cursor = bytes.count
        return nil
    }

    /// The offset of the first start tag of the element with this local name whose `>` is on
    /// `line`, searching from the start of the file.
    func startTag(named name: String, endingOnLine line: Int) -> Int? {
        var scanner = XMLSourceText(bytes: bytes, file: file, lineStarts: lineStarts)
        while let offset = scanner.nextStartTag(), let end = scanner.lastTagEnd {
            let endLine = location(ofOffset: end).line
            if endLine > line { return nil }
            guard endLine == line else { continue }
            var nameEnd = offset + 1
            while nameEnd < bytes.count, !isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"), bytes[nameEnd] != UInt8(ascii: "/") {
                nameEnd += 1
            }
            let qualified = String(decoding: bytes[(offset + 1)..<nameEnd], as: UTF8.self)
            if qualified == name || qualified.hasSuffix(":" + name) { return offset }
        }
        return nil
    }

    /// The attributes of the start tag whose `<` is at `offset`, in the order written.
    func attributes(ofTagAt offset: Int) -> [RawAttribute] {
        var attributes: [RawAttribute] = []
        self.attributes(ofTagAt: offset, into: &attributes)
        return attributes
    }

    /// The same, into a buffer the caller reuses from element to element.
    func attributes(ofTagAt offset: Int, into attributes: inout [RawAttribute]) {
        attributes.removeAll(keepingCapacity: true)
        var index = offset + 1
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") else { break }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
                index += 1
            }
            let nameEnd = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { break }
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { break }
            let quote = bytes[index]
            let valueStart = index + 1
            index = valueStart
            while index < bytes.count, bytes[index] != quote { index += 1 }
            attributes.append(RawAttribute(nameOffset: nameStart, nameEnd: nameEnd, valueOffset: valueStart,
                                           valueEnd: min(index, bytes.count)))
            index += 1
        }
    }

    /// Whether the start tag whose `<` is at `offset` is of an element with the local name
    /// `name` (its qualified name is `name` or ends in `:name`).
    func startTag(at offset: Int, hasLocalName name: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = offset + 1
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") { end += 1 }
        guard end - (offset + 1) >= name.count, UnsafeBufferPointer(rebasing: bytes[(end - name.count)..<end]).elementsEqual(name) else { return false }
        return end - name.count == offset + 1 || bytes[end - name.count - 1] == UInt8(ascii: ":")
    }

    /// The attribute's qualified name as written.
    func name(of attribute: RawAttribute) -> String {
        String(decoding: bytes[attribute.nameOffset..<attribute.nameEnd], as: UTF8.self)
    }

    /// The attribute's qualified name as written, as bytes.
    func nameBytes(of attribute: RawAttribute) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[attribute.nameOffset..<attribute.nameEnd])
    }

    /// Whether the attribute's qualified name is spelled by `name`'s UTF-8 bytes.
    func attribute(_ attribute: RawAttribute, isNamed name: UnsafeBufferPointer<UInt8>) -> Bool {
        attribute.nameEnd - attribute.nameOffset == name.count
            && UnsafeBufferPointer(rebasing: bytes[attribute.nameOffset..<attribute.nameEnd]).elementsEqual(name)
    }

    /// The attribute's value exactly as written, before entity and white-space normalisation.
    func valueAsWritten(of attribute: RawAttribute) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[attribute.valueOffset..<attribute.valueEnd])
    }

    /// Whether the attributes as written are those libxml2 reports to the reader, and with
    /// the same values: no name with a prefix but namespace declarations (`xmlns:…`, which
    /// carry no field; a prefixed attribute is in a namespace, or in an error), and no value
    /// with an entity or character reference to expand or a tab or line break that
    /// attribute-value normalisation turns into a space (a lone CR was made an LF before reading).
    func attributesAreAsWritten(_ attributes: [RawAttribute]) -> Bool {
        for attribute in attributes {
            let name = UnsafeBufferPointer(rebasing: bytes[attribute.nameOffset..<attribute.nameEnd])
            if name.contains(UInt8(ascii: ":")), !name.starts(with: "xmlns:".utf8) { return false }
            for byte in valueAsWritten(of: attribute) where byte == UInt8(ascii: "&") || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                return false
            }
        }
        return true
    }

    /// The offsets of the whitespace-separated items of an attribute value as written.
    func itemOffsets(of attribute: RawAttribute) -> [Int] {
        var offsets: [Int] = []
        var inItem = false
        for position in attribute.valueOffset..<attribute.valueEnd {
            if isSpace(bytes[position]) {
                inItem = false
            } else if !inItem {
                inItem = true
                offsets.append(position)
            }
        }
        return offsets
    }

    /// The elements still open at the end of the file, outermost first, as (name, offset of `<`).
    /// The tag the file ends inside (a last `<` with no `>` after it), with its name as far as
    /// it goes; `nil` when the file ends after a complete tag or in text.
    func unfinishedTagAtEnd() -> (name: String, offset: Int)? {
        guard let open = bytes.lastIndex(of: UInt8(ascii: "<")), !bytes[open...].contains(UInt8(ascii: ">")) else { return nil }
        var nameEnd = open + 1
        while nameEnd < bytes.count, !isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
        return (String(decoding: bytes[(open + 1)..<nameEnd], as: UTF8.self), open)
    }

    func unclosedElements() -> [(name: String, offset: Int)] {
        var open: [(name: String, offset: Int)] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            switch markup(at: index) {
            case .other(let end):
                index = end
            case .endTag(let end):
                if !open.isEmpty { open.removeLast() }
                index = end
            case .startTag:
                let end = endOfTag(from: index + 1)
                var nameEnd = index + 1
                while nameEnd < end, !isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"), bytes[nameEnd] != UInt8(ascii: "/") {
                    nameEnd += 1
                }
                let selfClosing = end >= 2 && bytes[end - 1] == UInt8(ascii: ">") && bytes[end - 2] == UInt8(ascii: "/")
                if !selfClosing { open.append((String(decoding: bytes[(index + 1)..<nameEnd], as: UTF8.self), index)) }
                index = end
            }
        }
        return open
    }

    // MARK: Entity references

    /// The first `&name;` that is neither one of XML's five predefined entities nor a character
    /// reference, outside comments, CDATA sections and processing instructions.
    ///
    /// libxml2's schema validation swallows the parser's error for an undefined entity (a
    /// file still stops there), so the importer looks for the culprit itself.
    func firstUndefinedEntity() -> (offset: Int, name: String, isTerminated: Bool)? {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                if matches("<!--", at: index) { index = skip(past: "-->", from: index + 4); continue }
                if matches("<![CDATA[", at: index) { index = skip(past: "]]>", from: index + 9); continue }
                if matches("<?", at: index) { index = skip(past: "?>", from: index + 2); continue }
            } else if bytes[index] == UInt8(ascii: "&") {
                var end = index + 1
                while end < bytes.count, end - index < 64, bytes[end] != UInt8(ascii: ";"), !isSpace(bytes[end]),
                      bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "&"), bytes[end] != UInt8(ascii: "\"") {
                    end += 1
                }
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                let isCharacterReference = name.hasPrefix("#") && name.count > 1
                let isTerminated = end < bytes.count && bytes[end] == UInt8(ascii: ";")
                if !isTerminated || (!["amp", "lt", "gt", "quot", "apos"].contains(name) && !isCharacterReference) {
                    return (index, name, isTerminated)
                }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }

    // MARK: Scanning

    private func matches(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The offset just after the next `terminator` at or after `index`, or the end.
    private func skip(past terminator: StaticString, from index: Int) -> Int {
        var index = index
        let first = terminator.utf8Start.pointee
        while index < bytes.count {
            if bytes[index] == first, matches(terminator, at: index) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        return bytes.count
    }

    /// The offset just after the `>` that ends a start tag, skipping quoted attribute values.
    private func endOfTag(from index: Int) -> Int {
        var index = index
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// Finding one byte value eight bytes at a time: the importer looks through the whole file for
/// line feeds, `<` and carriage returns, and a loop over single bytes was a tenth of its own work.
enum ByteSearch {
    /// The index of the first `byte` in `bytes` at or after `start`, if there is one.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        let pattern = ByteWord.repeating(byte)
        var index = max(0, start)
        while index + 8 <= bytes.count {
            // A byte equal to `byte` is a zero byte of `word`, whose first one is marked exactly.
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ pattern
            let zeros = ByteWord.zeroByteMarks(word)
            if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
