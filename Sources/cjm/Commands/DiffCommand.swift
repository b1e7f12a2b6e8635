import ArgumentParser
import JourneyKit

/// `cjm diff OLD NEW`: what changed between two versions of a journey.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a journey (JSON or XML, in any mix).",
        discussion: """
            Elements are matched by id: touchpoints added, removed, moved to another stage or \
            edited (each field old → new), the same for personas, channels and stages, \
            reordering, and the analyser findings the change introduced or resolved. \
            --format dot draws the new journey with added elements in green, changed ones in \
            amber and removed touchpoints as dashed ghosts where they used to be: render it \
            with `dot -Tpng` for a review meeting. \
            Exit codes: 0 the journeys are the same, 1 they differ, 2 invalid input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, dot
    }

    @Argument(help: ArgumentHelp("The old version of the journey.", valueName: "old"))
    var oldPath: String

    @Argument(help: ArgumentHelp("The new version of the journey.", valueName: "new"))
    var newPath: String

    @Option(help: "Output format: text, json, or dot (the new journey's flow diagram with the changes drawn on it).")
    var format: Format = .text

    @OptionGroup var input: InputOptions

    func run() throws {
        let old = try JourneyFiles.loadValid(oldPath, input: input)
        let new = try JourneyFiles.loadValid(newPath, input: input)
        let diff = JourneyDiff.compare(old: old.journey, new: new.journey)
        let output = FileHandleOutput.standardOutput
        switch format {
        case .text: output.write(DiffTextReporter(useColor: output.wantsColor).report(diff, oldPath: oldPath, newPath: newPath))
        case .json: output.write(DiffJSONReporter().report(diff))
        case .dot:
            let changes = DiagramChanges(diff, old: old.journey)
            output.write(DOTExporter(showsFindings: false).export(new.journey, changes: changes))
        }
        if !diff.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}

/// `cjm git-diff`: the external diff driver git calls with its seven (or nine) arguments.
struct GitDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-diff",
        abstract: "Git external diff driver: prints the semantic diff of a journey file.",
        discussion: """
            Configure with: git config diff.cjm.command "cjm git-diff" and, in .gitattributes, \
            *.journey.json diff=cjm and *.journey.xml diff=cjm. Git passes: path old-file \
            old-hex old-mode new-file new-hex new-mode [new-path rename-info]; /dev/null \
            stands for a side that does not exist. Always exits 0, as git requires; problems \
            are shown in the output.
            """
    )

    @Argument(help: ArgumentHelp("The arguments git passes to an external diff driver.", valueName: "git-argument"))
    var arguments: [String]

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard arguments.count == 7 || arguments.count == 9 else {
            throw ValidationError("git passes 7 arguments (9 for a rename) to a diff driver; got \(arguments.count)")
        }
    }

    func run() throws {
        let path = arguments[0]
        let newName = arguments.count == 9 ? arguments[7] : path
        let output = FileHandleOutput.standardOutput
        output.write("diff --cjm a/\(TerminalText.sanitize(path)) b/\(TerminalText.sanitize(newName))\n")
        do {
            let old = try load(arguments[1], as: path)
            let new = try load(arguments[4], as: newName)
            let diff = JourneyDiff.compare(old: old, new: new)
            let report = DiffTextReporter(useColor: false)
                .report(diff, oldPath: old == nil ? "/dev/null" : "a/" + path, newPath: new == nil ? "/dev/null" : "b/" + newName)
            output.write(report)
        } catch let error as ExitCode {
            // Git treats a failing driver as fatal for the whole diff; say what went wrong instead.
            output.write("cjm could not compare this journey (exit \(error.rawValue)); see the messages above\n")
        }
    }

    /// The journey in a file git handed over, `nil` for /dev/null (an added or deleted file).
    private func load(_ file: String, as displayPath: String) throws -> Journey? {
        guard file != "/dev/null" else { return nil }
        return try JourneyFiles.loadValid(file, input: input, displayPath: displayPath).journey
    }
}

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

    @Argument(help: ArgumentHelp("The journey file git hands over.", valueName: "file"))
    var file: String

    @OptionGroup var input: InputOptions

    func run() throws {
        let output = FileHandleOutput.standardOutput
        switch InputFiles.read(file, maxSize: input.maxFileSize) {
        case .failure(let error):
            throw DiagnosticOutput.fileError(file, "cannot read the journey: \(error.message)", hint: error.hint)
        case .success(let bytes):
            let imported = JourneyImporter.importJourney(from: bytes, path: file)
            if let journey = imported.journey, imported.isValid {
                output.write(JourneyOutlineWriter.write(journey))
            } else {
                // An invalid journey is still worth diffing line by line.
                output.write(TerminalText.sanitizeKeepingLineBreaks(String(decoding: bytes, as: UTF8.self)))
            }
        }
    }
}
