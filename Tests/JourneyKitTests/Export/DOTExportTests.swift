import Foundation
@testable import JourneyKit
import Testing

@Suite("DOT export")
struct DOTExportTests {
    static let cases = (try? DOTFixtures.allCases()) ?? []

    @Test("every diagram matches its golden file", arguments: cases)
    func golden(_ diagram: DOTFixtures.Case) throws {
        try Golden.assertMatches(diagram.dot, "DOT/" + diagram.name)
    }

    @Test("the test cases cover every sample in both views, a persona view and the overlay")
    func coverage() {
        #expect(Self.cases.count == Paths.samples().count * 2 + 8)
    }

    @Test("the same journey gives byte-identical DOT")
    func deterministic() throws {
        let journey = try DOTFixtures.sample(Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json"))
        for view in DOTExporter.View.allCases {
            let exporter = DOTExporter(view: view)
            #expect(exporter.export(journey) == exporter.export(journey))
        }
    }

    /// A DOT text from `cases`, which the Graphviz suite renders.
    static func dot(_ name: String) -> String {
        cases.first { $0.name == name }?.dot ?? ""
    }

    @Test("flow view: a cluster per stage in file order, a node per touchpoint with its id")
    func flowStructure() {
        let dot = Self.dot("overlay.flow.no-findings.dot")
        #expect(dot == DOTExporter().export(DOTFixtures.overlayJourney))
        let clusters = dot.components(separatedBy: "\n").filter { $0.contains("subgraph \"cluster_stage_") }
        #expect(clusters == [
            "  subgraph \"cluster_stage_graph\" {", "  subgraph \"cluster_stage_ask-stage\" {",
            "  subgraph \"cluster_stage_empty\" {", "  subgraph \"cluster_stage_buy\" {",
        ])
        for touchpoint in DOTFixtures.overlayJourney.touchpoints {
            #expect(dot.contains("\n    \"\(touchpoint.id)\" [label=<"))
        }
        #expect(dot.contains("rankdir=LR"))
        // The empty stage still shows, with a note.
        #expect(dot.contains("\"empty:empty\" [shape=plaintext"))
        // Channel switch (chat → pay) dashed purple; same channel (web → web, none here) solid.
        #expect(dot.contains("\"ask\" -> \"pay\" [color=\"#6a1b9a\", penwidth=2.2, style=dashed]"))
        // A flow back to an earlier stage does not reorder the stages.
        #expect(dot.contains("\"pay\" -> \"ask\" [color=\"#6a1b9a\", penwidth=2.2, style=dashed, constraint=false]"))
        // Business-initiated touchpoints and moments of truth are distinct.
        #expect(dot.contains("\"ad\" [label=<") && dot.components(separatedBy: "\n").first { $0.contains("\"ad\" [label=<") }?.contains("shape=cds") == true)
        #expect(dot.contains("★ Asks on chat"))
        // Emotion colours: −2 … +2.
        #expect(dot.contains("fillcolor=\"#ef9a7a\"") && dot.contains("fillcolor=\"#7fb8e0\""))
    }

    /// The body of the cluster of stage `id` in a flow diagram.
    static func cluster(_ id: String, in dot: String) throws -> String {
        let parts = dot.components(separatedBy: "subgraph \"cluster_stage_\(id)\"")
        try #require(parts.count == 2, "no single cluster for stage \(id)")
        return parts[1].components(separatedBy: "  }").first ?? ""
    }

    @Test("findings overlay: unserved touchpoints, broken handoffs and channel gaps stand out")
    func overlay() throws {
        let dot = Self.dot("overlay.flow.dot")
        let lines = dot.components(separatedBy: "\n")
        let pay = lines.first { $0.hasPrefix("    \"pay\" [") } ?? ""
        #expect(pay.contains("⚠ unserved"))
        #expect(pay.contains("color=\"#c62828\", penwidth=3.5"))
        #expect(pay.contains("⚠ María cannot reach &amp;quot;Pays later&amp;quot;") == false)
        #expect(pay.contains(#"⚠ María cannot reach \"Pays later\": its only channel, Pay⧵Later, is planned"#))
        let handoff = lines.first { $0.hasPrefix("  \"ask\" -> \"pay\"") } ?? ""
        #expect(handoff.contains("color=\"#c62828\", penwidth=3.5, style=dashed"))
        #expect(handoff.contains("tooltip=\"⚠ Customers switch from Chat | WhatsApp to Pay⧵Later with no handoff\""))
        // Each channel gap is a note in its stage's cluster, naming its persona.
        let buy = try Self.cluster("buy", in: dot)
        #expect(buy.contains("\"gap:buy:1\" [shape=note"))
        #expect(buy.contains("Álex &lt;the &quot;builder&quot;&gt;"))
        let discover = try Self.cluster("graph", in: dot)
        #expect(discover.contains("\"gap:graph:1\" [shape=note") && discover.contains("María"))
        // Other findings about a touchpoint go into its tooltip.
        #expect(lines.first { $0.hasPrefix("    \"receipt\" [") }?.contains("⚠ Nobody owns \\\"Gets a receipt\\\"") == true)
        // The legend explains what is used.
        #expect(dot.contains("broken handoff") && dot.contains("unserved: a persona cannot reach it") && dot.contains("channel gap"))

        let plain = Self.dot("overlay.flow.no-findings.dot")
        #expect(!plain.contains("⚠"))
        #expect(!plain.contains("#c62828"))
        #expect(plain == DOTExporter().export(DOTFixtures.overlayJourney))
    }

    @Test("--persona keeps the touchpoints aimed at the persona and only its findings")
    func personaFilter() {
        let dot = Self.dot("overlay.flow.maria.dot")
        #expect(!dot.contains("\"ad\" [")) // aimed at Álex only
        for id in ["edge", "ask", "pay", "receipt"] { #expect(dot.contains("\n    \"\(id)\" [label=<")) }
        #expect(!dot.contains("\"ad\" -> "))
        #expect(dot.contains("Overlay &quot;test&quot;") && dot.contains("— María"))
        #expect(dot.contains("\"gap:graph:1\""))   // María's gap
        #expect(!dot.contains("\"gap:buy:1\""))    // Álex's gap
        #expect(dot.contains("⚠ unserved"))        // about María
        let alex = Self.dot("overlay.flow.alex.dot")
        #expect(!alex.contains("\"pay\" [")) // aimed at María only
        #expect(!alex.contains("⚠ unserved"))
        #expect(alex.contains("\"gap:buy:1\""))
        #expect(alex.contains("no touchpoints for<BR/>Álex"))
    }

    @Test("matrix view: channels × stages, touchpoints in their cells, the persona's gaps highlighted")
    func matrix() {
        let dot = Self.dot("overlay.matrix.maria.dot")
        #expect(dot.contains("\"matrix\" [label=<<TABLE"))
        #expect(dot.contains("⚠ Channel gaps"))
        #expect(dot.contains("María cannot go on in<BR/>stage Discover [1&#93; &lt;&amp;&gt;"))
        #expect(!dot.contains("Álex cannot go on"))
        #expect(dot.contains("not used by María"))
        #expect(dot.contains("<I>planned</I>") || dot.contains("planned"))
        let everyone = Self.dot("overlay.matrix.dot")
        #expect(!everyone.contains("⚠ Channel gaps"))
        #expect(everyone.contains("Sees the ad 😀<BR/>广告"))
        // A touchpoint on two channels shows in both rows; order of rows follows the channels.
        let web = everyone.range(of: "Web &amp; {shop}")
        let chat = everyone.range(of: "Chat | WhatsApp")
        #expect(web != nil && chat != nil && web!.lowerBound < chat!.lowerBound)
    }

}

