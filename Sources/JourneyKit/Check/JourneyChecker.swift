/// A journey file after the whole pipeline: read, validated and (when valid) analysed.
public struct CheckedJourney: Sendable {
    /// What was found: the file's diagnostics and the journey's findings.
    public var report: FileReport
    /// The journey, when the file is valid, with its catalogues' personas and channels
    /// (`Journey.resolved(with:)`); `nil` otherwise.
    public var journey: Journey?
    /// The journey as its file writes it, `uses` unresolved: for `fmt` and `convert`, which never inline.
    public var asWritten: Journey?
    /// The comments of an XML file, for writing it back without losing them.
    public var comments: XMLComments
    /// The latest KPI actuals compared with their targets, when the checker was given actuals.
    public var kpiReadings: [KPIReading]

    /// A checked file: its report, and the journey when it is valid.
    public init(report: FileReport, journey: Journey?, comments: XMLComments = XMLComments(), kpiReadings: [KPIReading] = []) {
        self.report = report
        self.journey = journey
        self.comments = comments
        self.kpiReadings = kpiReadings
        self.asWritten = journey
    }

    /// The findings of the analyser; empty when the file is invalid.
    public var findings: [Diagnostic] { report.findings }
}

/// Reads, validates and analyses journey files: the one pipeline behind every command that
/// reads a journey (check, matrix, export, render, diff …), without any file I/O.
///
/// Options that change what a journey means or what is found in it — disabled rules, the
/// scenario, the check date and actuals — live here, so every command applies them the same way.
public struct JourneyChecker: Sendable {
    /// Checks ids and references after reading; knows which rule ids `ignore` lists may name.
    public var validator: JourneyValidator
    /// Runs on every valid journey; invalid files get no findings.
    public var analyzer: Analyzer
    /// KPI actuals (`--actuals`) to compare with the journey's targets; problems in them are
    /// errors of the check, located in the actuals file.
    public var actuals: CSVTable?
    /// The scenario (`--scenario`) applied to the journey before it is analysed and returned;
    /// a journey without it is an error located at the journey, listing its scenarios.
    public var scenario: String?
    /// The day the journey is checked on (today or `--as-of`), for `stale-evidence`. The
    /// library never reads a clock: the command passes today's date in.
    public var checkDate: CalendarDate?

    /// A checker whose validator accepts in `ignore` lists exactly the ids of the analyser's rules.
    public init(analyzer: Analyzer = Analyzer(), actuals: CSVTable? = nil, scenario: String? = nil, checkDate: CalendarDate? = nil) {
        self.init(validator: JourneyValidator(knownRuleIDs: Set(Analyzer.allRuleIDs)), analyzer: analyzer,
                  actuals: actuals, scenario: scenario, checkDate: checkDate)
    }

    /// A checker that validates but finds nothing: for commands that only rewrite a journey
    /// (`fmt`, `convert`, `textconv`).
    public static var validatingOnly: JourneyChecker { JourneyChecker(analyzer: Analyzer(rules: [])) }

    /// This checker, reading the catalogues that journeys use from `catalogs`.
    public func readingCatalogs(from catalogs: any CatalogSource) -> JourneyChecker {
        var checker = self
        checker.validator.catalogs = catalogs
        return checker
    }

    /// A checker with its own validator, e.g. one that accepts any rule id in `ignore` lists.
    public init(validator: JourneyValidator, analyzer: Analyzer, actuals: CSVTable? = nil,
                scenario: String? = nil, checkDate: CalendarDate? = nil) {
        self.validator = validator
        self.analyzer = analyzer
        self.actuals = actuals
        self.scenario = scenario
        self.checkDate = checkDate
    }

    /// Reads one file's bytes: validation problems, then (when the journey is valid) findings,
    /// with the journey itself — in `scenario`, when one is set — for the commands that draw,
    /// compare or rewrite it.
    ///
    /// The bytes are consumed: they are released as soon as the journey is read, so that a
    /// large file and the analysis of its journey are not in memory at the same time.
    public func check(bytes: consuming [UInt8], path: String, format: JourneyFormat? = nil) -> CheckedJourney {
        let imported = Self.withoutSourceMap(JourneyImporter.importJourney(from: bytes, path: path, format: format, validator: validator))
        _ = consume bytes
        return analyse(imported, path: path, scenario: scenario)
    }

