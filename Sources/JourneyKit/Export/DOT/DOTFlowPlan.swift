/// The flow view's tables, built once per diagram before anything is written: every touchpoint
/// numbered by its position in document order, which of them are drawn and where, each one's
/// channels as numbers, and every drawn flow resolved to the position of its target.
///
/// The writing pass then indexes arrays and compares small integers: hashing id strings at every
/// flow end and copying touchpoints out of a dictionary (with their fields' reference counts) were
/// over a quarter of the flow view's instructions (issue 19). Every id is hashed once here, and
/// each `next` reference once. Knowing every flow before writing also tells the legend what the
/// diagram uses, so the title and legend go first and the rest can be handed on as it is written.
struct DOTFlowPlan {
    /// How a drawn flow is drawn.
    enum FlowKind: UInt8 {
        case brokenHandoff, sameChannel, channelSwitch
    }

    /// Which of the findings' tables hold something about a touchpoint (bits of `findingMarks`),
    /// so that only those touchpoints look their id up.
    enum FindingMark {
        static let tooltip: UInt8 = 1, unserved: UInt8 = 2, brokenInto: UInt8 = 4
    }

    /// Each touchpoint's stage in `journey.stages` and index there, by position (document order).
    let positions: [(stage: Int32, index: Int32)]
    /// The position of the first touchpoint of each stage of the journey, and the count at the end.
    let stageStart: [Int]
    /// For each position, the first position with the same id: the touchpoint a lookup by id finds.
    let canonical: [Int32]
    /// Every touchpoint's place and the first position of each id (`positions` are its places).
    let touchpointPlaces: TouchpointPlaces
    /// Whether the touchpoint at a position is drawn (every one, or those aimed at the persona).
    let isDrawn: [Bool]
    /// At the canonical position of a drawn touchpoint: its order among the drawn ones (a flow to
    /// an earlier one does not push the layout back) and the drawn stage its box is in; -1 elsewhere.
    let drawnOrder: [Int32], drawnStage: [Int32]
    /// The channels of each position as numbers, flat: those of position `p` are
    /// `channelNumbers[channelStart[p]..<channelStart[p + 1]]`. A number below
    /// `journey.channels.count` is the index of the first channel with the id; above it, an id
    /// the journey does not define (equal ids, equal numbers).
    let channelStart: [Int32], channelNumbers: [Int32]
    /// What a box shows for each defined channel: its name, and its status when not live.
    let channelLabels: [String]
    /// Whether each defined channel is not live.
    let channelIsNotLive: [Bool]
    /// `FindingMark` bits at canonical positions.
    let findingMarks: [UInt8]
    /// The drawn flows of each position, flat: those of `p` are `flowStart[p]..<flowStart[p + 1]`,
    /// each the canonical position of its target and how it is drawn; a target listed twice
    /// is drawn once (a double arrow would look like two flows).
    let flowStart: [Int32], flowTargets: [Int32], flowKinds: [FlowKind]
    /// At canonical positions: whether a forward flow within its stage leaves or reaches the
    /// touchpoint (no ordering edge is needed from or to it).
    let hasForwardSuccessor: [Bool], hasForwardPredecessor: [Bool]

