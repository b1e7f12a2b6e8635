import Foundation
import JourneyKit

/// Journeys and hand-made findings for the diagram tests, and every DOT text the tests make,
/// so that one test can render them all with the real Graphviz.
enum DOTFixtures {
    static func sample(_ url: URL) throws -> Journey {
        let imported = JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: Paths.relative(url))
        guard let journey = imported.journey, imported.diagnostics.isEmpty else {
            throw FixtureError(message: "sample \(url.lastPathComponent) is invalid: \(imported.diagnostics)")
        }
        return journey
    }

    struct FixtureError: Error { var message: String }

    /// A small journey with hostile names, an empty stage, a planned channel, a channel switch,
    /// a flow back to an earlier stage, and a stage without flows.
    static let overlayJourney = Journey(
        id: "node",
        title: #"Overlay "test" \N <b>&amp;</b>"#,
        personas: [
            Persona(id: "alex", name: "Álex <the \"builder\">", channels: ["web", "chat"]),
            Persona(id: "maria", name: "María", channels: ["chat", "pay"]),
        ],
        channels: [
            Channel(id: "web", name: "Web & {shop}", kind: .web),
            Channel(id: "chat", name: "Chat | WhatsApp", kind: .messaging),
            Channel(id: "pay", name: "Pay\\Later", kind: .app, status: .planned),
        ],
        stages: [
            Stage(id: "graph", name: "Discover [1]", touchpoints: [
                Touchpoint(id: "ad", name: "Sees the ad 😀 广告", channels: ["web"], personas: ["alex"], initiator: .business,
                           emotion: 1, next: ["ask"]),
                Touchpoint(id: "edge", name: #"Reads "FAQ" \N \l \G; {x|y} <z>"#, channels: ["web"], emotion: 0, next: ["ask"]),
            ]),
            Stage(id: "ask-stage", name: "Ask", touchpoints: [
                Touchpoint(id: "ask", name: "Asks on chat: שלום", channels: ["chat"], emotion: -1, momentOfTruth: true, next: ["pay"]),
            ]),
            Stage(id: "empty", name: "Nothing here yet"),
            Stage(id: "buy", name: "Buy", touchpoints: [
                Touchpoint(id: "pay", name: "Pays later", channels: ["pay"], personas: ["maria"], emotion: -2, next: ["ask"]),
                Touchpoint(id: "receipt", name: "Gets a receipt", channels: ["chat"], initiator: .business, emotion: 2),
            ]),
        ]
    )

    private static let location = SourceLocation(file: "overlay.journey.json", line: 1, column: 1)

    /// Findings as the analyser would report them for `overlayJourney`, made by hand.
    static let overlayFindings: [Diagnostic] = [
        Diagnostic(severity: .warning, message: #"María cannot reach "Pays later": its only channel, Pay\Later, is planned"#,
                   location: location, rule: "unserved-touchpoint", references: [.touchpoint: "pay", .persona: "maria"]),
        Diagnostic(severity: .warning, message: "Customers switch from Chat | WhatsApp to Pay\\Later with no handoff",
                   location: location, rule: "broken-handoff", references: [.from: "ask", .touchpoint: "pay"]),
        Diagnostic(severity: .warning, message: "Álex cannot go on in stage Buy: no touchpoint reaches them",
                   location: location, rule: "channel-gap", references: [.persona: "alex", .stage: "buy"]),
        Diagnostic(severity: .warning, message: "María cannot go on in stage Discover [1] <&>",
                   location: location, rule: "channel-gap", references: [.persona: "maria", .stage: "graph"]),
        Diagnostic(severity: .info, message: "Nobody owns \"Gets a receipt\"",
                   location: location, rule: "unowned-touchpoint", references: [.touchpoint: "receipt"]),
    ]

    /// A journey whose stages have no flows at all: the stages must still be in order.
    static let noFlows = Journey(
        id: "no-flows", title: "No flows",
        channels: [Channel(id: "web", name: "Web")],
        stages: (1...4).map { stage in
            Stage(id: "s\(stage)", name: "Stage \(stage)", touchpoints: (1...(5 - stage)).map { index in
                Touchpoint(id: "t\(stage)-\(index)", name: "Touchpoint \(stage).\(index)", channels: ["web"])
            })
        }
    )

    /// A DOT text a test makes, with the touchpoints it must show.
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var dot: String
        var view: DOTExporter.View
        /// The touchpoints that must appear: as nodes (flow) or as text (matrix).
        var touchpoints: [Touchpoint]
        var description: String { name }
    }

    /// Every DOT text the golden and overlay tests produce.
    static func allCases() throws -> [Case] {
        var cases: [Case] = []
        for url in Paths.samples() {
            let journey = try sample(url)
            let name = url.lastPathComponent.replacingOccurrences(of: ".journey.json", with: "")
            for view in DOTExporter.View.allCases {
                // Samples are drawn as `cjm export` draws them: with the analyser's findings.
                cases.append(Case(name: "\(name).\(view.rawValue).dot",
                                  dot: DOTExporter(view: view).export(journey, findings: Analyzer().analyze(journey)),
                                  view: view, touchpoints: Array(journey.touchpoints)))
            }
        }
        let tienda = try sample(Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json"))
        cases.append(Case(name: "tienda-whatsapp.flow.maria.dot", dot: DOTExporter(persona: "maria").export(tienda, findings: Analyzer().analyze(tienda)),
                          view: .flow, touchpoints: tienda.touchpoints.filter { $0.isAimed(at: "maria") }))
        for view in DOTExporter.View.allCases {
            cases.append(Case(name: "overlay.\(view.rawValue).dot",
                              dot: DOTExporter(view: view).export(overlayJourney, findings: overlayFindings),
                              view: view, touchpoints: Array(overlayJourney.touchpoints)))
            cases.append(Case(name: "overlay.\(view.rawValue).maria.dot",
                              dot: DOTExporter(view: view, persona: "maria").export(overlayJourney, findings: overlayFindings),
                              view: view, touchpoints: overlayJourney.touchpoints.filter { $0.isAimed(at: "maria") }))
        }
        cases.append(Case(name: "overlay.flow.alex.dot",
                          dot: DOTExporter(persona: "alex").export(overlayJourney, findings: overlayFindings),
                          view: .flow, touchpoints: overlayJourney.touchpoints.filter { $0.isAimed(at: "alex") }))
        cases.append(Case(name: "overlay.flow.no-findings.dot",
                          dot: DOTExporter(showsFindings: false).export(overlayJourney, findings: overlayFindings),
                          view: .flow, touchpoints: Array(overlayJourney.touchpoints)))
        cases.append(Case(name: "no-flows.flow.dot", dot: DOTExporter().export(noFlows), view: .flow,
                          touchpoints: Array(noFlows.touchpoints)))
        return cases
    }
}
