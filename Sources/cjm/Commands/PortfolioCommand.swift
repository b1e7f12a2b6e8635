import ArgumentParser
import JourneyKit

/// `cjm portfolio DIR`: every journey below a folder at once — channels, personas and owners
/// across journeys, and what retiring or launching a channel would change.
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Summarise the journeys below a folder: channels, personas and owners across them, and channel what-ifs.",
        discussion: """
            Reads every *.journey.json and *.journey.xml file below DIR, with the catalogues they use, and reports \
            the journeys, which journeys use each channel, which reach each persona, and each owner's touchpoints \
            and moments of truth. --retire and --launch set a channel's status in every journey and list the \
            findings this introduces and resolves. See docs/portfolios.md. Exit codes: 0 fine, 1 the what-if \
            introduces findings at or above --fail-on, 2 invalid input or usage error.
            """
    )

    @Argument(help: ArgumentHelp("The portfolio's folder.", valueName: "dir"))
    var directory: String

    @Option(help: FormatChoice.help(ReportFormats.portfolio().map(\.id)))
    var format = "text"

    @Option(help: ArgumentHelp("What if this channel were retired in every journey (repeatable).", valueName: "channel"))
    var retire: [String] = []

    @Option(help: ArgumentHelp("What if this channel were live in every journey (repeatable).", valueName: "channel"))
    var launch: [String] = []

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit with 1 when the what-if introduces a finding of this severity or above: error, warning, info or none.",
                               valueName: "level"))
    var failOn: CheckCommand.FailLevel = .warning

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        try FormatChoice.validate(format, among: ReportFormats.portfolio().map(\.id))
        if let both = retire.first(where: launch.contains) {
            throw ValidationError("channel \"\(both)\" is both retired and launched; name it once")
        }
    }

    func run() throws {
        let checker = analysis.checker(for: directory)
        var reports: [FileReport] = []
        var journeys: [PortfolioJourney] = []
        var catalogs: [String: Catalog] = [:]
        for entry in JourneyFileWalker.expand([directory]) {
            switch entry {
            case .emptyDirectory(let path):
                reports.append(.unreadable(path: path, message: "the directory holds no journey files",
                                           hint: "cjm looks for files named *.journey.json or *.journey.xml in it and below it"))
            case .skipped(let path, let message, let hint):
                reports.append(.unreadable(path: path, message: message, hint: hint))
            case .undecodableName(let display, _):
                reports.append(.unreadable(path: display, message: "cannot read a journey whose file name is not valid UTF-8 in a portfolio",
                                           hint: "rename the file"))
            case .file(let path):
                switch InputFiles.read(path, maxSize: input.maxFileSize) {
                case .failure(let error):
                    reports.append(.unreadable(path: path, message: "cannot read the journey: \(error.message)", hint: error.hint))
                case .success(let bytes):
                    let checked = checker.check(bytes: bytes, path: path)
                    reports.append(checked.report)
                    guard let journey = checked.journey, let written = checked.asWritten else { continue }
                    journeys.append(PortfolioJourney(path: path, journey: journey, findings: checked.findings))
                    for use in written.uses {
                        if case .found(let catalog) = CatalogResolver.shared.catalog(use, usedBy: path) {
                            catalogs[catalog.location?.file ?? catalog.id] = catalog
                        }
                    }
                }
            }
        }
        let additions = PortfolioLinks.check(journeys.map { ($0.path, $0.journey) }, analyzer: checker.analyzer)
        for index in journeys.indices {
            journeys[index].findings = (journeys[index].findings + (additions[journeys[index].path]?.findings ?? [])).sorted()
        }
        for index in reports.indices {
            reports[index].diagnostics += additions[reports[index].path]?.diagnostics ?? []
        }
        let invalid = reports.filter { !$0.isValid }
        guard invalid.isEmpty else {
            DiagnosticOutput.printToStandardError(invalid.flatMap { report in
                report.diagnostics.isEmpty ? [] : report.diagnostics
            })
            throw ExitCode(ExitStatus.invalidInput)
        }
        let changes = retire.map { ChannelStatusChange(channel: $0, status: .retired) }
            + launch.map { ChannelStatusChange(channel: $0, status: .live) }
        let portfolio = PortfolioAnalysis.report(
            journeys, catalogs: catalogs.keys.sorted().compactMap { catalogs[$0] }, changes: changes, analyzer: checker.analyzer)
        if let unknown = changes.first(where: { change in !portfolio.channels.contains { $0.id == change.channel } }) {
            throw ValidationError("no journey or catalogue of the portfolio defines channel \"\(unknown.channel)\"")
        }
        let output = FileHandleOutput.standardOutput
        if let reporter = ReportFormats.portfolio(ReportStyle(useColor: output.wantsColor)).reporter(format) {
            output.write(reporter.report(portfolio))
        }
        if let threshold = failOn.severity, let whatIf = portfolio.whatIf, whatIf.introduced.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(ExitStatus.findings)
        }
    }
}
