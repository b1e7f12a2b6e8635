import Foundation

/// Runs programs for tests: the built `cjm`, and real external validators (`dot`, `xmllint`, Python).
enum Subprocess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var outputBytes: Data
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input, and waits for it.
    static func run(
        _ executable: String, _ arguments: [String], input: Data? = nil,
        currentDirectory: URL? = nil, environment: [String: String]? = nil
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
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: output, as: UTF8.self),
                      standardError: String(decoding: errorData.value, as: UTF8.self),
                      outputBytes: output)
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

    /// Whether this is a CI run, where missing external tools fail tests instead of skipping them.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether a test that needs `tool` should run: always in CI (where a missing tool then
    /// fails the test), elsewhere only when the tool is installed.
    static func shouldRun(needing tool: String) -> Bool {
        isCI || find(tool) != nil
    }

    /// The path of a required external tool; records a failure when it is missing (CI installs them all).
    static func require(_ tool: String) throws -> String {
        guard let path = find(tool) else {
            throw MissingTool(name: tool)
        }
        return path
    }

    struct MissingTool: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not installed; .ci/run installs it (see README prerequisites)" }
    }
}

/// A value shared with a background reader.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