/// The diagrams rendered by the real Graphviz: accepted without a warning, every touchpoint drawn.
@Suite("DOT rendered by Graphviz", .requires(.dot))
struct DOTGraphvizTests {
    /// The columns of a touchpoint name per line in the diagrams.
    static let nameWidth = 18


    @Test("dot -Tsvg accepts every diagram without warnings and draws every touchpoint", arguments: DOTExportTests.cases)
    func rendersCleanly(_ diagram: DOTFixtures.Case) throws {
        let svg = try GraphvizSVG.render(diagram.dot)
        let nodes = GraphvizSVG.nodes(in: svg)
        switch diagram.view {
        case .flow:
            let titles = Set(nodes.map(\.title))
            for touchpoint in diagram.touchpoints {
                #expect(titles.contains(touchpoint.id), "\(touchpoint.id) is not a node of \(diagram.name)")
                let node = nodes.first { $0.title == touchpoint.id }
                let shown = node?.lines(ofSize: "15.00").joined(separator: " ")
                let expected = TextWrapping.wrap((touchpoint.momentOfTruth ? "★ " : "") + touchpoint.name, width: Self.nameWidth).joined(separator: " ")
                #expect(shown == expected, "label of \(touchpoint.id)")
            }
        case .matrix:
            let text = nodes.flatMap(\.texts).map(\.text).joined(separator: " ")
            for touchpoint in diagram.touchpoints {
                let wrapped = TextWrapping.wrap(touchpoint.name, width: Self.nameWidth).joined(separator: " ")
                #expect(text.contains(wrapped), "\(touchpoint.name) is not in \(diagram.name)")
            }
        }
    }

    @Test("stages stay in file order from left to right, with or without flows")
    func stageOrder() throws {
        let dot = try ExternalTool.dot.path()
        var journeys = [DOTFixtures.noFlows, DOTFixtures.overlayJourney]
        for url in Paths.samples() { journeys.append(try DOTFixtures.sample(url)) }
        for journey in journeys {
            let result = try Subprocess.run(dot, ["-Tplain"], input: Data(DOTExporter().export(journey).utf8))
            #expect(result.status == 0)
            #expect(result.standardError.isEmpty, "dot warned: \(result.standardError)")
            // `node NAME X Y …`: the x of every drawn touchpoint.
            var x: [String: Double] = [:]
            for line in result.standardOutput.split(separator: "\n") where line.hasPrefix("node ") {
                let fields = line.split(separator: " ")
                try #require(fields.count > 2, "\(line)")
                x[fields[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))] = Double(fields[2])
            }
            var previousRight = -Double.infinity
            for stage in journey.stages where !stage.touchpoints.isEmpty {
                let positions = stage.touchpoints.compactMap { x[$0.id] }
                try #require(positions.count == stage.touchpoints.count, "stage \(stage.id) of \(journey.id) is not drawn")
                let left = try #require(positions.min()), right = try #require(positions.max())
                #expect(left > previousRight, "stage \(stage.id) of \(journey.id) is not right of the one before")
                previousRight = right
            }
        }
    }

    @Test("tooltips carry the findings' messages as typed")
    func tooltips() throws {
        let svg = try GraphvizSVG.render(DOTExporter().export(DOTFixtures.overlayJourney, findings: DOTFixtures.overlayFindings))
        let tooltips = GraphvizSVG.tooltips(in: svg)
        #expect(tooltips.contains { $0.contains("⚠ María cannot reach \"Pays later\": its only channel, Pay⧵Later, is planned") })
        #expect(tooltips.contains("⚠ Customers switch from Chat | WhatsApp to Pay⧵Later with no handoff"))
        #expect(tooltips.contains("María cannot go on in stage Discover [1] <&>"))
    }
}
