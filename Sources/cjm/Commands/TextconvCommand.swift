import ArgumentParser
import JourneyKit

/// `cjm textconv FILE`: a journey as a plain-text outline for git's textconv.
struct TextconvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textconv",
        abstract: "Print a journey as a plain-text outline, one fact per line, for git diff and git log -p.",
        discussion: """
            Configure with: git config diff.cjm.textconv "cjm textconv" and, in .gitattributes, \
            *.journey.json diff=cjm. A file that cannot be read is printed as it is, so git \
            still shows something.
            """
    )

    // Taken as it comes, never as an option: a journey may be named `--help.journey.json`.
    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The journey file git hands over.", valueName: "file"))
    var arguments: [String]

    var file: String { arguments.first ?? "" }

    func validate() throws {
        // Arguments are taken as they come, so help has to be asked for here; a file named
        // `--help` would still be read.
        if arguments == ["--help"] || arguments == ["-h"], access(arguments[0], F_OK) != 0 { throw CleanExit.helpRequest(self) }
        guard arguments.count == 1 else {
            throw ValidationError("git passes one file to a textconv program; got \(arguments.count)")
        }
    }

    @OptionGroup var input: InputOptions

    func run() throws {
        let output = FileHandleOutput.standardOutput
        switch InputFiles.read(file, maxSize: input.maxFileSize) {
        case .failure(let error):
            throw DiagnosticOutput.fileError(file, "cannot read the journey: \(error.message)", hint: error.hint)
        case .success(let bytes):
            // Catalogues are resolved like every command does, so a journey that uses one is valid;
            // the outline shows it as written, its `uses` listed: a catalogue's change is the
            // catalogue file's diff.
            let checker = JourneyChecker.validatingOnly.readingCatalogs(from: CatalogResolver.shared)
            if let journey = checker.check(bytes: bytes, path: file).asWritten {
                output.write(JourneyOutlineWriter.write(journey))
            } else {
                // An invalid journey is still worth diffing line by line.
                output.write(TerminalText.sanitizeKeepingLineBreaks(String(decoding: bytes, as: UTF8.self)))
            }
        }
    }
}
