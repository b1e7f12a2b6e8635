/// One check the analyser runs over a journey: a small type with an id, a description (its
/// words and example journeys, the same text `cjm rules`, `docs/rules.md` and SARIF show) and
/// the code that finds what it flags.
///
/// Adding a rule is a one-file job: write a type in `Analysis/Rules/` with its `id`, its
/// `description` (with at least one triggering and one non-triggering example journey) and
/// `findings(in:)`, and list it in `Analyzer.allRules`. The tests then run its examples;
/// `CJM_RECORD_GOLDEN=1 swift test --filter RulesDocumentation` writes its section of
/// `docs/rules.md`, and docs/format.md's table of rule ids needs a row for it.
public protocol Rule: Sendable {
    /// The id used in output, `ignore` lists and `--disable`, e.g. `unserved-touchpoint`;
    /// code that names a rule writes `UnservedTouchpointRule.id` rather than the string.
    static var id: String { get }
    /// What the rule flags and why, with example journeys; its `id` is the rule's `id`.
    static var description: RuleDescription { get }
    /// The findings of this rule in the journey (before suppression), each with `rule`,
    /// `references` and a location.
    func findings(in journey: AnalyzedJourney) -> [Diagnostic]
}

extension Rule {
    /// The rule's id (`Self.id`), for code that holds `any Rule`.
    public var id: String { Self.id }
    /// The severity of its findings unless the rule decides otherwise for one finding.
    public var defaultSeverity: Diagnostic.Severity { Self.description.defaultSeverity }
    /// One line: what the rule flags.
    public var summary: String { Self.description.summary }
    /// A paragraph: why it matters and what to do.
    public var explanation: String { Self.description.explanation }

    /// A finding of this rule, located at `element` (or the journey when the element has no location).
    func finding(
        _ message: String, hint: String? = nil, severity: Diagnostic.Severity? = nil,
        at element: SourceLocation?, in journey: AnalyzedJourney,
        references: Diagnostic.References
    ) -> Diagnostic {
        Diagnostic(severity: severity ?? defaultSeverity, message: message,
                   location: element ?? journey.fallbackLocation, hint: hint, rule: id, references: references)
    }

    /// A finding whose rule, references and words `wording` gives from `subject` when a
    /// reporter reads them: for the rules that can find one or two per touchpoint of a large journey.
    func finding(
        _ subject: WordingSubject, worded wording: FindingWording, severity: Diagnostic.Severity? = nil,
        at element: SourceLocation?
    ) -> Diagnostic {
        Diagnostic(severity: severity ?? defaultSeverity, location: element ?? wording.fallbackLocation,
                   wording: wording.words, subject: subject)
    }
}

/// How a rule words its findings, kept with them until a reporter reads their message and
/// hint: the rule's sentences and references, written from a finding's positions in the
/// analysed journey.
struct FindingWording {
    /// Shared by the rule's findings.
    let words: DiagnosticWording
    /// Where findings about the journey as a whole are located.
    let fallbackLocation: SourceLocation

    /// The wording of rule `rule`'s findings in `journey`, whose messages `writeMessage` appends
    /// as UTF-8 bytes; their references are the touchpoint at the subject's first position
    /// unless `references` says otherwise.
    init(_ rule: String, _ journey: AnalyzedJourney,
         writeMessage: @escaping @Sendable (AnalyzedJourney, WordingSubject, inout UTF8Text) -> Void,
         hint: @escaping @Sendable (AnalyzedJourney, WordingSubject) -> String?,
         references: @escaping @Sendable (AnalyzedJourney, WordingSubject) -> Diagnostic.References = { Self.touchpoint($0, $1) }) {
        words = DiagnosticWording(rule: rule, references: { references(journey, $0) },
                                  writeMessage: { writeMessage(journey, $0, &$1) }, hint: { hint(journey, $0) })
        fallbackLocation = journey.fallbackLocation
    }

    /// The same for messages written as Strings.
    init(_ rule: String, _ journey: AnalyzedJourney,
         message: @escaping @Sendable (AnalyzedJourney, WordingSubject) -> String,
         hint: @escaping @Sendable (AnalyzedJourney, WordingSubject) -> String?,
         references: @escaping @Sendable (AnalyzedJourney, WordingSubject) -> Diagnostic.References = { Self.touchpoint($0, $1) }) {
        self.init(rule, journey, writeMessage: { $2.verbatim(message($0, $1)) }, hint: hint, references: references)
    }

