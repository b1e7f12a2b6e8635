import Foundation
import Testing

/// Checks that work grows no faster than about linearly with the size of its input.
///
/// A fixed time limit ("under 500 ms") fails at random when the tests run in parallel on a
/// loaded machine, and passes on a fast one whatever the algorithm. Comparing the same work on
/// an input of size n and of size 10n does neither: linear work takes about 10 times as long,
/// quadratic work 100 times. The limit, 30 times by default, leaves room for caches and
/// allocation without letting a quadratic step through.
///
/// Times are the CPU time of the calling thread, which other tests running at the same time
/// barely change; the work must therefore run synchronously on that thread (no subprocess,
/// no task group). The smaller input is timed after a warm-up, and the larger one is timed
/// again before the check fails, so one preemption cannot fail a test.
enum Growth {
    /// Runs `work` on `input(size)` and on `input(size × scale)`, expects the second to take at
    /// most `allowedFactor` times as long as the first, and returns the second's result for
    /// further checks.
    ///
    /// Choose `size` so that the smaller run takes a millisecond or more: shorter times are
    /// counted as one millisecond, so that timer resolution and noise cannot fail the check.
    @discardableResult
    static func expectLinear<Input, Output>(
        _ what: String,
        size: Int,
        scale: Int = 10,
        allowedFactor: Double = 30,
        input: (Int) throws -> Input,
        work: (Input) throws -> Output,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) rethrows -> Output {
        var smallTime = Double.infinity
        do {
            let small = try input(size)
            _ = try work(small)  // warm-up: first calls pay for lazy set-up
            for _ in 0..<3 {
                smallTime = min(smallTime, try timed { try work(small) }.seconds)
            }
        }
        let baseline = max(smallTime, 0.001)
        let large = try input(size * scale)
        let (output, firstTime) = try timed { try work(large) }
        var largeTime = firstTime
        for _ in 0..<2 where largeTime > baseline * allowedFactor {
            largeTime = min(largeTime, try timed { try work(large) }.seconds)
        }
        let factor = largeTime / baseline
        #expect(factor <= allowedFactor,
                """
                \(what): \(size * scale) took \(milliseconds(largeTime)), \(String(format: "%.0f", factor)) times the \
                \(milliseconds(smallTime)) of \(size); at most \(String(format: "%.0f", allowedFactor)) times is allowed \
                for \(scale) times the input (quadratic work would take about \(scale * scale) times)
                """,
                sourceLocation: sourceLocation)
        return output
    }

    /// What `body` returns, and the CPU time it takes on the calling thread, in seconds.
    static func timed<Output>(_ body: () throws -> Output) rethrows -> (output: Output, seconds: Double) {
        let start = threadCPUTime()
        let output = try body()
        return (output, threadCPUTime() - start)
    }

    private static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.1f ms", seconds * 1000)
    }
}
