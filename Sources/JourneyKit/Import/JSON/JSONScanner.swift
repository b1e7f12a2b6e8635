/// A JSON syntax error. Thrown, it ends the reading: the rest of the file cannot be read
/// reliably after it. The scanner reads past the common slips (a missing or trailing comma, an
/// unquoted key, a stray character) and keeps those in `recoveredErrors` instead.
struct JSONSyntaxError: Error {
    var message: String
    var offset: Int
    var hint: String?
}

/// A pull scanner over UTF-8 JSON bytes that knows the line and column of everything it reads.
///
/// Foundation's `JSONDecoder` reports neither positions nor duplicate keys, so cjm reads JSON
/// itself. The scanner never builds a tree: the importer asks for the value it expects next,
/// which keeps memory close to the size of the model. Lines are counted while skipping
/// whitespace (the only place a raw line break may stand in JSON); columns are counted in
/// Unicode code points only when a position is asked for.
struct JSONScanner {
    /// The kinds of value that can start at the current position.
    enum ValueKind: Equatable {
        case object, array, string, number, bool, null
        /// Something that starts no value; already reported and skipped.
        case invalid

        var description: String {
            switch self {
            case .invalid: "something that is not a value"
            case .object: "an object"
            case .array: "a list"
            case .string: "a text"
            case .number: "a number"
            case .bool: "true or false"
            case .null: "null"
            }
        }
    }

    /// A position captured while scanning, cheap to keep and turned into a location on demand.
    struct Mark {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private(set) var offset: Int
    private var line = 1
    private var lineStart: Int
    private var columns = ColumnCounter()
    /// Syntax errors read past, each located where it was found, in file order.
    private(set) var recoveredErrors: [Diagnostic] = []
    /// Past this many, a file is more likely not JSON at all than a draft with slips: stop.
    static let recoveryLimit = 50

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        // A UTF-8 byte order mark is not part of the text editors show.
        let start = ByteOrderMark.length(in: bytes)
        self.offset = start
        self.lineStart = start
    }

    // MARK: Positions

