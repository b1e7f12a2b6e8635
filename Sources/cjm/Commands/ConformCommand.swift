import ArgumentParser
import JourneyKit

/// `cjm conform FILE --events EVENTS.csv`: checks what customers did against the journey.
struct ConformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conform",
        abstract: "Check an event log against a journey: ad hoc, failing, missing and out-of-order touchpoints.",
        discussion: """
            The event log is a CSV with the columns case, timestamp (ISO 8601), touchpoint and optionally \
            outcome (ok or failed) and persona, in any order; other columns are ignored. Each case's events are \
            walked in time order (rows break ties) and compared with the journey's touchpoints and flows (next). \
            See docs/observed.md. Exit codes: 0 every case conforms, 1 some do not, 2 invalid input or usage error.
            """
    )

    @Argument(help: ArgumentHelp("A journey file (.journey.json or .journey.xml).", valueName: "file"))
    var file: String

    @Option(name: .customLong("events"), help: ArgumentHelp("The event log (CSV).", valueName: "events.csv"))
    var eventsFile: String

    @Option(help: FormatChoice.help(ReportFormats.conform().map(\.id)))
    var format = "text"

    @Option(help: ArgumentHelp("List at most this many deviations (the counts are always complete).", valueName: "n"))
    var maxDeviations = 1_000

    @Option(help: ArgumentHelp("Read the event log in this many parts at once (default: one per core for a log over 8 MB per part); the report is the same.",
                               valueName: "n"))
    var jobs: Int?

    @OptionGroup var input: InputOptions

    func validate() throws {
        try FormatChoice.validate(format, among: ReportFormats.conform().map(\.id))
        guard maxDeviations >= 0 else { throw ValidationError("--max-deviations must be 0 or more") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
    }

    func run() throws {
        let journey = try JourneyFiles.loadValid(file, input: input, checker: .validatingOnly).journey
        let report = try EventLogFile.conformance(of: journey, eventsFile: eventsFile, maxDeviations: maxDeviations, jobs: jobs)
        let output = FileHandleOutput.standardOutput
        if let reporter = ReportFormats.conform(ReportStyle(useColor: output.wantsColor)).reporter(format) {
            output.write(reporter.report(report))
        }
        if !report.allConform { throw ExitCode(ExitStatus.findings) }
    }
}
