import ArgumentParser
import JourneyCSV
import JourneyKit

/// The options that decide what the analyser looks for, shared by every command that reads a
/// journey, so that `--disable` means the same in `check`, `export`, `render`, `matrix` and `diff`.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .customLong("disable"),
            help: ArgumentHelp("Do not run this rule (repeatable); `cjm rules` lists the ids.", valueName: "rule"))
    var disabledRules: [String] = []

    @Option(name: .customLong("scenario"),
            help: ArgumentHelp("Analyse and draw the journey in this scenario: its channel statuses replace the journey's.",
                               valueName: "id"))
    var scenario: String?

    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("The check date for stale-evidence, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        for rule in disabledRules where Analyzer.rule(withID: rule) == nil {
            throw ValidationError("--disable names unknown rule \"\(rule)\"; \(Analyzer.hint(forUnknownRule: rule))")
        }
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of must be a day of the calendar written YYYY-MM-DD, e.g. 2026-03-14, found \"\(asOf)\"")
        }
    }

    @Option(name: .customLong("config"),
            help: ArgumentHelp("The project configuration to use instead of the nearest .cjm.json (rule severities, failOn, asOf).",
                               valueName: "file"))
    var configFile: String?

    /// `--as-of`, else the configuration's `asOf`, else today.
    func checkDate(configuration: ProjectConfiguration? = nil) -> CalendarDate? {
        asOf.flatMap(CalendarDate.init) ?? configuration?.asOf ?? Today.date
    }

    /// The project configuration for the journey at `path`: `--config`, else the nearest
    /// `.cjm.json` (none without a path). An unreadable or invalid file ends the command
    /// with its located errors and exit code 2.
    func configuration(for path: String?) -> ProjectConfiguration? {
        do throws(ExitCode) {
            if let configFile { return try ProjectConfigurationFile.load(configFile) }
            return try path.flatMap(ProjectConfigurationFile.nearest(to:)).map(ProjectConfigurationFile.load)
        } catch {
            Self.exit(withError: error)
        }
    }

    // MARK: Observed values (issue 20)

    @Option(name: .customLong("actuals"),
            help: ArgumentHelp("KPI actuals to compare with the targets: a CSV with touchpoint, kpi, value and optionally date.",
                               valueName: "file.csv"))
    var actualsFile: String?

    /// The actuals file's rows; a file that cannot be read at all ends the command with exit
    /// code 2 here, so that every command taking these options needs no code of its own.
    var actuals: CSVTable? {
        guard let actualsFile else { return nil }
        do {
            return try CSVFileReader.table(path: actualsFile)
        } catch {
            Self.exit(withError: DiagnosticOutput.fileError(actualsFile, "cannot read the actuals: \(error.message)", hint: error.hint, line: error.line))
        }
    }

    /// The pipeline these options describe, with `--config` when given.
    var checker: JourneyChecker {
        checker(configuration: configuration(for: nil))
    }

    /// The pipeline for the journey at `path`, with its project configuration.
    func checker(for path: String) -> JourneyChecker {
        checker(configuration: configuration(for: path))
    }

    /// The pipeline of a served page for the journey at `path`: every scenario (the page offers
    /// them), under the project configuration read anew, so that an edit to it shows on reload;
    /// an invalid configuration is reported on standard error and the journey checked without it.
    func pageChecker(for path: String) -> JourneyChecker {
        var configuration: ProjectConfiguration?
        do throws(ExitCode) {
            if let file = configFile ?? ProjectConfigurationFile.nearest(to: path) {
                configuration = try ProjectConfigurationFile.load(file)
            }
        } catch {
            configuration = nil
        }
        var checker = checker(configuration: configuration)
        checker.scenario = nil
        return checker
    }

    /// The pipeline these options describe under `configuration`: the command line wins
    /// (`--disable` turns a rule off whatever the file says, `--as-of` replaces `asOf`).
    func checker(configuration: ProjectConfiguration?) -> JourneyChecker {
        let analyzer = Analyzer(disabled: Set(disabledRules).union(configuration?.disabledRules ?? []),
                                severities: configuration?.severities ?? [:])
        return JourneyChecker(analyzer: analyzer, actuals: actuals, scenario: scenario, checkDate: checkDate(configuration: configuration))
            .readingCatalogs(from: CatalogResolver.shared)
    }
}

/// The pipelines for journeys in several folders, one per project configuration (`--config`,
/// else each journey's nearest `.cjm.json`), each configuration read once, as `check` does.
struct ConfiguredCheckers {
    let analysis: AnalysisOptions
    /// Whether the pipelines analyse the journey as written, whatever `--scenario` says (a
    /// report page offers every scenario; `--scenario` only picks the one shown first).
    var everyScenario = false
    /// Keyed by the configuration file; "" stands for none.
    private var checkers: [String: JourneyChecker] = [:]
    private var configurations: [String: ProjectConfiguration] = [:]
    /// The nearest `.cjm.json` of each folder: a large portfolio has many journeys in few folders.
    private var nearestByFolder: [String: String?] = [:]

    init(analysis: AnalysisOptions, everyScenario: Bool = false) {
        self.analysis = analysis
        self.everyScenario = everyScenario
    }

    /// The configuration file that applies to the journey at `path`: `--config`, else the
    /// nearest `.cjm.json`; nil for none.
    mutating func configurationFile(for path: String) -> String? {
        if let configFile = analysis.configFile { return configFile }
        let folder = path == InputFiles.standardInput ? "." : CatalogResolver.folder(of: path)
        if let known = nearestByFolder[folder] { return known }
        let nearest = ProjectConfigurationFile.nearest(to: path)
        nearestByFolder[folder] = nearest
        return nearest
    }

    /// The configuration of the journey at `path`, each file read once; an invalid one ends
    /// the command (exit 2).
    mutating func configuration(for path: String) -> ProjectConfiguration? {
        guard let file = configurationFile(for: path) else { return nil }
        if let known = configurations[file] { return known }
        let configuration = analysis.configuration(for: path)
        configurations[file] = configuration
        return configuration
    }

    /// The pipeline for the journey at `path`, one per configuration.
    mutating func checker(for path: String) -> JourneyChecker {
        let key = configurationFile(for: path) ?? ""
        if let known = checkers[key] { return known }
        var checker = analysis.checker(configuration: configuration(for: path))
        if everyScenario { checker.scenario = nil }
        checkers[key] = checker
        return checker
    }
}

/// Validates a `--format` value against the ids of the reporters registered for a command.
enum FormatChoice {
    /// `Output format: text, json or sarif.` for the reporters' ids.
    static func help(_ ids: [String]) -> ArgumentHelp {
        ArgumentHelp("Output format: " + listed(ids) + ".", valueName: "format")
    }

    static func validate(_ value: String, among ids: [String]) throws {
        guard !ids.contains(value) else { return }
        let hint = Suggestion.hint(for: value, among: ids, fallback: "use " + listed(ids)) ?? "use " + listed(ids)
        throw ValidationError("unknown format \"\(value)\"; \(hint)")
    }

    private static func listed(_ ids: [String]) -> String {
        ids.count < 2 ? ids.joined() : ids.dropLast().joined(separator: ", ") + " or " + ids[ids.count - 1]
    }
}
