@testable import JourneyKit
import Testing

/// The map's byte-level fast paths (issue 13) give exactly what the general code gives.
@Suite("Map text: byte fast paths agree with the general code")
struct MapTextFastPathTests {
    @Test("wrapping printable ASCII on bytes gives the lines wrapping on Characters gives, at any width")
    func asciiWrap() {
        var random = SheetRandom(seed: 13)
        let pieces = ["a", "Step", "the", "customer", "WWWWWWWWWWWWWWWWWWWWWWWWWW", "iiii", "https://example.com/a/very/long/path", " ", "  ", "-", "…"]
        var compared = 0
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: random.next() % 3 == 0 ? "  " : " ")
            let width = Double(random.next() % 400) + 0.5
            let bold = random.next() % 2 == 0
            let size = [14.0, 15, 17, 18][Int(random.next() % 4)]
            #expect(MapText.wrap(text, width: width, size: size, bold: bold) == MapText.wrapCharacters(text, width: width, size: size, bold: bold),
                    "\(text.debugDescription) at \(width)")
            if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { compared += 1 }
        }
        #expect(compared > 1_000, "too few texts took the fast path")
    }

    @Test("wrapping any text cleaning leaves alone on bytes gives the lines wrapping on Characters gives, at any width")
    func unicodeWrap() {
        var random = SheetRandom(seed: 19)
        // Accents (also decomposed, a combining mark after its letter), dashes, CJK, emoji, the
        // Latin-1 punctuation of Spanish (C2 A1, C2 BF: the lead byte of C1 controls too), and
        // words too long for a line; U+2028 and a tab make the general code clean the text.
        let pieces = ["señal", "Persona 0 — Ana", "¿Dónde?", "¡Ya!", "e\u{301}te", "日本語のテキスト", "👍🏽", "→", "★", "…",
                      "Überweisungsbestätigungsformular", "αβγδεζηθικλμνξοπρστυφχψω", "a", "the", " ", "line\u{2028}break", "tab\there"]
        var onBytes = 0
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 10)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: " ")
            let width = Double(random.next() % 300) + 0.5
            let bold = random.next() % 2 == 0
            let size = [14.0, 15, 17, 18][Int(random.next() % 4)]
            let general = MapText.wrapCharacters(text, width: width, size: size, bold: bold)
            #expect(MapText.wrap(text, width: width, size: size, bold: bold) == general, "\(text.debugDescription) at \(width)")
            if let fast = MapText.wrapOnBytes(text, width: width, size: size, bold: bold), !text.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(fast == general, "\(text.debugDescription) at \(width)")
                onBytes += 1
            }
        }
        #expect(onBytes > 300, "too few texts with other scalars than ASCII took the byte path")
    }

    @Test("numbers: at most one decimal, no trailing .0, rounding as before")
    func numbers() {
        #expect(MapSVGWriter.number(0) == "0")
        #expect(MapSVGWriter.number(12) == "12")
        #expect(MapSVGWriter.number(12.34) == "12.3")
        #expect(MapSVGWriter.number(12.36) == "12.4")
        #expect(MapSVGWriter.number(-0.3) == "-0.3")
        #expect(MapSVGWriter.number(-0.04) == "0")
        #expect(MapSVGWriter.number(-17.96) == "-18")
        #expect(MapSVGWriter.number(1920) == "1920")
        #expect(MapSVGWriter.number(.nan) == "0")
        #expect(MapSVGWriter.number(.infinity) == "0")
    }

    @Test("escaping on bytes: U+FFFE and U+FFFF become U+FFFD, other three-byte scalars stay, tabs and line ends as before")
    func escaping() {
        #expect(MapText.escaped("a\u{FFFE}b\u{FFFF}c\u{FFFD}\u{FEFF}日") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FEFF}日")
        #expect(MapText.escaped("\t\r\n") == "\t&#13;\n")
        #expect(MapText.escaped("\t\r\n", inAttribute: true) == "&#9;&#13;&#10;")
        #expect(MapText.escaped("\u{7F}é\u{1F600}") == "\u{7F}é\u{1F600}")
    }
}
