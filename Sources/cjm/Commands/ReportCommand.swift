import ArgumentParser
import JourneyKit

/// `cjm report FILE_OR_DIRECTORY... -o report.html`: one self-contained HTML page for people
/// who do not run a command line.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write journeys as one self-contained HTML page: the map, details, findings, coverage and personas.",
        discussion: """
            The page needs no network (style sheet, script and pictures are inline) and opens from \
            disk in any current browser. A directory stands for the journey files below it; with \
            several journeys the page starts with an index. An invalid file still gets a section \
            with its located errors, as `cjm check` words them. See docs/report.md. \
            Exit codes: 0 written, 2 a file is invalid or unreadable (the page is written all the \
            same), or the output cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("Journey files or directories of them.", valueName: "file-or-directory"))
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file.html"))
    var output: String?

    @Option(help: ArgumentHelp("The persona selected when the page opens.", valueName: "id"))
    var persona: String?

    @Option(help: ArgumentHelp("The language of the words cjm adds (en, es; default: each journey's own).", valueName: "tag"))
    var lang: String?

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var observed: ObservedOptions

    @OptionGroup var input: InputOptions

    func run() throws {
        var files: [ReportedJourney] = []
        // The page offers every scenario itself: `--scenario` only chooses the one shown first.
        var checkers = ConfiguredCheckers(analysis: analysis, everyScenario: true)
        let scenario = analysis.scenario
        for entry in JourneyFileWalker.expand(paths) {
            switch entry {
            case .file(let path):
                try OutputSafety.refuseOverwritingInput(output, input: path, writing: "the report", hint: "name another output file, e.g. report.html")
                files.append(ReportFiles.read(path, input: input, checker: checkers.checker(for: path)))
            case .emptyDirectory(let path):
                throw DiagnosticOutput.fileError(path, "the directory holds no journey files",
                                                 hint: "journey files end in .journey.json or .journey.xml")
            case .skipped(let path, let message, let hint):
                throw DiagnosticOutput.fileError(path, message, hint: hint)
            case .undecodableName(let display, _):
                throw DiagnosticOutput.fileError(display, "cannot report a journey whose file name is not valid UTF-8",
                                                 hint: "rename the file; `cjm check` can still read it")
            }
        }
        for file in files {
            if let persona, let journey = file.journey, !journey.personas.contains(where: { $0.id == persona }), files.count == 1 {
                do {
                    _ = try journey.persona(withID: persona)
                } catch {
                    DiagnosticOutput.printToStandardError([error.diagnostic(in: journey)])
                    throw ExitCode(ExitStatus.invalidInput)
                }
            }
            if let scenario, let journey = file.journey, files.count == 1 {
                do {
                    _ = try journey.scenario(withID: scenario)
                } catch {
                    throw DiagnosticOutput.fileError(file.path, error.message, hint: error.hint)
                }
            }
        }
        if observed.eventsFile != nil || observed.transitionsFile != nil {
            // An event log is of one journey: its touchpoint ids mean nothing to another.
            guard files.count == 1 else {
                throw DiagnosticOutput.fileError(observed.eventsFile ?? observed.transitionsFile ?? "", "an event log is of one journey, and the report has \(files.count)",
                                                 hint: "name one journey file with --events or --transitions")
            }
            if let journey = files[0].journey { files[0].observed = try observed.traffic(for: journey) }
        }
        let page = JourneyReportPage(JourneyReportOptions(persona: persona, scenario: scenario, language: lang))
        try DiagnosticOutput.write(page.html(files), to: output)
        let problems = files.flatMap(\.diagnostics)
        DiagnosticOutput.printToStandardError(problems)
        if files.contains(where: { !$0.isValid }) { throw ExitCode(ExitStatus.invalidInput) }
    }
}
