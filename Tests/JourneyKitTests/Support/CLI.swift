import Foundation
import Testing

/// Runs the built `cjm` binary, as a user would.
enum CLI {
    /// The `cjm` executable next to the test bundle (SwiftPM builds it because the tests depend on it).
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("cjm")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return Paths.repository.appendingPathComponent(".build/debug/cjm")
    }()

    /// How long one run of `cjm` may take: far more than any test needs, even on a loaded
    /// machine; only a hang reaches it.
    static let timeLimit: Duration = .seconds(120)

    /// Runs `cjm` with `arguments` from the repository root (so sample paths are relative).
    static func run(_ arguments: [String], input: Data? = nil, in directory: URL = Paths.repository,
                    environment: [String: String]? = nil,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Subprocess.Result {
        var environment = environment ?? ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return try Subprocess.run(executable.path, arguments, input: input, currentDirectory: directory, environment: environment,
                                  timeLimit: timeLimit, sourceLocation: sourceLocation)
    }
}
