/// Writes pretty-printed JSON in one fixed style: two-space indent, one entry or item per
/// line, `": "` after keys, UTF-8 written as is, final newline.
///
/// Keys are written in the order the caller gives them, so every writer decides its order
/// once and output is byte-identical for the same input.
struct JSONOutput: Sendable {
    private enum Container {
        case object(isEmpty: Bool)
        case array(isEmpty: Bool)
    }

    /// The bytes written so far: appending to a byte buffer, not a String, is what makes
    /// writing a large journey as fast as reading it (issue 19).
    private var out = UTF8Text()
    private var stack: [Container] = []
    private var afterKey = false

    init() {}

    /// The finished document, with its final newline.
    var document: String {
        var finished = out
        finished.append("\n")
        return finished.string
    }

    /// The text written so far, handed over and forgotten, for a writer that streams a long
    /// document in pieces (the document's final newline is the caller's).
    mutating func takeText() -> String {
        defer { out.bytes.removeAll(keepingCapacity: true) }
        return out.string
    }

    /// How many bytes are written and not yet taken, for a writer that hands over pieces.
    var pendingByteCount: Int { out.bytes.count }

    mutating func beginObject() {
        beginValue()
        out.append("{")
        stack.append(.object(isEmpty: true))
    }

    mutating func endObject() { end(closing: "}") }

    mutating func beginArray() {
        beginValue()
        out.append("[")
        stack.append(.array(isEmpty: true))
    }

    mutating func endArray() { end(closing: "]") }

    /// Writes the key of the next entry; the value follows with another call.
    mutating func key(_ key: String) {
        startLineInContainer()
        out.quotedJSON(key)
        out.append(": ")
        afterKey = true
    }

    mutating func string(_ value: String) {
        beginValue()
        out.quotedJSON(value)
    }

    mutating func integer(_ value: Int) {
        beginValue()
        out.decimal(value)
    }

    /// Writes a number already formatted as a JSON number literal (e.g. `Double.decimalText`).
    mutating func number(_ literal: String) {
        beginValue()
        out.verbatim(literal)
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        out.append(value ? "true" : "false")
    }

    mutating func null() {
        beginValue()
        out.append("null")
    }

    // MARK: Conveniences for optional and list fields

    /// Writes `"key": "value"` when `value` is present.
    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes `"key": number`.
    mutating func field(_ name: String, _ value: Int) {
        key(name)
        integer(value)
    }

    /// Writes `"key": [ … ]` of texts when the list is not empty.
    mutating func field(_ name: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        startLineInContainer()
    }

    private mutating func startLineInContainer() {
        guard let top = stack.last else { return }
        switch top {
        case .object(let isEmpty), .array(let isEmpty):
            if !isEmpty { out.append(",") }
        }
        newLine()
        stack[stack.count - 1] = switch top {
        case .object: .object(isEmpty: false)
        case .array: .array(isEmpty: false)
        }
    }

    private mutating func end(closing: StaticString) {
        guard let top = stack.popLast() else { return }
        switch top {
        case .object(let isEmpty), .array(let isEmpty):
            if !isEmpty { newLine() }
        }
        out.append(closing)
    }

    /// A line break and two spaces per open container.
    private mutating func newLine() {
        out.append("\n")
        out.indentation(stack.count)
    }

    /// Appends `value` as a JSON string literal to a String (for callers that build one).
    static func appendQuoted(_ value: String, to text: inout String) {
        var quoted = UTF8Text()
        quoted.quotedJSON(value)
        text += quoted.string
    }
}

extension UTF8Text {
    /// Appends `value` as a JSON string literal, the one JSON string escaping every writer uses.
    /// Control characters (including the escape character that starts terminal colour codes)
    /// and DEL are always escaped; everything else is written as it is.
    ///
    /// Works on the UTF-8 bytes: every byte that needs escaping is ASCII, and no byte of a
    /// multi-byte sequence is below 0x80, so runs between escapes are copied whole.
    mutating func quotedJSON(_ value: String) {
        append("\"")
        var value = value
        value.withUTF8 { source in
            var pending = 0
            for index in 0..<source.count {
                let byte = source[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[pending..<index]))
                pending = index + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                default:
                    append("\\u00")
                    bytes.append(Self.lowercaseHexDigits[Int(byte >> 4)])
                    bytes.append(Self.lowercaseHexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[pending...]))
        }
        append("\"")
    }

    private static let lowercaseHexDigits = Array("0123456789abcdef".utf8)
}
