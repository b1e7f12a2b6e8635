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
