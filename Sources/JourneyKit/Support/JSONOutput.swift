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

    /// The text written so far.
    private(set) var text = ""
    private var stack: [Container] = []
    private var afterKey = false

    init() {}

    /// The finished document, with its final newline.
    var document: String { text + "\n" }

    /// The text written so far, handed over and forgotten, for a writer that streams a long
    /// document in pieces (the document's final newline is the caller's).
    mutating func takeText() -> String {
        defer { text = "" }
        return text
    }

    mutating func beginObject() {
        beginValue()
        text += "{"
        stack.append(.object(isEmpty: true))
    }

    mutating func endObject() { end(closing: "}") }

    mutating func beginArray() {
        beginValue()
        text += "["
        stack.append(.array(isEmpty: true))
    }

    mutating func endArray() { end(closing: "]") }

    /// Writes the key of the next entry; the value follows with another call.
    mutating func key(_ key: String) {
        startLineInContainer()
        Self.appendQuoted(key, to: &text)
        text += ": "
        afterKey = true
    }

    mutating func string(_ value: String) {
        beginValue()
        Self.appendQuoted(value, to: &text)
    }

    mutating func integer(_ value: Int) {
        beginValue()
        text += String(value)
    }

    /// Writes a number already formatted as a JSON number literal (e.g. `Double.decimalText`).
    mutating func number(_ literal: String) {
        beginValue()
        text += literal
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        text += value ? "true" : "false"
    }

    mutating func null() {
        beginValue()
        text += "null"
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
            if !isEmpty { text += "," }
        }
        text += "\n"
        text += String(repeating: "  ", count: stack.count)
        stack[stack.count - 1] = switch top {
        case .object: .object(isEmpty: false)
        case .array: .array(isEmpty: false)
        }
    }

    private mutating func end(closing: Character) {
        guard let top = stack.popLast() else { return }
        switch top {
        case .object(let isEmpty), .array(let isEmpty):
            if !isEmpty {
                text += "\n"
                text += String(repeating: "  ", count: stack.count)
            }
        }
        text.append(closing)
    }

    /// Appends `value` as a JSON string literal. Control characters (including the escape
    /// character that starts terminal colour codes) are always escaped.
    ///
    /// Runs of plain characters are appended as substrings: `unicodeScalars.append(contentsOf:)`
    /// counts the whole text and reserves exactly enough room on every call, which made writing
    /// a large journey quadratic.
    static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        var pending = value.unicodeScalars.startIndex
        let scalars = value.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String? = switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "\u{08}": "\\b"
            case "\u{0C}": "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: nil
            }
            if let escape {
                text += Substring(scalars[pending..<index])
                text += escape
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        text += Substring(scalars[pending..<scalars.endIndex])
        text += "\""
    }
}
