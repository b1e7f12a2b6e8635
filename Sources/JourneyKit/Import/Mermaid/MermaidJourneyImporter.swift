/// What reading a Mermaid file gave: one imported journey per `journey` diagram, in file order,
/// and the problems with the file as a whole.
public struct MermaidImport: Sendable {
    /// Problems that concern no single diagram: the file is not UTF-8, or holds no journey diagram.
    public var diagnostics: [Diagnostic]
    /// One entry per `journey` diagram; each journey's `location` is its `journey` line.
    public var journeys: [ImportedJourney]

    public init(diagnostics: [Diagnostic] = [], journeys: [ImportedJourney] = []) {
        self.diagnostics = diagnostics
        self.journeys = journeys
    }
}

/// Reads Mermaid `journey` diagrams into journeys: from a Mermaid file (`.mmd`), or from every
/// fenced `mermaid` block that holds a journey diagram in a Markdown file.
///
/// Mermaid's grammar (`journey.jison`) is the reference: sections become stages, tasks become
/// touchpoints, a task's score 1…5 becomes emotion −2…+2, its actors become personas whose
/// ids are derived from their names. `%%` and `#` start comments, `accTitle` is a fallback for
/// the title and `accDescr` becomes the journey's description. Mermaid has no channels, so the
/// description says that the touchpoints' channels remain to be filled in. Positions in
/// diagnostics are lines and columns of the file read, also inside Markdown.
public enum MermaidJourneyImporter {
    /// The sentence added to every imported journey's description.
    public static let channelsNote = "Imported from a Mermaid journey diagram, which has no channels: add the channels of each touchpoint."

    /// Whether a path names a Markdown file, whose `mermaid` blocks are read instead of the whole file.
    public static func isMarkdown(path: String) -> Bool {
        let lowercased = path.lowercased()
        return lowercased.hasSuffix(".md") || lowercased.hasSuffix(".markdown")
    }

    /// Reads the journey diagrams in a file's bytes; Markdown when `isMarkdown(path:)`.
    ///
    /// - Parameters:
    ///   - bytes: The file's content, UTF-8.
    ///   - path: The path used in diagnostics; its name is the title of a diagram without one.
    ///   - markdown: Whether to read the bytes as Markdown; by default decided by the path.
    public static func importFile(
        from bytes: some Collection<UInt8>, path: String, markdown: Bool? = nil,
        validator: JourneyValidator = JourneyValidator()
    ) -> MermaidImport {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard var text = String(validating: bytes, as: UTF8.self) else {
            return MermaidImport(diagnostics: [.error("the file is not UTF-8 text", at: start,
                                                      hint: "save it as UTF-8 and import it again")])
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let lines = SourceLine.split(text)
        let context = Context(path: path, validator: validator)
        if markdown ?? isMarkdown(path: path) {
            let blocks = MarkdownBlocks.mermaidBlocks(in: lines)
            let journeys = blocks.filter { $0.isJourney }
            guard !journeys.isEmpty else {
                let skipped = blocks.isEmpty ? "" : " (\(blocks.count) other Mermaid \(blocks.count == 1 ? "diagram was" : "diagrams were") skipped)"
                return MermaidImport(diagnostics: [.error(
                    "no Mermaid journey diagram in this Markdown file\(skipped)", at: start,
                    hint: "cjm imports ```mermaid blocks whose first line is `journey`")])
            }
            return MermaidImport(journeys: journeys.map { context.importDiagram($0.lines) })
        }
        let diagram = DiagramLines(lines)
        if let opening = diagram.unclosedFrontMatter {
            return MermaidImport(diagnostics: [DiagramLines.unclosedFrontMatterError(opening, path: path)])
        }
        guard diagram.isJourney else {
            let location = diagram.header.map { SourceLocation(file: path, line: $0.number, column: $0.firstNonSpace + 1) } ?? start
            let found = diagram.header.map { "it starts with \"\($0.word(at: $0.firstNonSpace))\"" } ?? "it is empty"
            return MermaidImport(diagnostics: [.error(
                "not a Mermaid journey diagram: \(found)", at: location,
                hint: "cjm imports diagrams whose first line is `journey`")])
        }
        return MermaidImport(journeys: [context.importDiagram(lines)])
    }

    /// Reads one diagram given as Mermaid text (for tests and callers that hold text, not bytes).
    public static func importDiagram(_ text: String, path: String = "") -> MermaidImport {
        importFile(from: Array(text.utf8), path: path, markdown: false)
    }
}

// MARK: Lines

/// One line of the file with its 1-based number; its text excludes the line break.
struct SourceLine {
    var number: Int
    var text: [Unicode.Scalar]

