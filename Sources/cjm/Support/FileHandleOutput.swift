/// Standard output or standard error, written as UTF-8 without buffering surprises.
///
/// A failed write to standard output (a full disk, `> /dev/full`, a closed pipe) is
/// remembered, later writes are dropped, and ``finishStandardOutput()`` turns it into a
/// message and exit code 2 when the command ends: a truncated output never exits 0.
struct FileHandleOutput {
    let descriptor: Int32

    static let standardOutput = FileHandleOutput(descriptor: 1)
    static let standardError = FileHandleOutput(descriptor: 2)

    /// Why writing to standard output failed first, or `nil`; only the main thread writes.
    nonisolated(unsafe) private static var standardOutputFailure: String?

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// Writes UTF-8 bytes as they are, for output an exporter wrote as bytes.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        if descriptor == 1, FileHandleOutput.standardOutputFailure != nil { return }
        guard let base = bytes.baseAddress else { return }
        let failure = AtomicFile.writeAll(UnsafeRawPointer(base), count: bytes.count, to: descriptor)
        // Standard error has nowhere to report its own failures.
        if let failure, descriptor == 1 { FileHandleOutput.standardOutputFailure = failure }
    }

    /// Closes standard output, so that a failure the system reports only at close is seen
    /// too, and returns the first failure of writing to it, or `nil`.
    static func finishStandardOutput() -> String? {
        if let failure = standardOutputFailure { return failure }
        // EBADF: cjm was started with standard output closed and wrote nothing to it.
        if close(1) != 0, errno != EBADF, errno != EINTR {
            return String(cString: strerror(errno))
        }
        return nil
    }

    /// Whether this output is a terminal and colour is wanted (https://no-color.org).
    var wantsColor: Bool {
        isatty(descriptor) == 1 && getenv("NO_COLOR") == nil && (getenv("TERM").map { String(cString: $0) } ?? "") != "dumb"
    }
}
