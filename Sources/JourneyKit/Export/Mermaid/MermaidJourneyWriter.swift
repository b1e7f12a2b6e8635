/// Writes a journey as a Mermaid `journey` diagram, which GitHub, GitLab and most wikis draw
/// inline, alone (`.mmd`) or inside a Markdown page with the analyser's findings.
///
/// The mapping (docs/mermaid.md): `title` is the journey's title, one `section` per stage,
/// one task per touchpoint as `Name: score: Actor, Actor` where the score is the emotion
/// plus 3 (−2…+2 becomes 1…5, no emotion becomes 3) and the actors are the names of the
/// personas the touchpoint is aimed at (all of them when it names none). Channels, KPIs,
/// flows and notes have no place in Mermaid's diagram and are left out.
public enum MermaidJourneyWriter {
    /// The score Mermaid draws for an emotion: 1 (very unhappy) to 5 (delighted), 3 when unknown.
    public static func score(forEmotion emotion: Int?) -> Int {
        guard let emotion else { return 3 }
        return min(max(emotion + 3, 1), 5)
    }

    /// The Mermaid source of the journey: `journey`, `title`, `accDescr`, then one section per
    /// stage. With `persona`, only the touchpoints aimed at that persona are drawn.
    public static func mermaid(_ journey: Journey, persona: String? = nil) throws(UnknownPersona) -> String {
        let focus = try persona.map { id throws(UnknownPersona) in try journey.persona(withID: id) }
        // Written as UTF-8 bytes, one task after the other: building a String per line and
        // escaping Character by Character made this slower than reading the journey (issue 19).
        var out = UTF8Text()
        out.append("journey")
        var title = MermaidText.escape(journey.title)
        if let focus { title += (title.isEmpty ? "" : " ") + "(\(MermaidText.escape(focus.name)))" }
        if !title.isEmpty {
            out.append("\n    title ")
            out.verbatim(title)
        }
        if let description = journey.description.map(MermaidText.oneLine), !description.isEmpty {
            // `accDescr:` runs to the end of the line, so only line breaks need replacing; a line
            // starting with `%%` is all Mermaid drops as a comment, and this line starts with accDescr.
            out.append("\n    accDescr: ")
            out.verbatim(description)
        }
        let allActors = journey.personas.map { actorName($0.name) }
        let namesByID = Dictionary(journey.personas.map { ($0.id, actorName($0.name)) }, uniquingKeysWith: { first, _ in first })
        // With many personas, a task for everyone names them all only the first time: naming
        // 3,000 personas on each of 3,000 tasks made 186 MB. Read back, a task without actors
        // is for everyone, so the journey means the same.
        let namesEveryoneEachTime = allActors.count <= Self.everyoneActorLimit
        if !namesEveryoneEachTime {
            out.append("\n    %% tasks without actors are for every persona")
        }
        var everyoneNamed = false
        for stage in journey.stages {
            out.append("\n    section ")
            nonEmpty(&out) { $0.escapedMermaid(stage.name) }
            for touchpoint in stage.touchpoints where focus.map({ touchpoint.isAimed(at: $0.id) }) ?? true {
                out.append("\n      ")
                nonEmpty(&out) { $0.escapedMermaid(touchpoint.name, isTaskName: true) }
                out.append(": ")
                out.decimal(score(forEmotion: focus.map { touchpoint.emotion(for: $0.id) } ?? touchpoint.emotion))
                if touchpoint.personas.isEmpty {
                    if namesEveryoneEachTime || !everyoneNamed { actors(allActors, to: &out) }
                    everyoneNamed = true
                } else {
                    actors(touchpoint.personas.map { namesByID[$0] ?? actorName($0) }, to: &out)
                }
            }
        }
        out.append("\n")
        return out.string
    }

    /// `: Actor, Actor` after a task, when it names any.
    private static func actors(_ names: [String], to out: inout UTF8Text) {
        for (index, name) in names.enumerated() {
            out.append(index == 0 ? ": " : ", ")
            out.verbatim(name)
        }
    }

    /// A Markdown section ready for a pull request or a wiki page: a heading with the journey's
    /// title, the diagram in a fenced `mermaid` block, then `findings` as a list.
    ///
    /// - Parameter findings: The analyser's findings (`Analyzer().analyze(journey)`), listed in
    ///   the order given; with `persona`, only those the persona's view concerns.
    public static func markdown(_ journey: Journey, findings: [Diagnostic], persona: String? = nil,
                                language: String? = nil) throws(UnknownPersona) -> String {
        let words = DiagramWords.forLanguage(language ?? journey.lang).graph
        let diagram = try mermaid(journey, persona: persona)
        let findings = persona.map { findings.concerning(persona: $0, in: journey) } ?? findings
        var text = "# \(MarkdownText.escape(journey.title.isEmpty ? journey.id : journey.title))\n\n"
        // Every diagram line but `journey` is indented by four spaces, so no name can close the fence.
        text += "```mermaid\n" + diagram + "```\n\n"
        if findings.isEmpty {
            text += words.noFindings + "\n"
        } else {
            text += words.findingsHeading + "\n\n"
            for finding in findings {
                text += "- " + findingLine(finding, in: journey) + "\n"
            }
        }
        return text
    }

    /// `**warning** Element name: message [rule]`, naming the element the finding is about.
    static func findingLine(_ finding: Diagnostic, in journey: Journey) -> String {
        var line = "**\(finding.severity.rawValue)** "
        if let name = elementName(for: finding, in: journey) {
            line += MarkdownText.escape(name) + ": "
        }
        line += MarkdownText.escape(finding.message)
        if let rule = finding.rule { line += " [\(MarkdownText.escape(rule))]" }
        return line
    }

    /// The name of the most specific element a finding refers to: touchpoint, stage, channel, persona.
    static func elementName(for finding: Diagnostic, in journey: Journey) -> String? {
        if let id = finding.references[.touchpoint], let touchpoint = journey.touchpoints.first(where: { $0.id == id }) {
            return touchpoint.name
        }
        if let id = finding.references[.stage], let stage = journey.stages.first(where: { $0.id == id }) { return stage.name }
        if let id = finding.references[.channel], let channel = journey.channels.first(where: { $0.id == id }) { return channel.name }
        if let id = finding.references[.persona], let persona = journey.personas.first(where: { $0.id == id }) { return persona.name }
        return nil
    }

    /// Up to this many personas, every task for everyone names them all.
    static let everyoneActorLimit = 10

    private static func actorName(_ name: String) -> String {
        nonEmpty(MermaidText.escape(name, isActor: true))
    }

    /// Mermaid needs at least one character in a name.
    private static func nonEmpty(_ name: String) -> String {
        name.isEmpty ? "(unnamed)" : name
    }

    /// Writes a name with `write`, or `(unnamed)` when it wrote nothing.
    private static func nonEmpty(_ out: inout UTF8Text, _ write: (inout UTF8Text) -> Void) {
        let start = out.bytes.count
        write(&out)
        if out.bytes.count == start { out.append("(unnamed)") }
    }
}

