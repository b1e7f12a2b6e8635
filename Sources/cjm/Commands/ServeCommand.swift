import ArgumentParser
import JourneyKit
import JourneyServer

/// `cjm serve FILE_OR_DIRECTORY`: a local preview that reloads open pages when a file is saved.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve journeys as live report pages that reload when a file is saved (for workshops and drafting).",
        discussion: """
            Prints `Serving N journeys on http://HOST:PORT/` first, then serves the report's index at / \
            and each journey at /journeys/ID until Ctrl-C (SIGINT) or SIGTERM, then exits 0. An \
            invalid file shows its located errors until the next good save; new files in a served \
            directory appear in the index, and a changed catalogue reloads the journeys that use it. Listens on 127.0.0.1 unless --host says otherwise. \
            See docs/report.md.
            """
    )

    @Argument(help: ArgumentHelp("A journey file or a directory of them.", valueName: "file-or-directory"))
    var paths: [String]

    @Option(help: ArgumentHelp("The address to listen on (default 127.0.0.1: this machine only).", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 lets the system choose.", valueName: "port"))
    var port: UInt16 = 8642

    @Option(help: ArgumentHelp("The persona selected when a page opens.", valueName: "id"))
    var persona: String?

    @Option(help: ArgumentHelp("The language of the words cjm adds (en, es; default: each journey's own).", valueName: "tag"))
    var lang: String?

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var input: InputOptions

    func run() async throws {
        // The server runs for hours: a folder renamed or a link changed meanwhile must count.
        CatalogResolver.shared.remembersResolutions = false
        let paths = paths
        for path in paths where InputFiles.read(path, maxSize: 0).failureMessage == "no such file" {
            throw DiagnosticOutput.fileError(path, "no such file or directory", hint: "check the path")
        }
        if !PreviewServer.isLoopback(host) {
            FileHandleOutput.standardError.write(
                "warning: listening on \(host): the journeys become visible to anyone on the network who can reach this machine\n")
        }
        // The page offers every scenario itself: `--scenario` only chooses the one shown first.
        // Each journey under its own project configuration; a configuration that is invalid
        // at the start ends the command, one that becomes invalid while serving is reported
        // on standard error and the journey checked without it, so that a typo does not stop the server.
        for path in JourneyFileWalker.expand(paths).compactMap({ if case .file(let path) = $0 { path } else { nil } }) {
            _ = analysis.configuration(for: path)
        }
        let analysis = analysis
        let scenario = analysis.scenario
        let input = input
        let server = PreviewServer(PreviewServer.Configuration(
            host: host, port: port,
            listFiles: { JourneyFileWalker.expand(paths).compactMap { if case .file(let path) = $0 { path } else { nil } } },
            load: { path in ReportFiles.read(path, input: input, checker: analysis.pageChecker(for: path)) },
            watchedDirectories: { Self.directories(paths) },
            // A catalogue changed reloads the pages of the journeys that use it.
            dependencies: { path in CatalogResolver.shared.catalogPaths(usedBy: path) },
            report: JourneyReportOptions(persona: persona, scenario: scenario, language: lang)))
        let shownHost = host.contains(":") ? "[\(host)]" : host
        PreviewServer.onStopSignal {
            // Ends the process at once: a graceful stop would wait for the open pages' event
            // streams. Nothing is left half-written, as the server writes no files.
            ServeCommand.exit()
        }
        do {
            try await server.run { count, port in
                FileHandleOutput.standardOutput.write("Serving \(count) \(count == 1 ? "journey" : "journeys") on http://\(shownHost):\(port)/\n")
            }
        } catch {
            FileHandleOutput.standardError.write("error: cannot serve on \(host):\(port): \(error)\n  hint: choose another --port, or --port 0 for any free one\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    /// The directories to watch: each served directory and the folders of the files found in
    /// it, and the folder of each served file (editors that save by renaming replace the file).
    static func directories(_ paths: [String]) -> [String] {
        var directories: [String] = []
        for entry in JourneyFileWalker.expand(paths) {
            switch entry {
            case .file(let path):
                let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                directories.append(folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder)
            case .emptyDirectory(let path):
                directories.append(path)
            case .skipped, .undecodableName:
                // Reported on the pages; nothing to watch there.
                continue
            }
        }
        for path in paths { directories.append(path) }
        var seen: Set<String> = []
        return directories.filter { seen.insert($0).inserted }
    }
}

extension Result where Failure == FileReadError {
    fileprivate var failureMessage: String? {
        if case .failure(let error) = self { error.message } else { nil }
    }
}
