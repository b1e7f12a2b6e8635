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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, csv
    }

    @Argument(help: ArgumentHelp("A journey file (.journey.json).", valueName: "file"))
    var file: String

    @Option(help: "Output format: text, markdown or csv.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Show the gaps of this persona (its id).", valueName: "id"))
    var persona: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        let journey = try JourneyFiles.loadValid(file, input: input).journey
        let matrix: CoverageMatrix
        do {
            matrix = try CoverageMatrix(journey, persona: persona)
        } catch {
            DiagnosticOutput.printToStandardError([error.diagnostic(in: journey)])
            throw ExitCode(ExitStatus.invalidInput)
        }
        let output = FileHandleOutput.standardOutput
        switch format {
        case .text: output.write(matrix.text())
        case .markdown: output.write(matrix.markdown())
        case .csv: output.write(matrix.csv())
        }
    }
}
