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
        let errors = FileHandleOutput.standardError
        let reporter = TextReporter(useColor: errors.wantsColor)
        let bytes: [UInt8]
        switch InputFiles.read(file, maxSize: input.maxFileSize) {
        case .success(let read): bytes = read
        case .failure(let error):
            let report = FileReport.unreadable(path: file, message: "cannot read the journey: \(error.message)", hint: error.hint)
            errors.write(reporter.report([report]))
            throw ExitCode(ExitStatus.invalidInput)
        }
        let imported = JourneyImporter.importJourney(from: bytes, path: file)
        guard imported.isValid, let journey = imported.journey else {
            errors.write(reporter.report([FileReport(path: file, journeyID: imported.journey?.id, diagnostics: imported.diagnostics)]))
            throw ExitCode(ExitStatus.invalidInput)
        }
        let matrix: CoverageMatrix
        do {
            matrix = try CoverageMatrix(journey, persona: persona)
        } catch {
            errors.write("error: \(TerminalText.sanitize(error.message))\n")
            if let hint = error.hint { errors.write("  hint: \(TerminalText.sanitize(hint))\n") }
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
