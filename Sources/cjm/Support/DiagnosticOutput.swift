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
        try write(to: path, force: force) { [bytes] write in write(bytes) }
    }

    /// Writes output that `produce` hands to its `write` in pieces, each piece as it comes: to
    /// standard output, or to `path` atomically (replaced only once every piece is written), so
    /// that a large diagram is never held whole. A failed write skips the pieces after it, and
    /// is reported once `produce` returns.
    static func write(to path: String?, force: Bool = false, pieces produce: (_ write: ([UInt8]) -> Void) -> Void) throws(ExitCode) {
        guard let path else {
            produce { piece in piece.withUnsafeBufferPointer { FileHandleOutput.standardOutput.write($0) } }
            return
        }
        do {
            try AtomicFile.write(to: path, force: force) { descriptor in
                var failure: String?
                produce { piece in
                    if failure == nil { failure = AtomicFile.writeAll(piece, to: descriptor) }
                }
                return failure
            }
        } catch {
            throw fileError(path, "cannot write the output: \(error.message)", hint: error.hint)
        }
    }
}
