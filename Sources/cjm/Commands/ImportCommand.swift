import ArgumentParser
import JourneyCSV
import JourneyKit

/// `cjm import FILE.mmd|FILE.md`: turn a Mermaid journey diagram into a journey file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a Mermaid journey diagram (.mmd, or a ```mermaid block in Markdown) into a journey file, or read a touchpoint sheet (.csv) back into a journey.",
        discussion: """
            Sections become stages, tasks become touchpoints, scores 1-5 become emotions -2..+2 \
            and actors become personas (ids derived from their names); standard error names them, \
            with one warning for actors that look like staff ("Receptionist"). Mermaid has no channels: \
            the touchpoints get none and the journey's description says they remain to be added. \
            Without --to, the format is the one the -o name says (json otherwise). \
            In Markdown, every ```mermaid block holding a journey diagram counts; other diagrams \
            are skipped; when there are several journeys, choose one with --diagram. \
            A touchpoint sheet (`cjm export --format csv`, edited in a spreadsheet) needs --into \
            JOURNEY: its rows replace the journey's touchpoints and their stages' order. \
            Problems are printed to standard error as path:line:column messages; nothing is \
            written then. Exit codes: 0 imported, 2 invalid input or usage error. \
            See docs/mermaid.md.
            """
    )

    @Argument(help: ArgumentHelp("A Mermaid file (.mmd) or a Markdown file (.md) with a ```mermaid journey block.", valueName: "file"))
    var file: String

    @Option(name: .customLong("to"), help: ArgumentHelp(
        "The format to write: json or xml (default: the one the -o name says, else json; for a sheet, the journey's own).",
        valueName: "format"))
    var requestedFormat: JourneyFormat?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
    var output: String?

    @OptionGroup var writing: WritingOptions

    @Option(help: ArgumentHelp("Which journey diagram of a Markdown file to import, counting from 1.", valueName: "n"))
    var diagram: Int?

    @Option(help: ArgumentHelp("For a touchpoint sheet (.csv): the journey whose touchpoints it replaces; everything else of it is kept.",
                               valueName: "journey"))
    var into: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        // Checked here: `diagram - 1` of the smallest Int would overflow.
        if let diagram, diagram < 1 {
            throw ValidationError("--diagram counts from 1; got \(diagram)")
        }
    }

    func run() throws {
        if file.lowercased().hasSuffix(".csv") || into != nil {
            try importSheet()
            return
        }
        let bytes: [UInt8]
        switch InputFiles.read(file, maxSize: input.maxFileSize) {
        case .success(let read): bytes = read
        case .failure(let error): throw DiagnosticOutput.fileError(file, "cannot read the diagram: \(error.message)", hint: error.hint)
        }
        let result = MermaidJourneyImporter.importFile(from: bytes, path: file)
        guard result.diagnostics.isEmpty else {
            DiagnosticOutput.printToStandardError(result.diagnostics)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let imported = try choose(from: result.journeys)
        DiagnosticOutput.printToStandardError(imported.diagnostics)
        guard imported.isValid, let journey = imported.journey else {
            throw ExitCode(ExitStatus.invalidInput)
        }
        let format = try JourneyFiles.outputFormat(requested: requestedFormat, output: output, fallback: .json)
        FileHandleOutput.standardError.write(Self.personaNote(journey.personas.map(\.name)))
        try OutputSafety.refuseOverwritingInput(output, input: file, writing: "the journey",
                                                hint: "name a new .\(format.fileExtension) file; the Mermaid source would be lost")
        try JourneyFiles.writeCanonical(journey, as: format, from: file, to: output, force: writing.force)
    }

    private func choose(from journeys: [ImportedJourney]) throws -> ImportedJourney {
        let lines = journeys.map { "\($0.journey?.location?.line ?? 1)" }.joined(separator: ", ")
        if let diagram {
            guard journeys.indices.contains(diagram - 1) else {
                throw DiagnosticOutput.fileError(
                    file, "there is no journey diagram \(diagram): the file holds \(journeys.count)",
                    hint: "choose a number from 1 to \(journeys.count) (diagrams on lines \(lines))")
            }
            return journeys[diagram - 1]
        }
        guard journeys.count == 1 else {
            throw DiagnosticOutput.fileError(
                file, "the file holds \(journeys.count) journey diagrams (lines \(lines)); cjm imports one at a time",
                hint: "choose one with --diagram N, N from 1 to \(journeys.count)")
        }
        return journeys[0]
    }

    /// Words that name a business role rather than a customer, in English and Spanish: an
    /// actor named so is probably staff, not a persona.
    static let roleWords: Set<String> = [
        "receptionist", "agent", "staff", "employee", "clerk", "operator", "advisor", "adviser", "support", "team",
        "recepcionista", "agente", "personal", "empleado", "empleada", "asesor", "asesora", "equipo",
    ]

    /// What standard error says about the personas made of a diagram's actors: their names,
    /// and one warning naming those that look like business roles.
    static func personaNote(_ names: [String]) -> String {
        guard !names.isEmpty else { return "" }
        var note = "note: the diagram's actors became personas: \(TerminalText.sanitize(names.joined(separator: ", ")))\n"
        let roles = names.filter { name in
            name.lowercased().split(whereSeparator: { !$0.isLetter }).contains { roleWords.contains(String($0)) }
        }
        if !roles.isEmpty {
            note += "warning: \(TerminalText.sanitize(roles.joined(separator: ", "))) \(roles.count == 1 ? "looks" : "look") like a business role, not a customer\n"
            note += "  hint: remove \(roles.count == 1 ? "that persona" : "those personas") from the journey and name the staff in the touchpoints' \"owner\"\n"
        }
        return note
    }

    // MARK: Touchpoint sheets (`cjm export --format csv` read back)

    /// `cjm import sheet.csv --into JOURNEY`: the journey with the sheet's touchpoints, written
    /// canonically; errors are located by row and column of the sheet.
    private func importSheet() throws {
        guard let into else {
            throw DiagnosticOutput.fileError(file, "a touchpoint sheet needs the journey it belongs to",
                                             hint: "add --into JOURNEY.journey.json (the sheet holds only the touchpoints)")
        }
        let loaded = try JourneyFiles.loadValid(into, input: input, checker: .validatingOnly)
        let table: CSVTable
        do {
            table = try CSVFileReader.table(path: file)
        } catch {
            throw DiagnosticOutput.fileError(file, "cannot read the sheet: \(error.message)", hint: error.hint, line: error.line)
        }
        let reading = TouchpointSheet.read(header: table.header, records: table.records, file: file, into: loaded.journey,
                                           validator: JourneyChecker().validator)
        DiagnosticOutput.printToStandardError(reading.diagnostics)
        guard let journey = reading.journey else { throw ExitCode(ExitStatus.invalidInput) }
        let format = try JourneyFiles.outputFormat(requested: requestedFormat, output: output, fallback: loaded.format)
        try OutputSafety.refuseOverwritingInput(output, input: file, writing: "the journey", hint: "name a .\(format.fileExtension) file")
        try JourneyFiles.writeCanonical(journey, as: format, comments: loaded.comments, from: into, to: output)
    }
}
