import ArgumentParser
import JourneyKit

extension DOTExporter.View: ExpressibleByArgument {}

/// The options `cjm export` and `cjm render` share: which journey, which view, whose view.
struct DiagramOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The journey file (.journey.json).", valueName: "file"))
    var file: String

    @Option(help: "What to draw: flow (touchpoints and their next steps, stage by stage) or matrix (channels × stages).")
    var view: DOTExporter.View = .flow

    @Option(help: ArgumentHelp("Only the touchpoints aimed at this persona, and only its findings.", valueName: "id"))
    var persona: String?

    @Flag(name: .customLong("no-findings"), help: "Do not draw the analyser's findings (unserved touchpoints, broken handoffs, channel gaps).")
    var noFindings = false

    @OptionGroup var input: InputOptions

    /// The exporter these options describe.
    var exporter: DOTExporter {
        DOTExporter(view: view, persona: persona, showsFindings: !noFindings)
    }

    /// Reads and validates the journey, checks `--persona`, and makes the DOT source.
    ///
    /// Problems are printed to standard error as located diagnostics and end the command with
    /// exit code 2, before anything is written.
    func dotSource() throws -> String {
        let report: (Diagnostic) -> Void = { diagnostic in
            FileHandleOutput.standardError.write(TextReporter(useColor: FileHandleOutput.standardError.wantsColor).line(for: diagnostic) + "\n")
        }
        let bytes: [UInt8]
        switch InputFiles.read(file, maxSize: input.maxFileSize) {
        case .success(let read): bytes = read
        case .failure(let error):
            report(.error("cannot read the journey: \(error.message)", at: SourceLocation(file: file, line: 1, column: 1), hint: error.hint))
            throw ExitCode(ExitStatus.invalidInput)
        }
        let imported = JourneyImporter.importJourney(from: bytes, path: file)
        guard let journey = imported.journey, !imported.diagnostics.containsErrors else {
            imported.diagnostics.forEach(report)
            if imported.diagnostics.isEmpty {
                report(.error("cannot read the journey", at: SourceLocation(file: file, line: 1, column: 1)))
            }
            throw ExitCode(ExitStatus.invalidInput)
        }
        if let persona, let problem = DOTExporter.problem(withPersona: persona, in: journey) {
            report(problem)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let findings = noFindings ? [] : Analyzer().analyze(journey)
        return exporter.export(journey, findings: findings)
    }
}