    /// The tables of `context`'s journey; `drawnStageOfStage` gives the drawn stage of each of
    /// the journey's stages (removed stages are drawn between them in a review picture).
    init(_ context: DOTContext, drawnStageOfStage: [Int]) {
        let journey = context.journey
        let stages = journey.stages
        var stageStart: [Int] = []
        var count = 0
        for stage in stages {
            stageStart.append(count)
            count += stage.touchpoints.count
        }
        stageStart.append(count)
        self.stageStart = stageStart

        var channelNumberByID: [String: Int32] = [:]
        for (index, channel) in journey.channels.enumerated() where channelNumberByID[channel.id] == nil {
            channelNumberByID[channel.id] = Int32(index)
        }
        channelLabels = journey.channels.map { channel in
            switch channel.status {
            case .planned: channel.name + "\u{A0}—\u{A0}" + context.words.planned
            case .retired: channel.name + "\u{A0}—\u{A0}" + context.words.retired
            default: channel.name
            }
        }
        channelIsNotLive = journey.channels.map { $0.status != .live }

        // Each id is hashed once, into slots over the journey's own ids: a dictionary keyed by a
        // copy of every id held 5 MB for 100k touchpoints through the whole export.
        var canonical: [Int32] = []
        canonical.reserveCapacity(count)
        let touchpointPlaces = TouchpointPlaces(stages) { _, first in canonical.append(first) }
        let positions = touchpointPlaces.places
        var isDrawn: [Bool] = []
        var drawnOrder: [Int32] = [], drawnStage: [Int32] = []
        var channelStart: [Int32] = [0], channelNumbers: [Int32] = []
        isDrawn.reserveCapacity(count)
        drawnOrder.reserveCapacity(count)
        drawnStage.reserveCapacity(count)
        channelStart.reserveCapacity(count + 1)
        var drawnCount: Int32 = 0
        for (stageIndex, stage) in stages.enumerated() {
            for index in stage.touchpoints.indices {
                let first = canonical[isDrawn.count]  // the count so far is this touchpoint's position
                let drawn = context.includes(stage.touchpoints[index])
                isDrawn.append(drawn)
                drawnOrder.append(-1)
                drawnStage.append(-1)
                if drawn, drawnOrder[Int(first)] < 0 {
                    drawnOrder[Int(first)] = drawnCount
                    drawnStage[Int(first)] = Int32(drawnStageOfStage[stageIndex])
                    drawnCount += 1
                }
                for channel in stage.touchpoints[index].channels {
                    if let number = channelNumberByID[channel] {
                        channelNumbers.append(number)
                    } else {
                        let number = Int32(journey.channels.count + channelNumberByID.count)
                        channelNumberByID[channel] = number
                        channelNumbers.append(number)
                    }
                }
                channelStart.append(Int32(channelNumbers.count))
            }
        }

        var findingMarks = [UInt8](repeating: 0, count: count)
        func mark(_ ids: some Sequence<String>, _ bit: UInt8) {
            for id in ids {
                if let position = touchpointPlaces.position(of: id) { findingMarks[Int(position)] |= bit }
            }
        }
        mark(context.findings.byTouchpoint.keys, FindingMark.tooltip)
        mark(context.findings.unservedPersonas.keys, FindingMark.unserved)
        mark(context.findings.brokenHandoffsInto.keys, FindingMark.brokenInto)

        var flowStart: [Int32] = [0], flowTargets: [Int32] = [], flowKinds: [FlowKind] = []
        flowStart.reserveCapacity(count + 1)
        var hasForwardSuccessor = [Bool](repeating: false, count: count)
        var hasForwardPredecessor = [Bool](repeating: false, count: count)
        // The source that last drew a flow to each target: a target listed twice is drawn once.
        var lastSourceOfTarget = [Int32](repeating: -1, count: count)
        for position in 0..<count {
            let source = Int(canonical[position])
            if drawnOrder[source] >= 0 {
                let (stageIndex, index) = positions[position]
                // Read in place: a copy of the touchpoint would retain and release each of its fields.
                for target in stages[Int(stageIndex)].touchpoints[Int(index)].next {
                    guard let targetPosition = touchpointPlaces.position(of: target), drawnOrder[Int(targetPosition)] >= 0,
                          lastSourceOfTarget[Int(targetPosition)] != Int32(position) else { continue }
                    let targetIndex = Int(targetPosition)
                    lastSourceOfTarget[targetIndex] = Int32(position)
                    let targetChannels = channelNumbers[Int(channelStart[targetIndex])..<Int(channelStart[targetIndex + 1])]
                    let sharesChannel = channelNumbers[Int(channelStart[position])..<Int(channelStart[position + 1])]
                        .contains(where: targetChannels.contains)
                    flowTargets.append(targetPosition)
                    // Only a touchpoint with broken handoffs into it looks its flows up (a key made of both ids).
                    let isBroken = findingMarks[targetIndex] & FindingMark.brokenInto != 0
                        && !context.findings.brokenHandoffs(from: stages[Int(stageIndex)].touchpoints[Int(index)].id, to: target).isEmpty
                    flowKinds.append(isBroken ? .brokenHandoff : sharesChannel ? .sameChannel : .channelSwitch)
                    if drawnOrder[targetIndex] > drawnOrder[source], drawnStage[targetIndex] == drawnStage[source] {
                        hasForwardSuccessor[source] = true
                        hasForwardPredecessor[targetIndex] = true
                    }
                }
            }
            flowStart.append(Int32(flowTargets.count))
        }

        self.positions = positions
        self.canonical = canonical
        self.touchpointPlaces = touchpointPlaces
        self.isDrawn = isDrawn
        self.drawnOrder = drawnOrder
        self.drawnStage = drawnStage
        self.channelStart = channelStart
        self.channelNumbers = channelNumbers
        self.findingMarks = findingMarks
        self.flowStart = flowStart
        self.flowTargets = flowTargets
        self.flowKinds = flowKinds
        self.hasForwardSuccessor = hasForwardSuccessor
        self.hasForwardPredecessor = hasForwardPredecessor
    }

    /// The number of touchpoints.
    var count: Int { positions.count }

    /// The `FindingMark` bits of the touchpoint at `position`.
    func findingMarks(at position: Int) -> UInt8 { findingMarks[Int(canonical[position])] }

    /// The canonical position of the drawn touchpoint with this id, or nil when none is drawn.
    func drawnPosition(of id: String) -> Int? {
        guard let position = touchpointPlaces.position(of: id), drawnOrder[Int(position)] >= 0 else { return nil }
        return Int(position)
    }

    /// The channel numbers of the touchpoint at `position`.
    func channels(at position: Int) -> ArraySlice<Int32> {
        channelNumbers[Int(channelStart[position])..<Int(channelStart[position + 1])]
    }
}
