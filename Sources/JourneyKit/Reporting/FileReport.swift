/// What `cjm check` found in one file.
public struct FileReport: Sendable, Hashable {
    /// The path as the user named it.
    public var path: String
    /// The journey's id, when the file could be read far enough to find it.
    public var journeyID: String?
    /// Validation problems: the file's syntax, fields, ids and references.
    public var diagnostics: [Diagnostic]
    /// Analyser findings about the journey itself; empty when the file is invalid.
    public var findings: [Diagnostic]
    /// The scenario the journey was checked in (`--scenario`, `--all-scenarios`); `nil` for the journey as written.
    public var scenario: String?

    /// The report of one file.
    public init(path: String, journeyID: String?, diagnostics: [Diagnostic], findings: [Diagnostic] = [], scenario: String? = nil) {
        self.path = path
        self.journeyID = journeyID
        self.diagnostics = diagnostics
        self.findings = findings
        self.scenario = scenario
    }

    /// Whether the file is a valid journey (findings do not make it invalid).
    public var isValid: Bool { journeyID != nil && !diagnostics.containsErrors }

    /// A report for a file that could not be read at all (missing, unreadable, too large…).
    public static func unreadable(path: String, message: String, hint: String? = nil) -> FileReport {
        FileReport(path: path, journeyID: nil,
                   diagnostics: [.error(message, at: SourceLocation(file: path, line: 1, column: 1), hint: hint)])
    }
}

extension FileReport {
    /// The same report with its findings' words written out, so that it no longer keeps the
    /// journey they are worded from: a finding writes its message when a reporter reads it,
    /// from the journey it keeps, which is what one large file wants (its journey is in memory
    /// during the analysis anyway) but not a batch whose reports wait for each other, where each
    /// file's journey would stay until everything is printed.
    public func writingOutWords() -> FileReport {
        var report = self
        report.findings = findings.map { $0.writingOutWords() }
        return report
    }

    /// Whether a finding at or above `level` remains; `nil` never fails.
    public func hasFindings(atOrAbove level: Diagnostic.Severity?) -> Bool {
        guard let level else { return false }
        return findings.contains { $0.severity >= level }
    }
}

/// A reporter of `cjm check` that hands its report over in pieces as it writes it, so that the
/// report of 200,000 findings is never one string in memory (`cjm check` writes each piece to
/// standard output as it comes). The pieces joined are the reporter's `report(files)`.
public protocol StreamingReporter: Sendable {
    /// The report of `files`, handed to `emit` in pieces of about `chunkSize` bytes.
    func report(_ files: [FileReport], chunkSize: Int, into emit: (String) -> Void)
    /// The same pieces as UTF-8 bytes, for a caller that writes them to a file or a pipe.
    func report(_ files: [FileReport], chunkSize: Int, writing emit: (UnsafeBufferPointer<UInt8>) -> Void)
}

extension StreamingReporter {
    /// Each piece's bytes, from the pieces as text.
    public func report(_ files: [FileReport], chunkSize: Int, writing emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        report(files, chunkSize: chunkSize) { (piece: String) in
            var piece = piece
            piece.withUTF8(emit)
        }
    }
}
