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
            "Reaches PERSONA" says yes, GAP (no touchpoint of the stage reaches the persona) or — (the stage has no touchpoints) for each stage. \
            The text table fits the terminal's width (COLUMNS, else 100 characters): cell texts are \
            wrapped, and the stages are split over several tables when they still do not fit. \
            Exit codes: 0 printed, 2 invalid journey or usage error.
            """
    )

    @Argument(help: ArgumentHelp("A journey file (.journey.json or .journey.xml; - reads standard input).", valueName: "file"))
    var file: String

    @Option(help: FormatChoice.help(ReportFormats.matrix().map(\.id)))
    var format = "text"

    @Option(help: ArgumentHelp("Show the gaps of this persona (its id).", valueName: "id"))
    var persona: String?

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var input: InputOptions

    /// The width of the text table: `COLUMNS` when it is a number, else 100.
    static var terminalWidth: Int {
        getenv("COLUMNS").flatMap { Int(String(cString: $0)) }.flatMap { $0 > 0 ? $0 : nil } ?? 100
    }

    func validate() throws {
        try FormatChoice.validate(format, among: ReportFormats.matrix().map(\.id))
    }

    func run() throws {
        let journey = try JourneyFiles.loadValid(file, input: input, checker: analysis.checker(for: file)).journey
        let matrix: CoverageMatrix
        do {
            matrix = try CoverageMatrix(journey, persona: persona)
        } catch {
            DiagnosticOutput.printToStandardError([error.diagnostic(in: journey)])
            throw ExitCode(ExitStatus.invalidInput)
        }
        let output = FileHandleOutput.standardOutput
        if let reporter = ReportFormats.matrix(ReportStyle(useColor: output.wantsColor), width: Self.terminalWidth).reporter(format) {
            output.write(reporter.report(matrix))
        }
    }
}
