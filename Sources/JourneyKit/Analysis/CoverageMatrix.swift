/// The coverage table of a journey: stages as columns, channels as rows, and in each cell the
/// touchpoints of that stage on that channel. Optionally seen by one persona: which
/// touchpoints do not reach them, and which stages leave them with no touchpoint at all
/// (the `channel-gap` rule's view).
public struct CoverageMatrix: Sendable, Hashable {
    /// A touchpoint in a cell; `reachesPersona` is `nil` when the matrix is not for a persona.
    public struct Entry: Sendable, Hashable {
        /// The touchpoint's id.
        public var touchpointID: String
        /// The touchpoint's name.
        public var name: String
        /// Whether it reaches the persona the matrix is seen by; `nil` without a persona.
        public var reachesPersona: Bool?
    }

    /// One row: a channel (or touchpoints with no channel, when `channelID` is `nil`).
    public struct Row: Sendable, Hashable {
        /// The channel's id; `nil` for the row of touchpoints without a channel.
        public var channelID: String?
        /// The channel's name, with its status when it is not live, e.g. `Pagos por WhatsApp (planned)`.
        public var label: String
        /// One cell per stage, in stage order.
        public var cells: [[Entry]]
    }

    /// The stage names, in order.
    public var stages: [String]
    /// The rows: one per channel in journey order, then touchpoints without a channel.
    public var rows: [Row]
    /// The persona the matrix is seen by, if any.
    public var persona: Persona?
    /// For each stage, whether it has touchpoints at all.
    public var stageHasTouchpoints: [Bool]
    /// For each stage (when seen by a persona), whether some touchpoint of it reaches the persona.
    public var stageReachesPersona: [Bool]?

    /// Builds the matrix of `journey`, seen by the persona `personaID` when given.
    public init(_ journey: Journey, persona personaID: String? = nil) throws(UnknownPersona) {
        let analyzed = AnalyzedJourney(journey)
        if let personaID {
            self.persona = try journey.persona(withID: personaID)
        } else {
            self.persona = nil
        }
        stages = journey.stages.map(\.name)
        stageHasTouchpoints = journey.stages.map { !$0.touchpoints.isEmpty }

        var rowIndexByChannel: [String: Int] = [:]
        var rows = journey.channels.enumerated().map { index, channel in
            if rowIndexByChannel[channel.id] == nil { rowIndexByChannel[channel.id] = index }
            return Row(channelID: channel.id,
                       label: channel.isLive ? channel.name : "\(channel.name) (\(channel.status.rawValue))",
                       cells: Array(repeating: [], count: journey.stages.count))
        }
        var withoutChannel = Row(channelID: nil, label: "(no channel)", cells: Array(repeating: [], count: journey.stages.count))
        var stageReaches = [Bool](repeating: false, count: journey.stages.count)
        for placed in analyzed.touchpoints {
            let touchpoint = placed.touchpoint
            let reaches = persona.map { analyzed.touchpoint(touchpoint, reaches: $0.id) }
            if reaches == true { stageReaches[placed.stageIndex] = true }
            let entry = Entry(touchpointID: touchpoint.id, name: touchpoint.name, reachesPersona: reaches)
            var placedSomewhere = false
            for channelID in Set(touchpoint.channels).sorted() {
                guard let row = rowIndexByChannel[channelID] else { continue }
                rows[row].cells[placed.stageIndex].append(entry)
                placedSomewhere = true
            }
            if !placedSomewhere { withoutChannel.cells[placed.stageIndex].append(entry) }
        }
        if withoutChannel.cells.contains(where: { !$0.isEmpty }) { rows.append(withoutChannel) }
        self.rows = rows
        stageReachesPersona = persona == nil ? nil : stageReaches
    }
}
