import ArgumentParser
import JourneyKit

/// The Mermaid forms of `cjm export --format`: to be folded into the export command, which
/// calls `mermaidExport(journey:findings:format:persona:)`.
enum MermaidExportFormat: String, ExpressibleByArgument, CaseIterable {
    /// A Mermaid `journey` diagram (`.mmd`).
    case mermaid
    /// A Markdown section: heading, ```mermaid block, findings.
    case markdown
}

/// The text of a journey in one of the Mermaid forms; with `persona`, only the touchpoints aimed at it.
func mermaidExport(journey: Journey, findings: [Diagnostic], format: MermaidExportFormat, persona: String?)
    throws(MermaidJourneyWriter.Failure) -> String {
    switch format {
    case .mermaid: try MermaidJourneyWriter.mermaid(journey, persona: persona)
    case .markdown: try MermaidJourneyWriter.markdown(journey, findings: findings, persona: persona)
    }
}

/// `cjm export-mermaid FILE --format mermaid|markdown`: hidden, only until `cjm export` takes these formats.
struct ExportMermaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-mermaid",
        abstract: "Draw a journey as a Mermaid journey diagram, alone or in Markdown with the findings.",
        discussion: """
            Stages become sections, touchpoints become tasks scored 1-5 from their emotion \
            (none: 3), personas become actors. Channels, KPIs and flows have no place in Mermaid. \
            Exit codes: 0 written, 2 invalid input or usage error. See docs/mermaid.md.
            """,
        shouldDisplay: false
    )

    @Argument(help: ArgumentHelp("A journey file (.journey.json).", valueName: "file"))
    var file: String

    @Option(help: "Output format: mermaid or markdown.")
    var format: MermaidExportFormat = .mermaid

    @Option(help: ArgumentHelp("Only the touchpoints aimed at this persona.", valueName: "id"))
    var persona: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
    var output: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        let bytes: [UInt8]
        switch InputFiles.read(file, maxSize: input.maxFileSize) {
        case .success(let read): bytes = read
        case .failure(let error): throw DiagnosticOutput.fileError(file, "cannot read the journey: \(error.message)", hint: error.hint)
        }
        let imported = JourneyImporter.importJourney(from: bytes, path: file)
        guard imported.isValid, let journey = imported.journey else {
            DiagnosticOutput.printToStandardError(imported.diagnostics)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let text: String
        do {
            text = try mermaidExport(journey: journey, findings: Analyzer().analyze(journey), format: format, persona: persona)
        } catch {
            FileHandleOutput.standardError.write("error: \(TerminalText.sanitize(error.message))\n  hint: \(TerminalText.sanitize(error.hint))\n")
            throw ExitCode(ExitStatus.invalidInput)
        }
        try DiagnosticOutput.write(text, to: output)
    }
}