    /// The references of most findings: the touchpoint at the subject's first position.
    static func touchpoint(_ journey: AnalyzedJourney, _ subject: WordingSubject) -> Diagnostic.References {
        [.touchpoint: journey.touchpoints.id(at: Int(subject.first))]
    }
}

/// A journey with the lookups every rule needs, computed once in time linear in the
/// journey's size, so that no rule has to search lists or compare all pairs.
///
/// The journey is expected to be valid (as the importers guarantee before analysis);
/// references to unknown elements are skipped rather than trusted.
public struct AnalyzedJourney: Sendable {
    /// A touchpoint with the index of the stage it belongs to.
    public struct PlacedTouchpoint: Sendable {
        /// The touchpoint.
        public let touchpoint: Touchpoint
        /// The index of its stage in `journey.stages`.
        public let stageIndex: Int
    }

    /// Every touchpoint of a journey in document order, with its stage: a view on the journey's
    /// stages (a stage and a position per touchpoint), not a copy of every touchpoint, which held
    /// some 30 MB for 100k touchpoints while the rules ran.
    public struct PlacedTouchpoints: RandomAccessCollection, Sendable {
        private let stages: [Stage]
        /// For each touchpoint, its stage's index and its index in the stage.
        private let positions: [(stage: Int32, index: Int32)]

        init(_ stages: [Stage]) {
            self.stages = stages
            var positions: [(stage: Int32, index: Int32)] = []
            positions.reserveCapacity(stages.reduce(0) { $0 + $1.touchpoints.count })
            for (stageIndex, stage) in stages.enumerated() {
                for index in stage.touchpoints.indices { positions.append((Int32(stageIndex), Int32(index))) }
            }
            self.positions = positions
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { positions.count }

        /// The touchpoint at `position` in document order, with its stage.
        public subscript(position: Int) -> PlacedTouchpoint {
            let (stage, index) = positions[position]
            return PlacedTouchpoint(touchpoint: stages[Int(stage)].touchpoints[Int(index)], stageIndex: Int(stage))
        }

        /// Calls `body` with each touchpoint's position in document order, the touchpoint
        /// borrowed where it is in its stage, and its stage's index: `placed.touchpoint` copies
        /// the touchpoint (a retain and a release of each of its fields), for each rule.
        func forEach(_ body: (_ position: Int, _ touchpoint: borrowing Touchpoint, _ stageIndex: Int) -> Void) {
            var position = 0
            for stageIndex in stages.indices {
                stages[stageIndex].touchpoints.withUnsafeBufferPointer { touchpoints in
                    for index in touchpoints.indices {
                        body(position, touchpoints[index], stageIndex)
                        position += 1
                    }
                }
            }
        }

        /// What `body` reads of the touchpoint at `position`, the touchpoint borrowed where it is
        /// in its stage (`self[position].touchpoint` copies it: a retain and a release of each field).
        func read<Result>(at position: Int, _ body: (borrowing Touchpoint) -> Result) -> Result {
            let (stage, index) = positions[position]
            return stages[Int(stage)].touchpoints.withUnsafeBufferPointer { body($0[Int(index)]) }
        }

        /// Whether the touchpoint at `position` has a handoff, read in place.
        func hasHandoff(at position: Int) -> Bool {
            let (stage, index) = positions[position]
            return stages[Int(stage)].touchpoints[Int(index)].handoff != nil
        }

        /// The id of the touchpoint at `position`, read in place (without copying the touchpoint).
        func id(at position: Int) -> String {
            let (stage, index) = positions[position]
            return stages[Int(stage)].touchpoints[Int(index)].id
        }

        /// The personas the touchpoint at `position` is for, read in place.
        func personas(at position: Int) -> [String] {
            let (stage, index) = positions[position]
            return stages[Int(stage)].touchpoints[Int(index)].personas
        }

        /// Where the touchpoint at `position` is, read in place.
        func location(at position: Int) -> SourceLocation? {
            let (stage, index) = positions[position]
            return stages[Int(stage)].touchpoints[Int(index)].location
        }
    }

