/// Writes a journey as a Graphviz DOT diagram for a workshop wall: the flow of touchpoints
/// through the stages, or the channels × stages matrix, with the analyser's findings on top.
///
/// The output is deterministic: the same journey and findings give the same bytes, in the
/// order of the file.
public struct DOTExporter: Sendable {
    /// What the diagram shows.
    public enum View: String, Sendable, Hashable, CaseIterable {
        /// Touchpoints as boxes left to right, one cluster per stage, `next` flows as arrows.
        case flow
        /// A table with a row per channel and a column per stage; each cell lists its touchpoints.
        case matrix
    }

    /// What the diagram shows.
    public var view: View
    /// Only the touchpoints aimed at this persona, and only this persona's findings; `nil` for everyone.
    public var persona: String?
    /// Whether findings are drawn (unserved touchpoints, broken handoffs, channel gaps).
    public var showsFindings: Bool

    /// A BCP 47 tag choosing the words the diagram adds (`--lang`); nil for the journey's own
    /// language, else English.
    public var language: String?

    /// The titles of the portfolio's journeys by id, for the boxes of touchpoints that continue
    /// in another journey (`journey`); a link to a journey not listed shows its id.
    public var linkedJourneyTitles: [String: String] = [:]

    /// What customers were observed to do (`--events`, `--transitions`): the flow view draws
    /// each step as wide as the cases that took it, and observed steps without a flow in red.
    public var observed: ObservedTraffic?

    /// An exporter drawing `view`, focused on `persona` when given, with or without the findings.
    public init(view: View = .flow, persona: String? = nil, showsFindings: Bool = true, language: String? = nil) {
        self.view = view
        self.persona = persona
        self.showsFindings = showsFindings
        self.language = language
    }

    /// The DOT source of the diagram.
    ///
    /// - Parameters:
    ///   - journey: A valid journey.
    ///   - findings: The analyser's findings for the journey (`Analyzer().analyze(journey)`);
    ///     drawn unless `showsFindings` is off.
    ///   - changes: For a review picture (`cjm diff --format dot`): what changed since an older
    ///     version, drawn in the flow view.
    public func export(_ journey: Journey, findings: [Diagnostic] = [], changes: DiagramChanges? = nil) -> String {
        String(decoding: exportUTF8(journey, findings: findings, changes: changes), as: UTF8.self)
    }

    /// The DOT source of the diagram as UTF-8 bytes, the same as `export` gives as text.
    public func exportUTF8(_ journey: Journey, findings: [Diagnostic] = [], changes: DiagramChanges? = nil) -> [UInt8] {
        var document: [UInt8] = []
        // In one piece: the views reserve room for the whole diagram, so it is not copied.
        export(journey, findings: findings, changes: changes, chunkSize: Int.max) { piece in
            if document.isEmpty { document = piece } else { document += piece }
        }
        return document
    }

    /// The DOT source of the diagram as UTF-8 bytes, handed to `emit` in pieces of about
    /// `chunkSize` bytes as it is written (a piece ends with a line, so it may be longer; the
    /// last one is shorter): the pieces joined are `exportUTF8`'s bytes. For writing a large
    /// diagram without holding it whole: `cjm export` writes each piece to its output.
    ///
    /// The findings are consumed: once indexed for drawing they are let go, so that a caller
    /// that hands its array over (`cjm export`) does not hold it while the diagram is written.
    public func export(_ journey: Journey, findings: consuming [Diagnostic] = [], changes: DiagramChanges? = nil,
                       chunkSize: Int, into emit: ([UInt8]) -> Void) {
        let context = DOTContext(journey: journey, persona: persona,
                                 findings: DOTFindings(showsFindings ? findings : [], persona: persona, in: journey),
                                 changes: changes, words: DiagramWords.forLanguage(language ?? journey.lang).graph,
                                 linkedJourneyTitles: linkedJourneyTitles, observed: observed)
        _ = consume findings
        switch view {
        case .flow: DOTFlowView(context: context).render(chunkSize: max(chunkSize, 1), into: emit)
        case .matrix: DOTMatrixView(context: context).render(chunkSize: max(chunkSize, 1), into: emit)
        }
    }
}

/// What both views need: the journey, lookups by id, the persona filter and the findings.
struct DOTContext {
    let journey: Journey
    let persona: Persona?
    let findings: DOTFindings
    let changes: DiagramChanges?
    /// The words the diagram adds, in the journey's language.
    let words: GraphWords
    /// The portfolio's journey titles by id, for linked touchpoints.
    let linkedJourneyTitles: [String: String]
    /// Observed traffic to draw over the flows.
    let observed: ObservedTraffic?
    private let channelsByID: [String: Channel]

