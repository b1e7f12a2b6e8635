import Foundation
import Testing

/// Runs programs for tests: the built `cjm`, and real external validators (`dot`, `xmllint`, Python).
enum Subprocess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var outputBytes: Data
        /// Whether the program was stopped for running longer than its time limit.
        var timedOut = false
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input, and waits for it.
    /// A program still running after `timeLimit` is terminated, and the test fails: a hang
    /// (a read from a FIFO, an endless loop) then ends the test instead of the whole run.
    static func run(
        _ executable: String, _ arguments: [String], input: Data? = nil,
        currentDirectory: URL? = nil, environment: [String: String]? = nil,
        timeLimit: Duration? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if let environment { process.environment = environment }
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = inputPipe
        try process.run()
        let timedOut = LockedBox(false)
        if let timeLimit {
            let seconds = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) / 1e18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                guard process.isRunning else { return }
                timedOut.value = true
                process.terminate()
            }
        }
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let errorData = LockedBox(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.value = errorPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let input { inputPipe.fileHandleForWriting.write(input) }
        try? inputPipe.fileHandleForWriting.close()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if timedOut.value {
            Issue.record("\(executable) \(arguments.joined(separator: " ")) ran longer than \(timeLimit.map { "\($0)" } ?? "") and was stopped",
                         sourceLocation: sourceLocation)
        }
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: output, as: UTF8.self),
                      standardError: String(decoding: errorData.value, as: UTF8.self),
                      outputBytes: output, timedOut: timedOut.value)
    }

    /// The full path of a program on PATH, or `nil`.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

}

/// A value shared between threads: a background reader, a cache of probes.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Reads and changes the value in one step, so no other thread sees it half-changed.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&stored) }
    }
}