    var mark: Mark { Mark(offset: offset, line: line, lineStart: lineStart) }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func location(of mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: columns.column(of: mark.offset, lineStart: mark.lineStart, in: bytes))
    }

    mutating func currentLocation() -> SourceLocation { location(of: mark) }

    /// The location of a byte offset on the current line (used for syntax errors).
    mutating func location(ofOffset target: Int) -> SourceLocation {
        location(of: Mark(offset: max(target, lineStart), line: line, lineStart: lineStart))
    }

    // MARK: Whitespace and punctuation

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20:
                offset += 1
                skipSpaceRun()
            case 0x09:
                offset += 1
            case 0x0A:
                offset += 1
                startLine()
            case 0x0D:
                offset += 1
                // A lone CR (old Mac files) ends a line too; CRLF counts once.
                if offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
                startLine()
            default:
                return
            }
        }
    }

    /// Steps over spaces eight at a time: a pretty-printed journey's indentation is nearly half
    /// of its bytes (10 to 14 spaces before a touchpoint's keys), and comparing one 64-bit
    /// word beats eight trips through `skipWhitespace`'s switch. What is left of a run goes
    /// byte by byte in a loop that looks for spaces only.
    private mutating func skipSpaceRun() {
        guard let base = bytes.baseAddress else { return }
        let eightSpaces: UInt64 = 0x2020_2020_2020_2020
        var index = offset
        while index + 8 <= bytes.count,
              UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) == eightSpaces {
            index += 8
        }
        while index < bytes.count, base[index] == 0x20 { index += 1 }
        offset = index
    }

    private mutating func startLine() {
        line += 1
        lineStart = offset
    }

    /// The byte at the current position after whitespace, or `nil` at the end.
    mutating func peekByte() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    mutating func valueKind() throws(JSONSyntaxError) -> ValueKind {
        guard let byte = peekByte() else {
            throw JSONSyntaxError(message: "the file ends where a value was expected", offset: offset,
                                  hint: "the file may be cut short; check that every { and [ is closed")
        }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"):
            // `"a": ,` or `[1,,2]`: the value is missing; its container goes on from here.
            try recover(unexpected(expecting: "a value"))
            return .invalid
        default:
            try recover(unexpected(expecting: "a value"))
            try skipJunk()
            return .invalid
        }
    }

    // MARK: Recovery

    /// Keeps `error` and goes on, unless there have been too many.
    private mutating func recover(_ error: JSONSyntaxError) throws(JSONSyntaxError) {
        try recover(error, at: location(ofOffset: error.offset))
    }

    private mutating func recover(_ error: JSONSyntaxError, at location: SourceLocation) throws(JSONSyntaxError) {
        guard recoveredErrors.count < Self.recoveryLimit else {
            throw JSONSyntaxError(message: "too many syntax errors; cjm stopped reading here", offset: error.offset,
                                  hint: "correct the errors above and check the file again")
        }
        recoveredErrors.append(.error(error.message, at: location, hint: error.hint))
    }

    /// Skips what follows a syntax error up to the next ',', '}' or ']' of the container the
    /// error is in, stepping over texts and nested brackets, so reading goes on with the next
    /// key or item at the same depth.
    /// With `stoppingAtKey`, stray characters where a key should be stop before a text or word
    /// that can be the key (`\0"title": …` loses only the NUL).
    private mutating func skipJunk(stoppingAtKey: Bool = false) throws(JSONSyntaxError) {
        var depth = 0
        var skippedAny = false
        while let byte = peekByte() {
            if depth == 0, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { return }
            if stoppingAtKey, skippedAny, depth == 0, startsKey(byte) { return }
            skippedAny = true
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                offset += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                offset += 1
            case UInt8(ascii: "\""):
                // A text, leniently: it may be the broken part; a line break ends it.
                offset += 1
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != 0x0A, bytes[offset] != 0x0D {
                    offset += bytes[offset] == UInt8(ascii: "\\") ? 2 : 1
                }
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") { offset += 1 }
                offset = min(offset, bytes.count)
            default:
                offset += 1
            }
        }
    }

    /// Whether `byte` can start a value (so a missing comma or colon, not a stray character, is the slip).
    private static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            true
        default:
            false
        }
    }

    private static func startsBareKey(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }

    /// A key written without double quotes (`name:` or `'name':`), reported and read as if quoted.
    private mutating func readMisquotedKey() throws(JSONSyntaxError) -> String {
        let start = offset
        if bytes[offset] == UInt8(ascii: "'") {
            try recover(unexpected(expecting: "a key in double quotes"))
            offset += 1
            let textStart = offset
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "'"), bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[textStart..<offset]), as: UTF8.self)
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "'") { offset += 1 }
            return key
        }
        while offset < bytes.count, Self.startsBareKey(bytes[offset]) || bytes[offset].isASCIIDigit
            || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        try recover(JSONSyntaxError(message: "the key \(key) is not in double quotes", offset: start,
                                    hint: "JSON keys are texts in double quotes: \"\(key)\""))
        return key
    }

    func unexpected(expecting: String) -> JSONSyntaxError {
        guard offset < bytes.count else {
            return JSONSyntaxError(message: "the file ends where \(expecting) was expected", offset: offset,
                                   hint: "the file may be cut short; check that every { and [ is closed")
        }
        let byte = bytes[offset]
        let found: String
        switch byte {
        case UInt8(ascii: "'"):
            return JSONSyntaxError(message: "expected \(expecting), found a single quote", offset: offset,
                                   hint: "JSON texts and keys use double quotes: \"like this\"")
        case 0x21...0x7E: found = "'\(Character(Unicode.Scalar(byte)))'"
        case 0x00: found = "a NUL byte"
        default: found = byte < 0x80 ? "a control character" : "a non-ASCII character"
        }
        return JSONSyntaxError(message: "expected \(expecting), found \(found)", offset: offset, hint: nil)
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard peekByte() == byte else { throw unexpected(expecting: what) }
        offset += 1
    }

    // MARK: Containers

    /// Where a loop over an object's entries or a list's items stands.
    struct ContainerCursor {
        fileprivate var isFirst = true
    }

    /// Starts reading an object; call `nextKey(_:)` until it returns `nil`.
    mutating func beginObject() throws(JSONSyntaxError) -> ContainerCursor {
        try expect(UInt8(ascii: "{"), "'{'")
        return ContainerCursor()
    }

    /// The next key of the object and where it stands, or `nil` after the closing '}'.
    /// The caller reads or skips the value before asking again. A missing or trailing comma, an
    /// unquoted key, a missing colon and stray characters are recovered from (see `recoveredErrors`).
    mutating func nextKey(_ cursor: inout ContainerCursor) throws(JSONSyntaxError) -> (key: String, mark: Mark)? {
        try nextKeyText(&cursor).map { ($0.key.string, $0.mark) }
    }

    /// `nextKey(_:)` with the key as read, for a caller that matches keys by their bytes.
    mutating func nextKeyText(_ cursor: inout ContainerCursor) throws(JSONSyntaxError) -> (key: Text, mark: Mark)? {
        var needsSeparator = !cursor.isFirst
        cursor.isFirst = false
        while true {
            if needsSeparator {
                let afterValue = mark
                switch peekByte() {
                case UInt8(ascii: ","):
                    if try readComma(closer: UInt8(ascii: "}"), last: "entry") { return nil }
                case UInt8(ascii: "}"):
                    offset += 1
                    return nil
                case let byte? where startsKey(byte):
                    try recover(JSONSyntaxError(message: "missing ',' after this entry", offset: afterValue.offset,
                                                hint: "separate the entries of an object with commas"), at: location(of: afterValue))
                case nil, UInt8(ascii: "]"):
                    throw unexpected(expecting: "',' or '}'")
                default:
                    try recover(unexpected(expecting: "',' or '}'"))
                    try skipJunk(stoppingAtKey: true)
                    // Stray characters before a key: read the key; else go on at the ',' or '}'.
                    if let byte = peekByte(), startsKey(byte) { break }
                    continue
                }
            } else if peekByte() == UInt8(ascii: "}") {
                offset += 1
                return nil
            }
            needsSeparator = true
            let keyMark = mark
            let key: Text
            switch peekByte() {
            case UInt8(ascii: "\""):
                key = try readText()
            case let byte? where startsKey(byte):
                key = .decoded(try readMisquotedKey())
            case UInt8(ascii: ","):
                // `{ , "a": 1 }` or `"a": 1,, "b": 2`: the comma is read as the separator next.
                try recover(unexpected(expecting: "a key in double quotes"))
                continue
            case nil, UInt8(ascii: "]"), UInt8(ascii: "}"):
                throw unexpected(expecting: "a key in double quotes")
            default:
                try recover(unexpected(expecting: "a key in double quotes"))
                try skipJunk(stoppingAtKey: true)
                if let byte = peekByte(), startsKey(byte) { needsSeparator = false }
                continue
            }
            switch peekByte() {
            case UInt8(ascii: ":"):
                offset += 1
            case let byte? where Self.startsValue(byte):
                try recover(unexpected(expecting: "':' after the key"))
            default:
                // Without a colon or a value, the entry is dropped.
                try recover(unexpected(expecting: "':' after the key"))
                try skipJunk()
                continue
            }
            return (key, keyMark)
        }
    }

    /// Reads the ',' at the current position; when `closer` follows it, reports a trailing comma
    /// (at the comma), reads the closer too and returns `true`: the container has ended.
    private mutating func readComma(closer: UInt8, last: String) throws(JSONSyntaxError) -> Bool {
        let comma = mark
        offset += 1
        guard peekByte() == closer else { return false }
        try recover(JSONSyntaxError(message: "trailing comma before '\(Character(Unicode.Scalar(closer)))'", offset: comma.offset,
                                    hint: "JSON does not allow a comma after the last \(last); remove it"), at: location(of: comma))
        offset += 1
        return true
    }

    /// Whether `byte` can start a key, quoted or (wrongly) not.
    private func startsKey(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || Self.startsBareKey(byte)
    }

    /// Starts reading a list; call `nextItem(_:)` until it returns `nil`.
    mutating func beginArray() throws(JSONSyntaxError) -> ContainerCursor {
        try expect(UInt8(ascii: "["), "'['")
        return ContainerCursor()
    }

    /// The mark of the next item of the list, or `nil` after the closing ']'.
    /// The caller reads or skips the item before asking again. Commas are recovered from as in `nextKey`.
    mutating func nextItem(_ cursor: inout ContainerCursor) throws(JSONSyntaxError) -> Mark? {
        let isFirst = cursor.isFirst
        var needsSeparator = !isFirst
        cursor.isFirst = false
        while needsSeparator {
            let afterValue = mark
            switch peekByte() {
            case UInt8(ascii: ","):
                if try readComma(closer: UInt8(ascii: "]"), last: "item") { return nil }
                needsSeparator = false
            case UInt8(ascii: "]"):
                offset += 1
                return nil
            case let byte? where Self.startsValue(byte):
                try recover(JSONSyntaxError(message: "missing ',' after this item", offset: afterValue.offset,
                                            hint: "separate the items of a list with commas"), at: location(of: afterValue))
                needsSeparator = false
            case nil, UInt8(ascii: "}"):
                throw unexpected(expecting: "',' or ']'")
            default:
                try recover(unexpected(expecting: "',' or ']'"))
                try skipJunk()
            }
        }
        if isFirst, peekByte() == UInt8(ascii: "]") {
            offset += 1
            return nil
        }
        _ = peekByte()
        return mark
    }

    // MARK: Scalars

    /// A text as read: its bytes in the file when it holds no escape (the common case), so that
    /// a caller matching keys or interning ids needs no `String` for it; else the decoded text.
    enum Text {
        /// Valid UTF-8 without escapes, pointing into the scanned bytes.
        case bytes(UnsafeBufferPointer<UInt8>)
        case decoded(String)

        /// The text as a `String`.
        var string: String {
            switch self {
            case .bytes(let utf8): String(decoding: utf8, as: UTF8.self)
            case .decoded(let text): text
            }
        }

        /// Calls `body` with the text's UTF-8 bytes.
        func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            switch self {
            case .bytes(let utf8): return body(utf8)
            case .decoded(var text): return text.withUTF8(body)
            }
        }
    }

    /// Reads a string like `readString()`, leaving it as bytes when it holds no escape.
    mutating func readText() throws(JSONSyntaxError) -> Text {
        try expect(UInt8(ascii: "\""), "'\"'")
        let start = offset
        let (end, isASCII) = plainTextEnd(from: start)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            // An escape, a control character or no closing quote: read it again the general
            // way, from the opening quote, which reports the last two as errors.
            offset = start - 1
            return .decoded(try readString())
        }
        if !isASCII { _ = try decodeUTF8(start..<end) }
        offset = end + 1
        return .bytes(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// Where the plain part of a text starting at `start` ends (at its closing quote, an escape,
    /// a control character or the end of the bytes), and whether that part is ASCII.
    private func plainTextEnd(from start: Int) -> (end: Int, isASCII: Bool) {
        var index = start
        var isASCII = true
        // Eight bytes at a time while none of them ends the plain part or is non-ASCII (see
        // `isPlainASCII`); the rest, and the word that stopped this, byte by byte.
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count, Self.isPlainASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            isASCII = isASCII && byte < 0x80
            index += 1
        }
        return (index, isASCII)
    }

    /// Whether none of the eight bytes of `word` is a quote, a backslash, a control character
    /// or non-ASCII (see `ByteWord`): `word ^ 0x22…22` is zero where a byte is '"', and
    /// `word - 0x20…20` borrows into a byte's top bit where that byte is below 0x20.
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let hasControl = (word &- ByteWord.repeating(0x20)) & ~word & ByteWord.highBits != 0
        return word & ByteWord.highBits == 0 && !hasControl
            && ByteWord.zeroByteMarks(word ^ ByteWord.repeating(0x22)) == 0
            && ByteWord.zeroByteMarks(word ^ ByteWord.repeating(0x5C)) == 0
    }

    /// Reads a string, decoding escapes and checking that it is valid UTF-8.
    mutating func readString() throws(JSONSyntaxError) -> String {
        try expect(UInt8(ascii: "\""), "'\"'")
        let start = offset
        // Fast path: no escapes, the common case.
        let (end, isASCII) = plainTextEnd(from: start)
        offset = end
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            // ASCII needs no UTF-8 validation, and the generic validating initialiser is slow.
            let text = isASCII ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                               : try decodeUTF8(start..<end)
            offset += 1
            return text
        }
        var scratch = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: scratch, as: UTF8.self) else {
                    throw JSONSyntaxError(message: "the text is not valid UTF-8", offset: start,
                                          hint: "save the file as UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                try readEscape(into: &scratch)
            case 0x0A, 0x0D:
                throw JSONSyntaxError(message: "line break inside a text", offset: offset,
                                      hint: "close the text with '\"' or write the line break as \\n")
            case 0x00..<0x20:
                throw JSONSyntaxError(message: "control character inside a text", offset: offset,
                                      hint: "write it as an escape such as \\t or \\u0000")
            default:
                scratch.append(byte)
                offset += 1
            }
        }
        throw JSONSyntaxError(message: "the text is never closed", offset: start - 1,
                              hint: "add the closing '\"'")
    }

    private func decodeUTF8(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw JSONSyntaxError(message: "the text is not valid UTF-8", offset: range.lowerBound,
                                  hint: "save the file as UTF-8")
        }
        return text
    }

    private mutating func readEscape(into scratch: inout [UInt8]) throws(JSONSyntaxError) {
        let escapeStart = offset
        offset += 1
        guard offset < bytes.count else { throw JSONSyntaxError(message: "the text is never closed", offset: escapeStart, hint: nil) }
        let code = bytes[offset]
        offset += 1
        switch code {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(message: "unpaired surrogate in \\u escape", offset: escapeStart, hint: nil)
                }
                offset += 2
                let low = try readHex4(escapeStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONSyntaxError(message: "unpaired surrogate in \\u escape", offset: escapeStart, hint: nil)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw JSONSyntaxError(message: "unpaired surrogate in \\u escape", offset: escapeStart, hint: nil)
            }
            scratch.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
            throw JSONSyntaxError(message: "unknown escape '\\\(Character(Unicode.Scalar(code)))' in a text", offset: escapeStart,
                                  hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        }
    }

    private mutating func readHex4(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else {
            throw JSONSyntaxError(message: "\\u must be followed by four hex digits", offset: escapeStart, hint: nil)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(message: "\\u must be followed by four hex digits", offset: escapeStart, hint: nil)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// A number as written: either a whole number that fits in `Int`, or anything else.
    enum Number: Equatable {
        case integer(Int)
        case other(String)
    }

    mutating func readNumber() throws(JSONSyntaxError) -> Number {
        _ = peekByte()
        let start = offset
        var isInteger = true
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        guard consumeDigits() > 0 else { throw unexpected(expecting: "a digit") }
        if bytes[integerStart] == UInt8(ascii: "0"), offset - integerStart > 1 {
            throw JSONSyntaxError(message: "numbers cannot start with 0", offset: start, hint: "write 7, not 07")
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard consumeDigits() > 0 else { throw unexpected(expecting: "a digit after '.'") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard consumeDigits() > 0 else { throw unexpected(expecting: "a digit in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .integer(value) }
        return .other(text)
    }

    private mutating func consumeDigits() -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }

    mutating func readBool() throws(JSONSyntaxError) -> Bool {
        if consumeLiteral("true") { return true }
        if consumeLiteral("false") { return false }
        throw unexpected(expecting: "true or false")
    }

    mutating func readNull() throws(JSONSyntaxError) {
        guard consumeLiteral("null") else { throw unexpected(expecting: "null") }
    }

    private mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        _ = peekByte()
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let matches = literal.withUTF8Buffer { expected in
            expected.elementsEqual(UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]))
        }
        if matches { offset += count }
        return matches
    }

    /// Skips one value of any kind without recursion, so any nesting depth is safe. Its
    /// containers are read with `nextKey` and `nextItem`, so slips inside recover the same way.
    mutating func skipValue() throws(JSONSyntaxError) {
        var open: [(isObject: Bool, cursor: ContainerCursor)] = []
        while true {
            switch try valueKind() {
            case .string: _ = try readText()
            case .number: _ = try readNumber()
            case .bool: _ = try readBool()
            case .null: try readNull()
            case .invalid: break
            case .object: open.append((true, try beginObject()))
            case .array: open.append((false, try beginArray()))
            }
            // Close the containers that end here, or stop at the next value inside one.
            while let innermost = open.last {
                var cursor = innermost.cursor
                let hasMore = innermost.isObject ? try nextKeyText(&cursor) != nil : try nextItem(&cursor) != nil
                open[open.count - 1].cursor = cursor
                if hasMore { break }
                open.removeLast()
            }
            if open.isEmpty { return }
        }
    }
}
