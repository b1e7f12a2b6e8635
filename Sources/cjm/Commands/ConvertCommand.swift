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
            when FILE is invalid. JSON's "$schema" has no XML form and XML comments have no JSON \
            form: each is dropped with a warning (converting XML to XML keeps the comments). \
            Exit codes: 0 converted, 2 the input is invalid or cannot be read or written.
            """
    )

    @Argument(help: ArgumentHelp("The journey file to convert (.journey.json or .journey.xml).", valueName: "file"))
    var file: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The format to write: json or xml.", valueName: "format"))
    var format: JourneyFormat

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
    var output: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        let loaded: LoadedJourney
        do {
            loaded = try JourneyFiles.loadValid(file, input: input)
        } catch {
            FileHandleOutput.standardError.write("\(TerminalText.sanitize(file)): not converted: the journey is invalid\n")
            throw error
        }
        try JourneyFiles.writeCanonical(loaded.journey, as: format, comments: loaded.imported.comments, from: file, to: output)
    }
}

extension JourneyFormat: ExpressibleByArgument {}
