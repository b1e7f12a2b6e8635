import ArgumentParser
import JourneyKit

/// Loading journeys for commands that need a valid one (diff, fmt, export …): problems are
/// printed to standard error compiler-style and the command exits with 2.
enum JourneyFiles {
    /// Reads and imports a journey file; prints its diagnostics and throws exit code 2 when
    /// it cannot be read or is invalid.
    static func loadValid(_ path: String, input: InputOptions, displayPath: String? = nil,
                          format: JourneyFormat? = nil) throws -> ImportedJourney {
        let shownPath = displayPath ?? path
        let bytes: [UInt8]
        switch InputFiles.read(path, maxSize: input.maxFileSize) {
        case .success(let read): bytes = read
        case .failure(let error):
            let report = FileReport.unreadable(path: shownPath, message: "cannot read the journey: \(error.message)", hint: error.hint)
            printDiagnostics(report.diagnostics)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let detected = format ?? JourneyFormat.detect(path: displayPath ?? path, bytes: bytes)
        let imported = JourneyImporter.importJourney(from: bytes, path: shownPath, format: detected)
        guard imported.isValid else {
            printDiagnostics(imported.diagnostics)
            throw ExitCode(ExitStatus.invalidInput)
        }
        return imported
    }

    /// Prints diagnostics to standard error, compiler-style.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let output = FileHandleOutput.standardError
        let reporter = TextReporter(useColor: output.wantsColor)
        for diagnostic in diagnostics {
            output.write(reporter.line(for: diagnostic) + "\n")
        }
    }
}
