/// The characters Mermaid's `journey` grammar cannot carry in a title, section, task or actor
/// name, and the look-alike characters cjm writes instead.
///
/// Mermaid ends a name at `:`, `;`, `#` and the end of the line, ends an actor at `,`, reads
/// `%%` as the start of a comment and `journey`, `title `, `section ` or `accDescr {` at the
/// start of a task as keywords. Writing any of them as they are would make the diagram fail
/// to parse or silently cut the rest of the line, so the writer swaps them for characters that
/// look alike and the importer swaps those back; the table is in docs/mermaid.md.
enum MermaidText {
    /// `:` → `∶` (U+2236 RATIO).
    static let colon: Unicode.Scalar = "\u{2236}"
    /// `;` → `⁏` (U+204F REVERSED SEMICOLON).
    static let semicolon: Unicode.Scalar = "\u{204F}"
    /// `#` → `♯` (U+266F MUSIC SHARP SIGN).
    static let numberSign: Unicode.Scalar = "\u{266F}"
    /// The first `%` of `%%` → `﹪` (U+FE6A SMALL PERCENT SIGN).
    static let percent: Unicode.Scalar = "\u{FE6A}"
    /// `,` in an actor name → `‚` (U+201A SINGLE LOW-9 QUOTATION MARK).
    static let comma: Unicode.Scalar = "\u{201A}"
    /// Put before a task name that starts with a Mermaid keyword (U+2060 WORD JOINER, invisible).
    static let keywordGuard: Unicode.Scalar = "\u{2060}"

    /// What a name may be written as in a diagram: one line, no leading or trailing spaces, and
    /// none of the characters Mermaid treats specially.
    static func escape(_ text: String, isActor: Bool = false) -> String {
        var out = UTF8Text()
        out.escapedMermaid(text, isActor: isActor)
        return out.string
    }

    /// A task name as the writer puts it on the line: escaped, and guarded when it would
    /// otherwise start with a keyword that Mermaid reads before it reads a task.
    static func escapeTaskName(_ text: String) -> String {
        var out = UTF8Text()
        out.escapedMermaid(text, isTaskName: true)
        return out.string
    }

    /// Text on one line with no leading or trailing spaces, for values Mermaid reads to the end
    /// of the line (`accDescr:`), where `:`, `;` and `#` are safe.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var previousWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || isControl(scalar) {
                if !previousWasSpace { result.append(" ") }
                previousWasSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                previousWasSpace = false
            }
        }
        return result.trimmingSpaces
    }

    /// Undoes `escape`: the look-alike characters become the originals again.
    static func unescape(_ text: String, isActor: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case colon: scalars.append(":")
            case semicolon: scalars.append(";")
            case numberSign: scalars.append("#")
            case percent: scalars.append("%")
            case comma where isActor: scalars.append(",")
            case keywordGuard where scalars.isEmpty: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether Mermaid's lexer would read the start of this line as a keyword, not a task name.
    /// Its keywords are case-insensitive, and `journey` needs no space after it.
    static func startsWithKeyword(_ line: Substring) -> Bool {
        let lowercased = line.lowercased()
        if lowercased.hasPrefix("journey") { return true }
        for keyword in ["title", "section"] where lowercased.hasPrefix(keyword) {
            if let next = lowercased.dropFirst(keyword.count).unicodeScalars.first, next.properties.isWhitespace { return true }
        }
        for keyword in ["acctitle", "accdescr"] where lowercased.hasPrefix(keyword) {
            let rest = lowercased.dropFirst(keyword.count).drop { $0.isWhitespace }
            if rest.hasPrefix(":") || (keyword == "accdescr" && rest.hasPrefix("{")) { return true }
        }
        return false
    }

    static func startsWithKeyword(_ line: String) -> Bool { startsWithKeyword(line[...]) }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }
}

extension UTF8Text {
    /// Appends `text` escaped as `MermaidText.escape` says, the one Mermaid name escaping of
    /// the writer; with `isTaskName`, guarded against a leading keyword (`escapeTaskName`).
    ///
    /// Works on the UTF-8 bytes: the characters Mermaid treats specially are ASCII, so only a
    /// byte that starts a longer sequence is decoded, to ask whether it is white space or a
    /// control, which become one space like ASCII ones.
    mutating func escapedMermaid(_ text: String, isActor: Bool = false, isTaskName: Bool = false) {
        let start = bytes.count
        var previousWasSpace = false
        var text = text
        text.withUTF8 { source in
            var index = 0
            while index < source.count {
                let byte = source[index]
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                defer { index += length }
                // Line breaks, tabs and other controls become one space: a name is one line in Mermaid.
                let isSpace = byte < 0x80
                    ? byte == 0x20 || byte < 0x20 || byte == 0x7F
                    : Self.isSpaceOrControl(Self.scalar(in: source, at: index, length: length))
                if isSpace {
                    if !previousWasSpace { append(" ") }
                    previousWasSpace = true
                    continue
                }
                previousWasSpace = false
                switch byte {
                case UInt8(ascii: ":"): append("\u{2236}")
                case UInt8(ascii: ";"): append("\u{204F}")
                case UInt8(ascii: "#"): append("\u{266F}")
                case UInt8(ascii: ",") where isActor: append("\u{201A}")
                case UInt8(ascii: "%") where bytes.count > start && bytes[bytes.count - 1] == UInt8(ascii: "%"):
                    // The first `%` of `%%` becomes the small percent sign.
                    bytes.removeLast()
                    append("\u{FE6A}%")
                default:
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<index + length]))
                }
            }
        }
        // Runs of white space are one space by now, so only a first or last one can be left;
        // they are trimmed as Characters, as the text was (a space can carry combining marks).
        if bytes.count > start && (bytes[start] == 0x20 || bytes[bytes.count - 1] == 0x20) {
            var trimmed = String(decoding: bytes[start...], as: UTF8.self)
            while trimmed.first == " " { trimmed.removeFirst() }
            while trimmed.last == " " { trimmed.removeLast() }
            bytes.removeSubrange(start...)
            bytes.append(contentsOf: trimmed.utf8)
        }
        if isTaskName && startsWithMermaidKeyword(from: start) {
            bytes.insert(contentsOf: String(Character(MermaidText.keywordGuard)).utf8, at: start)
        }
    }

    /// Whether the text written from `start` starts with a keyword Mermaid reads before a task.
    /// Every keyword is ASCII, and only ASCII letters lower-case to ASCII letters, so a text
    /// whose first bytes spell none of them case-insensitively cannot start with one; only a
    /// text that does is asked the exact question (`MermaidText.startsWithKeyword`).
    private func startsWithMermaidKeyword(from start: Int) -> Bool {
        let written = bytes[start...]
        let mightStartWithKeyword = Self.mermaidKeywords.contains { keyword in
            written.count >= keyword.count && zip(written, keyword).allSatisfy { $0 | 0x20 == $1 }
        }
        return mightStartWithKeyword && MermaidText.startsWithKeyword(String(decoding: written, as: UTF8.self))
    }

    private static let mermaidKeywords = ["journey", "title", "section", "acctitle", "accdescr"].map { Array($0.utf8) }

    /// The scalar whose `length` UTF-8 bytes start at `index` of valid UTF-8.
    private static func scalar(in source: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(source[index]) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(source[index + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || MermaidText.isControl(scalar)
    }
}
