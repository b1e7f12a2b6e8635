import ArgumentParser
import JourneyKit

/// `cjm convert FILE --to json|xml [-o OUT]`: write a journey in the other format (or re-write
/// it canonically in the same one).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a journey between JSON and XML, losslessly and canonically.",
        discussion: """
            Reads FILE (JSON or XML, by extension or content), checks it, and writes it in the \
            canonical form of the --to format to standard output, or with -o to a file. The file \
            is written atomically: it appears complete or not at all, and nothing is written \
            when FILE is invalid; it refuses to replace FILE with the other format, or to write a file \
            named for the other format. JSON's "$schema" has no XML form and XML comments have no \
            JSON form: each is dropped with a warning (converting XML to XML keeps the comments). \
            Exit codes: 0 converted, 2 the input is invalid or cannot be read or written.
            """
    )

    @Argument(help: ArgumentHelp("The journey file to convert (.journey.json or .journey.xml; - reads standard input).", valueName: "file"))
    var file: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The format to write: json or xml.", valueName: "format"))
    var format: JourneyFormat

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
    var output: String?

    @OptionGroup var writing: WritingOptions

    @OptionGroup var input: InputOptions

    func run() throws {
        let loaded: LoadedJourney
        do {
            loaded = try JourneyFiles.loadValid(file, input: input, checker: .validatingOnly)
        } catch {
            FileHandleOutput.standardError.write("\(TerminalText.sanitize(file)): not converted: the journey is invalid\n")
            throw error
        }
        if let output {
            if format != loaded.format {
                try OutputSafety.refuseOverwritingInput(
                    output, input: file, writing: format.rawValue.uppercased(),
                    hint: "write the \(format.rawValue.uppercased()) to a new .\(format.fileExtension) file; the \(loaded.format.rawValue.uppercased()) would be lost")
            }
            _ = try JourneyFiles.outputFormat(requested: format, output: output, fallback: format)
        }
        try JourneyFiles.writeCanonical(loaded.asWritten, as: format, comments: loaded.comments, from: file, to: output,
                                        isCatalog: loaded.isCatalog, force: writing.force)
    }
}

extension JourneyFormat: ExpressibleByArgument {
    /// The raw values, without ArgumentParser's key path (see `FailureLevel.allValueStrings`):
    /// `--format-in` is an option of every command that reads journeys.
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
}
