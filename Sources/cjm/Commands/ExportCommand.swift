import ArgumentParser
import JourneyKit

/// `cjm export FILE`: write a journey as a diagram source (Graphviz DOT).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a journey as a diagram: Graphviz DOT, a Mermaid journey, or Markdown with Mermaid and the findings.",
        discussion: """
            Prints the diagram to standard output, or writes it to a file with -o (atomically: \
            the file is replaced only once complete). Turn DOT into an image with `cjm render` \
            or Graphviz's `dot -Tsvg`. See docs/diagrams.md for what the diagram shows. \
            --format mermaid writes a Mermaid `journey` diagram that GitHub, GitLab and wikis \
            draw inline; --format markdown wraps it under a heading with the findings, ready \
            for a pull request (docs/mermaid.md); --view does not apply to them. \
            Exit codes: 0 written, 2 the journey is invalid, the persona unknown or the file \
            cannot be written.
            """
    )

    /// The diagram languages `export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// Graphviz DOT: the flow or matrix diagram.
        case dot
        /// A Mermaid `journey` diagram.
        case mermaid
        /// A Markdown section: heading, a mermaid block, the findings.
        case markdown
    }

    @OptionGroup var diagram: DiagramOptions

    @Option(help: "Output format: dot (Graphviz), mermaid, or markdown (Mermaid and the findings).")
    var format: Format = .dot

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var writing: WritingOptions

    func run() throws {
        try OutputSafety.refuseOverwritingInput(output, input: diagram.file, writing: "the diagram",
                                                hint: "name another output file, e.g. one ending .\(format == .dot ? "dot" : "md")")
        let (journey, findings) = try diagram.load()
        let text: String
        // The persona was checked by `load()`, so the Mermaid writers cannot fail on it.
        switch format {
        case .dot: text = diagram.exporter.export(journey, findings: findings)
        case .mermaid: text = try MermaidJourneyWriter.mermaid(journey, persona: diagram.persona)
        case .markdown: text = try MermaidJourneyWriter.markdown(journey, findings: findings, persona: diagram.persona)
        }
        try DiagnosticOutput.write(text, to: output, force: writing.force)
    }
}
