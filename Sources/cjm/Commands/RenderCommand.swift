import ArgumentParser
import Foundation
import JourneyKit

/// `cjm render FILE -o OUT.svg`: draw a journey as an image with Graphviz.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a journey as an SVG, PNG or PDF image with Graphviz.",
        discussion: """
            Runs Graphviz's `dot` (found on PATH, or given with --dot) on the diagram `cjm export` \
            writes; the image format follows the output file's extension. Graphviz's warnings are \
            shown on standard error. Needs Graphviz: apt-get install graphviz (Debian, Ubuntu) or \
            brew install graphviz (macOS). Exit codes: 0 written, 2 the journey is invalid, the \
            persona unknown, Graphviz missing or failing, or the file cannot be written.
            """
    )

    /// Image formats, by file extension.
    enum ImageFormat: String, CaseIterable {
        case svg, png, pdf
    }

    @OptionGroup var diagram: DiagramOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The image to write: a .svg, .png or .pdf file.", valueName: "file"))
    var output: String

    @Option(name: .customLong("dot"), help: ArgumentHelp("The Graphviz dot program to run (default: dot on PATH).", valueName: "path"))
    var dotPath: String?

    func validate() throws {
        guard imageFormat != nil else {
            throw ValidationError("cannot tell the image format from \"\(output)\": name the output file .svg, .png or .pdf")
        }
    }

    private var imageFormat: ImageFormat? {
        guard let dot = output.lastIndex(of: ".") else { return nil }
        return ImageFormat(rawValue: output[output.index(after: dot)...].lowercased())
    }

    func run() throws {
        let errors = FileHandleOutput.standardError
        guard let format = imageFormat else { throw ExitCode(ExitStatus.invalidInput) }
        try OutputSafety.refuseOverwritingInput(output, input: diagram.file, writing: "an image",
                                                hint: "name another output file, e.g. one ending .\(format.rawValue)")
        let source = try diagram.dotSource()
        guard let dot = Graphviz.find(dotPath) else {
            let place = dotPath.map { "at \(TerminalText.sanitize($0))" } ?? "on PATH"
            errors.write("""
                error: Graphviz's dot program was not found \(place); cjm render needs it to draw images.
                  hint: install Graphviz: apt-get install graphviz (Debian, Ubuntu), brew install graphviz (macOS), \
                or see https://graphviz.org/download/; or name the program with --dot PATH.
                  hint: `cjm export` writes the DOT source without Graphviz.

                """)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let result: Graphviz.Result
        do {
            result = try Graphviz.run(dot, format: format.rawValue, source: source)
        } catch {
            errors.write("error: cannot run \(TerminalText.sanitize(dot)): \(TerminalText.sanitize(String(describing: error)))\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
        // Graphviz's warnings, line by line, made safe for the terminal.
        for line in result.messages.split(separator: "\n") {
            errors.write("graphviz: " + TerminalText.sanitize(String(line)) + "\n")
        }
        guard result.status == 0, !result.image.isEmpty else {
            errors.write("error: Graphviz failed (exit status \(result.status)); nothing was written\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
        var bytes = result.image
        do {
            try AtomicFile.write(bytes: &bytes, to: output)
        } catch {
            errors.write("error: cannot write \(TerminalText.sanitize(error.path)): \(error.message)\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}

/// Finds and runs Graphviz's `dot`.
enum Graphviz {
    struct Result {
        var status: Int32
        var image: [UInt8]
        /// What dot printed on standard error: warnings, or the reason it failed.
        var messages: String
    }

    /// The executable to run: `path` when it is an executable file, else `dot` on PATH; `nil` when missing.
    static func find(_ path: String?) -> String? {
        let files = FileManager.default
        if let path {
            return files.isExecutableFile(atPath: path) ? path : nil
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in searchPath.split(separator: ":") {
            let candidate = "\(folder)/dot"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `dot -T<format>` on `source`, feeding standard input and reading both outputs at once
    /// so that neither side blocks on a full pipe.
    static func run(_ executable: String, format: String, source: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T" + format]
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        // Writing to a dot that already exited must be an error, not a fatal SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let messages = MessagesBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            messages.data = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            // dot may exit early on bad input; a failed write is then reported through its status.
            try? input.fileHandleForWriting.write(contentsOf: Data(source.utf8))
            try? input.fileHandleForWriting.close()
            group.leave()
        }
        let image = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, image: [UInt8](image),
                      messages: String(decoding: messages.data, as: UTF8.self))
    }

    /// Standard error's bytes, written by one background reader and read after it finished.
    private final class MessagesBox: @unchecked Sendable {
        var data = Data()
    }
}