    /// The journey analysed.
    public let journey: Journey
    /// Channels by id (the first one when an id is repeated).
    public let channelsByID: [String: Channel]
    /// Personas by id (the first one when an id is repeated).
    public let personasByID: PersonaIndex
    /// Every touchpoint in document order, with its stage.
    public let touchpoints: PlacedTouchpoints
    /// Positions in `touchpoints` by touchpoint id.
    public let touchpointIndexByID: [String: Int]
    /// Whether at least one touchpoint has a non-empty `next`.
    public let hasFlows: Bool
    /// The latest actuals of the touchpoints' KPIs, compared with their targets (`--actuals`).
    public var kpiReadings: [KPIReading] = []
    /// The day the journey is checked on (today, or `--as-of`), for `stale-evidence`; rules never
    /// read a clock, so without it that rule finds nothing.
    public var checkDate: CalendarDate?
    /// Whether the journey declares at least one channel (its own or a catalogue's). Without
    /// one the channel rules stay silent and `no-channels` speaks for them.
    public var declaresChannels: Bool { !channelsByID.isEmpty }
    /// Whether at least one touchpoint has a backstage step (`unsupported-touchpoint` only speaks then).
    public let hasBackstage: Bool
    /// The ids of every journey of the portfolio being checked; `nil` outside a portfolio check,
    /// where links to other journeys cannot be followed (`broken-journey-link`).
    public var portfolioJourneyIDs: Set<String>?
    /// The index of the first stage that has touchpoints, if any.
    public let firstStageWithTouchpoints: Int?
    /// The index of the last stage that has touchpoints, if any.
    public let lastStageWithTouchpoints: Int?
    /// The `ignore` lists of every element, by role and id, for suppression.
    private let ignoredRules: [Diagnostic.ReferenceRole: [String: Set<String>]]

    // Index tables, built once so that the rules' loops over 100k touchpoints compare small
    // integers instead of hashing string ids and copying channels and touchpoints: each
    // touchpoint's live channels and known `next` steps as positions, in flat arrays.
    /// Positions in `journey.channels` by channel id (the first one when an id is repeated).
    private let channelIndexByID: [String: Int32]
    /// Whether each channel of `journey.channels` is live and has an owner, by position.
    private let channelIsLive: [Bool]
    private let channelHasOwner: [Bool]
    /// Whether a touchpoint names each channel of `journey.channels`, by position (the first
    /// position of a repeated id stands for it).
    private let channelIsUsed: [Bool]
    /// The positions in `journey.channels` of touchpoint `i`'s live channels (first of a repeated
    /// id, each once, in the touchpoint's order) are `liveChannels[liveChannelStart[i]..<liveChannelStart[i + 1]]`.
    private let liveChannelStart: [Int32]
    private let liveChannelList: [Int32]
    /// The positions in `touchpoints` of touchpoint `i`'s `next` steps that exist, each once, in its order.
    private let nextStart: [Int32]
    private let nextList: [Int32]
    /// The channels each persona uses by channel position, by the persona's position in
    /// `journey.personas`; `nil` for a persona that lists none (it uses every channel). Empty
    /// when no persona lists channels: a journey of a million personas keeps no 8 MB of nils.
    private let channelsUsedByPersonaIndex: [Set<Int32>?]
    /// The positions of the first persona with the same id, for personas that repeat an earlier
    /// id (an invalid journey); most journeys have none, so nothing is kept per persona.
    private let firstPositionOfRepeatedPersona: [Int32: Int32]

