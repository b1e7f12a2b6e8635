import JourneyKit
import ArgumentParser

/// Prints diagnostics for commands whose standard output is a file's content (`import`,
/// `export`): they go to standard error, compiler-style, so the output stays clean.
enum DiagnosticOutput {
    static func printToStandardError(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let output = FileHandleOutput.standardError
        let reporter = TextReporter(useColor: output.wantsColor)
        output.write(diagnostics.sorted().map(reporter.line(for:)).joined(separator: "\n") + "\n")
    }

    /// Prints one error about a whole file (it cannot be read or written) and returns the exit code to throw.
    static func fileError(_ path: String, _ message: String, hint: String? = nil, line: Int? = nil) -> ExitCode {
        guard !path.isEmpty else {
            // An empty path (`-o ""`) has no place to point at: `:1:1:` would only confuse.
            FileHandleOutput.standardError.write("cjm: error: \(TerminalText.sanitize(message))\n" + (hint.map { "  hint: \(TerminalText.sanitize($0))\n" } ?? ""))
            return ExitCode(ExitStatus.invalidInput)
        }
        printToStandardError([.error(message, at: SourceLocation(file: path, line: line ?? 1, column: 1), hint: hint)])
        return ExitCode(ExitStatus.invalidInput)
    }

    /// Writes `text` to `path` atomically, or to standard output when `path` is nil;
    /// `force` as for ``AtomicFile/write(_:to:force:)``.
    static func write(_ text: String, to path: String?, force: Bool = false) throws(ExitCode) {
        guard path != nil else {
            FileHandleOutput.standardOutput.write(text)
            return
        }
        var bytes = Array(text.utf8)
        try write(bytes: &bytes, to: path, force: force)
    }

    /// Writes UTF-8 bytes as ``write(_:to:force:)`` writes text: output an exporter wrote as
    /// bytes is not made a String (a large diagram would be held twice).
    static func write(bytes: inout [UInt8], to path: String?, force: Bool = false) throws(ExitCode) {
        guard let path else {
            bytes.withUnsafeBufferPointer { FileHandleOutput.standardOutput.write($0) }
            return
        }
        do {
            try AtomicFile.write(bytes: &bytes, to: path, force: force)
        } catch {
            throw fileError(path, "cannot write the output: \(error.message)", hint: error.hint)
        }
    }
}
