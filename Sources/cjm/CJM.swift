import ArgumentParser
import JourneyKit

/// The `cjm` command: customer journey maps as code.
@main
struct CJM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cjm",
        abstract: "Customer journey maps as code: check, analyse and draw journeys kept in text files.",
        discussion: """
            A journey file (NAME.journey.json or NAME.journey.xml) describes personas, channels, stages and \
            touchpoints. Exit codes: 0 success, 1 findings at or above the failure level, \
            2 invalid input or usage error.
            """,
        version: JourneyKit.version,
        subcommands: [
            CheckCommand.self, RulesCommand.self, MatrixCommand.self,
            ExportCommand.self, RenderCommand.self,
            ConvertCommand.self, FormatCommand.self,
            DiffCommand.self, GitDiffCommand.self, TextconvCommand.self,
            ImportCommand.self, ConformCommand.self, PortfolioCommand.self,
            ReportCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command line, turning every error into a message and an exit code.
    ///
    /// Usage errors exit with 2 (not ArgumentParser's 64) so that scripts see one code for
    /// "cjm could not do what was asked".
    static func main() async {
        // Writing to a closed pipe (`cjm check | head`, a `dot` that exited early) must be an
        // error cjm reports, not a fatal signal; only the executable sets this process-wide.
        Platform.ignoreBrokenPipe()
        // On Linux the Swift runtime reads the arguments from /proc/self/cmdline; without /proc
        // they come back empty, and cjm would print its help and exit 0 as if asked for nothing.
        guard !CommandLine.arguments.isEmpty else {
            FileHandleOutput.standardError.write("cjm: error: cannot read the command line: /proc is not mounted, and the Swift runtime reads the arguments from /proc/self/cmdline\n  hint: mount /proc (mount -t proc proc /proc) in the container or chroot\n")
            exit(withError: ExitCode(ExitStatus.invalidInput))
        }
        if let message = unknownCommandMessage(Array(CommandLine.arguments.dropFirst())) {
            FileHandleOutput.standardError.write(message)
            exit(withError: ExitCode(ExitStatus.invalidInput))
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // Usage errors quote the arguments, which may hold escape sequences.
                FileHandleOutput.standardError.write(TerminalText.sanitizeKeepingLineBreaks(fullMessage(for: error)) + "\n")
                exit(withError: ExitCode(ExitStatus.invalidInput))
            }
            if code.rawValue == ExitStatus.findings {
                // A report with findings is written to standard output too. (Not for --help:
                // ArgumentParser prints it after this, so standard output must stay open.)
                exitIfStandardOutputFailed()
            }
            exit(withError: error)
        }
        exitIfStandardOutputFailed()
    }

    /// Exits with 2 and a message when any write to standard output failed: the output is
    /// then incomplete, whatever the command found.
    private static func exitIfStandardOutputFailed() {
        guard let failure = FileHandleOutput.finishStandardOutput() else { return }
        FileHandleOutput.standardError.write("cjm: error: cannot write to standard output: \(failure); the output is incomplete\n")
        exit(withError: ExitCode(ExitStatus.invalidInput))
    }

    /// The message for a first argument that names no command (`cjm chek`), with the nearest
    /// command; `nil` when the first argument is a command, an option, or absent.
    static func unknownCommandMessage(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
        guard !names.contains(first) else { return nil }
        let hint = Suggestion.hint(for: first, among: names, fallback: "`cjm --help` lists the commands")
            ?? "`cjm --help` lists the commands"
        return "error: unknown command \"\(TerminalText.sanitize(first))\"\n  hint: \(hint)\n"
    }
}

/// The exit codes every command uses.
enum ExitStatus {
    static let success: Int32 = 0
    /// Findings at or above the failure level remain (or, for `diff`, the journeys differ).
    static let findings: Int32 = 1
    /// The input was invalid or the command was used wrongly.
    static let invalidInput: Int32 = 2
}