    init(journey: Journey, persona: String?, findings: DOTFindings, changes: DiagramChanges? = nil, words: GraphWords = .english,
         linkedJourneyTitles: [String: String] = [:], observed: ObservedTraffic? = nil) {
        self.journey = journey
        self.observed = observed
        self.linkedJourneyTitles = linkedJourneyTitles
        self.words = words
        self.changes = changes
        self.persona = persona.map { id in journey.personas.first { $0.id == id } ?? Persona(id: id, name: id) }
        self.findings = findings
        var channels: [String: Channel] = [:]
        for channel in journey.channels where channels[channel.id] == nil { channels[channel.id] = channel }
        channelsByID = channels
    }

    func channel(_ id: String) -> Channel? { channelsByID[id] }

    /// The human name of a channel, or its id when the journey does not define it.
    func channelName(_ id: String) -> String { channelsByID[id]?.name ?? id }

    /// The mark of a touchpoint that continues in another journey, with that journey's title
    /// when the portfolio is known, else its id; nil for other touchpoints.
    func linkMark(_ touchpoint: Touchpoint) -> String? {
        touchpoint.journey.map { DiagramWords.fill(words.continuesIn, ["j": linkedJourneyTitles[$0] ?? $0]) }
    }

    /// Whether the touchpoint is drawn: every touchpoint, or those aimed at the persona.
    func includes(_ touchpoint: Touchpoint) -> Bool {
        guard let persona else { return true }
        return touchpoint.isAimed(at: persona.id)
    }

    /// The positions in `stage.touchpoints` of the touchpoints that are drawn, in order.
    func drawnIndices(of stage: Stage) -> [Int] {
        stage.touchpoints.indices.filter { includes(stage.touchpoints[$0]) }
    }

    /// The title line: the journey's title, and whose view it is.
    var title: String {
        guard let persona else { return journey.title }
        return journey.title + " — " + persona.name
    }

    /// The unserved badge of a touchpoint, without its mark: whom it misses ("unserved: Lucía",
    /// at most three names), or "nobody can reach it" when none of its channels is live;
    /// `nil` when it is not unserved.
    func unservedBadge(for touchpoint: String) -> String? {
        guard let ids = findings.unservedPersonas[touchpoint] else { return nil }
        return ids.isEmpty ? words.nobodyCanReach : words.fill(words.unservedFor, persona: personaNames(ids))
    }

    /// The names of the personas `ids`, all of them up to three, else two and a count, so that
    /// a note about thousands of personas stays small.
    func personaNames(_ ids: [String]) -> String {
        let names = ids.prefix(3).map { id in journey.personas.first { $0.id == id }?.name ?? id }
        return Wording.abbreviatedList(first: names, of: ids.count, and: words.and) { words.fill(words.more, persona: "", count: $0) }
    }

    /// The tooltip of a touchpoint, quoted: its description (or name) and `findings` about it,
    /// a line each.
    func writeTooltip(for touchpoint: Touchpoint, findings: [Diagnostic], into out: inout UTF8Text) {
        out.append("\"")
        out.dotQuotedText(touchpoint.description ?? touchpoint.name, backslashAsLookAlike: true)
        for finding in findings {
            out.append("\\n")
            out.verbatim(DOTStyle.warningMark + " ")
            out.dotQuotedText(finding.message, backslashAsLookAlike: true)
        }
        out.append("\"")
    }
}

/// Builds DOT text line by line with consistent indentation, as UTF-8 bytes.
///
/// Lines made of the writer's own Strings go through `line`; the many lines of a large diagram
/// (a box per touchpoint, an arrow per flow) are written straight into `out` between
/// `startLine` and `endLine`, their attributes with `attribute`.
struct DOTLines {
    /// The document so far.
    var out = UTF8Text()
    private var depth: Int
    private var isFirstAttribute = true

    /// Lines indented `depth` levels; `afterFirstAttribute` for bytes that continue an
    /// attribute list that has its first attribute already.
    init(depth: Int = 0, afterFirstAttribute: Bool = false) {
        self.depth = depth
        isFirstAttribute = !afterFirstAttribute
    }

    /// Whether nothing was written.
    var isEmpty: Bool { out.bytes.isEmpty }

    mutating func line(_ content: String) {
        if !content.isEmpty { startLine() }
        out.verbatim(content)
        endLine()
    }