    /// Computes the lookups of `journey`, in time linear in its size.
    public init(_ journey: Journey, kpiReadings: [KPIReading] = [], checkDate: CalendarDate? = nil,
                portfolioJourneyIDs: Set<String>? = nil) {
        self.journey = journey
        self.kpiReadings = kpiReadings
        self.checkDate = checkDate
        self.portfolioJourneyIDs = portfolioJourneyIDs
        var channels: [String: Channel] = [:]
        for channel in journey.channels where channels[channel.id] == nil { channels[channel.id] = channel }
        channelsByID = channels
        personasByID = PersonaIndex(journey.personas)
        touchpoints = PlacedTouchpoints(journey.stages)
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(touchpoints.count)
        var first: Int?
        var last: Int?
        var position = 0
        var hasFlows = false
        var hasBackstage = false
        for (stageIndex, stage) in journey.stages.enumerated() {
            if !stage.touchpoints.isEmpty {
                if first == nil { first = stageIndex }
                last = stageIndex
            }
        }
        Self.forEachTouchpoint(of: journey.stages) { touchpoint in
            // One hash: the first touchpoint with an id keeps its position.
            indexByID.merge(CollectionOfOne((touchpoint.id, position))) { first, _ in first }
            position += 1
            hasFlows = hasFlows || !touchpoint.next.isEmpty
            hasBackstage = hasBackstage || !touchpoint.backstage.isEmpty
        }
        touchpointIndexByID = indexByID
        firstStageWithTouchpoints = first
        lastStageWithTouchpoints = last
        self.hasFlows = hasFlows
        self.hasBackstage = hasBackstage

        var channelIndexByID: [String: Int32] = [:]
        for (position, channel) in journey.channels.enumerated() where channelIndexByID[channel.id] == nil {
            channelIndexByID[channel.id] = Int32(position)
        }
        self.channelIndexByID = channelIndexByID
        let channelIsLive = journey.channels.map(\.isLive)
        self.channelIsLive = channelIsLive
        channelHasOwner = journey.channels.map { $0.owner != nil }
        var channelIsUsed = [Bool](repeating: false, count: journey.channels.count)
        var liveStart: [Int32] = [0]
        var live: [Int32] = []
        var nextStarts: [Int32] = [0]
        var nexts: [Int32] = []
        liveStart.reserveCapacity(touchpoints.count + 1)
        nextStarts.reserveCapacity(touchpoints.count + 1)
        Self.forEachTouchpoint(of: journey.stages) { touchpoint in
            let firstLive = live.count
            for channelID in touchpoint.channels {
                guard let channel = channelIndexByID[channelID] else { continue }
                channelIsUsed[Int(channel)] = true
                guard channelIsLive[Int(channel)], !live[firstLive...].contains(channel) else { continue }
                live.append(channel)
            }
            liveStart.append(Int32(live.count))
            let firstNext = nexts.count
            for nextID in touchpoint.next {
                guard let next = indexByID[nextID].map(Int32.init), !nexts[firstNext...].contains(next) else { continue }
                nexts.append(next)
            }
            nextStarts.append(Int32(nexts.count))
        }
        self.channelIsUsed = channelIsUsed
        liveChannelStart = liveStart
        liveChannelList = live
        nextStart = nextStarts
        nextList = nexts
        let personaIndex = personasByID
        var repeated: [Int32: Int32] = [:]
        if personaIndex.count < journey.personas.count {
            for (position, persona) in journey.personas.enumerated() {
                if let first = personaIndex.index(of: persona.id), first != position { repeated[Int32(position)] = Int32(first) }
            }
        }
        firstPositionOfRepeatedPersona = repeated
        channelsUsedByPersonaIndex = journey.personas.contains(where: { !$0.channels.isEmpty })
            ? journey.personas.map { persona in persona.channels.isEmpty ? nil : Set(persona.channels.compactMap { channelIndexByID[$0] }) }
            : []

        var ignored: [Diagnostic.ReferenceRole: [String: Set<String>]] = [:]
        func note(_ role: Diagnostic.ReferenceRole, _ id: String, _ rules: [String]) {
            guard !rules.isEmpty else { return }
            ignored[role, default: [:]][id, default: []].formUnion(rules)
        }
        for persona in journey.personas { note(.persona, persona.id, persona.ignore) }
        for channel in journey.channels { note(.channel, channel.id, channel.ignore) }
        for stage in journey.stages { note(.stage, stage.id, stage.ignore) }
        Self.forEachTouchpoint(of: journey.stages) { touchpoint in
            note(.touchpoint, touchpoint.id, touchpoint.ignore)
            note(.from, touchpoint.id, touchpoint.ignore)
        }
        ignoredRules = ignored
    }