    /// Splits at `\n`, `\r\n` and a lone `\r`.
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current: [Unicode.Scalar] = []
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasReturn { lines.append(SourceLine(number: lines.count + 1, text: current)) }
                current = []
                previousWasReturn = false
            } else if scalar == "\r" {
                lines.append(SourceLine(number: lines.count + 1, text: current))
                current = []
                previousWasReturn = true
            } else {
                current.append(scalar)
                previousWasReturn = false
            }
        }
        lines.append(SourceLine(number: lines.count + 1, text: current))
        return lines
    }

    /// The index of the first character that is not a space or tab, or `text.count`.
    var firstNonSpace: Int { text.firstIndex { !$0.properties.isWhitespace } ?? text.count }

    var isBlank: Bool { firstNonSpace == text.count }

    /// Whether the text at `index` starts with `prefix`, ignoring ASCII case when asked.
    func hasPrefix(_ prefix: String, at index: Int, ignoringCase: Bool = false) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        guard index + wanted.count <= text.count else { return false }
        for (offset, scalar) in wanted.enumerated() {
            let actual = text[index + offset]
            if actual == scalar { continue }
            if ignoringCase, actual.isASCII, scalar.isASCII,
               Character(actual).lowercased() == Character(scalar).lowercased() { continue }
            return false
        }
        return true
    }

    /// The run of letters starting at `index`.
    func word(at index: Int) -> String {
        string(index..<(text[index...].firstIndex { !$0.properties.isAlphabetic } ?? text.count))
    }

    func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(text[range]))
    }
}

/// The lines of one diagram and the line that says which diagram it is.
struct DiagramLines {
    var lines: [SourceLine]
    /// The first line that is not blank, a `%%` comment or directive, or YAML front matter.
    var header: SourceLine?
    /// The `---` that opens front matter never closed, which swallows the whole diagram.
    var unclosedFrontMatter: SourceLine?

    init(_ lines: [SourceLine]) {
        self.lines = lines
        var index = 0
        // Front matter (`---` … `---`) may configure the diagram before its first line.
        if let first = lines.firstIndex(where: { !$0.isBlank }), lines[first].string(0..<lines[first].text.count).trimmingSpaces == "---" {
            var end = first + 1
            while end < lines.count, lines[end].string(0..<lines[end].text.count).trimmingSpaces != "---" { end += 1 }
            if end == lines.count { unclosedFrontMatter = lines[first] }
            index = end + 1
        }
        while index < lines.count, lines[index].isBlank || lines[index].hasPrefix("%%", at: lines[index].firstNonSpace) {
            index += 1
        }
        header = index < lines.count ? lines[index] : nil
    }

    /// The error for front matter whose closing `---` is missing (issue 17: it was called "empty").
    static func unclosedFrontMatterError(_ opening: SourceLine, path: String) -> Diagnostic {
        .error("the front matter opened here is never closed, so the whole diagram is read as front matter",
               at: SourceLocation(file: path, line: opening.number, column: opening.firstNonSpace + 1),
               hint: "end the front matter with a line holding only \"---\" before the `journey` line")
    }

    /// Whether Mermaid draws this as a journey: its first line starts with `journey` (case-sensitive, as Mermaid's detector).
    var isJourney: Bool {
        guard let header else { return false }
        return header.hasPrefix("journey", at: header.firstNonSpace)
    }
}

/// Finds fenced `mermaid` code blocks in Markdown, as CommonMark delimits them.
enum MarkdownBlocks {
    struct Block {
        var lines: [SourceLine]
        var isJourney: Bool { DiagramLines(lines).isJourney }
    }

    static func mermaidBlocks(in lines: [SourceLine]) -> [Block] {
        var blocks: [Block] = []
        var open: (fence: Unicode.Scalar, length: Int, isMermaid: Bool, lines: [SourceLine])?
        for line in lines {
            let indent = line.firstNonSpace
            if var current = open {
                if indent <= 3, let (fence, length, rest) = fenceRun(line, at: indent), fence == current.fence,
                   length >= current.length, rest.allSatisfy(\.properties.isWhitespace) {
                    if current.isMermaid { blocks.append(Block(lines: current.lines)) }
                    open = nil
                } else {
                    current.lines.append(line)
                    open = current
                }
                continue
            }
            guard indent <= 3, let (fence, length, rest) = fenceRun(line, at: indent) else { continue }
            let info = String(String.UnicodeScalarView(rest)).trimmingSpaces
            if fence == "`", info.contains("`") { continue }
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first.map { $0.lowercased() } ?? ""
            open = (fence, length, language == "mermaid", [])
        }
        // CommonMark closes a fence left open at the end of the document.
        if let current = open, current.isMermaid { blocks.append(Block(lines: current.lines)) }
        return blocks
    }

