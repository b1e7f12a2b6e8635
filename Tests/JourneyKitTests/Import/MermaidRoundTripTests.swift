import Foundation
@testable import JourneyKit
import Testing

@Suite("Mermaid round trip")
struct MermaidRoundTripTests {
    /// What survives Mermaid: stage names, touchpoint names, emotions and the names of the
    /// personas each touchpoint is aimed at (ids are derived again from names, so names are compared).
    struct Picture: Equatable, CustomStringConvertible {
        var title: String
        var stages: [String]
        var touchpoints: [String]
        var emotions: [Int]
        var personasPerTouchpoint: [[String]]
        var personas: Set<String>

        init(_ journey: Journey, exported: Bool) {
            let names = Dictionary(journey.personas.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            title = journey.title
            stages = journey.stages.map(\.name)
            touchpoints = journey.touchpoints.map(\.name)
            // Mermaid has 1…5 only: no emotion is drawn as the neutral 3 and comes back as 0.
            emotions = journey.touchpoints.map { $0.emotion ?? 0 }
            // An empty persona list means every persona; the export lists them all.
            personasPerTouchpoint = journey.touchpoints.map { touchpoint in
                touchpoint.personas.isEmpty && exported ? journey.personas.map(\.name) : touchpoint.personas.compactMap { names[$0] }
            }
            personas = Set(personasPerTouchpoint.joined())
        }

        var description: String { "\(title) \(stages) \(touchpoints) \(emotions) \(personasPerTouchpoint)" }
    }

    @Test("every sample: export to Mermaid, import back → the same stages, touchpoints, emotions and personas",
          arguments: Paths.samples("journey.json"))
    func roundTrip(sample url: URL) throws {
        let original = try #require(JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: Paths.relative(url)).journey)
        let mermaid = try MermaidJourneyWriter.mermaid(original)
        let result = MermaidJourneyImporter.importDiagram(mermaid, path: "exported.mmd")
        #expect(result.diagnostics.isEmpty)
        let imported = try #require(result.journeys.first)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let back = try #require(imported.journey)
        #expect(Picture(back, exported: false) == Picture(original, exported: true))
        #expect(back.channels.isEmpty)
        #expect(back.touchpoints.allSatisfy { $0.channels.isEmpty })
        // Exporting the imported journey draws the same diagram (the description now carries the channels note).
        let withoutDescription = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("    accDescr: ") } }
        #expect(withoutDescription(try MermaidJourneyWriter.mermaid(back)) == withoutDescription(mermaid))
    }

    @Test("personas no touchpoint is aimed at cannot be drawn in Mermaid and do not come back")
    func unusedPersonas() throws {
        let url = Paths.samples.appendingPathComponent("law-firm-seo.journey.json")
        let original = try #require(JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: "law").journey)
        let back = try #require(MermaidJourneyImporter.importDiagram(try MermaidJourneyWriter.mermaid(original)).journeys.first?.journey)
        #expect(Set(original.personas.map(\.name)).subtracting(back.personas.map(\.name)) == ["Former client"])
    }

    @Test("the Markdown export round-trips as well")
    func markdownRoundTrip() throws {
        let samples = Paths.samples("journey.json")
        try #require(samples.count >= 3)
        for url in samples {
            let original = try #require(JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: "s").journey)
            let markdown = try MermaidJourneyWriter.markdown(original, findings: [])
            let back = try #require(MermaidJourneyImporter.importFile(from: Array(markdown.utf8), path: "page.md").journeys.first?.journey)
            #expect(Picture(back, exported: false) == Picture(original, exported: true))
        }
    }
}
