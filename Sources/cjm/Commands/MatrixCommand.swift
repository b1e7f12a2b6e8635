import ArgumentParser
import JourneyKit

/// `cjm matrix FILE`: the coverage table of a journey, stages by channels.
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Print the coverage table of a journey: stages as columns, channels as rows.",
        discussion: """
            Each cell lists the touchpoints of that stage on that channel; touchpoints without a channel \
            get a "(no channel)" row and channels that are not live are marked (planned) or (retired). \
            With --persona, touchpoints that do not reach the persona are marked ✗ and a last row \
            "Reaches PERSONA" says yes, GAP (no touchpoint of the stage reaches the persona) or — (the stage has no touchpoints) for each stage. Exit codes: 0 printed, 2 invalid journey \
            or usage error.
            """
    )

    @Argument(help: ArgumentHelp("A journey file (.journey.json or .journey.xml).", valueName: "file"))
    var file: String

    @Option(help: FormatChoice.help(ReportFormats.matrix().map(\.id)))
    var format = "text"

    @Option(help: ArgumentHelp("Show the gaps of this persona (its id).", valueName: "id"))
    var persona: String?

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        try FormatChoice.validate(format, among: ReportFormats.matrix().map(\.id))
    }

    func run() throws {
        let journey = try JourneyFiles.loadValid(file, input: input, checker: analysis.checker).journey
        let matrix: CoverageMatrix
        do {
            matrix = try CoverageMatrix(journey, persona: persona)
        } catch {
            DiagnosticOutput.printToStandardError([error.diagnostic(in: journey)])
            throw ExitCode(ExitStatus.invalidInput)
        }
        let output = FileHandleOutput.standardOutput
        if let reporter = ReportFormats.matrix(ReportStyle(useColor: output.wantsColor)).reporter(format) {
            output.write(reporter.report(matrix))
        }
    }
}
