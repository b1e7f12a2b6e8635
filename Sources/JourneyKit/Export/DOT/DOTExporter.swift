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
        let context = DOTContext(journey: journey, persona: persona,
                                 findings: DOTFindings(showsFindings ? findings : [], persona: persona, in: journey),
                                 changes: changes, words: DiagramWords.forLanguage(language ?? journey.lang).graph,
                                 linkedJourneyTitles: linkedJourneyTitles, observed: observed)
        switch view {
        case .flow: return DOTFlowView(context: context).render()
        case .matrix: return DOTMatrixView(context: context).render()
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
    private let touchpointsByID: [String: Touchpoint]

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
        var touchpoints: [String: Touchpoint] = [:]
        for touchpoint in journey.touchpoints where touchpoints[touchpoint.id] == nil { touchpoints[touchpoint.id] = touchpoint }
        touchpointsByID = touchpoints
    }

    func touchpoint(_ id: String) -> Touchpoint? { touchpointsByID[id] }

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

    /// The touchpoints of a stage that are drawn, in order.
    func touchpoints(of stage: Stage) -> [Touchpoint] {
        stage.touchpoints.filter(includes)
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

    /// The tooltip of a touchpoint: its description (or name) and the findings about it.
    func tooltip(for touchpoint: Touchpoint, extraFindings: [Diagnostic] = []) -> String {
        var lines = [touchpoint.description ?? touchpoint.name]
        for finding in (findings.byTouchpoint[touchpoint.id] ?? []) + extraFindings {
            lines.append(DOTStyle.warningMark + " " + finding.message)
        }
        return lines.joined(separator: "\n")
    }
}

/// Builds DOT text line by line with consistent indentation.
struct DOTLines {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: String) {
        text += (content.isEmpty ? "" : String(repeating: "  ", count: depth)) + content + "\n"
    }

    mutating func open(_ content: String) {
        line(content + " {")
        depth += 1
    }

    mutating func close() {
        depth -= 1
        line("}")
    }

    /// `name=value` pairs joined for an attribute list; values are already escaped.
    ///
    /// HTML-like labels made of tables (the title and legend) are broken after each row and
    /// cell, where Graphviz ignores white space, so that golden-file diffs stay readable. Text
    /// runs are never broken: Graphviz would draw the white space in some of them.
    static func attributes(_ pairs: [(String, String)]) -> String {
        "[" + pairs.map { "\($0.0)=\(breakingTableLabel($0.1))" }.joined(separator: ", ") + "]"
    }

    /// The indentation of a table label's continued lines.
    private static let continuation = "    "

    /// An HTML-like label (`<…>`) with a line break after each `</TR>` and `</TD>`; any other
    /// value unchanged (a quoted string would take the line break as content).
    private static func breakingTableLabel(_ value: String) -> String {
        guard value.hasPrefix("<<TABLE") else { return value }
        // Text inside the label is escaped (`&gt;`), so every `>` ends a tag.
        let pieces = value.split(separator: ">", omittingEmptySubsequences: false)
        var result = ""
        result.reserveCapacity(value.utf8.count + value.utf8.count / 16)
        for (index, piece) in pieces.enumerated() {
            result += piece
            guard index < pieces.count - 1 else { break }
            result += ">"
            if piece.hasSuffix("</TR") || piece.hasSuffix("</TD") {
                result += "\n" + continuation
            }
        }
        return result
    }
}

/// HTML-like label pieces shared by the views.
enum DOTLabel {
    /// Wrapped text as HTML-like label lines joined with `<BR/>`.
    static func wrapped(_ text: String, width: Int) -> String {
        TextWrapping.wrap(text, width: width).map(DOTEscaping.htmlLine).joined(separator: "<BR/>")
    }

    static func font(_ content: String, size: Int? = nil, color: String? = nil) -> String {
        var attributes = ""
        if let size { attributes += " POINT-SIZE=\"\(size)\"" }
        if let color { attributes += " COLOR=\"\(color)\"" }
        return "<FONT\(attributes)>\(content)</FONT>"
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
