import Testing
@testable import JourneyKit

/// The analyser puts its findings in order in place (`Array.permute(to:)`) rather than copying
/// them into a sorted array: the permutation must give exactly what the copy gave.
@Suite("Findings reordered in place")
struct FindingOrderTests {
    @Test("every permutation of up to six positions, and random ones of 1,000")
    func permuteMatchesTheCopy() {
        func check(_ order: [Int32]) {
            let values = (0..<order.count).map { "v\($0)" }
            var permuted = values
            permuted.permute(to: order)
            #expect(permuted == order.map { values[Int($0)] }, "order \(order)")
        }
        func permutations(_ items: [Int32]) -> [[Int32]] {
            guard let first = items.first else { return [[]] }
            return permutations(Array(items.dropFirst())).flatMap { rest in
                (0...rest.count).map { at in var p = rest; p.insert(first, at: at); return p }
            }
        }
        var checked = 0
        for size in 0...6 {
            for order in permutations((0..<Int32(size)).map { $0 }) { check(order); checked += 1 }
        }
        #expect(checked == 1 + 1 + 2 + 6 + 24 + 120 + 720)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 { check(Array(0..<Int32(1_000)).shuffled(using: &generator)) }
    }

    @Test("the analyser's findings come in the order of `<` (place, rule, message), from rules that did not give them so")
    func analyserOrderIsSorted() throws {
        let journey = AnalyzedJourney(try DeferredWordingTests.everySentenceJourney())
        let analyzer = Analyzer()
        let findings = analyzer.analyze(journey)
        let asTheRulesGaveThem = analyzer.rules.flatMap { $0.findings(in: journey) }.filter { !journey.isSuppressed($0) }
        try #require(findings.count > 5)
        #expect(asTheRulesGaveThem != asTheRulesGaveThem.sorted(), "the permutation has work to do")
        #expect(findings == asTheRulesGaveThem.sorted())
    }
}
