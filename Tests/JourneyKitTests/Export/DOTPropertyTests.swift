import Foundation
@testable import JourneyKit
import PropertyBased
import Testing

/// Names made of the characters that break DOT, HTML-like labels and XML, rendered by the real
/// Graphviz: every diagram must be accepted and every label must read as typed.
@Suite("DOT survives any name", .requires(.dot))
struct DOTPropertyTests {
    /// Pieces of hostile names: DOT syntax, escString escapes, HTML and XML markup and
    /// entities, Graphviz keywords, emoji, CJK, right-to-left text and combining marks.
    static let atoms: [String] = [
        "\"", "\\", "{", "}", "|", "<", ">", "&", ";", "[", "]", "\n", "\\N", "\\l", "\\G", "\\n", "\\\\", "\\\"",
        "&amp;", "&#92;", "&lt;", "<BR/>", "]]>", "-->", "->", "node", "graph", " ", "a", "Z", "7", "'",
        "😀", "👩‍👩‍👧", "🇪🇸", "中文", "東京", "שלום", "مرحبا", "e\u{301}", "n\u{303}\u{323}", "\u{200F}",
    ]

    /// A touchpoint name: a letter, then up to eight hostile pieces.
    static let name = Gen<String?>.element(of: atoms).map { $0 ?? "" }.array(of: 0...8).map { "T" + $0.joined() }

    /// The columns of a touchpoint name per line in the diagrams.
    static let nameWidth = 18


    @Test("dot accepts journeys with hostile names and every label reads as typed")
    func hostileNames() async throws {
        _ = try ExternalTool.dot.path()  // fail once, clearly, rather than in every generated case
        await propertyCheck(count: 40, input: Self.name.array(of: 6)) { names in
            try Self.checkRendering(names)
        }
    }

    @Test("regression: a wrapped line made only of ']' is drawn (Graphviz drops such text runs)")
    func closingBracketLines() throws {
        try Self.checkRendering(["T-->graph中文-->\\N]", "]", "]]", "T\n]", "a]]>", "T]"])
    }

    /// Renders a journey whose names are `names` (six of them) in both views and checks every
    /// label and tooltip reads as typed.
    static func checkRendering(_ names: [String]) throws {
            try #require(names.count == 6)
            let journey = Journey(
                id: "graph", title: names[0],
                personas: [Persona(id: "p", name: names[1])],
                channels: [Channel(id: "c", name: names[2])],
                stages: [
                    Stage(id: "s1", name: names[3], touchpoints: [
                        Touchpoint(id: "node", name: names[0], channels: ["c"], next: ["edge"]),
                        Touchpoint(id: "edge", name: names[1], channels: ["c"], emotion: -2, next: ["t3"]),
                    ]),
                    Stage(id: "s2", name: names[4], touchpoints: [
                        Touchpoint(id: "t3", name: names[2], channels: ["c"], initiator: .business, emotion: 2),
                        Touchpoint(id: "t4", name: names[5], channels: ["c"]),
                    ]),
                ]
            )
            for view in DOTExporter.View.allCases {
                let svg = try GraphvizSVG.render(DOTExporter(view: view).export(journey))
                let nodes = GraphvizSVG.nodes(in: svg)
                switch view {
                case .flow:
                    for touchpoint in journey.touchpoints {
                        let node = nodes.first { $0.title == touchpoint.id }
                        #expect(node != nil, "no node \(touchpoint.id)")
                        #expect(Self.visibleLines(node?.lines(ofSize: "15.00") ?? []) == Self.visibleLines(TextWrapping.wrap(touchpoint.name, width: Self.nameWidth)),
                                "label of \(touchpoint.id): \(touchpoint.name.debugDescription)")
                    }
                    let tooltips = GraphvizSVG.tooltips(in: svg).map(Self.spaces)
                    for touchpoint in journey.touchpoints {
                        let typed = String(String.UnicodeScalarView(touchpoint.name.unicodeScalars.map { $0 == "\\" ? "\u{29F5}" : $0 }))
                        #expect(tooltips.contains(typed), "tooltip of \(touchpoint.id): \(touchpoint.name.debugDescription)")
                    }
                case .matrix:
                    let lines = nodes.flatMap { $0.lines(ofSize: "13.00") }
                    for touchpoint in journey.touchpoints {
                        let expected = Self.visibleLines(TextWrapping.wrap(touchpoint.name, width: Self.nameWidth)).joined(separator: "\n")
                        #expect(Self.visibleLines(lines).joined(separator: "\n").contains(expected),
                                "matrix cell of \(touchpoint.id): \(touchpoint.name.debugDescription)")
                    }
                }
            }
    }

    /// Lines as a reader sees them: Graphviz draws no text for a blank line, and writes runs of
    /// spaces as no-break spaces so that SVG viewers do not collapse them.
    static func visibleLines(_ lines: [String]) -> [String] {
        lines.map(spaces).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    static func spaces(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 }))
    }
}
