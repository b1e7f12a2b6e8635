import Foundation
@testable import JourneyKit
import Testing

/// The journey map of every sample, page by page, against golden SVGs (Golden/Map).
@Suite("Journey map golden files")
struct MapGoldenTests {
    /// A map to compare: a sample with options, and the golden name's stem.
    struct Case: CustomTestStringConvertible, Sendable {
        var sample: String
        var stem: String
        var options: JourneyMapOptions
        /// The scenario the journey is drawn in, as `--scenario` applies it.
        var scenario: String? = nil
        var testDescription: String { stem }
    }

    static let cases: [Case] = Paths.samples().map { url in
        let name = url.lastPathComponent.replacingOccurrences(of: ".journey.json", with: "")
        return Case(sample: name, stem: name, options: JourneyMapOptions())
    } + [
        // The sample's `lang` is "es": its map is in Spanish unless another language is asked for.
        Case(sample: "tienda-whatsapp", stem: "tienda-whatsapp.en", options: JourneyMapOptions(language: "en")),
        Case(sample: "tienda-whatsapp", stem: "tienda-whatsapp.maria", options: JourneyMapOptions(persona: "maria")),
        Case(sample: "tienda-whatsapp", stem: "tienda-whatsapp.con-api",
             options: JourneyMapOptions(scenarioName: "Con la API de WhatsApp Business"), scenario: "con-api"),
    ]

    static func sample(_ name: String) throws -> Journey {
        try DOTFixtures.sample(Paths.samples.appendingPathComponent("\(name).journey.json"))
    }

    /// The SVG pages of a case.
    static func pages(_ mapCase: Case) throws -> [String] {
        var journey = try sample(mapCase.sample)
        if let scenario = mapCase.scenario { journey = journey.applying(try journey.scenario(withID: scenario)) }
        let findings = Analyzer().analyze(AnalyzedJourney(journey, checkDate: SampleFindingsTests.checkDate))
        return try JourneyMapRenderer(mapCase.options).pages(journey, findings: findings)
    }

    @Test("every page of every sample's map matches its golden SVG", arguments: cases)
    func golden(_ mapCase: Case) throws {
        let pages = try Self.pages(mapCase)
        try #require(!pages.isEmpty)
        for (index, page) in pages.enumerated() {
            try Golden.assertMatches(page, "Map/\(mapCase.stem)\(pages.count == 1 ? "" : "-\(index + 1)").svg")
        }
        // No stale golden page from a time the map had more pages.
        let extra = Paths.golden.appendingPathComponent("Map/\(mapCase.stem)-\(pages.count + 1).svg")
        #expect(!FileManager.default.fileExists(atPath: extra.path), "stale golden page \(extra.lastPathComponent)")
    }

    @Test("the test cases cover every sample")
    func coverage() {
        #expect(Paths.samples().count == 3)
        #expect(Self.cases.count == Paths.samples().count + 3)
    }

    @Test("the same journey gives byte-identical SVG")
    func deterministic() throws {
        let mapCase = Self.cases.first { $0.stem == "tienda-whatsapp.con-api" }!
        #expect(try Self.pages(mapCase) == Self.pages(mapCase))
    }
}
