import ArgumentParser
import JourneyKit

extension DOTExporter.View: ExpressibleByArgument {}

/// The options `cjm export` and `cjm render` share: which journey, which view, whose view.
struct DiagramOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The journey file (.journey.json or .journey.xml).", valueName: "file"))
    var file: String

    @Option(help: "What to draw: flow (touchpoints and their next steps, stage by stage) or matrix (channels × stages).")
    var view: DOTExporter.View = .flow

    @Option(help: ArgumentHelp("Only the touchpoints aimed at this persona, and only its findings.", valueName: "id"))
    var persona: String?

    @Flag(name: .customLong("no-findings"), help: "Do not draw the analyser's findings (unserved touchpoints, broken handoffs, channel gaps).")
    var noFindings = false

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var input: InputOptions

    /// The exporter these options describe.
    var exporter: DOTExporter {
        DOTExporter(view: view, persona: persona, showsFindings: !noFindings)
    }

    /// Reads, validates and analyses the journey through the one pipeline (so `--disable`
    /// applies), and checks `--persona`; `--no-findings` leaves the findings out.
    ///
    /// Problems are printed to standard error as located diagnostics and end the command with
    /// exit code 2, before anything is written.
    func load() throws(ExitCode) -> (journey: Journey, findings: [Diagnostic]) {
        let loaded = try JourneyFiles.loadValid(file, input: input, checker: analysis.checker)
        let journey = loaded.journey
        if let persona {
            do {
                _ = try journey.persona(withID: persona)
            } catch {
                DiagnosticOutput.printToStandardError([error.diagnostic(in: journey)])
                throw ExitCode(ExitStatus.invalidInput)
            }
        }
        return (journey, noFindings ? [] : loaded.findings)
    }

    /// The DOT source of the diagram these options describe.
    func dotSource() throws(ExitCode) -> String {
        let (journey, findings) = try load()
        return exporter.export(journey, findings: findings)
    }
}
