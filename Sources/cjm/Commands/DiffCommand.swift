import ArgumentParser
import JourneyKit

/// `cjm diff OLD NEW`: what changed between two versions of a journey.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a journey (JSON or XML, in any mix).",
        discussion: """
            Elements are matched by id: touchpoints added, removed, moved to another stage or \
            edited (each field old → new; list fields as the items put in and taken out), the \
            same for personas, channels and stages, renamed ids (an element that equals a \
            removed one but for its id, or keeps its name and stage), reordering, and the \
            analyser findings the change introduced or resolved. --format json gives each \
            changed element's old and new field values. --format dot draws the new journey \
            with added elements in green, changed ones in amber, removed touchpoints as dashed \
            ghosts and a box of the persona, channel and stage changes; `cjm render NEW \
            --since OLD -o change.png` draws it without a pipe. \
            Exit codes: 0 the journeys are the same, 1 they differ, 2 invalid input.
            """
    )

    @Argument(help: ArgumentHelp("The old version of the journey.", valueName: "old"))
    var oldPath: String

    @Argument(help: ArgumentHelp("The new version of the journey.", valueName: "new"))
    var newPath: String

    @Option(help: FormatChoice.help(ReportFormats.diff().map(\.id)))
    var format = "text"

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        try FormatChoice.validate(format, among: ReportFormats.diff().map(\.id))
    }

    func run() throws {
        // The change is judged by the rules of the journey as it is now.
        let checker = analysis.checker(for: newPath)
        let (oldJourney, oldFindings) = try Self.load(oldPath, input: input, checker: checker)
        let (newJourney, newFindings) = try Self.load(newPath, input: input, checker: checker)
        // The findings are handed over, not copied: the comparison keeps only those introduced
        // and resolved, and 100,000 findings held beside them were 17 MB at the peak.
        let comparison = JourneyComparison(old: oldJourney, oldFindings: consume oldFindings, oldPath: oldPath,
                                           new: newJourney, newFindings: consume newFindings, newPath: newPath)
        let output = FileHandleOutput.standardOutput
        if let reporter = ReportFormats.diff(ReportStyle(useColor: output.wantsColor)).reporter(format) {
            if let streaming = reporter as? any StreamingDiffReporter {
                // Written as it goes: the report of a large change is never one string in memory.
                streaming.report(comparison, chunkSize: 1 << 16) { output.write($0) }
            } else {
                output.write(reporter.report(comparison))
            }
        }
        if !comparison.diff.isEmpty { throw ExitCode(ExitStatus.findings) }
    }

    /// A journey and its findings, and nothing else of what was loaded: the file's bytes go
    /// as soon as it is imported, before its analysis, while the other journey is held (issue
    /// 19, memory).
    private static func load(_ path: String, input: InputOptions, checker: JourneyChecker) throws(ExitCode) -> (journey: Journey, findings: [Diagnostic]) {
        let loaded = try JourneyFiles.loadValid(path, input: input, checker: checker, keepingBytes: false)
        return (loaded.journey, loaded.findings)
    }
}
