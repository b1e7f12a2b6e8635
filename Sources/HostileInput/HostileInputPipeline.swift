import JourneyKit

/// The work a fuzz target does with one input, shared by the libFuzzer entry point in `Fuzz/`
/// (built by `scripts/fuzz.sh`) and by the tests that replay what the fuzzer found, so a
/// regression file exercises exactly the code that once failed.
///
/// Each stage checks invariants that must hold for any bytes at all and returns the ones that
/// did not. It never stops the process itself: the fuzz entry point turns a failure into a
/// crash (what libFuzzer needs to keep the input), and a test turns it into a failed
/// expectation. It lives outside JourneyKit so that the library ships no test harness.
public enum HostileInputPipeline {
    /// The fuzz targets: what a target feeds its bytes to.
    public enum Target: String, Sendable, Hashable, CaseIterable {
        /// The JSON importer, then a canonical JSON round trip of every valid journey.
        case json
        /// The XML importer, then a canonical XML round trip of every valid journey.
        case xml
        /// Format detection and import, analysis, every DOT view, the text and SARIF reports and
        /// a round trip through both formats: everything `cjm check` and `cjm render` do.
        case pipeline
    }

    /// Runs `target` on `bytes` and returns the invariants that did not hold, in words; empty
    /// when every one held.
    public static func run(_ target: Target, bytes: [UInt8]) -> [String] {
        var invariants = Invariants()
        switch target {
        case .json: invariants.importAndRoundTrip(bytes, path: "fuzz.journey.json", format: .json)
        case .xml: invariants.importAndRoundTrip(bytes, path: "fuzz.journey.xml", format: .xml)
        case .pipeline: invariants.checkAnalyseAndExport(bytes, path: "fuzz.journey")
        }
        return invariants.failures
    }
}

/// The checks of one run, collecting what failed.
struct Invariants {
    private(set) var failures: [String] = []

    /// Records `failure` unless `condition` holds; returns `condition`, so that a check that
    /// later ones build on can stop the run.
    @discardableResult
    mutating func expect(_ condition: Bool, _ failure: @autoclosure () -> String) -> Bool {
        if !condition { failures.append(failure()) }
        return condition
    }

    mutating func importAndRoundTrip(_ bytes: [UInt8], path: String, format: JourneyFormat) {
        let imported = JourneyImporter.importJourney(from: bytes, path: path, format: format)
        checkLocations(imported.diagnostics)
        guard imported.isValid, let journey = imported.journey else { return }
        roundTrip(journey, as: format)
    }

    mutating func checkAnalyseAndExport(_ bytes: [UInt8], path: String) {
        // The same pipeline as every command: the checker keeps the journey it analysed.
        let checked = JourneyChecker().check(bytes: bytes, path: path)
        let report = checked.report
        checkLocations(report.diagnostics + report.findings)
        checkTerminalSafe(TextReporter().report([report]))
        _ = SARIFReporter().report([report])
        guard let journey = checked.journey else { return }
        let findings = checked.findings
        for view in DOTExporter.View.allCases {
            let dot = DOTExporter(view: view).export(journey, findings: findings)
            // Deterministic output: the same journey gives byte-identical DOT.
            expect(dot == DOTExporter(view: view).export(journey, findings: findings),
                   "DOT output (\(view)) is not deterministic")
        }
        for persona in journey.personas.prefix(3) {
            _ = DOTExporter(view: .flow, persona: persona.id).export(journey, findings: findings)
        }
        roundTrip(journey, as: .json)
        roundTrip(journey, as: .xml)
    }

    /// A valid journey written canonically reads back as the same journey, and writing that
    /// again gives the same bytes.
    mutating func roundTrip(_ journey: Journey, as format: JourneyFormat) {
        guard let text = try? JourneyWriter.write(journey, as: format) else {
            // XML cannot carry some control characters; the writer says so instead of writing.
            expect(format == .xml, "only the XML writer may refuse a journey, but the \(format.rawValue) writer did")
            return
        }
        let path = "round-trip." + format.fileExtension
        let reread = JourneyImporter.importJourney(from: Array(text.utf8), path: path, format: format)
        guard reread.isValid, var again = reread.journey else {
            let problems = reread.diagnostics.map { TextReporter().line(for: $0) }.joined(separator: "\n")
            expect(false, "canonical \(format.rawValue) does not read back:\n\(problems)\n\(text)")
            return
        }
        var expected = journey
        if format == .xml { expected.jsonSchema = nil; again.jsonSchema = nil }
        guard expect(again == expected, "canonical \(format.rawValue) reads back as a different journey:\n\(text)") else { return }
        let rewritten = try? JourneyWriter.write(again, as: format)
        expect(rewritten == text, "canonical \(format.rawValue) is not stable when written again:\n\(text)")
    }

    mutating func checkLocations(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
                   "diagnostic at \(diagnostic.location) (\(diagnostic.message)): lines and columns start at 1")
        }
    }

    mutating func checkTerminalSafe(_ text: String) {
        expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E },
               "a report would print an escape sequence or override to the terminal")
    }
}
