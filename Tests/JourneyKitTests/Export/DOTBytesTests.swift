@testable import JourneyKit
import Testing

/// The DOT exporter escapes and wraps on UTF-8 bytes (issue 19); these compare that work with
/// the Character and scalar rules it replaces, on generated texts, so that the fast paths give
/// the same bytes.
@Suite("DOT escaping and wrapping on bytes")
struct DOTBytesTests {
    /// Pieces of texts: plain words, runs of spaces, every character the escaping treats apart,
    /// Latin letters and punctuation the byte wrapping takes, and some it must leave to the
    /// Character path (combining marks, CJK, emoji, the soft hyphen, C1 controls, noncharacters).
    static let atoms: [String] = [
        "a", "Step", "customer", "x", "supercalifragilistic", " ", "  ", "\"", "\\", "&", "<", ">", "]", "\n", "\r", "\r\n", "\t",
        "\u{07}", "\u{7F}", "\u{85}", "\u{9F}", "\u{FFFE}", "\u{FFFF}", "\u{AD}", "\u{A0}", "·", "—", "…", "é", "ñ", "ʰ", "€",
        "e\u{301}", "中文", "😀", "👩‍👩‍👧", "★", "⚠", "\u{2028}", "‼", "ŀ", "ÿ",
    ]

    /// The one-column pieces: texts made of them take the byte path of the wrapping.
    static let singleColumnAtoms: [String] = [
        "a", "Step", "customer", "x", "supercalifragilistic", "https://example.com/a/very/long/path", " ", "  ", "&", "<", "]", "\\",
        "\u{A0}", "·", "—", "…", "é", "ñ", "ʰ", "ÿ", "‼", "“", "”", "ŀ",
    ]

    /// Texts of up to twelve pieces, the same ones every run.
    static func texts(from atoms: [String], count: Int, seed: UInt64) -> [String] {
        var random = SheetRandom(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(random.next() % 13)).map { _ in atoms[Int(random.next() % UInt64(atoms.count))] }.joined()
        }
    }

    @Test("quoted strings, tooltips and label lines are escaped as the scalar rules say")
    func escapingMatchesScalarRules() {
        for text in Self.texts(from: Self.atoms, count: 3000, seed: 19) {
            #expect(DOTEscaping.quoted(text) == ScalarDOTEscaping.quoted(text), "\(text.debugDescription)")
            #expect(DOTEscaping.tooltip(text) == ScalarDOTEscaping.tooltip(text), "\(text.debugDescription)")
            #expect(DOTEscaping.htmlLine(text) == ScalarDOTEscaping.htmlLine(text), "\(text.debugDescription)")
        }
    }

    @Test("wrapping on bytes gives the lines of the Character wrapping", arguments: [2, 4, 9, 18, 24, 30])
    func wrappingMatchesCharacters(width: Int) {
        var bytePathTaken = 0
        for text in Self.texts(from: Self.singleColumnAtoms, count: 1500, seed: UInt64(width)) {
            var copy = text
            if copy.withUTF8(TextWrapping.isSingleColumnText) { bytePathTaken += 1 }
            let expected = TextWrapping.wrap(text, width: width).map(ScalarDOTEscaping.htmlLine).joined(separator: "<BR/>")
            #expect(DOTLabel.wrapped(text, width: width) == expected, "\(text.debugDescription) at \(width)")
        }
        // The comparison is worth something only if the texts took the byte path.
        #expect(bytePathTaken == 1500)
    }

    @Test("texts the byte wrapping cannot count take the Character path and wrap the same")
    func otherTextsFallBack() {
        for text in Self.texts(from: Self.atoms, count: 1500, seed: 7) {
            let expected = TextWrapping.wrap(text, width: 10).map(ScalarDOTEscaping.htmlLine).joined(separator: "<BR/>")
            #expect(DOTLabel.wrapped(text, width: 10) == expected, "\(text.debugDescription)")
        }
        for text in ["e\u{301}", "中文", "😀", "a\u{AD}b", "\u{85}", "a\nb", "\u{2028}", "\u{FE0F}", "★"] {
            var copy = text
            let isSingleColumn = copy.withUTF8(TextWrapping.isSingleColumnText)
            #expect(!isSingleColumn, "\(text.debugDescription)")
        }
    }

    @Test("names and badges starting with the diagram's marks wrap on their bytes, as the Character wrapping does", arguments: [4, 18, 26])
    func markedTextsWrapOnBytes(width: Int) {
        var bytePathTaken = 0
        for (index, text) in Self.texts(from: Self.singleColumnAtoms, count: 1000, seed: UInt64(100 + width)).enumerated() {
            let marked = [DOTStyle.momentOfTruthMark, DOTStyle.warningMark][index % 2] + " " + text
            var copy = marked
            if copy.withUTF8(UTF8Text.isSingleColumnDOTText) { bytePathTaken += 1 }
            let expected = TextWrapping.wrap(marked, width: width).map(ScalarDOTEscaping.htmlLine).joined(separator: "<BR/>")
            #expect(DOTLabel.wrapped(marked, width: width) == expected, "\(marked.debugDescription) at \(width)")
        }
        #expect(bytePathTaken == 1000)
        // The marks are one Character of one column, also next to what may follow them.
        for mark in [DOTStyle.momentOfTruthMark, DOTStyle.warningMark] {
            #expect(TextWrapping.columns(of: Character(mark)) == 1)
            #expect((mark + "a").count == 2 && (mark + " ").count == 2)
        }
        // Only the marks: a text with another symbol of three bytes, or a mark shown as emoji, goes the general way.
        for text in ["★\u{FE0F} a", "⚠\u{FE0F}", "☆ a", "中 ★"] {
            var copy = text
            let isSingleColumn = copy.withUTF8(UTF8Text.isSingleColumnDOTText)
            #expect(!isSingleColumn, "\(text.debugDescription)")
        }
    }

    @Test("every scalar the byte wrapping accepts is one Character one column wide")
    func acceptedScalarsAreOneColumn() throws {
        var accepted = 0
        for value in UInt32(0x20)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String(Character(scalar))
            guard text.withUTF8(TextWrapping.isSingleColumnText) else { continue }
            accepted += 1
            #expect(TextWrapping.columns(of: Character(scalar)) == 1, "U+\(String(value, radix: 16))")
            // Next to a letter on either side it stays a Character of its own.
            #expect(("a" + text + "a").count == 3, "U+\(String(value, radix: 16))")
        }
        #expect(accepted > 700)
    }
}

/// The DOT escaping as it was written before it worked on bytes, scalar by scalar: the reference
/// the byte version is compared with.
enum ScalarDOTEscaping {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.lines.joined(separator: "\n").unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "&": result += "&amp;"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(visible(scalar))
            }
        }
        return result + "\""
    }

    static func tooltip(_ text: String) -> String {
        quoted(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\\" ? "\u{29F5}" : $0 })))
    }

    static func htmlLine(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "]": result += "&#93;"
            case "\\": result += "\\\\"
            case "\n": result += "<BR/>"
            default: result.unicodeScalars.append(visible(scalar))
            }
        }
        return result
    }

    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: " "
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        case 0x80...0x9F, 0xFFFE, 0xFFFF: "\u{FFFD}"
        default: scalar
        }
    }
}
