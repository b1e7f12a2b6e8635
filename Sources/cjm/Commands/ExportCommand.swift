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
            for a pull request (docs/mermaid.md); --view does not apply to them. --format csv \
            writes the touchpoints as a spreadsheet that `cjm import FILE.csv --into JOURNEY` reads back. \
            Exit codes: 0 written, 2 the journey is invalid, the persona unknown or the file \
            cannot be written.
            """
    )

    /// The diagram languages `export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// Graphviz DOT: the flow or matrix diagram.
        case dot
        /// SVG: the journey map (`--view map`).
        case svg
        /// A Mermaid `journey` diagram.
        case mermaid
        /// A Markdown section: heading, a mermaid block, the findings.
        case markdown
        /// The touchpoints as a spreadsheet, one row each.
        case csv
    }

    @OptionGroup var diagram: DiagramOptions

    @Option(name: .customLong("format"),
            help: ArgumentHelp("Output format: dot (Graphviz; the default for flow and matrix), svg (the default and only format of --view map), mermaid, markdown (Mermaid and the findings), or csv (one row per touchpoint).",
                               valueName: "format"))
    var requestedFormat: Format?

    /// The format to write: as asked, else SVG for the map and DOT for the Graphviz views.
    var format: Format { requestedFormat ?? (diagram.view == .map ? .svg : .dot) }

    func validate() throws {
        switch (format, diagram.view) {
        case (.svg, .map), (.dot, .flow), (.dot, .matrix): break
        case (.svg, _): throw ValidationError("--format svg draws the journey map: add --view map (cjm render draws flow and matrix as SVG)")
        case (.dot, .map): throw ValidationError("the journey map is drawn as SVG, not DOT: leave out --format dot")
        case (.mermaid, _), (.markdown, _):
            if diagram.requestedView != nil {
                throw ValidationError("--view does not apply to --format \(format.rawValue): Mermaid draws one journey diagram")
            }
        case (.csv, _):
            if diagram.requestedView != nil {
                throw ValidationError("--view does not apply to --format csv: the sheet has one row per touchpoint")
            }
        }
        if excel, format != .csv {
            throw ValidationError("--excel applies to --format csv")
        }
    }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var writing: WritingOptions

    @Flag(help: "With --format csv: start the file with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.")
    var excel = false

    func run() throws {
        try OutputSafety.refuseOverwritingInput(output, input: diagram.file, writing: "the diagram",
                                                hint: "name another output file, e.g. one ending .\(format == .markdown ? "md" : format.rawValue)")
        if format == .svg {
            try writeMap()
            return
        }
        let (journey, findings) = try diagram.load()
        let text: String
        // The persona was checked by `load()`, so the Mermaid writers cannot fail on it.
        switch format {
        case .csv: text = TouchpointSheet.csv(journey, byteOrderMark: excel)
        case .dot, .svg:
            // Written as the exporter makes it, 64 kB at a time: a large diagram is never held whole.
            let exporter = try diagram.exporter(for: journey)
            // Handed over, not copied: the exporter lets the array go once it has indexed it.
            var handedOver = Optional(consume findings)
            try DiagnosticOutput.write(to: output, force: writing.force) { write in
                exporter.export(journey, findings: handedOver.take() ?? [], chunkSize: 1 << 16, into: write)
            }
            return
        case .mermaid: text = try MermaidJourneyWriter.mermaid(journey, persona: diagram.persona)
        case .markdown: text = try MermaidJourneyWriter.markdown(journey, findings: findings, persona: diagram.persona, language: diagram.lang)
        }
        try DiagnosticOutput.write(text, to: output, force: writing.force)
    }

    /// The map as SVG: on standard output when it has one page, else to `-o OUT.svg` as
    /// OUT-1.svg, OUT-2.svg… (several SVG documents cannot share one stream).
    private func writeMap() throws {
        let pages = try diagram.mapPages()
        guard let output else {
            guard pages.count == 1, let page = pages.first else {
                throw DiagnosticOutput.fileError(
                    diagram.file, "the map has \(pages.count) pages, and standard output can hold only one SVG document",
                    hint: "write the pages with -o map.svg (map-1.svg … map-\(pages.count).svg), or give a larger --page")
            }
            FileHandleOutput.standardOutput.write(page)
            return
        }
        do throws(SVGConverter.Failure) {
            // SVG is written as drawn: no converter is asked for.
            _ = try SVGConverter.write(pages: pages, to: output, format: .svg) { () throws(SVGConverter.Failure) in
                throw SVGConverter.Failure(message: "no converter is needed for SVG")
            }
        } catch {
            throw DiagnosticOutput.fileError(output, error.message, hint: error.hint)
        }
    }
}