    /// Calls `body` with each touchpoint of `stages` in document order, borrowed where it is:
    /// `for touchpoint in stage.touchpoints` copies every touchpoint (a retain and a release of
    /// each of its fields), which was a third of building these tables.
    private static func forEachTouchpoint(of stages: [Stage], _ body: (borrowing Touchpoint) -> Void) {
        for stageIndex in stages.indices {
            stages[stageIndex].touchpoints.withUnsafeBufferPointer { touchpoints in
                for index in touchpoints.indices { body(touchpoints[index]) }
            }
        }
    }

    /// The positions in `journey.channels` of the live channels of the touchpoint at `index` in
    /// `touchpoints`, each once, in the touchpoint's order.
    func liveChannelIndices(ofTouchpointAt index: Int) -> ArraySlice<Int32> {
        liveChannelList[Int(liveChannelStart[index])..<Int(liveChannelStart[index + 1])]
    }

    /// The positions in `touchpoints` of the `next` steps of the touchpoint at `index` that
    /// exist, each once, in its order.
    func nextIndices(ofTouchpointAt index: Int) -> ArraySlice<Int32> {
        nextList[Int(nextStart[index])..<Int(nextStart[index + 1])]
    }

    /// Whether the persona at `personaIndex` in `journey.personas` uses the channel at
    /// `channelIndex` (the positional form of `persona(_:uses:)`, for a persona's first position).
    func persona(at personaIndex: Int, uses channelIndex: Int32) -> Bool {
        channelsUsed(byPersonaAt: personaIndex)?.contains(channelIndex) ?? true
    }

    /// The channel positions the persona at `position` names; `nil` when it names none (it uses every channel).
    private func channelsUsed(byPersonaAt position: Int) -> Set<Int32>? {
        position < channelsUsedByPersonaIndex.count ? channelsUsedByPersonaIndex[position] : nil
    }

    /// The position in `journey.personas` of the first persona with the id of the one at `position`.
    func firstPersonaPosition(sharingIDWith position: Int) -> Int {
        firstPositionOfRepeatedPersona[Int32(position)].map(Int.init) ?? position
    }

    /// Whether a touchpoint names the channel with this id.
    func isUsed(channel id: String) -> Bool {
        channelIndexByID[id].map { channelIsUsed[Int($0)] } ?? false
    }

    /// Whether one of the touchpoint's channels has an owner (without copying its channels).
    func hasOwnedChannel(_ touchpoint: Touchpoint) -> Bool {
        touchpoint.channels.contains { channelIndexByID[$0].map { channelHasOwner[Int($0)] } ?? false }
    }

    /// The position in `journey.personas` of the first persona with `id`.
    func personaIndex(of id: String) -> Int? { personasByID.index(of: id) }

    /// Where findings about the journey as a whole are located.
    public var fallbackLocation: SourceLocation {
        journey.location ?? SourceLocation(file: "", line: 1, column: 1)
    }

    /// The touchpoint with this id, if there is one.
    public func touchpoint(_ id: String) -> Touchpoint? {
        touchpointIndexByID[id].map { touchpoints[$0].touchpoint }
    }

    /// The channels of a touchpoint that exist, in its order.
    public func channels(of touchpoint: Touchpoint) -> [Channel] {
        touchpoint.channels.compactMap { channelsByID[$0] }
    }

    /// The live channels of a touchpoint, in its order.
    public func liveChannels(of touchpoint: Touchpoint) -> [Channel] {
        channels(of: touchpoint).filter(\.isLive)
    }

    /// `Wording.list(liveChannels(of: touchpoint).map(\.name))`, appended without copying the
    /// channels or making a String.
    func writeLiveChannelNames(of touchpoint: borrowing Touchpoint, to out: inout UTF8Text) {
        let live = touchpoint.channels.compactMap { id in channelIndexByID[id].flatMap { channelIsLive[Int($0)] ? Int($0) : nil } }
        out.appendList(live.count) { index, out in out.verbatim(journey.channels[live[index]].name) }
    }