    mutating func open(_ content: String) {
        line(content + " {")
        depth += 1
    }

    mutating func close() {
        depth -= 1
        line("}")
    }

    /// The indentation of a line written piece by piece.
    mutating func startLine() {
        out.indentation(depth)
    }

    mutating func endLine() {
        out.append("\n")
    }

    /// Hands what is written to `emit` once it is `chunkSize` bytes or more, and starts the next
    /// piece in the same buffer: a large diagram is handed on as it is written, never held whole.
    mutating func handOn(ifAtLeast chunkSize: Int, to emit: ([UInt8]) -> Void) {
        guard out.bytes.count >= chunkSize else { return }
        emit(out.bytes)
        out.bytes.removeAll(keepingCapacity: true)
    }

    /// A blank line and `comment` before the first line of a section; `started` remembers it.
    mutating func beginSection(_ comment: String, started: inout Bool) {
        guard !started else { return }
        started = true
        line("")
        line(comment)
    }

    /// The start of an edge's line: `"from" -> "to"`, its attributes to follow.
    mutating func startEdge(_ from: String, _ to: String) {
        startLine()
        id(from)
        out.append(" -> ")
        id(to)
    }

    /// A DOT id, quoted (`DOTEscaping.id`).
    mutating func id(_ text: String) {
        out.dotQuoted(text)
    }

    /// A line's indentation, a quoted id and `rest`, which closes the quote and starts the
    /// attribute list (`" [label=<…`): a box's start in three appends, its attributes to follow.
    mutating func startNode(_ id: String, _ rest: [UInt8]) {
        startLine()
        out.append("\"")
        out.dotQuotedText(id)
        out.bytes.append(contentsOf: rest)
        isFirstAttribute = false
    }

    /// `"from" -> "to"` and `rest`, which closes the quote and starts the attribute list
    /// (`" [color=…`): an arrow's start in a few appends, whatever else it has to follow.
    mutating func startEdge(_ from: String, _ to: String, _ rest: [UInt8]) {
        startLine()
        out.append("\"")
        out.dotQuotedText(from)
        out.append("\" -> \"")
        out.dotQuotedText(to)
        out.bytes.append(contentsOf: rest)
        isFirstAttribute = false
    }

    /// `]` and the line's end.
    mutating func endAttributesAndLine() {
        out.append("]\n")
        isFirstAttribute = true
    }

    /// ` name=` after ` [` or `, `: an attribute whose value the caller writes next.
    mutating func attribute(_ name: StaticString) {
        out.append(isFirstAttribute ? " [" : ", ")
        isFirstAttribute = false
        out.append(name)
        out.append("=")
    }

    /// An attribute with a value of the writer's own.
    mutating func attribute(_ name: StaticString, _ value: StaticString) {
        attribute(name)
        out.append(value)
    }

    /// An attribute with a quoted value.
    mutating func attribute(_ name: StaticString, quoted value: String) {
        attribute(name)
        out.dotQuoted(value)
    }

    /// The `]` that ends the attribute list started by the first `attribute`.
    mutating func endAttributes() {
        out.append("]")
        isFirstAttribute = true
    }

    /// `name=value` pairs joined for an attribute list; values are already escaped.
    ///
    /// HTML-like labels made of tables (the title and legend) are broken after each row and
    /// cell, where Graphviz ignores white space, so that golden-file diffs stay readable. Text
    /// runs are never broken: Graphviz would draw the white space in some of them.
    static func attributes(_ pairs: [(String, String)]) -> String {
        "[" + pairs.map { "\($0.0)=\(breakingTableLabel($0.1))" }.joined(separator: ", ") + "]"
    }

    /// An HTML-like label (`<…>`) with a line break after each `</TR>` and `</TD>`; any other
    /// value unchanged (a quoted string would take the line break as content).
    private static func breakingTableLabel(_ value: String) -> String {
        guard value.hasPrefix("<<TABLE") else { return value }
        return DOTEscaping.written { $0.dotTableLabel(Array(value.utf8)) }
    }
}

extension UTF8Text {
    /// A table label's bytes with a line break and an indentation after each `</TR>` and
    /// `</TD>`. Text inside the label is escaped (`&gt;`), so every `>` ends a tag.
    mutating func dotTableLabel(_ label: [UInt8]) {
        bytes.reserveCapacity(bytes.count + label.count + label.count / 16)
        var copied = 0
        for (index, byte) in label.enumerated() where byte == UInt8(ascii: ">") && index >= 4 {
            let tag = label[index - 4..<index]
            guard tag.elementsEqual("</TR".utf8) || tag.elementsEqual("</TD".utf8) else { continue }
            bytes.append(contentsOf: label[copied...index])
            append("\n    ")
            copied = index + 1
        }
        bytes.append(contentsOf: label[copied...])
    }
}

