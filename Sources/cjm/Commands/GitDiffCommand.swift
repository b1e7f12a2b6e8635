import ArgumentParser
import JourneyKit

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
            are shown in the output. When a side does not validate (a working copy mid-edit), \
            the driver prints its located errors and then a plain line diff of the two files.
            """
    )

    // Taken as they come, never as options: a journey may be named `-notes.journey.json`.
    @Argument(parsing: .captureForPassthrough,
              help: ArgumentHelp("The arguments git passes to an external diff driver.", valueName: "git-argument"))
    var arguments: [String]

    @OptionGroup var input: InputOptions

    func validate() throws {
        // Arguments are taken as they come, so help has to be asked for here.
        if arguments == ["--help"] || arguments == ["-h"] { throw CleanExit.helpRequest(self) }
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
            let comparison = JourneyComparison(
                old: old?.journey, oldFindings: old?.findings ?? [], oldPath: old == nil ? "/dev/null" : "a/" + path,
                new: new?.journey, newFindings: new?.findings ?? [], newPath: new == nil ? "/dev/null" : "b/" + newName)
            DiffTextReporter(useColor: false).report(comparison, chunkSize: 1 << 16) { output.write($0) }
        } catch let error as ExitCode {
            // Git treats a failing driver as fatal for the whole diff; say what went wrong, and
            // show the change line by line so that a reviewer still sees it mid-edit.
            output.write("cjm could not compare this journey by meaning (exit \(error.rawValue)):\n")
            let sides = [(file: arguments[1], name: path), (file: arguments[4], name: newName)]
            let reporter = TextReporter(useColor: false)
            for side in sides where side.file != "/dev/null" {
                let problems = self.problems(in: side.file, as: side.name)
                if !problems.isEmpty { output.write(problems.sorted().map(reporter.line(for:)).joined(separator: "\n") + "\n") }
            }
            let texts = sides.map { side in
                side.file == "/dev/null" ? "" : (try? InputFiles.read(side.file, maxSize: input.maxFileSize).get()).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            output.write("\n" + LineDiff.unified(texts[0], texts[1], oldName: arguments[1] == "/dev/null" ? "/dev/null" : "a/" + path,
                                                 newName: arguments[4] == "/dev/null" ? "/dev/null" : "b/" + newName))
        }
    }

    /// The errors that keep a side from being compared, located in the file as git names it.
    private func problems(in file: String, as displayPath: String) -> [Diagnostic] {
        switch InputFiles.read(file, maxSize: input.maxFileSize) {
        case .failure(let error):
            return [.error("cannot read the journey: \(error.message)", at: SourceLocation(file: displayPath, line: 1, column: 1), hint: error.hint)]
        case .success(let bytes):
            let format = JourneyFormat.detect(path: displayPath, bytes: bytes)
            if CatalogImporter.isCatalogPath(displayPath) {
                return CatalogImporter.importCatalog(from: bytes, path: displayPath, format: format).diagnostics.filter { $0.severity == .error }
            }
            let checked = JourneyChecker().readingCatalogs(from: CatalogResolver.shared).check(bytes: bytes, path: displayPath, format: format)
            return checked.journey == nil ? checked.report.diagnostics.filter { $0.severity == .error } : []
        }
    }

    /// The journey in a file git handed over, `nil` for /dev/null (an added or deleted file).
    private func load(_ file: String, as displayPath: String) throws -> LoadedJourney? {
        guard file != "/dev/null" else { return nil }
        // Its bytes go once it is imported: the other side's journey is held meanwhile.
        return try JourneyFiles.loadValid(file, input: input, displayPath: displayPath, keepingBytes: false)
    }
}