    /// Whether persona `personaID` uses channel `channelID` (an empty channel list means every channel).
    public func persona(_ personaID: String, uses channelID: String) -> Bool {
        // The first persona of a repeated id counts, as in `personasByID`.
        guard let position = personasByID.index(of: personaID) else { return false }
        guard let used = channelsUsed(byPersonaAt: position) else { return true }
        return channelIndexByID[channelID].map(used.contains) ?? false
    }

    /// The audience of a touchpoint: its personas, or every persona when it names none.
    public func audience(of touchpoint: Touchpoint) -> [Persona] {
        touchpoint.personas.isEmpty ? journey.personas : touchpoint.personas.compactMap { personasByID[$0] }
    }

    /// Whether the touchpoint reaches the persona: the persona is in its audience and at least
    /// one of its channels is live and used by the persona.
    public func touchpoint(_ touchpoint: Touchpoint, reaches personaID: String) -> Bool {
        touchpoint.isAimed(at: personaID)
            && touchpoint.channels.contains { channelsByID[$0]?.isLive == true && persona(personaID, uses: $0) }
    }

    /// Whether the element with `id` in `role` lists `rule` in its `ignore` (the journey's own
    /// list not counted): for rules that leave such elements out of a grouped finding.
    public func ignores(_ role: Diagnostic.ReferenceRole, _ id: String, rule: String) -> Bool {
        ignoredRules[role]?[id]?.contains(rule) == true
    }

    /// Whether the journey or an element the finding refers to lists the finding's rule in `ignore`.
    public func isSuppressed(_ finding: Diagnostic) -> Bool {
        guard let rule = finding.rule else { return false }
        if journey.ignore.contains(rule) { return true }
        // Most journeys ignore nothing: then no finding needs its references hashed.
        guard !ignoredRules.isEmpty else { return false }
        return finding.references.contains { role, id in ignoredRules[role]?[id]?.contains(rule) == true }
    }
}

/// Runs the rules over a journey: a pure function of the model, no I/O.
public struct Analyzer: Sendable {
    /// Every rule, in the order `cjm rules` lists them.
    public static let allRules: [any Rule] = [
        UnservedTouchpointRule(),
        UnownedTouchpointRule(),
        ChannelGapRule(),
        BrokenHandoffRule(),
        UnreachableTouchpointRule(),
        DeadEndRule(),
        EmptyStageRule(),
        UnusedChannelRule(),
        UnusedPersonaRule(),
        UnmeasuredStageRule(),
        UnaddressedPainRule(),
        KPIOffTargetRule(),
        UnevidencedMomentRule(),
        StaleEvidenceRule(),
        UnsupportedTouchpointRule(),
        BrokenJourneyLinkRule(),
        NoChannelsRule(),
    ]

    /// The ids of every rule, for validating `ignore` lists and `--disable`.
    public static var allRuleIDs: [String] { allRules.map(\.id) }

    /// The rule with this id, if there is one.
    public static func rule(withID id: String) -> (any Rule)? {
        allRules.first { $0.id == id }
    }

    /// "did you mean …?" for a rule id that does not exist, or a pointer to `cjm rules`.
    public static func hint(forUnknownRule id: String) -> String {
        Suggestion.hint(for: id, among: allRuleIDs, fallback: "run `cjm rules` to list the rule ids")
            ?? "run `cjm rules` to list the rule ids"
    }

    /// The rules this analyser runs.
    public var rules: [any Rule]

    /// Severities that replace the rules' own, by rule id (a project's `.cjm.json`): every
    /// finding of such a rule gets this severity, whatever the rule gave it.
    public var severities: [String: Diagnostic.Severity]

    /// An analyser running `rules` except those whose ids are in `disabled` (`--disable`),
    /// giving the findings of the rules in `severities` that severity.
    public init(rules: [any Rule] = Analyzer.allRules, disabled: Set<String> = [], severities: [String: Diagnostic.Severity] = [:]) {
        self.rules = rules.filter { !disabled.contains($0.id) }
        self.severities = severities
    }

    /// The findings that are not suppressed by an `ignore` list, ordered by location, then rule id.
    public func analyze(_ journey: Journey) -> [Diagnostic] {
        analyze(AnalyzedJourney(journey))
    }

