import Testing

/// The growth check must be able to fail, or every test using it proves nothing.
@Suite("Growth check")
struct GrowthTests {
    /// Work proportional to `n` squared, which the compiler cannot skip.
    static func quadratic(_ n: Int) -> Int {
        var sum = 0
        for i in 0..<n {
            for j in 0..<n { sum &+= i ^ j }
        }
        return sum
    }

    @Test("quadratic work fails the check")
    func catchesQuadraticWork() {
        withKnownIssue("ten times the input takes about a hundred times as long") {
            Growth.expectLinear("quadratic work", size: 600, input: { $0 }, work: Self.quadratic)
        }
    }

    @Test("linear work passes the check and returns the larger run's result")
    func passesLinearWork() {
        let sum = Growth.expectLinear("linear work", size: 100_000, input: { $0 }) { n in
            (0..<n).reduce(0) { $0 &+ $1 }
        }
        #expect(sum == (0..<1_000_000).reduce(0, &+))
    }
}
