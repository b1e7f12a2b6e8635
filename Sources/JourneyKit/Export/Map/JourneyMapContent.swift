/// What a journey map shows, before any geometry: the stages as columns, a card per
/// touchpoint with the texts of each lane, and the emotion lines.
///
/// One builder (`init(journey:findings:options:)`) reads the journey, so that a new field of
/// the format changes only the builder, not the layout or the SVG writer.
struct JourneyMapContent: Sendable, Hashable {
    /// A channel on a touchpoint card.
    struct Chip: Sendable, Hashable {
        var name: String
        var status: Channel.Status
    }

    /// A text of a lane (a pain, an opportunity, a KPI…), with the persona it is about, if any.
    struct Note: Sendable, Hashable {
        var text: String
        /// The name of the persona whose experience this is (shown before the text).
        var persona: String? = nil

        /// What the map draws: "Name: text" for a persona's note.
        var shown: String { persona.map { "\($0): \(text)" } ?? text }
    }

    /// A finding in the words of the map's language.
    struct Finding: Sendable, Hashable {
        var rule: String
        var severity: Diagnostic.Severity
        var text: String
    }

    /// A step behind the line of visibility (format 1.1).
    struct BackstageItem: Sendable, Hashable {
        /// `backstage`, `support` or `system`.
        var kind: String
        var name: String
        var owner: String?
    }

    /// A touchpoint as the map draws it.
    struct Card: Sendable, Hashable {
        var id: String
        var name: String
        var chips: [Chip]
        var initiator: Touchpoint.Initiator
        var isEntry: Bool
        var isMomentOfTruth: Bool
        var pains: [Note]
        var opportunities: [Note]
        var kpis: [Note]
        var owners: [String]
        var backstage: [BackstageItem]
        var findings: [Finding]
        /// What each note lane draws under the card, in `noteLanes` order: worked out once, as
        /// the layout asks for them on each trial of a page and again when it draws.
        var noteTexts: [[String]] = []

        /// The texts a lane shows under the card (none for the touchpoints and emotion lanes).
        func notes(_ lane: MapLane) -> [String] {
            guard let index = JourneyMapContent.noteIndex(lane), index < noteTexts.count else { return [] }
            return noteTexts[index]
        }

        /// The texts of a note lane, as drawn.
        func shownNotes(_ lane: MapLane, words: DiagramWords) -> [String] {
            switch lane {
            case .pains: pains.map(\.shown)
            case .opportunities: opportunities.map(\.shown)
            case .kpis: kpis.map(\.shown)
            case .owners: owners.isEmpty ? [] : [owners.joined(separator: ", ")]
            case .backstage: backstage.map { item in
                "\(words.backstageKinds[item.kind] ?? item.kind): \(item.name)" + (item.owner.map { " (\($0))" } ?? "")
            }
            case .findings: findings.map(\.text)
            case .touchpoints, .emotion: []
            }
        }
    }

    /// The lanes of notes under the cards, in the order of `Card.noteTexts`.
    static let noteLanes: [MapLane] = [.pains, .opportunities, .kpis, .owners, .backstage, .findings]

    static func noteIndex(_ lane: MapLane) -> Int? {
        switch lane {
        case .pains: 0
        case .opportunities: 1
        case .kpis: 2
        case .owners: 3
        case .backstage: 4
        case .findings: 5
        case .touchpoints, .emotion: nil
        }
    }

    /// A stage: its column head and its cards in order.
    struct Column: Sendable, Hashable {
        var id: String
        var name: String
        var cards: [Card]
        /// Findings about the stage as a whole (empty stage, channel gap…).
        var findings: [Finding]
    }

    /// One emotion line: a value per card of the map, in map order; nil leaves a gap.
    struct EmotionSeries: Sendable, Hashable {
        /// The persona's id; "" for the single line of a journey whose personas feel alike.
        var persona: String
        /// The name written at the line's end; "" for the single line.
        var name: String
        var values: [Int?]
    }

    var title: String
    /// Scenario and persona, when the map shows one.
    var subtitle: String?
    var stages: [Column]
    var emotion: [EmotionSeries]
    var words: DiagramWords

    /// Every card of the map, in order (the order of the emotion values).
    var cards: [Card] { stages.flatMap(\.cards) }

