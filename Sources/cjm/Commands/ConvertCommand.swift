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
            when FILE is invalid. JSON's "$schema" has no XML form and is dropped with a warning. \
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
        let errors = FileHandleOutput.standardError
        let reporter = TextReporter(useColor: errors.wantsColor)
        let bytes: [UInt8]
        switch InputFiles.read(file, maxSize: input.maxFileSize) {
        case .success(let read): bytes = read
        case .failure(let error):
            let report = FileReport.unreadable(path: file, message: "cannot read the journey: \(error.message)", hint: error.hint)
            errors.write(report.diagnostics.map(reporter.line(for:)).joined(separator: "\n") + "\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let imported = JourneyImporter.importJourney(from: bytes, path: file)
        guard imported.isValid, let journey = imported.journey else {
            let lines = imported.diagnostics.map(reporter.line(for:))
            errors.write((lines + ["\(TerminalText.sanitize(file)): not converted: the journey is invalid"]).joined(separator: "\n") + "\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
        // Warnings (none yet from validation) are still worth showing.
        for diagnostic in imported.diagnostics {
            errors.write(reporter.line(for: diagnostic) + "\n")
        }

        let text: String
        switch format {
        case .json:
            text = JourneyJSONWriter.write(journey)
        case .xml:
            if journey.jsonSchema != nil {
                errors.write("\(TerminalText.sanitize(file)): warning: \"$schema\" is not carried into the XML form (XML has no place for it)\n")
            }
            do {
                text = try JourneyXMLWriter.write(journey)
            } catch {
                errors.write("\(TerminalText.sanitize(file)): error: cannot write the journey as XML: \(TerminalText.sanitize(error.description))\n"
                             + "  hint: remove the control character from the JSON file, or keep the journey in JSON\n")
                throw ExitCode(ExitStatus.invalidInput)
            }
        }

        guard let output else {
            FileHandleOutput.standardOutput.write(text)
            return
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            errors.write("\(TerminalText.sanitize(output)): error: cannot write the converted journey: \(error.message)\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}

extension JourneyFormat: ExpressibleByArgument {}