    /// A run of three or more backticks or tildes at `index`, and the text after it.
    private static func fenceRun(_ line: SourceLine, at index: Int) -> (Unicode.Scalar, Int, ArraySlice<Unicode.Scalar>)? {
        guard index < line.text.count, line.text[index] == "`" || line.text[index] == "~" else { return nil }
        let fence = line.text[index]
        var end = index
        while end < line.text.count, line.text[end] == fence { end += 1 }
        guard end - index >= 3 else { return nil }
        return (fence, end - index, line.text[end...])
    }
}

// MARK: Parsing one diagram

private struct Context {
    let path: String
    let validator: JourneyValidator

    func location(_ line: SourceLine, _ index: Int) -> SourceLocation {
        SourceLocation(file: path, line: line.number, column: index + 1)
    }

    func importDiagram(_ lines: [SourceLine]) -> ImportedJourney {
        var parser = DiagramParser(context: self)
        let diagram = DiagramLines(lines)
        if let opening = diagram.unclosedFrontMatter {
            return ImportedJourney(journey: nil, diagnostics: [DiagramLines.unclosedFrontMatterError(opening, path: path)])
        }
        guard let header = diagram.header, let headerIndex = lines.firstIndex(where: { $0.number == header.number }) else {
            return ImportedJourney(journey: nil, diagnostics: [.error("the diagram is empty", at: SourceLocation(file: path, line: lines.first?.number ?? 1, column: 1))])
        }
        parser.journeyLocation = location(header, header.firstNonSpace)
        // Mermaid reads what follows `journey` on its line as the first statement.
        parser.statement(header, from: header.firstNonSpace + "journey".unicodeScalars.count)
        var index = headerIndex + 1
        while index < lines.count {
            index = parser.line(lines, at: index)
        }
        return parser.finish()
    }
}

/// Builds a journey from a diagram's lines, one statement per line, collecting every problem.
private struct DiagramParser {
    let context: Context
    var journeyLocation = SourceLocation(file: "", line: 1, column: 1)
    var diagnostics: [Diagnostic] = []
    var title: String?
    var accessibleTitle: String?
    var accessibleDescription: String?
    var stages: [Stage] = []
    var personas: [Persona] = []
    var personaIDs: [String: String] = [:]
    var stageIDs = IDMaker(fallback: "stage")
    var touchpointIDs = IDMaker(fallback: "touchpoint")
    var personaIDMaker = IDMaker(fallback: "persona")

    init(context: Context) {
        self.context = context
    }

    /// Reads the statement on `lines[index]` (and the following lines of an `accDescr { … }`); returns the next line's index.
    mutating func line(_ lines: [SourceLine], at index: Int) -> Int {
        let line = lines[index]
        let start = line.firstNonSpace
        if line.hasPrefix("accDescr", at: start, ignoringCase: true) {
            var cursor = start + "accDescr".unicodeScalars.count
            while cursor < line.text.count, line.text[cursor].properties.isWhitespace { cursor += 1 }
            if cursor < line.text.count, line.text[cursor] == "{" {
                return multilineDescription(lines, at: index, from: cursor + 1)
            }
        }
        statement(line, from: start)
        return index + 1
    }

    mutating func statement(_ line: SourceLine, from rawStart: Int) {
        var start = rawStart
        while start < line.text.count, line.text[start].properties.isWhitespace { start += 1 }
        guard start < line.text.count else { return }
        if line.hasPrefix("%%", at: start) || line.text[start] == "#" { return }
        if line.hasPrefix("journey", at: start, ignoringCase: true) {
            error("Mermaid reads \"\(line.string(start..<start + 7))\" at the start of a line as the diagram's first word, not as a task",
                  line, start, hint: "start the task's name with another word")
            return
        }
        if keyword("title", followedBySpaceIn: line, at: start) {
            let value = self.value(line, from: start + 6, stopAtColon: false)
            title = value.text
            return
        }
        for keyword in ["accTitle", "accDescr"] where line.hasPrefix(keyword, at: start, ignoringCase: true) {
            var cursor = start + keyword.unicodeScalars.count
            while cursor < line.text.count, line.text[cursor].properties.isWhitespace { cursor += 1 }
            guard cursor < line.text.count, line.text[cursor] == ":" else { continue }
            // Mermaid reads an accessibility value to the end of the line, `#` and `;` included.
            let text = line.string(cursor + 1..<line.text.count).trimmingSpaces
            if keyword == "accTitle" { accessibleTitle = text } else { accessibleDescription = text }
            return
        }
        if keyword("section", followedBySpaceIn: line, at: start) || line.string(start..<line.text.count).trimmingSpaces.lowercased() == "section" {
            section(line, from: start)
            return
        }
        task(line, from: start)
    }

