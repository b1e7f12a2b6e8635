import Foundation
@testable import JourneyKit
import PropertyBased
import Testing

/// Maps of journeys with hostile names (the DOT property test's alphabet) stay well-formed SVG
/// (`xmllint`), keep their geometry, and render with `rsvg-convert` without a warning.
@Suite("Journey map survives any name")
struct MapPropertyTests {

    static func journey(_ names: [String]) -> Journey {
        Journey(
            id: "graph", title: names[0],
            personas: [Persona(id: "p", name: names[1], channels: ["c"]), Persona(id: "q", name: names[5])],
            channels: [Channel(id: "c", name: names[2], owner: names[3]), Channel(id: "d", name: names[4], status: .planned)],
            stages: [
                Stage(id: "s1", name: names[3], touchpoints: [
                    Touchpoint(id: "node", name: names[0], channels: ["c"], entry: true, next: ["edge"], pains: [names[4]], kpis: [.init(name: names[5], target: names[1])]),
                    Touchpoint(id: "edge", name: names[1], channels: ["c", "d"], emotion: -2, momentOfTruth: true, next: ["t3"], opportunities: [names[2]]),
                ]),
                Stage(id: "s2", name: names[4], touchpoints: [
                    Touchpoint(id: "t3", name: names[2], channels: ["d"], personas: ["q"], initiator: .business, emotion: 2, pains: [names[0]]),
                    Touchpoint(id: "t4", name: names[5], channels: ["c"]),
                ]),
                Stage(id: "s3", name: names[5]),
            ]
        )
    }

    @Test("hostile names keep the map's geometry (no tools needed)")
    func geometry() async {
        await propertyCheck(count: 60, input: DOTPropertyTests.name.array(of: 6)) { names in
            let journey = Self.journey(names)
            for page in try JourneyMapRenderer().layout(journey, findings: Analyzer().analyze(journey)) {
                MapLayoutTests.checkGeometry(page, names.debugDescription)
            }
        }
    }

    @Test("hostile names give well-formed SVG that rsvg-convert renders without warnings",
          .requires(.xmllint), .requires(.rsvgConvert))
    func wellFormedAndRendered() async throws {
        let xmllint = try ExternalTool.xmllint.path()
        let rsvg = try ExternalTool.rsvgConvert.path()
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        do {
            await propertyCheck(count: 15, input: DOTPropertyTests.name.array(of: 6)) { names in
                let journey = Self.journey(names)
                let pages = try JourneyMapRenderer().pages(journey, findings: Analyzer().analyze(journey))
                for page in pages {
                    let file = folder.appendingPathComponent("map.svg")
                    try Data(page.utf8).write(to: file)
                    let lint = try Subprocess.run(xmllint, ["--noout", file.path])
                    #expect(lint.status == 0 && lint.standardError.isEmpty, "xmllint: \(lint.standardError) for \(names.debugDescription)")
                    let render = try Subprocess.run(rsvg, ["-f", "png", "-o", folder.appendingPathComponent("map.png").path, file.path])
                    #expect(render.status == 0 && render.standardError.isEmpty, "rsvg-convert: \(render.standardError) for \(names.debugDescription)")
                    // Every name reads as typed somewhere on the page or in a tooltip.
                    for name in names where !name.unicodeScalars.contains(where: { $0.value < 0x21 }) && name.count < 12 {
                        #expect(page.contains(MapText.escaped(MapText.cleaned(name))), "\(name.debugDescription) missing")
                    }
                }
            }
        }
    }
}
