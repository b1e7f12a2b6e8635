import ArgumentParser
import JourneyKit

/// `cjm check FILE_OR_DIRECTORY...`: validate and analyse journey files, reporting every problem and finding with its location.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate and analyse journey files, reporting every problem and finding with its location.",
        discussion: """
            Reads JSON and XML journeys alike (XML is also checked against the embedded \
            schema/journey.xsd). Validates each file, then runs the analyser rules (`cjm rules` \
            lists them) on every valid journey. Directories are walked recursively for \
            *.journey.json and *.journey.xml files (hidden entries skipped); files are checked on \
            all cores (--jobs), and reported in the order of the arguments, files found in a \
            directory in sorted order. Prints compiler-style lines \
            (path:line:column: warning: message [rule]) and a summary, or a JSON or SARIF 2.1.0 \
            report. Findings are suppressed by "ignore" lists in the journey. Rule severities, \
            failOn and asOf come from the nearest .cjm.json (the file's folder or above, up to the \
            portfolio root) or --config FILE; options given here win. The file name - reads a journey from \
            standard input (--stdin-name, --format-in); named pipes such as <(git show …) are read as files. \
            Exit codes: 0 no finding at or above --fail-on, 1 such findings remain, 2 a file is invalid or \
            cannot be read, or the command was used wrongly. --scenario checks the journey in one of \
            its scenarios; --all-scenarios checks it as written and then in each scenario, heading each \
            report with `path [scenario ID]`; --as-of sets the day stale-evidence compares with. \
            A catalogue (NAME.catalog.json, NAME.catalog.xml) named on its own is validated as a catalogue.
            """
    )

    /// The least severe finding that makes the run fail: the levels `.cjm.json`'s `failOn` takes.
    typealias FailLevel = ProjectConfiguration.FailureLevel

    @Argument(help: ArgumentHelp(
        "Journey files (.journey.json or .journey.xml; other names are read by content; - reads standard input) or directories to search for them.",
        valueName: "file-or-directory"))
    var files: [String]

    @Option(help: ArgumentHelp("Check at most this many files at the same time (default: the number of cores; 1 checks one after another).",
                               valueName: "n"))
    var jobs: Int?

    @Option(help: FormatChoice.help(ReportFormats.check().map(\.id)))
    var format = "text"

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit with 1 when a finding of this severity or above remains: error, warning, info or none (default: the configuration's failOn, else warning).",
                               valueName: "level"))
    var failOn: FailLevel?

    @Flag(name: .customLong("all-scenarios"),
          help: "Check each journey as written and then once in each of its scenarios; the exit code covers all.")
    var allScenarios = false

    @Option(help: ArgumentHelp("Check the files as part of the portfolio below this folder: links to its journeys and its journey ids count.",
                               valueName: "dir"))
    var portfolio: String?

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let portfolio, !JourneyFileWalker.isDirectory(portfolio) {
            throw ValidationError("--portfolio names no folder: \(portfolio)")
        }
        if files.filter({ $0 == InputFiles.standardInput }).count > 1 {
            throw ValidationError("standard input (-) can be read only once; name it once")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1, found \(jobs)")
        }
        try FormatChoice.validate(format, among: ReportFormats.check().map(\.id))
        if allScenarios, analysis.scenario != nil {
            throw ValidationError("--all-scenarios and --scenario cannot be used together; use one of them")
        }
    }

    /// The severity that fails the run for a file under `configuration`: --fail-on, else the
    /// configuration's failOn, else warning; `nil` when nothing fails it.
    private func failLevel(under configuration: ProjectConfiguration?) -> Diagnostic.Severity? {
        if let failOn { return failOn.severity }
        return (configuration?.failOn ?? .warning).severity
    }

    func run() async throws {
        let maxFileSize = input.maxFileSize
        let input = input
        let entries = JourneyFileWalker.expand(files)
        // Each file is checked under its project configuration (the nearest .cjm.json, or
        // --config), each configuration read once.
        var configured = ConfiguredCheckers(analysis: analysis)
        let checkerOfEntry = entries.map { configured.checker(for: $0.path) }
        let configurationOfEntry = entries.map { configured.configuration(for: $0.path) }
        let checker = analysis.configFile == nil ? analysis.checker(configuration: nil) : configured.checker(for: ".")
        let allScenarios = allScenarios
        // Journeys found in a directory form a portfolio: kept for the checks across files.
        let directories = files.filter(JourneyFileWalker.isDirectory)
        let isPortfolio = !directories.isEmpty || portfolio != nil
        let failLevelOfPath = Dictionary(zip(entries, configurationOfEntry).map { entry, configuration in
            (input.displayName(for: entry.path), failLevel(under: configuration))
        }, uniquingKeysWith: { first, _ in first })
        let checked = await Array(zip(entries, checkerOfEntry)).concurrentMap(limit: jobs ?? Platform.processorCount) { entry, checker -> [(FileReport, Journey?)] in
            switch entry {
            case .emptyDirectory(let path):
                return [(FileReport.unreadable(path: path, message: "the directory holds no journey files",
                                               hint: "cjm looks for files named *.journey.json or *.journey.xml in it and below it"), nil)]
            case .skipped(let path, let message, let hint):
                return [(FileReport.unreadable(path: path, message: message, hint: hint), nil)]
            case .file, .undecodableName:
                let path: String, read: Result<InputContents, FileReadError>
                let format = input.format(for: entry.path)
                switch entry {
                case .undecodableName(let display, let raw):
                    path = display
                    read = InputFiles.read(rawPath: raw, as: display, maxSize: maxFileSize).map(InputContents.bytes)
                default:
                    path = input.displayName(for: entry.path)
                    // --all-scenarios takes the bytes whole, so its files are read, not mapped.
                    let mapFrom = allScenarios ? nil : InputFiles.mapFrom(forJourneyAt: path)
                    read = InputFiles.readOrMap(entry.path, maxSize: maxFileSize, mapFrom: mapFrom)
                }
                let bytes: [UInt8]
                switch consume read {
                case .success(.bytes(let read)): bytes = read
                case .success(.mapped(let file)):
                    let checked = checker.check(mapped: file.bytes, path: path, format: format, readUpTo: file.release(upTo:))
                    return [(checked.report, isPortfolio && checked.report.scenario == nil ? checked.journey.map(PortfolioCheck.member) : nil)]
                case .failure(let error): return [(FileReport.unreadable(path: path, message: "cannot read the journey: \(error.message)", hint: error.hint), nil)]
                }
                // A catalogue named on its own is checked as a catalogue: it has no stages, so
                // journey rules have nothing to say about it, and its errors are its own.
                if CatalogImporter.isCatalogPath(path) {
                    let imported = CatalogImporter.importCatalog(from: bytes, path: path)
                    // The catalogue's id stands where a journey's would: what the report names it by.
                    return [(FileReport(path: path, journeyID: imported.catalog?.id, diagnostics: imported.diagnostics), nil)]
                }
                // Handed over, so that the checker can release the file's bytes once it is read.
                // Only the journey as written takes part in the portfolio's checks.
                let results = allScenarios ? checker.checkAllScenarios(bytes: consume bytes, path: path, format: format)
                                           : [checker.check(bytes: consume bytes, path: path, format: format)]
                // A finding keeps its journey until its words are printed: with several reports
                // waiting for each other, their words are written out now so that each journey goes.
                let waits = entries.count > 1 || results.count > 1
                return results.map { (waits ? $0.report.writingOutWords() : $0.report, isPortfolio && $0.report.scenario == nil ? $0.journey.map(PortfolioCheck.member) : nil) }
            }
        }.flatMap { $0 }
        let members = portfolio.map { PortfolioCheck.members(of: $0, besides: checked.map(\.0.path), checker: checker, maxFileSize: maxFileSize) }
        let reports = PortfolioCheck.adding(to: checked, directories: directories, portfolio: members, analyzer: checker.analyzer)
        let output = FileHandleOutput.standardOutput
        if let reporter = ReportFormats.check(ReportStyle(useColor: output.wantsColor)).reporter(format) {
            if let streaming = reporter as? any StreamingReporter {
                // Written as it goes: the report of 200,000 findings is never one string in memory.
                streaming.report(reports, chunkSize: 1 << 16, writing: output.write)
            } else {
                output.write(reporter.report(reports))
            }
        }
        if reports.contains(where: { !$0.isValid }) {
            throw ExitCode(ExitStatus.invalidInput)
        }
        let defaultFailLevel = failLevel(under: analysis.configFile == nil ? nil : configured.configuration(for: "."))
        if reports.contains(where: { $0.hasFindings(atOrAbove: failLevelOfPath[$0.path] ?? defaultFailLevel) }) {
            throw ExitCode(ExitStatus.findings)
        }
    }
}

extension ProjectConfiguration.FailureLevel: ExpressibleByArgument {
    /// The raw values, as ArgumentParser's default gives them, without its key path
    /// (`\.rawValue.defaultValueDescription`): the runtime builds a key path from mangled
    /// names, which cost every `cjm check` about 0.6 M instructions at start.
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
}