    private func keyword(_ word: String, followedBySpaceIn line: SourceLine, at index: Int) -> Bool {
        let after = index + word.unicodeScalars.count
        return line.hasPrefix(word, at: index, ignoringCase: true) && after < line.text.count && line.text[after].properties.isWhitespace
    }

    private mutating func section(_ line: SourceLine, from start: Int) {
        let nameStart = min(start + "section".unicodeScalars.count + 1, line.text.count)
        let value = self.value(line, from: nameStart, stopAtColon: true)
        if value.stop == ":" {
            error("a section name cannot contain ':'", line, value.end,
                  hint: "Mermaid ends a section's name at ':'; write '\(Character(MermaidText.colon))' instead")
            return
        }
        guard let name = value.text, !name.isEmpty else {
            if value.stop != ";" { error("the section has no name", line, start, hint: "write `section Name`") }
            return
        }
        let location = context.location(line, value.start)
        stages.append(Stage(id: stageIDs.id(for: name), name: MermaidText.unescape(name), location: location))
    }

    private mutating func task(_ line: SourceLine, from start: Int) {
        let nameValue = value(line, from: start, stopAtColon: true)
        guard nameValue.stop == ":" else {
            if nameValue.stop != ";" {
                let name = nameValue.text ?? ""
                error("the task \"\(name)\" has no score", line, nameValue.end,
                      hint: "write `\(name): 5: Actor`: a score from 1 (very unhappy) to 5 (delighted), then the actors")
            }
            return
        }
        guard let name = nameValue.text, !name.isEmpty else {
            error("a task needs a name before ':'", line, start, hint: "write `Task name: 5: Actor`")
            return
        }
        let data = value(line, from: nameValue.end + 1, stopAtColon: false)
        if data.stop == ";" { return }
        // Mermaid splits the text after the name at ':': the score, the actors, and nothing more.
        var pieces: [(start: Int, end: Int)] = []
        var pieceStart = nameValue.end + 1
        for index in pieceStart..<data.end where line.text[index] == ":" {
            pieces.append((pieceStart, index))
            pieceStart = index + 1
        }
        pieces.append((pieceStart, data.end))

        let scoreText = line.string(pieces[0].start..<pieces[0].end).trimmingSpaces
        let scoreColumn = (pieces[0].start..<pieces[0].end).first { !line.text[$0].properties.isWhitespace } ?? pieces[0].start
        guard let score = score(scoreText, task: name, line: line, at: scoreColumn) else { return }

        var personaIDsOfTask: [String] = []
        // A set beside the list: 80,000 actors on one task searched the list for each (11 s).
        var personaIDsSeen: Set<String> = []
        if pieces.count > 1 {
            var actorStart = pieces[1].start
            for index in pieces[1].start...pieces[1].end where index == pieces[1].end || line.text[index] == "," {
                let actor = line.string(actorStart..<index).trimmingSpaces
                if !actor.isEmpty {
                    let column = (actorStart..<index).first { !line.text[$0].properties.isWhitespace } ?? actorStart
                    let id = persona(named: MermaidText.unescape(actor, isActor: true), at: context.location(line, column))
                    if personaIDsSeen.insert(id).inserted { personaIDsOfTask.append(id) }
                }
                actorStart = index + 1
            }
        }
        if pieces.count > 2 {
            diagnostics.append(Diagnostic(
                severity: .warning, message: "Mermaid ignores what follows the actors of \"\(name)\"",
                location: context.location(line, pieces[2].start - 1),
                hint: "a task is `Name: score: Actor, Actor`; separate actors with ','"))
        }
        if stages.isEmpty {
            // Mermaid draws tasks before the first section in a section without a name.
            diagnostics.append(Diagnostic(
                severity: .warning, message: "the task \"\(name)\" comes before any section; cjm puts it in a stage named \"\(Self.implicitStageName)\"",
                location: context.location(line, start), hint: "add a `section Name` line above it"))
            stages.append(Stage(id: stageIDs.id(for: "no section"), name: Self.implicitStageName, location: context.location(line, start)))
        }
        let touchpoint = Touchpoint(
            id: touchpointIDs.id(for: name), name: MermaidText.unescape(name), personas: personaIDsOfTask,
            emotion: score - 3, location: context.location(line, start))
        stages[stages.count - 1].touchpoints.append(touchpoint)
    }

