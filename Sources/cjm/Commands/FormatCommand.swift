import ArgumentParser
import JourneyKit

/// `cjm fmt FILE... [--check]`: rewrite journey files in the canonical form of their format.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite journey files in the canonical form of their format.",
        discussion: """
            Directories are searched recursively for journey files (*.journey.json, *.journey.xml) \
            and catalogues (*.catalog.json, *.catalog.xml), as `cjm check` does. With --check, each \
            file that is not canonical is named with a short unified diff of what fmt would change. Canonical form: keys and attributes in a fixed order, two-space indent, UTF-8, \
            final newline; the same output `cjm convert` writes. XML comments are kept, each \
            before the element it preceded. Files are only written when \
            they change, atomically. Invalid files are reported and left untouched. \
            Exit codes: 0 done (or, with --check, all canonical), 1 with --check: some files \
            are not canonical, 2 invalid input.
            """
    )

    @Argument(help: ArgumentHelp("Journey files to format, or directories to search for them.", valueName: "file"))
    var files: [String]

    @Flag(help: "Write nothing; show for each file not in canonical form a short diff of what fmt would change, and exit 1 if there are any.")
    var check = false

    @OptionGroup var input: InputOptions

    @OptionGroup var writing: WritingOptions

    func run() throws {
        var failed = false
        var notCanonical: [String] = []
        let output = FileHandleOutput.standardOutput
        for entry in JourneyFileWalker.expand(files, includingCatalogs: true) {
            let path: String
            switch entry {
            case .file(let file): path = file
            case .emptyDirectory(let directory):
                _ = DiagnosticOutput.fileError(directory, "the directory holds no journey files",
                                               hint: "cjm looks for files named *.journey.json or *.journey.xml in it and below it")
                failed = true
                continue
            case .skipped(let skipped, let message, let hint):
                _ = DiagnosticOutput.fileError(skipped, message, hint: hint)
                failed = true
                continue
            case .undecodableName(let display, _):
                _ = DiagnosticOutput.fileError(display, "cannot rewrite a file whose name is not valid UTF-8",
                                               hint: "rename the file; `cjm check` can still read it")
                failed = true
                continue
            }
            guard let loaded = try? JourneyFiles.loadValid(path, input: input, checker: .validatingOnly) else {
                failed = true
                continue
            }
            let canonical: String
            do {
                canonical = loaded.isCatalog
                    ? try JourneyWriter.writeCatalog(loaded.asWritten, as: loaded.format, comments: loaded.comments)
                    : try JourneyWriter.write(loaded.asWritten, as: loaded.format, comments: loaded.comments)
            } catch {
                _ = DiagnosticOutput.fileError(path, "cannot write the journey canonically: \(error.description)")
                failed = true
                continue
            }
            guard Array(canonical.utf8) != loaded.bytes else { continue }
            notCanonical.append(path)
            if check {
                output.write(TerminalText.sanitize(path) + ": not in canonical form\n"
                             + ShortDiff.text(old: String(decoding: loaded.bytes, as: UTF8.self), new: canonical,
                                              path: path, label: "as cjm fmt writes it"))
            } else {
                do {
                    try AtomicFile.write(canonical, to: path, force: writing.force)
                    output.write("formatted \(TerminalText.sanitize(path))\n")
                } catch {
                    _ = DiagnosticOutput.fileError(path, "cannot write: \(error.message)", hint: error.hint)
                    failed = true
                }
            }
        }
        if failed { throw ExitCode(ExitStatus.invalidInput) }
        if check, !notCanonical.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}
