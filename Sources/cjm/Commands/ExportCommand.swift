import ArgumentParser
import JourneyKit

/// `cjm export FILE`: write a journey as a diagram source (Graphviz DOT).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a journey as a diagram source: Graphviz DOT.",
        discussion: """
            Prints the diagram to standard output, or writes it to a file with -o (atomically: \
            the file is replaced only once complete). Turn DOT into an image with `cjm render` \
            or Graphviz's `dot -Tsvg`. See docs/diagrams.md for what the diagram shows. \
            Exit codes: 0 written, 2 the journey is invalid, the persona unknown or the file \
            cannot be written.
            """
    )

    /// The diagram languages `export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot
    }

    @OptionGroup var diagram: DiagramOptions

    @Option(help: "Output format: dot (Graphviz).")
    var format: Format = .dot

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let text: String
        switch format {
        case .dot: text = try diagram.dotSource()
        }
        guard let output else {
            FileHandleOutput.standardOutput.write(text)
            return
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            FileHandleOutput.standardError.write("error: cannot write \(TerminalText.sanitize(error.path)): \(error.message)\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
