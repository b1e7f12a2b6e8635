import ArgumentParser
import JourneyKit

/// A journey file that was read, found valid and analysed.
struct LoadedJourney {
    /// The journey with its catalogues' personas and channels.
    var journey: Journey
    /// The journey as its file writes it, `uses` unresolved: what `fmt` and `convert` write back.
    var asWritten: Journey
    /// The analyser's findings about it.
    var findings: [Diagnostic]
    /// The comments of an XML file, for writing it back without losing them.
    var comments: XMLComments
    /// The file's bytes as read, for commands that compare output with input (`fmt`).
    var bytes: [UInt8]
    var format: JourneyFormat
    /// The latest KPI actuals (`--actuals`) compared with their targets.
    var kpiReadings: [KPIReading] = []
    /// Whether the file is a catalogue (`NAME.catalog.json`, `.catalog.xml`), which `fmt` and
    /// `convert` write with the catalogue writer.
    var isCatalog = false
}

/// Loading journeys for commands that need a valid one (diff, fmt, export, matrix …): problems
/// are printed to standard error compiler-style and the command exits with 2.
enum JourneyFiles {
    /// Reads and imports a journey file; prints its diagnostics and throws exit code 2 when
    /// it cannot be read or is invalid.
    ///
    /// - Parameter displayPath: The path to show and to detect the format by, when `path` is a
    ///   temporary file (as git hands to diff drivers).
    /// - Parameter keepingBytes: Whether `bytes` keeps the file (for `fmt`); without it the file
    ///   is released as soon as it is read, not held beside the model while it is checked.
    static func loadValid(
        _ path: String, input: InputOptions, checker: JourneyChecker = JourneyChecker(), displayPath: String? = nil,
        keepingBytes: Bool = true
    ) throws(ExitCode) -> LoadedJourney {
        let shownPath = displayPath ?? input.displayName(for: path)
        let namedFormat = input.format(for: path)
        // Every command resolves catalogues the same way, whichever checker it asked for.
        let checker = checker.validator.catalogs == nil ? checker.readingCatalogs(from: CatalogResolver.shared) : checker
        let bytes: [UInt8]
        switch InputFiles.readOrMap(path, maxSize: input.maxFileSize,
                                    mapFrom: keepingBytes ? nil : InputFiles.mapFrom(forJourneyAt: shownPath)) {
        case .success(.bytes(let read)): bytes = read
        case .success(.mapped(let file)):
            let format = namedFormat ?? JourneyFormat.detect(path: shownPath, bytes: file.bytes)
            let checked = checker.check(mapped: file.bytes, path: shownPath, format: format, readUpTo: file.release(upTo:))
            return try loaded(checked, bytes: [], format: format)
        case .failure(let error): throw DiagnosticOutput.fileError(shownPath, "cannot read the journey: \(error.message)", hint: error.hint)
        }
        let format = namedFormat ?? JourneyFormat.detect(path: shownPath, bytes: bytes)
        if CatalogImporter.isCatalogPath(shownPath) {
            let imported = CatalogImporter.importCatalog(from: bytes, path: shownPath, format: format)
            guard imported.catalog != nil, let document = imported.document else {
                DiagnosticOutput.printToStandardError(imported.diagnostics)
                throw ExitCode(ExitStatus.invalidInput)
            }
            return LoadedJourney(journey: document, asWritten: document, findings: [], comments: imported.comments,
                                 bytes: bytes, format: format, isCatalog: true)
        }
        let kept = keepingBytes ? bytes : []
        return try loaded(checker.check(bytes: consume bytes, path: shownPath, format: format), bytes: kept, format: format)
    }

    /// The valid journey `checked` holds; prints its diagnostics and throws exit code 2 when it is invalid.
    private static func loaded(_ checked: CheckedJourney, bytes: [UInt8], format: JourneyFormat) throws(ExitCode) -> LoadedJourney {
        guard let journey = checked.journey, let asWritten = checked.asWritten else {
            DiagnosticOutput.printToStandardError(checked.report.diagnostics)
            throw ExitCode(ExitStatus.invalidInput)
        }
        return LoadedJourney(journey: journey, asWritten: asWritten, findings: checked.findings, comments: checked.comments,
                             bytes: bytes, format: format, kpiReadings: checked.kpiReadings)
    }
}

extension JourneyFiles {
    /// Writes `journey` canonically in `format`, to `output` (atomically) or standard output.
    /// Warns on standard error about anything the format cannot carry; refuses (exit 2, nothing
    /// written) when the journey holds text the format cannot represent.
    static func writeCanonical(
        _ journey: Journey, as format: JourneyFormat, comments: XMLComments = XMLComments(),
        from sourcePath: String, to output: String?, isCatalog: Bool = false, force: Bool = false
    ) throws(ExitCode) {
        DiagnosticOutput.printToStandardError(JourneyWriter.lossWarnings(for: journey, as: format, comments: comments).map { warning in
            Diagnostic(severity: .warning, message: warning,
                       location: journey.location ?? SourceLocation(file: sourcePath, line: 1, column: 1))
        })
        let text: String
        do {
            text = isCatalog ? try JourneyWriter.writeCatalog(journey, as: format, comments: comments)
                : try JourneyWriter.write(journey, as: format, comments: comments)
        } catch {
            throw DiagnosticOutput.fileError(
                sourcePath, "cannot write the journey as \(format.rawValue.uppercased()): \(error.description)",
                hint: "remove the control character, or keep the journey in JSON")
        }
        try DiagnosticOutput.write(text, to: output, force: force)
    }
}

extension JourneyFiles {
    /// The format to write to `output`: `requested` (`--to`) when given, else the one the
    /// output's name says, else `fallback`. A name that says the other format than `--to` is
    /// refused (exit 2): a `.journey.xml` file holding JSON would be read wrongly later.
    static func outputFormat(requested: JourneyFormat?, output: String?, fallback: JourneyFormat) throws(ExitCode) -> JourneyFormat {
        let named = output.flatMap(JourneyFormat.named(by:))
        guard let requested else { return named ?? fallback }
        if let output, let named, named != requested {
            throw DiagnosticOutput.fileError(
                output, "the output is named as \(named.rawValue.uppercased()) but --to \(requested.rawValue) writes \(requested.rawValue.uppercased())",
                hint: "name the output .\(requested.fileExtension), or leave out --to")
        }
        return requested
    }
}
