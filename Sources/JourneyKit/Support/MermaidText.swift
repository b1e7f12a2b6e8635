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
        var scalars: [Unicode.Scalar] = []
        var previousWasSpace = false
        for scalar in text.unicodeScalars {
            // Line breaks, tabs and other controls become one space: a name is one line in Mermaid.
            let isSpace = scalar.properties.isWhitespace || isControl(scalar)
            if isSpace {
                if !previousWasSpace { scalars.append(" ") }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            switch scalar {
            case ":": scalars.append(colon)
            case ";": scalars.append(semicolon)
            case "#": scalars.append(numberSign)
            case "," where isActor: scalars.append(comma)
            case "%" where scalars.last == "%":
                scalars[scalars.count - 1] = percent
                scalars.append("%")
            default: scalars.append(scalar)
            }
        }
        var result = String(String.UnicodeScalarView(scalars))
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }

    /// A task name as the writer puts it on the line: escaped, and guarded when it would
    /// otherwise start with a keyword that Mermaid reads before it reads a task.
    static func escapeTaskName(_ text: String) -> String {
        let escaped = escape(text)
        return startsWithKeyword(escaped) ? String(Character(keywordGuard)) + escaped : escaped
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
