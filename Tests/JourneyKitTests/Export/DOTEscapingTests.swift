@testable import JourneyKit
import Testing

@Suite("DOT escaping and wrapping")
struct DOTEscapingTests {
    @Test("quoted strings escape quotes, backslashes, ampersands and line breaks")
    func quoted() {
        #expect(DOTEscaping.quoted("plain") == "\"plain\"")
        #expect(DOTEscaping.quoted("say \"hi\"") == #""say \"hi\"""#)
        #expect(DOTEscaping.quoted(#"C:\N\l\G\"#) == #""C:\\N\\l\\G\\""#)
        #expect(DOTEscaping.quoted("a & b &amp;") == "\"a &amp; b &amp;amp;\"")
        #expect(DOTEscaping.quoted("two\nlines\r\nthree\rfour") == #""two\nlines\nthree\nfour""#)
        #expect(DOTEscaping.quoted("{ } | < > ; [ ]") == "\"{ } | < > ; [ ]\"")
    }

    @Test("ids are always quoted, so keywords and dashes stay ids")
    func ids() {
        for keyword in ["node", "edge", "graph", "digraph", "subgraph", "strict", "NODE"] {
            #expect(DOTEscaping.id(keyword) == "\"\(keyword)\"")
        }
        #expect(DOTEscaping.id("pick-up") == "\"pick-up\"")
    }

    @Test("HTML-like label text escapes markup, backslashes and characters expat rejects")
    func html() {
        #expect(DOTEscaping.html("a & b < c > d \"e\"") == "a &amp; b &lt; c &gt; d &quot;e&quot;")
        #expect(DOTEscaping.html(#"\N \l \\"#) == #"\\N \\l \\\\"#)
        #expect(DOTEscaping.html("one\ntwo") == "one<BR/>two")
        #expect(DOTEscaping.html("x]]") == "x&#93;&#93;")
        #expect(DOTEscaping.html("tab\there") == "tab here")
        #expect(DOTEscaping.html("bell\u{07}") == "bell\u{2407}")
        #expect(DOTEscaping.html("non\u{FFFE}char") == "non\u{FFFD}char")
        #expect(DOTEscaping.html("中文 😀 שלום e\u{301}") == "中文 😀 שלום e\u{301}")
    }

    @Test("tooltips show a backslash as a look-alike, since Graphviz versions unescape them differently")
    func tooltip() {
        #expect(DOTEscaping.tooltip(#"a\Nb "c""#) == "\"a\u{29F5}Nb \\\"c\\\"\"")
    }

    @Test("widths count grapheme clusters, with CJK and emoji as two columns")
    func columns() {
        #expect(TextWrapping.columns(of: "abc") == 3)
        #expect(TextWrapping.columns(of: "e\u{301}") == 1)
        #expect(TextWrapping.columns(of: "中文") == 4)
        #expect(TextWrapping.columns(of: "😀") == 2)
        #expect(TextWrapping.columns(of: "👩‍👩‍👧") == 2)
        #expect(TextWrapping.columns(of: "🇪🇸") == 2)
        #expect(TextWrapping.columns(of: "❤️") == 2)
        #expect(TextWrapping.columns(of: "שלום") == 4)
    }

    @Test("wrapping breaks at spaces, cuts long words between characters and keeps typed breaks")
    func wrapping() {
        #expect(TextWrapping.wrap("Respuesta de stock con respuestas rápidas", width: 22) == ["Respuesta de stock con", "respuestas rápidas"])
        #expect(TextWrapping.wrap("short", width: 22) == ["short"])
        #expect(TextWrapping.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrapping.wrap("中文中文中文", width: 5) == ["中文", "中文", "中文"])
        #expect(TextWrapping.wrap("e\u{301}e\u{301}e\u{301}", width: 2) == ["e\u{301}e\u{301}", "e\u{301}"])
        #expect(TextWrapping.wrap("👩‍👩‍👧👩‍👩‍👧", width: 3) == ["👩‍👩‍👧", "👩‍👩‍👧"])
        #expect(TextWrapping.wrap("one\ntwo", width: 22) == ["one", "two"])
        #expect(TextWrapping.wrap("", width: 22) == [""])
    }

    @Test("wrapped lines hold every character of the name, in order")
    func wrappingKeepsText() {
        let names = ["Anuncio Click-to-WhatsApp", "Botón «Pregúntanos por WhatsApp» en la web", "東京都庁の窓口で住民票を請求する", "a b c d e f g h i j k l m n o p"]
        for name in names {
            for width in [4, 10, 22] {
                let lines = TextWrapping.wrap(name, width: width)
                #expect(lines.joined().filter { $0 != " " } == name.filter { $0 != " " })
                #expect(lines.allSatisfy { TextWrapping.columns(of: $0) <= width })
            }
        }
    }
}