    /// The same, for a journey whose lookups are already computed.
    public func analyze(_ journey: AnalyzedJourney) -> [Diagnostic] {
        // Each rule's findings filtered in its own array, then moved into one array of exactly
        // their number: a journey can have hundreds of thousands of findings (150 bytes each),
        // and appending rule after rule doubled one array, holding the old buffer beside the new
        // (58 MB at 130,000 findings, the peak of `cjm diff`; issue 19, memory).
        var byRule: [[Diagnostic]] = []
        byRule.reserveCapacity(rules.count)
        for rule in rules {
            var found = rule.findings(in: journey)
            found.removeAll { journey.isSuppressed($0) }
            if !severities.isEmpty {
                for index in found.indices {
                    if let rule = found[index].rule, let severity = severities[rule] { found[index].severity = severity }
                }
            }
            byRule.append(found)
        }
        var findings: [Diagnostic] = []
        findings.reserveCapacity(byRule.reduce(0) { $0 + $1.count })
        for index in byRule.indices {
            findings += byRule[index]
            byRule[index] = []  // each rule's array goes once it is copied
        }
        // Sorted through their positions: the (stable) merge sort then moves 4-byte positions
        // instead of copying findings, five reference counts each, which was 8 % of `cjm check`
        // on 200,000 findings. Findings are worded when read, so the last tie-break of `<`, the
        // message, is left to runs of findings at the same place from the same rule (two steps
        // into one touchpoint), each worded once rather than in every comparison. A stable sort
        // by place, then each run's stable sort by message, is the stable sort by `<`.
        var order = Array(0..<Int32(findings.count))
        findings.withUnsafeBufferPointer { found in
            order.sort { Diagnostic.precedesByPlace(found[Int($0)], found[Int($1)]) }
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count, Diagnostic.haveSamePlace(found[Int(order[start])], found[Int(order[end])]) { end += 1 }
                if end - start > 1 {
                    let run = order[start..<end].map { (position: $0, message: found[Int($0)].message) }
                    order.replaceSubrange(start..<end, with: run.sorted { $0.message < $1.message }.map(\.position))
                }
                start = end
            }
        }
        findings.permute(to: order)
        return findings
    }
}

/// The personas of a journey by id (the first one when an id is repeated), as positions in the
/// journey's list: a dictionary of personas would hold a second copy of every persona (issue 17:
/// a million personas took 1 GB).
public struct PersonaIndex: Sendable {
    private let personas: [Persona]
    /// Positions in `personas`, keyed by the personas' own ids (no copy of them).
    private let positions: IDSlots

    init(_ personas: [Persona]) {
        self.personas = personas
        var positions = IDSlots(capacity: personas.count)
        for (position, persona) in personas.enumerated() {
            let probe = positions.probe(persona.id) { personas[Int($0)].id }
            if probe.value == nil { positions.fill(probe, with: UInt32(position)) { personas[Int($0)].id } }
        }
        self.positions = positions
    }

    /// The persona with `id`, if the journey has one.
    public subscript(id: String) -> Persona? {
        index(of: id).map { personas[$0] }
    }

    /// How many distinct ids the personas have.
    var count: Int { positions.count }

    /// The position in the journey's personas of the first persona with `id`.
    func index(of id: String) -> Int? {
        positions.probe(id) { personas[Int($0)].id }.value.map(Int.init)
    }
}

extension Array {
    /// Reorders the elements in place so that position `i` holds what was at `order[i]`,
    /// following each cycle of the permutation with swaps: a sorted copy of 200,000 findings
    /// would sit beside the array it copies (30 MB, the peak of `cjm diff`'s second check).
    /// `order` is used up (each position is marked done by pointing at itself).
    mutating func permute(to order: consuming [Int32]) {
        precondition(order.count == count, "a permutation of every position")
        // Swapped in the buffer, which moves the elements' bytes: `Array.swapAt` copied each one
        // (a retain and a release of every reference it holds).
        withUnsafeMutableBufferPointer { elements in
            for start in order.indices where Int(order[start]) != start {
                var current = start
                while Int(order[current]) != start {
                    let next = Int(order[current])
                    elements.swapAt(current, next)
                    order[current] = Int32(current)
                    current = next
                }
                order[current] = Int32(current)
            }
        }
    }
}
