import ArgumentParser
import JourneyKit

/// `cjm check FILE...`: validate journey files and report every problem with its location.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate journey files and report every problem with its location.",
        discussion: """
            Reads JSON and XML journeys alike (XML is checked against the embedded \
            schema/journey.xsd too). Prints compiler-style diagnostics \
            (path:line:column: error: message) and a summary. \
            Exit codes: 0 all files valid, 2 a file is invalid or cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Journey files (.journey.json or .journey.xml; other names are read by content).", valueName: "file"))
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var input: InputOptions

    func run() throws {
        let checker = JourneyChecker()
        let reports = files.map { path in
            switch InputFiles.read(path, maxSize: input.maxFileSize) {
            case .success(let bytes): checker.check(bytes: bytes, path: path)
            case .failure(let error): FileReport.unreadable(path: path, message: "cannot read the journey: \(error.message)", hint: error.hint)
            }
        }
        let output = FileHandleOutput.standardOutput
        switch format {
        case .text: output.write(TextReporter(useColor: output.wantsColor).report(reports))
        case .json: output.write(JSONReporter().report(reports))
        }
        if reports.contains(where: { !$0.isValid }) {
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