    static let implicitStageName = "(no section)"

    private mutating func score(_ text: String, task: String, line: SourceLine, at column: Int) -> Int? {
        let hint = "Mermaid scores run from 1 (very unhappy) to 5 (delighted)"
        guard !text.isEmpty else {
            error("the task \"\(task)\" has no score", line, column, hint: "write `\(task): 5`; " + hint)
            return nil
        }
        guard text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            let isDecimal = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," || $0 == "-" || $0 == "+" }
                && text.unicodeScalars.contains { ("0"..."9").contains($0) }
            error(isDecimal ? "score \(text) of \"\(task)\" is not a whole number from 1 to 5" : "score \"\(text)\" of \"\(task)\" is not a number",
                  line, column, hint: hint)
            return nil
        }
        guard let score = Int(text), (1...5).contains(score) else {
            error("score \(text) of \"\(task)\" is outside 1…5", line, column, hint: hint)
            return nil
        }
        return score
    }

    private mutating func persona(named name: String, at location: SourceLocation) -> String {
        if let id = personaIDs[name] { return id }
        let id = personaIDMaker.id(for: name)
        personaIDs[name] = id
        personas.append(Persona(id: id, name: name, location: location))
        return id
    }

    /// `accDescr { … }`: the text up to the closing `}`, possibly on a later line.
    private mutating func multilineDescription(_ lines: [SourceLine], at index: Int, from start: Int) -> Int {
        var parts: [String] = []
        var lineIndex = index
        var column = start
        while lineIndex < lines.count {
            let line = lines[lineIndex]
            if let close = line.text[column...].firstIndex(of: "}") {
                parts.append(line.string(column..<close))
                accessibleDescription = parts.map(\.trimmingSpaces).joined(separator: "\n").trimming(where: { $0 == "\n" })
                // Mermaid goes on reading after the `}` as a new statement.
                statement(line, from: close + 1)
                return lineIndex + 1
            }
            parts.append(line.string(column..<line.text.count))
            lineIndex += 1
            column = 0
        }
        let opening = lines[index]
        error("`accDescr {` is never closed", opening, start - 1, hint: "end the description with '}'")
        return lines.count
    }

    /// The text from `start` to the end of the statement: the end of the line, `#` or `%%`
    /// (comments), `;` (an error in Mermaid) or, with `stopAtColon`, `:`. `nil` when empty.
    private mutating func value(_ line: SourceLine, from start: Int, stopAtColon: Bool) -> (text: String?, start: Int, end: Int, stop: Unicode.Scalar?) {
        var end = start
        var stop: Unicode.Scalar?
        while end < line.text.count {
            let scalar = line.text[end]
            if scalar == "#" || (stopAtColon && scalar == ":") || scalar == ";" || line.hasPrefix("%%", at: end) {
                stop = scalar
                break
            }
            end += 1
        }
        if stop == ";" {
            error("Mermaid does not allow ';' here and stops drawing the diagram", line, end,
                  hint: "remove the ';' or write '\(Character(MermaidText.semicolon))' instead")
        }
        let text = line.string(start..<end).trimmingSpaces
        let textStart = (start..<end).first { !line.text[$0].properties.isWhitespace } ?? start
        return (text.isEmpty ? nil : text, textStart, end, stop)
    }

    private mutating func error(_ message: String, _ line: SourceLine, _ index: Int, hint: String) {
        diagnostics.append(.error(message, at: context.location(line, index), hint: hint))
    }

    func finish() -> ImportedJourney {
        let path = context.path
        let fileName = path.split(separator: "/").last.map(String.init) ?? ""
        let stem = fileName.split(separator: ".").first.map(String.init) ?? ""
        let title = MermaidText.unescape(title ?? accessibleTitle ?? (stem.isEmpty ? "Imported journey" : stem))
        var journeyIDs = IDMaker(fallback: "journey")
        var description = accessibleDescription.map { $0 + "\n\n" } ?? ""
        if !description.contains(MermaidJourneyImporter.channelsNote) {
            description += MermaidJourneyImporter.channelsNote
        } else {
            description = accessibleDescription ?? description
        }
        let journey = Journey(
            id: journeyIDs.id(for: title), title: title, description: description,
            personas: personas, stages: stages, location: journeyLocation)
        var all = diagnostics
        all += context.validator.validate(journey)
        return ImportedJourney(journey: journey, diagnostics: all.sorted())
    }
}