    /// Whether a lane has anything to show.
    func hasContent(_ lane: MapLane) -> Bool {
        /// Whether a card has what `has` asks for, reading the cards in place: a copy of every
        /// card per lane (`cards`) was 3 % of the map's instructions.
        func anyCard(_ has: (Card) -> Bool) -> Bool {
            stages.indices.contains { stage in stages[stage].cards.indices.contains { has(stages[stage].cards[$0]) } }
        }
        switch lane {
        case .touchpoints: return true
        case .emotion: return emotion.contains { $0.values.contains { $0 != nil } }
        case .pains: return anyCard { !$0.pains.isEmpty }
        case .opportunities: return anyCard { !$0.opportunities.isEmpty }
        case .kpis: return anyCard { !$0.kpis.isEmpty }
        case .owners: return anyCard { !$0.owners.isEmpty }
        case .backstage: return anyCard { !$0.backstage.isEmpty }
        case .findings: return stages.contains { !$0.findings.isEmpty } || anyCard { !$0.findings.isEmpty }
        }
    }

    /// The map's content: the journey's stages and touchpoints (only the persona's when the
    /// options focus on one), with the findings the options ask for, in the options' language.
    init(journey: Journey, findings: [Diagnostic], options: JourneyMapOptions) {
        // The journey's own language labels its map unless the options ask for another.
        let words = DiagramWords.forLanguage(options.language ?? journey.lang)
        let channels = Dictionary(journey.channels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let personas = Dictionary(journey.personas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let touchpointNames = Dictionary(journey.touchpoints.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let focus = options.persona.flatMap { personas[$0] }
        var readings: [String: [String: KPIReading]] = [:]
        for reading in options.kpiReadings { readings[reading.touchpoint, default: [:]][reading.kpi] = reading }
        let visits = options.observed?.visitsByTouchpoint ?? [:]
        let shownFindings = !options.showsFindings ? [] : focus.map { findings.concerning(persona: $0.id, in: journey) } ?? findings

        // Findings by what they are about; those about a channel or persona alone have no place on the map.
        var aboutTouchpoint: [String: [Diagnostic]] = [:]
        var aboutStage: [String: [Diagnostic]] = [:]
        for finding in shownFindings.sorted() where finding.rule != nil {
            if let touchpoint = finding.references[.touchpoint] {
                aboutTouchpoint[touchpoint, default: []].append(finding)
            } else if let stage = finding.references[.stage] {
                aboutStage[stage, default: []].append(finding)
            }
        }

        // The personas a finding concerns, by name: all of them up to three, else two and a count.
        func personaName(_ finding: Diagnostic) -> String {
            let ids = finding.personaIDs
            let graph = words.graph
            return Wording.abbreviatedList(first: ids.prefix(3).map { personas[$0]?.name ?? $0 }, of: ids.count, and: words.and) {
                graph.fill(graph.more, persona: "", count: $0)
            }
        }
        func text(of finding: Diagnostic, touchpoint: Touchpoint?) -> Finding {
            let rule = finding.rule ?? ""
            var key = rule
            var reasons: [String] = []
            if rule == "unserved-touchpoint", let touchpoint {
                let known = touchpoint.channels.compactMap { channels[$0] }
                let concerned = finding.personaIDs
                // Whether a live channel is not theirs is said only when the finding is about one persona.
                let persona = concerned.count == 1 ? personas[concerned[0]] : nil
                if !concerned.isEmpty { key += ".persona" } else if known.isEmpty { key += ".no-channel" }
                for channel in known {
                    switch channel.status {
                    case .planned: reasons.append(DiagramWords.fill(words.channelIsPlanned, ["c": channel.name]))
                    case .retired: reasons.append(DiagramWords.fill(words.channelIsRetired, ["c": channel.name]))
                    case .live:
                        if let persona, !persona.uses(channel: channel.id) {
                            reasons.append(DiagramWords.fill(words.notTheirChannel, ["c": channel.name]))
                        }
                    }
                }
            } else if rule == "unaddressed-pain" {
                if !finding.personaIDs.isEmpty { key += ".persona" }
                if touchpoint?.momentOfTruth == true { key += ".moment-of-truth" }
            }
            let from = finding.references[.from].map { touchpointNames[$0] ?? $0 } ?? ""
            let shown = words.finding(key, persona: personaName(finding), from: from, reasons: reasons) ?? finding.message
            return Finding(rule: rule, severity: finding.severity, text: shown)
        }

        // One emotion line per persona when the personas' experiences make them feel differently
        // somewhere; otherwise (and on a map focused on one persona) a single line.
        let differ = focus == nil && journey.touchpoints.contains { touchpoint in
            touchpoint.experiences.contains { $0.emotion != nil && $0.emotion != touchpoint.emotion }
        }
        let linePersonas = differ ? journey.personas : []
        var columns: [Column] = []
        var series: [Int?] = []
        var personaSeries: [[Int?]] = Array(repeating: [], count: linePersonas.count)
        func clamped(_ emotion: Int?) -> Int? { emotion.map { min(max($0, -2), 2) } }
        for stage in journey.stages {
            var cards: [Card] = []
            for touchpoint in stage.touchpoints where focus.map({ touchpoint.isAimed(at: $0.id) }) ?? true {
                let known = touchpoint.channels.compactMap { channels[$0] }
                let owners = touchpoint.owner.map { [$0] } ?? Self.unique(known.compactMap(\.owner))
                var card = Card(
                    id: touchpoint.id,
                    name: touchpoint.name,
                    chips: touchpoint.channels.map { id in
                        channels[id].map { Chip(name: $0.name, status: $0.status) } ?? Chip(name: id, status: .live)
                    } + (touchpoint.journey.map { linked in
                        // The sub-journey, as one more pill on the card: where the customer goes on.
                        [Chip(name: words.continues(in: options.linkedJourneyTitles[linked] ?? linked), status: .live)]
                    } ?? []) + (visits[touchpoint.id].map { visit in
                        // How many of the observed cases got this far, as one more pill.
                        [Chip(name: words.reached(share: visit.share, cases: visit.cases), status: .live)]
                    } ?? []),
                    initiator: touchpoint.initiator,
                    isEntry: touchpoint.entry,
                    isMomentOfTruth: touchpoint.momentOfTruth,
                    pains: touchpoint.pains.map { Note(text: $0) } + touchpoint.experiences.flatMap { experience in
                        // A persona's own pains, under the touchpoint, marked with the persona's name;
                        // a map focused on a persona shows only that persona's.
                        guard focus.map({ $0.id == experience.persona }) ?? true else { return [Note]() }
                        let name = personas[experience.persona]?.name ?? experience.persona
                        return experience.pains.map { Note(text: $0, persona: name) }
                    },
                    opportunities: touchpoint.opportunities.map { Note(text: $0) },
                    kpis: touchpoint.kpis.map { kpi in Note(text: words.kpi(kpi, reading: readings[touchpoint.id]?[kpi.name])) },
                    owners: owners,
                    backstage: touchpoint.backstage.map { BackstageItem(kind: $0.lane.rawValue, name: $0.name, owner: $0.owner) },
                    findings: (aboutTouchpoint[touchpoint.id] ?? []).map { text(of: $0, touchpoint: touchpoint) })
                card.noteTexts = Self.noteLanes.map { card.shownNotes($0, words: words) }
                cards.append(card)
                series.append(clamped(focus.map { touchpoint.emotion(for: $0.id) } ?? touchpoint.emotion))
                for (index, persona) in linePersonas.enumerated() {
                    personaSeries[index].append(touchpoint.isAimed(at: persona.id) ? clamped(touchpoint.emotion(for: persona.id)) : nil)
                }
            }
            columns.append(Column(id: stage.id, name: stage.name, cards: cards,
                                  findings: (aboutStage[stage.id] ?? []).map { text(of: $0, touchpoint: nil) }))
        }

        var subtitle: [String] = []
        if let scenario = options.scenarioName { subtitle.append("\(words.scenarioLabel): \(scenario)") }
        if let focus { subtitle.append("\(words.personaLabel): \(focus.name)") }
        self.title = journey.title
        self.subtitle = subtitle.isEmpty ? nil : subtitle.joined(separator: " · ")
        self.stages = columns
        self.emotion = differ
            ? zip(linePersonas, personaSeries).map { EmotionSeries(persona: $0.id, name: $0.name, values: $1) }
            : [EmotionSeries(persona: "", name: "", values: series)]
        self.words = words
    }

    /// The items in first-seen order without repeats.
    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
