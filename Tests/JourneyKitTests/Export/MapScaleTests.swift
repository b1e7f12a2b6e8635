@testable import cjm_bench
import Foundation
@testable import JourneyKit
import Testing

/// The map of the benchmark's synthetic journey: laid out, every touchpoint once, in bounded time.
@Suite("Journey map of a large journey")
struct MapScaleTests {
    @Test("the 1,000-touchpoint synthetic journey maps onto pages with every touchpoint once")
    func synthetic() throws {
        let journey = SyntheticJourney.make(touchpoints: 1_000)
        let clock = ContinuousClock()
        var pages: [MapPage] = []
        let elapsed = try clock.measure { pages = try JourneyMapRenderer().layout(journey, findings: Analyzer().analyze(journey)) }
        let cards = pages.flatMap { $0.boxes.filter { $0.kind == "card" }.compactMap(\.id) }
        #expect(cards == journey.touchpoints.map { $0.id })
        #expect(elapsed < .seconds(30), "debug build, shared machine: a generous bound against a quadratic layout")
        print("map of 1,000 touchpoints: \(pages.count) pages in \(elapsed)")
    }

    @Test("the pages handed on as bytes, as they are drawn, are the pages' text")
    func pagesAsBytes() throws {
        let journey = SyntheticJourney.make(touchpoints: 300)
        let findings = Analyzer().analyze(journey)
        for options in [JourneyMapOptions(), JourneyMapOptions(language: "es", lanes: [.touchpoints, .findings], page: MapPageSize(width: 640, height: 480))] {
            let renderer = JourneyMapRenderer(options)
            let pages = try renderer.pages(journey, findings: findings)
            var documents: [[UInt8]] = []
            try renderer.writePages(journey, findings: findings) { documents.append($0) }
            #expect(pages.count > 3, "a journey of several pages, so that the order is checked")
            #expect(documents.map { String(decoding: $0, as: UTF8.self) } == pages)
        }
        #expect(throws: UnknownPersona.self) {
            try JourneyMapRenderer(JourneyMapOptions(persona: "nobody")).writePages(journey, findings: findings) { _ in }
        }
    }
}
