import JourneyKit

/// Reads journey files for the HTML report (`report`, `serve`): unlike `JourneyFiles.loadValid`,
/// a file that cannot be read or is invalid still becomes a page, showing its located errors.
enum ReportFiles {
    static func read(_ path: String, input: InputOptions, checker: JourneyChecker, key: String? = nil) -> ReportedJourney {
        switch InputFiles.read(path, maxSize: input.maxFileSize) {
        case .success(let bytes):
            return checker.reported(bytes: bytes, path: path, key: key, format: JourneyFormat.detect(path: path, bytes: bytes))
        case .failure(let error):
            let diagnostic = Diagnostic.error("cannot read the journey: \(error.message)",
                                              at: SourceLocation(file: path, line: 1, column: 1), hint: error.hint)
            return ReportedJourney(path: path, key: key, journey: nil, diagnostics: [diagnostic])
        }
    }
}