/// HTML-like label pieces shared by the views.
enum DOTLabel {
    /// Wrapped text as HTML-like label lines joined with `<BR/>`.
    static func wrapped(_ text: String, width: Int) -> String {
        DOTEscaping.written { $0.dotWrapped(text, width: width) }
    }

    static func font(_ content: String, size: Int? = nil, color: String? = nil) -> String {
        DOTEscaping.written { $0.dotFont(size: size, color: color) { $0.verbatim(content) } }
    }

    /// One row of the legend: a heading and its entries.
    enum LegendRow {
        /// Coloured swatches, each a table cell (used for the emotion scale).
        case swatches(heading: String, cells: [String])
        /// Symbols with their meaning, on one line of text.
        case items(heading: String, entries: [String])
        /// Lines of text under each other, left-aligned (the changes box of a review picture).
        case lines(heading: String, lines: [String])
    }

    /// The title and legend shown above a diagram, as one HTML-like label.
    static func titleAndLegend(title: String, rows: [LegendRow]) -> String {
        var label = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
        label += "<TR><TD ALIGN=\"LEFT\">" + font("<B>" + wrapped(title, width: 70) + "</B>", size: DOTStyle.titleSize) + "</TD></TR>"
        for row in rows {
            switch row {
            case .swatches(let heading, let cells):
                // A nested table is stretched to the widest row, which suits a colour scale.
                label += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"3\"><TR>"
                label += legendHeading(heading) + cells.joined() + "</TR></TABLE></TD></TR>"
            case .items(let heading, let entries):
                // Plain text stays left-aligned at its natural width, one cell per entry.
                let cells = [font("<B>" + DOTEscaping.htmlLine(heading) + "</B>", size: DOTStyle.legendSize)] + entries
                label += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"6\"><TR>"
                    + cells.map { "<TD ALIGN=\"LEFT\">" + $0 + "</TD>" }.joined() + "</TR></TABLE></TD></TR>"
            case .lines(let heading, let lines):
                // A framed box, so that the headline changes stand out from the legend.
                label += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"1\" COLOR=\"\(DOTStyle.changed)\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\">"
                label += "<TR>" + legendHeading(heading) + "</TR>"
                for line in lines { label += "<TR><TD ALIGN=\"LEFT\">" + line + "</TD></TR>" }
                label += "</TABLE></TD></TR>"
            }
        }
        return label + "</TABLE>>"
    }

    /// A legend cell: a heading in bold.
    static func legendHeading(_ text: String) -> String {
        "<TD ALIGN=\"LEFT\">" + font("<B>" + DOTEscaping.htmlLine(text) + "</B>", size: DOTStyle.legendSize) + "</TD>"
    }

    /// A legend cell with a filled, bordered swatch holding `text`.
    static func legendSwatch(_ text: String, fill: String, border: String = "#9e9e9e") -> String {
        "<TD BGCOLOR=\"\(fill)\" COLOR=\"\(border)\" BORDER=\"1\">" + font(DOTEscaping.htmlLine(text), size: DOTStyle.legendSize) + "</TD>"
    }

    /// A legend entry: a coloured symbol followed by its meaning.
    static func legendItem(symbol: String, color: String, meaning: String) -> String {
        font("<B>" + DOTEscaping.htmlLine(symbol) + "</B>", size: DOTStyle.legendSize, color: color)
            + font(" " + DOTEscaping.htmlLine(meaning), size: DOTStyle.legendSize)
    }

    /// The emotion scale row of the legend.
    static func emotionRow(_ words: GraphWords) -> LegendRow {
        .swatches(heading: words.emotion, cells: zip(DOTStyle.emotionScale, words.emotionScale).map { emotion, text in
            legendSwatch(text, fill: DOTStyle.fill(forEmotion: emotion))
        })
    }

    /// Graph-wide attributes both views share.
    static func graphDefaults(_ lines: inout DOTLines, label: String) {
        lines.line("graph " + DOTLines.attributes([
            ("fontname", DOTEscaping.quoted(DOTStyle.font)), ("label", label), ("labelloc", "t"), ("labeljust", "l"),
            ("bgcolor", "\"white\""), ("pad", "0.4"),
        ]))
    }
}
