import ArgumentParser
import JourneyKit

/// `cjm render FILE -o OUT.svg`: draw a journey as an image (the map by cjm, flow and matrix by Graphviz).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a journey as an SVG, PNG or PDF image: the journey map, or the flow and matrix views with Graphviz.",
        discussion: """
            The image format follows the output file's extension. --view map draws the journey \
            map (stage columns; lanes for touchpoints, emotion, pains, opportunities, KPIs, \
            owners, backstage and findings) as SVG itself, and converts it to PNG or PDF with \
            rsvg-convert (apt-get install librsvg2-bin, brew install librsvg; or --rsvg PATH); a \
            map of several pages is written as OUT-1.png, OUT-2.png … (one PDF holds them all). \
            The flow and matrix views run Graphviz's `dot` (found on PATH, or given with --dot) \
            on the diagram `cjm export` writes; Graphviz's warnings are shown on standard error. \
            Needs Graphviz: apt-get install graphviz (Debian, Ubuntu) or brew install graphviz \
            (macOS). Exit codes: 0 written, 2 the journey is invalid, the persona unknown, \
            Graphviz or rsvg-convert missing or failing, or the file cannot be written. \
            --since OLD draws the review picture of the change from OLD to FILE (the flow view \
            with added, changed and removed elements, the findings the change introduced and a \
            box of the persona, channel and stage changes), the picture `cjm diff --format dot` \
            describes, without a pipe.
            """
    )

    /// Image formats, by file extension.
    enum ImageFormat: String, CaseIterable {
        case svg, png, pdf
    }

    @OptionGroup var diagram: DiagramOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The image to write: a .svg, .png or .pdf file.", valueName: "file"))
    var output: String

    @OptionGroup var writing: WritingOptions

    @Option(name: .customLong("dot"), help: ArgumentHelp("The Graphviz dot program to run (default: dot on PATH).", valueName: "path"))
    var dotPath: String?

    @Option(help: ArgumentHelp("Draw what changed since this older version of the journey (JSON or XML): the flow view of FILE with the changes on it.",
                               valueName: "old"))
    var since: String?

    @Option(name: .customLong("rsvg"), help: ArgumentHelp("Map only: the rsvg-convert program that turns the map into PNG or PDF (default: rsvg-convert on PATH).", valueName: "path"))
    var rsvgPath: String?

    func validate() throws {
        if since != nil, diagram.view != .flow || diagram.persona != nil {
            throw ValidationError("--since draws the flow view of the whole journey: leave out --view and --persona")
        }
        if rsvgPath != nil, diagram.view != .map {
            throw ValidationError("--rsvg converts the journey map: add --view map (flow and matrix are drawn by Graphviz)")
        }
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
        if diagram.view == .map {
            try renderMap(as: format)
            return
        }
        // Bytes, not a String: a large diagram is not copied again for dot's standard input.
        let source = try since.map { old throws(ExitCode) in Array(try changeSource(since: old).utf8) } ?? diagram.dotSource()
        guard let dot = ExternalProgram.find("dot", at: dotPath) else {
            let place = dotPath.map { "at \(TerminalText.sanitize($0))" } ?? "on PATH"
            errors.write("""
                error: Graphviz's dot program was not found \(place); cjm render needs it to draw images.
                  hint: install Graphviz: apt-get install graphviz (Debian, Ubuntu), brew install graphviz (macOS), \
                or see https://graphviz.org/download/; or name the program with --dot PATH.
                  hint: `cjm export` writes the DOT source without Graphviz.

                """)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let result: ExternalProgram.Result
        do {
            result = try ExternalProgram.run(dot, arguments: ["-T" + format.rawValue], input: source)
        } catch {
            errors.write("error: cannot run \(TerminalText.sanitize(dot)): \(TerminalText.sanitize(String(describing: error)))\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
        // Graphviz's warnings, line by line, made safe for the terminal.
        for line in result.messages.split(separator: "\n") {
            errors.write("graphviz: " + TerminalText.sanitize(String(line)) + "\n")
        }
        guard result.status == 0, !result.output.isEmpty else {
            errors.write("error: Graphviz failed (exit status \(result.status)); nothing was written\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
        var bytes = result.output
        do {
            try AtomicFile.write(bytes: &bytes, to: output, force: writing.force)
        } catch {
            errors.write("error: cannot write \(TerminalText.sanitize(error.path)): \(error.message)\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    /// The review picture of the change from `old` to the journey: the DOT `cjm diff --format dot` writes.
    private func changeSource(since old: String) throws(ExitCode) -> String {
        let checker = diagram.analysis.checker(for: diagram.file)
        let before = try JourneyFiles.loadValid(old, input: diagram.input, checker: checker)
        let after = try JourneyFiles.loadValid(diagram.file, input: diagram.input, checker: checker)
        let comparison = JourneyComparison(old: before.journey, oldFindings: before.findings, oldPath: old,
                                           new: after.journey, newFindings: after.findings, newPath: diagram.file)
        return DiffDOTReporter(language: diagram.lang).report(comparison)
    }

    /// The journey map: drawn by cjm as SVG, converted to PNG or PDF by rsvg-convert. A map of
    /// several pages becomes OUT-1.png, OUT-2.png… (SVG too); a PDF holds every page.
    private func renderMap(as format: ImageFormat) throws {
        let pages = try diagram.mapPages()
        guard let converterFormat = SVGConverter.Format(rawValue: format.rawValue) else { throw ExitCode(ExitStatus.invalidInput) }
        do throws(SVGConverter.Failure) {
            _ = try SVGConverter.write(pages: pages, to: output, format: converterFormat) { () throws(SVGConverter.Failure) in
                try SVGConverter.locate(explicit: rsvgPath)
            }
        } catch {
            throw DiagnosticOutput.fileError(output, error.message, hint: error.hint)
        }
    }
}