    /// The same for bytes the caller keeps, such as a file mapped into memory: `readUpTo` is told
    /// how far the importer has read, so that the caller can let the pages before go while the
    /// journey is built (see `JourneyImporter.importJourney(from:path:format:validator:readUpTo:)`).
    public func check(mapped buffer: UnsafeBufferPointer<UInt8>, path: String, format: JourneyFormat? = nil,
                      readUpTo: @escaping (Int) -> Void) -> CheckedJourney {
        let imported = Self.withoutSourceMap(JourneyImporter.importJourney(from: buffer, path: path, format: format, validator: validator,
                                                                           readUpTo: readUpTo))
        return analyse(imported, path: path, scenario: scenario)
    }

    /// The report of one file, without keeping its journey: for checking many files at once.
    public func report(bytes: consuming [UInt8], path: String, format: JourneyFormat? = nil) -> FileReport {
        check(bytes: bytes, path: path, format: format).report
    }

    /// `cjm check --all-scenarios`: the report of the journey as written, then one per scenario
    /// in file order (each with its `scenario`). An invalid file gives its one report.
    public func reportsForAllScenarios(bytes: consuming [UInt8], path: String, format: JourneyFormat? = nil) -> [FileReport] {
        checkAllScenarios(bytes: bytes, path: path, format: format).map(\.report)
    }

    /// The same, keeping each checked journey (the first is the journey as written).
    public func checkAllScenarios(bytes: consuming [UInt8], path: String, format: JourneyFormat? = nil) -> [CheckedJourney] {
        let imported = Self.withoutSourceMap(JourneyImporter.importJourney(from: bytes, path: path, format: format, validator: validator))
        _ = consume bytes
        let asWritten = analyse(imported, path: path, scenario: nil)
        guard asWritten.journey != nil, let journey = imported.journey else { return [asWritten] }
        return [asWritten] + journey.scenarios.map { analyse(imported, path: path, scenario: $0.id) }
    }

    /// `imported` without its source map (where each id and reference is in the file): it served
    /// validation, and analysis locates findings by the model's own locations. Released before the
    /// analysis, which it outlived: 8 MB for a 100k journey, at the peak of `cjm diff`'s second check.
    private static func withoutSourceMap(_ imported: consuming ImportedJourney) -> ImportedJourney {
        imported.sourceMap = SourceMap()
        return imported
    }

    /// Validation problems, actuals and findings of an imported journey, in `scenario` when given.
    private func analyse(_ imported: ImportedJourney, path: String, scenario scenarioID: String?) -> CheckedJourney {
        var report = FileReport(path: path, journeyID: imported.journey?.id, diagnostics: imported.diagnostics, scenario: scenarioID)
        guard report.isValid, let written = imported.journey else {
            return CheckedJourney(report: report, journey: nil, comments: imported.comments)
        }
        // The validator has read the catalogues already; asking again costs a cache lookup.
        var journey = written.uses.isEmpty ? written : written.resolved(with: validator.resolveCatalogs(of: written).catalogs)
        if let scenarioID {
            do {
                journey = journey.applying(try journey.scenario(withID: scenarioID))
            } catch {
                report.diagnostics.append(.error(error.message, at: journey.location ?? SourceLocation(file: path, line: 1, column: 1),
                                                 hint: error.hint))
                return CheckedJourney(report: report, journey: nil, comments: imported.comments)
            }
        }
        var readings: [KPIReading] = []
        if let actuals {
            let read = KPIActualsReader.read(header: actuals.header, records: actuals.records, file: actuals.file, journey: journey)
            guard read.errors.isEmpty else {
                report.diagnostics += read.errors
                return CheckedJourney(report: report, journey: nil, comments: imported.comments)
            }
            readings = read.readings
        }
        report.findings = analyzer.analyze(AnalyzedJourney(journey, kpiReadings: readings, checkDate: checkDate))
        var checked = CheckedJourney(report: report, journey: journey, comments: imported.comments, kpiReadings: readings)
        checked.asWritten = written
        return checked
    }
}
