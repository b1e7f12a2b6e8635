import Foundation

/// Finds and runs the external programs cjm hands work to (Graphviz's `dot`, `rsvg-convert`).
enum ExternalProgram {
    struct Result {
        var status: Int32
        /// What the program wrote on standard output (an image).
        var output: [UInt8]
        /// What it printed on standard error: warnings, or the reason it failed.
        var messages: String
    }

    /// The executable to run: `path` when it is an executable file, else `name` on PATH;
    /// `nil` when missing.
    static func find(_ name: String, at path: String?) -> String? {
        let files = FileManager.default
        if let path {
            return files.isExecutableFile(atPath: path) ? path : nil
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in searchPath.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, feeding `input` to standard input and reading both
    /// outputs at once so that neither side blocks on a full pipe.
    static func run(_ executable: String, arguments: [String], input: [UInt8]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let standardInput = Pipe(), standardOutput = Pipe(), standardError = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        Interruption.install()
        // Killed while the program runs (`timeout`, Ctrl-C), cjm passes the signal on to it and
        // waits for it, rather than leave it running.
        try Interruption.startingChild {
            try process.run()
            return process.processIdentifier
        }
        defer { Interruption.childEnded() }
        let messages = MessagesBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            messages.data = standardError.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            // The program may exit early on bad input; a failed write is then reported through its status.
            try? standardInput.fileHandleForWriting.write(contentsOf: input)
            try? standardInput.fileHandleForWriting.close()
            group.leave()
        }
        let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: [UInt8](output),
                      messages: String(decoding: messages.data, as: UTF8.self))
    }

    /// Standard error's bytes, written by one background reader and read after it finished.
    private final class MessagesBox: @unchecked Sendable {
        var data = Data()
    }
}
