/// The work a fuzz target does with one input, shared by the libFuzzer targets in `Fuzz/` and
/// by the tests that replay what the fuzzer found, so a regression file exercises exactly the
/// code that once failed.
///
/// Each stage checks invariants that must hold for any bytes at all and stops the process
/// (`preconditionFailure`) when one does not: the fuzzer then reports the input as a crash.
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

    /// Runs `target` on `bytes`; returns normally when every invariant holds.
    public static func run(_ target: Target, bytes: [UInt8]) {
        switch target {
        case .json: importAndRoundTrip(bytes, path: "fuzz.journey.json", format: .json)
        case .xml: importAndRoundTrip(bytes, path: "fuzz.journey.xml", format: .xml)
        case .pipeline: checkAnalyseAndExport(bytes, path: "fuzz.journey")
        }
    }

    private static func importAndRoundTrip(_ bytes: [UInt8], path: String, format: JourneyFormat) {
        let imported = JourneyImporter.importJourney(from: bytes, path: path, format: format)
        checkLocations(imported.diagnostics, path: path)
        guard imported.isValid, let journey = imported.journey else { return }
        roundTrip(journey, as: format)
    }

    private static func checkAnalyseAndExport(_ bytes: [UInt8], path: String) {
        let report = JourneyChecker().report(bytes: bytes, path: path)
        checkLocations(report.diagnostics + report.findings, path: path)
        checkTerminalSafe(TextReporter().report([report]))
        _ = SARIFReporter().report([report])
        guard report.isValid,
              let journey = JourneyImporter.importJourney(from: bytes, path: path).journey else { return }
        let findings = Analyzer().analyze(journey)
        for view in DOTExporter.View.allCases {
            let dot = DOTExporter(view: view).export(journey, findings: findings)
            // Deterministic output: the same journey gives byte-identical DOT.
            precondition(dot == DOTExporter(view: view).export(journey, findings: findings), "DOT output is not deterministic")
        }
        for persona in journey.personas.prefix(3) {
            _ = DOTExporter(view: .flow, persona: persona.id).export(journey, findings: findings)
        }
        roundTrip(journey, as: .json)
        roundTrip(journey, as: .xml)
    }

    /// A valid journey written canonically reads back as the same journey, and writing that
    /// again gives the same bytes.
    private static func roundTrip(_ journey: Journey, as format: JourneyFormat) {
        guard let text = try? JourneyWriter.write(journey, as: format) else {
            // XML cannot carry some control characters; the writer says so instead of writing.
            precondition(format == .xml, "only the XML writer may refuse a journey")
            return
        }
        let path = "round-trip." + format.fileExtension
        let reread = JourneyImporter.importJourney(from: Array(text.utf8), path: path, format: format)
        guard reread.isValid, var again = reread.journey else {
            let problems = reread.diagnostics.map { TextReporter().line(for: $0) }.joined(separator: "\n")
            preconditionFailure("canonical \(format.rawValue) does not read back:\n\(problems)\n\(text)")
        }
        var expected = journey
        if format == .xml { expected.jsonSchema = nil; again.jsonSchema = nil }
        precondition(again == expected, "canonical \(format.rawValue) reads back as a different journey:\n\(text)")
        let rewritten = try? JourneyWriter.write(again, as: format)
        precondition(rewritten == text, "canonical \(format.rawValue) is not stable when written again")
    }

    private static func checkLocations(_ diagnostics: [Diagnostic], path: String) {
        for diagnostic in diagnostics {
            precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
                         "diagnostic at \(diagnostic.location): lines and columns start at 1")
        }
    }

    private static func checkTerminalSafe(_ text: String) {
        precondition(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E },
                     "a report would print an escape sequence or override to the terminal")
    }
}
