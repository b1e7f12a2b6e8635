import Foundation
@testable import HostileInput
import JourneyKit
import Testing

/// Replays inputs the fuzzers (or people) found troublesome through the same pipeline the
/// fuzz targets run (`HostileInputPipeline`): a file under Fixtures/fuzz/TARGET/ that once
/// crashed, hung or leaked must now pass every invariant (the pipeline stops the process when
/// one fails), and finish: the time limit catches a hang. See docs/robustness.md.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    struct Input: CustomTestStringConvertible, Sendable {
        var target: HostileInputPipeline.Target
        var file: URL
        var testDescription: String { "\(target.rawValue)/\(file.lastPathComponent)" }
    }

    static let inputs: [Input] = HostileInputPipeline.Target.allCases.flatMap { target in
        let folder = Paths.fixtures.appendingPathComponent("fuzz/\(target.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { Input(target: target, file: folder.appendingPathComponent($0)) }
    }

    @Test("every target has regression inputs")
    func everyTargetHasInputs() {
        #expect(Set(Self.inputs.map(\.target)) == Set(HostileInputPipeline.Target.allCases))
    }

    @Test("each regression input passes the fuzz target's invariants", .timeLimit(.minutes(1)), arguments: inputs)
    func replay(_ input: Input) throws {
        let failures = HostileInputPipeline.run(input.target, bytes: try Paths.bytes(input.file))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("a broken invariant is returned in words, not a crash, so the replay above can fail")
    func brokenInvariantsAreReported() {
        var invariants = Invariants()
        invariants.checkLocations([.error("somewhere", at: SourceLocation(file: "f", line: 0, column: 3))])
        invariants.checkTerminalSafe("fine\u{1B}[31m")
        #expect(invariants.failures.count == 2)
        #expect(invariants.failures.first?.contains("lines and columns start at 1") == true)
        #expect(invariants.failures.last?.contains("escape sequence") == true)
    }
}
