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
}
