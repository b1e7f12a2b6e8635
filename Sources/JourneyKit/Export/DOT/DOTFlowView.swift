/// The flow diagram: left to right, a cluster per stage, a box per touchpoint, an arrow per
/// `next` flow, and a legend of what is used.
struct DOTFlowView {
    let context: DOTContext

    /// What the diagram uses, so the legend explains exactly that.
    private struct Usage {
        var momentOfTruth = false
        var businessInitiated = false
        var sameChannelFlow = false
        var channelSwitch = false
        var brokenHandoff = false
        var unserved = false
        var gap = false
        var linked = false
        var observed = false
        var unplannedObserved = false
        var added = false
        var changed = false
        var removed = false
        var notLiveChannel = false
    }

    /// A drawn stage: one of the journey's (with its index there), or a removed one drawn as a ghost.
    private struct DrawnStage {
        let stage: Stage
        let journeyIndex: Int?
        var isGhost: Bool { journeyIndex == nil }
    }

    /// A node of a drawn stage, for keeping stages in order: a touchpoint by position, or a node
    /// of the diagram's own (a removed touchpoint, a gap, an empty stage's note) by its DOT id.
    private enum StageNode {
        case touchpoint(Int)
        case named(String)
    }

    /// The diagram, handed to `emit` in pieces of about `chunkSize` bytes as it is written (one
    /// piece with `Int.max`): the title and legend first, then a line at a time, so that the
    /// diagram of a large journey is never held whole.
    func render(chunkSize: Int, into emit: ([UInt8]) -> Void) {
        let journey = context.journey
        // The stages drawn: the journey's, with removed ones as ghosts where they used to be.
        var drawnStages: [DrawnStage] = []
        var drawnStageOfStage: [Int] = []
        let ghostStages = context.changes?.ghostStages ?? []
        for ghost in ghostStages where ghost.afterStageID == nil { drawnStages.append(DrawnStage(stage: ghost.stage, journeyIndex: nil)) }
        for (index, stage) in journey.stages.enumerated() {
            drawnStageOfStage.append(drawnStages.count)
            drawnStages.append(DrawnStage(stage: stage, journeyIndex: index))
            for ghost in ghostStages where ghost.afterStageID == stage.id { drawnStages.append(DrawnStage(stage: ghost.stage, journeyIndex: nil)) }
        }
        let plan = DOTFlowPlan(context, drawnStageOfStage: drawnStageOfStage)
        let unplannedSteps = unplannedObservedSteps(plan)
        let fixed = FixedBytes(isObserved: context.observed != nil)

        var lines = DOTLines()
        // A piece and the line that passes its end; unstreamed, about 500 bytes a touchpoint (the
        // synthetic journeys take 400), so that the buffer does not grow by copying, holding the
        // old and the new one at once. Pages reserved but not written take no memory.
        lines.out.bytes.reserveCapacity(chunkSize < Int.max / 2 ? 2 * chunkSize : 4096 + 512 * plan.count)
        func handOnFullPiece() { lines.handOn(ifAtLeast: chunkSize, to: emit) }

        lines.open("digraph " + DOTEscaping.id(context.journey.id))
        DOTLabel.graphDefaults(&lines, label: DOTLabel.titleAndLegend(title: context.title,
                                                                       rows: legend(usage(plan, drawnStages: drawnStages, unplannedSteps: unplannedSteps))))
        lines.line("graph " + DOTLines.attributes([
            ("rankdir", "LR"), ("newrank", "true"), ("nodesep", "0.35"), ("ranksep", "0.45"), ("splines", "true"),
        ]))
        lines.line("node " + DOTLines.attributes([
            ("shape", "box"), ("style", "\"rounded,filled\""), ("fontname", quoted(DOTStyle.font)),
            ("fontsize", "\(DOTStyle.nameSize)"), ("fontcolor", quoted(DOTStyle.text)), ("color", "\"#616161\""),
            ("penwidth", "1.2"), ("margin", "\"0.18,0.1\""),
        ]))
        lines.line("edge " + DOTLines.attributes([("arrowsize", "0.9")]))
        lines.line("")

        var stageNodes = Array(repeating: [StageNode](), count: drawnStages.count)
        for (stageIndex, drawn) in drawnStages.enumerated() {
            let stage = drawn.stage
            lines.open("subgraph " + DOTEscaping.id("cluster_stage_" + stage.id + (drawn.isGhost ? ":removed" : "")))
            lines.line("graph " + DOTLines.attributes(stageAttributes(stage, isGhost: drawn.isGhost)))
            guard let journeyIndex = drawn.journeyIndex else {
                for touchpoint in stage.touchpoints {
                    let id = "removed:" + touchpoint.id
                    lines.line(DOTEscaping.id(id) + " " + ghostAttributes(touchpoint))
                    stageNodes[stageIndex].append(.named(id))
                }
                lines.close()
                continue
            }
            let ghosts = (context.changes?.ghosts ?? []).filter { $0.stageID == stage.id }
            func drawGhosts(after id: String?) {
                for ghost in ghosts where ghost.afterID == id {
                    let ghostID = "removed:" + ghost.touchpoint.id
                    lines.line(DOTEscaping.id(ghostID) + " " + ghostAttributes(ghost.touchpoint))
                    stageNodes[stageIndex].append(.named(ghostID))
                }
            }
            drawGhosts(after: nil)
            var drewTouchpoint = false
            for index in stage.touchpoints.indices {
                let position = plan.stageStart[journeyIndex] + index
                guard plan.isDrawn[position] else { continue }
                drewTouchpoint = true
                writeNode(stage.touchpoints[index], at: position, plan, fixed, into: &lines)
                stageNodes[stageIndex].append(.touchpoint(position))
                if !ghosts.isEmpty { drawGhosts(after: stage.touchpoints[index].id) }
                handOnFullPiece()
            }
            for (index, gap) in (context.findings.gapsByStage[stage.id] ?? []).enumerated() {
                let id = "gap:\(stage.id):\(index + 1)"
                lines.line(DOTEscaping.id(id) + " " + gapAttributes(gap))
                stageNodes[stageIndex].append(.named(id))
            }
            if !drewTouchpoint && ghosts.isEmpty {
                let id = "empty:" + stage.id
                let words = context.persona.map { context.words.fill(context.words.noTouchpointsFor, persona: $0.name) } ?? context.words.noTouchpoints
                lines.line(DOTEscaping.id(id) + " " + DOTLines.attributes([
                    ("shape", "plaintext"), ("style", "\"\""),
                    ("label", "<<I>" + DOTLabel.wrapped(words, width: DOTStyle.nameWidth) + "</I>>"),
                    ("fontcolor", quoted(DOTStyle.mutedText)),
                ]))
                stageNodes[stageIndex].append(.named(id))
            }
            lines.close()
            handOnFullPiece()
        }

        // Observed traffic: cases per step, and the widest step for scaling the lines.
        var observedCases: [String: Int] = [:]
        for transition in context.observed?.transitions ?? [] { observedCases[transition.from + "\u{1F}" + transition.to] = transition.cases }
        let mostCases = max(1, observedCases.values.max() ?? 0)
        func writeObservedAttributes(_ cases: Int, color: String = DOTStyle.mutedText) {
            lines.attribute("penwidth")
            lines.out.verbatim(DOTStyle.number(1 + 7 * Double(cases) / Double(mostCases)))
            lines.attribute("label")
            lines.out.append("\"")
            lines.out.decimal(cases)
            lines.out.append("\"")
            lines.attribute("fontsize")
            lines.out.decimal(DOTStyle.detailSize)
            lines.attribute("fontcolor", quoted: color)
        }
        var flowsStarted = false
        // With observed traffic, the observed width replaces the style's; the colour still tells the kind of step.
        let isObserved = context.observed != nil
        for position in 0..<plan.count {
            let flows = Int(plan.flowStart[position])..<Int(plan.flowStart[position + 1])
            guard !flows.isEmpty else { continue }
            let sourceID = touchpointID(at: position, plan)
            let source = Int(plan.canonical[position])
            for flow in flows {
                let target = Int(plan.flowTargets[flow])
                let targetID = touchpointID(at: target, plan)
                lines.beginSection("// next flows", started: &flowsStarted)
                let kind = plan.flowKinds[flow]
                lines.startEdge(sourceID, targetID, fixed.flowStart[Int(kind.rawValue)])
                if kind == .brokenHandoff {
                    lines.out.append("\"")
                    for (index, finding) in context.findings.brokenHandoffs(from: sourceID, to: targetID).enumerated() {
                        if index > 0 { lines.out.append("\\n") }
                        lines.out.verbatim(DOTStyle.warningMark + " ")
                        lines.out.dotQuotedText(finding.message, backslashAsLookAlike: true)
                    }
                    lines.out.append("\"")
                }
                if isObserved {
                    writeObservedAttributes(observedCases[sourceID + "\u{1F}" + targetID] ?? 0)
                }
                if plan.drawnOrder[target] <= plan.drawnOrder[source] {
                    // A flow back to an earlier touchpoint must not reorder the stages.
                    lines.attribute("constraint", "false")
                }
                lines.endAttributesAndLine()
                handOnFullPiece()
            }
        }

        // Steps customers took that no flow has: dashed red, not moving the layout.
        var unplannedStarted = false
        for transition in unplannedSteps {
            lines.beginSection("// observed steps without a next flow", started: &unplannedStarted)
            lines.startEdge(transition.from, transition.to)
            lines.attribute("color", quoted: DOTStyle.problem)
            lines.attribute("style", "dashed")
            lines.attribute("constraint", "false")
            writeObservedAttributes(transition.cases, color: DOTStyle.problem)
            lines.endAttributes()
            lines.endLine()
        }

        writeOrderingEdges(stageNodes, plan, into: &lines, handingOnPiecesOf: chunkSize, to: emit)
        lines.close()
        emit(lines.out.bytes)
    }

    /// The id of the touchpoint at `position`, read in place.
    private func touchpointID(at position: Int, _ plan: DOTFlowPlan) -> String {
        let (stage, index) = plan.positions[position]
        return context.journey.stages[Int(stage)].touchpoints[Int(index)].id
    }

    /// Observed steps between drawn touchpoints that no flow has, in order of their ends.
    private func unplannedObservedSteps(_ plan: DOTFlowPlan) -> [ConformanceReport.Transition] {
        (context.observed?.transitions ?? []).sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }).filter { transition in
            guard let from = plan.drawnPosition(of: transition.from), plan.drawnPosition(of: transition.to) != nil else { return false }
            let (stage, index) = plan.positions[from]
            return !context.journey.stages[Int(stage)].touchpoints[Int(index)].next.contains(transition.to)
        }
    }

    /// What the diagram uses, found before it is written: the legend goes first.
    private func usage(_ plan: DOTFlowPlan, drawnStages: [DrawnStage], unplannedSteps: [ConformanceReport.Transition]) -> Usage {
        var usage = Usage()
        for drawn in drawnStages {
            guard let journeyIndex = drawn.journeyIndex else {
                usage.removed = true
                continue
            }
            switch context.changes?.stages[drawn.stage.id] {
            case .added?: usage.added = true
            case .changed?: usage.changed = true
            case nil: break
            }
            if !(context.findings.gapsByStage[drawn.stage.id] ?? []).isEmpty { usage.gap = true }
            // A removed touchpoint is drawn first in its stage, or after the touchpoint it followed when that one is drawn.
            for ghost in context.changes?.ghosts ?? [] where ghost.stageID == drawn.stage.id {
                if ghost.afterID.map({ id in drawn.stage.touchpoints.indices.contains {
                    plan.isDrawn[plan.stageStart[journeyIndex] + $0] && drawn.stage.touchpoints[$0].id == id
                } }) ?? true {
                    usage.removed = true
                }
            }
        }
        let stages = context.journey.stages
        for position in 0..<plan.count where plan.isDrawn[position] {
            let (stage, index) = plan.positions[position]
            // Read in place: a copy of the touchpoint would retain and release each of its fields.
            if stages[Int(stage)].touchpoints[Int(index)].momentOfTruth { usage.momentOfTruth = true }
            if stages[Int(stage)].touchpoints[Int(index)].initiator == .business { usage.businessInitiated = true }
            if stages[Int(stage)].touchpoints[Int(index)].journey != nil { usage.linked = true }
            let facts = boxFacts(stages[Int(stage)].touchpoints[Int(index)].id, at: position, plan)
            if facts.onChannelNotLive { usage.notLiveChannel = true }
            if facts.isUnserved { usage.unserved = true }
            if !facts.handoffsNotDrawn.isEmpty { usage.brokenHandoff = true }
            switch facts.change {
            case .added?: usage.added = true
            case .changed?: usage.changed = true
            case nil: break
            }
        }
        for kind in plan.flowKinds {
            switch kind {
            case .brokenHandoff: usage.brokenHandoff = true
            case .sameChannel: usage.sameChannelFlow = true
            case .channelSwitch: usage.channelSwitch = true
            }
        }
        if context.observed != nil, !plan.flowKinds.isEmpty { usage.observed = true }
        if !unplannedSteps.isEmpty { usage.unplannedObserved = true }
        return usage
    }

    /// Invisible edges from the last touchpoints of each stage to the first ones of the next,
    /// so the stages stay in file order even without `next` flows.
    private func writeOrderingEdges(_ stages: [[StageNode]], _ plan: DOTFlowPlan, into lines: inout DOTLines,
                                    handingOnPiecesOf chunkSize: Int, to emit: ([UInt8]) -> Void) {
        /// The node's DOT id, and its touchpoint's canonical position when it names a touchpoint.
        func resolved(_ node: StageNode) -> (id: String, position: Int?) {
            switch node {
            case .touchpoint(let position): (touchpointID(at: position, plan), Int(plan.canonical[position]))
            // A touchpoint whose id looks like a node of the diagram's own is that node too.
            case .named(let id): (id, plan.touchpointPlaces.position(of: id).map(Int.init))
            }
        }
        var started = false
        for (stageIndex, (current, following)) in zip(stages, stages.dropFirst()).enumerated() {
            let lasts = current.map(resolved).filter { node in
                !(node.position.map { plan.hasForwardSuccessor[$0] && plan.drawnStage[$0] == Int32(stageIndex) } ?? false)
            }
            let firsts = following.map(resolved).filter { node in
                !(node.position.map { plan.hasForwardPredecessor[$0] && plan.drawnStage[$0] == Int32(stageIndex + 1) } ?? false)
            }
            for last in lasts {
                for first in firsts {
                    lines.beginSection("// keeps the stages in order from left to right", started: &started)
                    lines.startEdge(last.id, first.id)
                    lines.out.append(" [style=invis]")
                    lines.endLine()
                    lines.handOn(ifAtLeast: chunkSize, to: emit)
                }
            }
        }
    }

    /// What a touchpoint's box shows besides its own fields, worked out the same way for the
    /// legend and for the box.
    private struct BoxFacts {
        /// One of its channels is planned or retired.
        var onChannelNotLive = false
        /// It is flagged `unserved-touchpoint`.
        var isUnserved = false
        /// Broken handoffs into it whose flow is not drawn (the badge on the box tells them).
        var handoffsNotDrawn: [Diagnostic] = []
        /// How it changed, in a review picture.
        var change: DiagramChanges.Mark?
    }

    private func boxFacts(_ id: String, at position: Int, _ plan: DOTFlowPlan) -> BoxFacts {
        var facts = BoxFacts()
        facts.onChannelNotLive = plan.channels(at: position).contains { Int($0) < plan.channelIsNotLive.count && plan.channelIsNotLive[Int($0)] }
        let marks = plan.findingMarks(at: position)
        facts.isUnserved = marks & DOTFlowPlan.FindingMark.unserved != 0
        if marks & DOTFlowPlan.FindingMark.brokenInto != 0 {
            facts.handoffsNotDrawn = (context.findings.brokenHandoffsInto[id] ?? []).filter { finding in
                guard let from = finding.references[.from], let source = plan.touchpointPlaces.position(of: from).map(Int.init) else { return true }
                let (stage, index) = plan.positions[source]
                return !(plan.isDrawn[source] && context.journey.stages[Int(stage)].touchpoints[Int(index)].next.contains(id))
            }
        }
        facts.change = context.changes?.touchpoints[id]
        return facts
    }

    /// The bytes every box or every arrow of a kind starts with, written once per diagram with
    /// the same calls that would write them for each: an append costs about the same whatever
    /// its length, and a box was some thirty of them, an arrow twenty (issue 19).
    private struct FixedBytes {
        /// What follows a box's id: the end of its quote, the label's start and the name's font.
        let boxStart: [UInt8]
        /// Between the name and the channels: the end of the name's font and the channels' font.
        let channelsStart: [UInt8]
        /// The end of the label, the fill and the tooltip's name, for no emotion (index 0) and
        /// for each emotion from −2 to 2 (index 1 to 5).
        let fillAndTooltip: [[UInt8]]
        /// What follows an arrow's target id, by `DOTFlowPlan.FlowKind`: the end of its quote
        /// and the attributes of the kind (a broken handoff's up to its tooltip's name).
        let flowStart: [[UInt8]]

        init(isObserved: Bool) {
            /// What `write` writes, after an id's closing quote or not, and in an attribute list
            /// that has its first attribute or not.
            func written(closingQuote: Bool = true, afterFirstAttribute: Bool = false, _ write: (inout DOTLines) -> Void) -> [UInt8] {
                var lines = DOTLines(afterFirstAttribute: afterFirstAttribute)
                if closingQuote { lines.out.append("\"") }
                write(&lines)
                return lines.out.bytes
            }
            boxStart = written {
                $0.attribute("label")
                $0.out.append("<")
                $0.out.dotFontStart(size: DOTStyle.nameSize)
            }
            channelsStart = written(closingQuote: false) {
                $0.out.append("</FONT><BR/>")
                $0.out.dotFontStart(size: DOTStyle.detailSize, color: DOTStyle.mutedText)
            }
            fillAndTooltip = ([nil, -2, -1, 0, 1, 2] as [Int?]).map { emotion in
                written(closingQuote: false, afterFirstAttribute: true) {
                    $0.out.append(">")
                    $0.attribute("fillcolor", quoted: DOTStyle.fill(forEmotion: emotion))
                    $0.attribute("tooltip")
                }
            }
            flowStart = [DOTFlowPlan.FlowKind.brokenHandoff, .sameChannel, .channelSwitch].map { kind in
                written {
                    switch kind {
                    case .brokenHandoff:
                        $0.attribute("color", quoted: DOTStyle.problem)
                        if !isObserved { $0.attribute("penwidth", "3.5") }
                        $0.attribute("style", "dashed")
                        $0.attribute("arrowhead", "normal")
                        $0.attribute("arrowsize", "1.2")
                        $0.attribute("tooltip")
                    case .sameChannel:
                        $0.attribute("color", quoted: DOTStyle.sameChannelEdge)
                        if !isObserved { $0.attribute("penwidth", "1.6") }
                    case .channelSwitch:
                        $0.attribute("color", quoted: DOTStyle.channelSwitchEdge)
                        if !isObserved { $0.attribute("penwidth", "2.2") }
                        $0.attribute("style", "dashed")
                    }
                }
            }
        }

        /// `fillAndTooltip` for an emotion; nil for one beyond the scale's ends.
        func fillAndTooltip(_ emotion: Int?) -> [UInt8]? {
            guard let emotion else { return fillAndTooltip[0] }
            return (-2...2).contains(emotion) ? fillAndTooltip[emotion + 3] : nil
        }
    }

    /// A touchpoint's box: its line, id and attribute list.
    private func writeNode(_ touchpoint: Touchpoint, at position: Int, _ plan: DOTFlowPlan, _ fixed: FixedBytes, into lines: inout DOTLines) {
        var name = touchpoint.name
        if touchpoint.momentOfTruth {
            name = DOTStyle.momentOfTruthMark + " " + name
        }
        // A channel that is not live says so, so that the card does not look live; no-break
        // spaces keep the status on the line of the channel's last word.
        var channels = ""
        for (id, number) in zip(touchpoint.channels, plan.channels(at: position)) {
            if !channels.isEmpty { channels += " · " }
            channels += Int(number) < plan.channelLabels.count ? plan.channelLabels[Int(number)] : id
        }
        let facts = boxFacts(touchpoint.id, at: position, plan)
        let link = context.linkMark(touchpoint)
        let unservedBadge = facts.isUnserved ? context.unservedBadge(for: touchpoint.id) : nil
        let handoffsNotDrawn = facts.handoffsNotDrawn
        let change = facts.change

        lines.startNode(touchpoint.id, fixed.boxStart)
        lines.out.dotWrapped(name, width: DOTStyle.nameWidth)
        lines.out.bytes.append(contentsOf: fixed.channelsStart)
        if channels.isEmpty { lines.out.append("<I>no channel</I>") } else { lines.out.dotWrapped(channels, width: 24) }
        lines.out.append("</FONT>")
        if let link {
            lines.out.append("<BR/>")
            lines.out.dotFont(size: DOTStyle.detailSize, color: DOTStyle.linkText) { $0.dotWrapped(link, width: 28) }
        }
        if let unservedBadge {
            lines.out.append("<BR/>")
            lines.out.dotFont(size: DOTStyle.detailSize, color: DOTStyle.problem) {
                $0.append("<B>")
                $0.dotWrapped(DOTStyle.warningMark + " " + unservedBadge, width: 26)
                $0.append("</B>")
            }
        }
        if !handoffsNotDrawn.isEmpty {
            lines.out.append("<BR/>")
            lines.out.dotFont(size: DOTStyle.detailSize, color: DOTStyle.problem) {
                $0.append("<B>")
                $0.verbatim(DOTStyle.warningMark + " ")
                $0.dotHTMLLine(context.words.brokenHandoffBadge)
                $0.append("</B>")
            }
        }
        switch change {
        case .added?:
            lines.out.append("<BR/>")
            lines.out.dotFont(size: DOTStyle.detailSize, color: DOTStyle.added) {
                $0.append("<B>+ ")
                $0.dotHTMLLine(context.words.added)
                $0.append("</B>")
            }
        case .changed(let fields)?:
            // What changed, a line per field: "channels: + wa-api".
            lines.out.append("<BR/>")
            lines.out.dotFont(size: DOTStyle.detailSize, color: DOTStyle.changed) {
                $0.append("<B>")
                for (index, field) in fields.enumerated() {
                    if index > 0 { $0.append("<BR/>") }
                    $0.dotWrapped("~ " + field, width: 28)
                }
                $0.append("</B>")
            }
        case nil:
            break
        }
        // Focused on a persona, the box shows how that persona feels here.
        let emotion = context.persona.map { touchpoint.emotion(for: $0.id) } ?? touchpoint.emotion
        if let fillAndTooltip = fixed.fillAndTooltip(emotion) {
            lines.out.bytes.append(contentsOf: fillAndTooltip)
        } else {
            lines.out.append(">")
            lines.attribute("fillcolor", quoted: DOTStyle.fill(forEmotion: emotion))
            lines.attribute("tooltip")
        }
        let findings = plan.findingMarks(at: position) & DOTFlowPlan.FindingMark.tooltip != 0 ? context.findings.byTouchpoint[touchpoint.id] ?? [] : []
        context.writeTooltip(for: touchpoint, findings: handoffsNotDrawn.isEmpty ? findings : findings + handoffsNotDrawn, into: &lines.out)
        if touchpoint.initiator == .business {
            lines.attribute("shape", "cds")
            if facts.onChannelNotLive { lines.attribute("style", "\"filled,dashed\"") } else { lines.attribute("style", "filled") }
            lines.attribute("margin", "\"0.3,0.14\"")
        } else if facts.onChannelNotLive {
            lines.attribute("style", "\"rounded,filled,dashed\"")
        }
        if let change {
            switch change {
            case .added:
                lines.attribute("color", quoted: DOTStyle.added)
            case .changed:
                lines.attribute("color", quoted: DOTStyle.changed)
            }
            lines.attribute("penwidth", "4")
        } else if unservedBadge != nil || !handoffsNotDrawn.isEmpty {
            lines.attribute("color", quoted: DOTStyle.problem)
            lines.attribute("penwidth", "3.5")
        } else if touchpoint.momentOfTruth {
            lines.attribute("color", "\"#212121\"")
            lines.attribute("penwidth", "3")
        }
        lines.endAttributesAndLine()
    }

    private func stageAttributes(_ stage: Stage, isGhost: Bool) -> [(String, String)] {
        var name = DOTLabel.wrapped(stage.name, width: 28)
        var border = DOTStyle.stageBorder
        var style = "\"rounded,filled\""
        var width: String?
        if isGhost {
            name = "<S>" + name + "</S> (" + DOTEscaping.htmlLine(context.words.removedNote) + ")"
            border = DOTStyle.removed
            style = "\"rounded,dashed\""
        } else {
            switch context.changes?.stages[stage.id] {
            case .added?:
                name = "+ " + name
                border = DOTStyle.added
                width = "3"
            case .changed(let fields)?:
                name += " " + DOTLabel.font("~ " + DOTEscaping.htmlLine(fields.joined(separator: "; ")), size: DOTStyle.detailSize)
                border = DOTStyle.changed
                width = "3"
            case nil:
                break
            }
        }
        var attributes = [
            ("label", "<" + DOTLabel.font("<B>" + name + "</B>", size: DOTStyle.stageSize) + ">"),
            ("style", style), ("fillcolor", quoted(DOTStyle.stageFill)),
            ("color", quoted(border)), ("margin", "16"),
        ]
        if let width { attributes.append(("penwidth", width)) }
        return attributes
    }

    /// A removed touchpoint: a dashed grey box with its name struck through.
    private func ghostAttributes(_ touchpoint: Touchpoint) -> String {
        let label = DOTLabel.font("<S>" + DOTLabel.wrapped(touchpoint.name, width: DOTStyle.nameWidth) + "</S>", size: DOTStyle.nameSize, color: DOTStyle.removed)
            + "<BR/>" + DOTLabel.font("<B>− removed</B>", size: DOTStyle.detailSize, color: DOTStyle.removed)
        return DOTLines.attributes([
            ("label", "<" + label + ">"), ("style", "\"rounded,dashed\""), ("fillcolor", "\"#ffffff\""),
            ("color", quoted(DOTStyle.removed)), ("penwidth", "2"),
            ("tooltip", DOTEscaping.tooltip("removed: " + touchpoint.name)),
        ])
    }

    private func gapAttributes(_ gap: Diagnostic) -> String {
        let personaName = gap.personaIDs.isEmpty ? context.words.aPersona : context.personaNames(gap.personaIDs)
        let label = DOTLabel.font("<B>" + DOTStyle.warningMark + " " + DOTEscaping.htmlLine(context.words.channelGap) + "</B>", size: DOTStyle.detailSize, color: DOTStyle.gapBorder)
            + "<BR/>" + DOTLabel.font(DOTLabel.wrapped(personaName, width: DOTStyle.noteWidth), size: DOTStyle.detailSize)
        return DOTLines.attributes([
            ("shape", "note"), ("style", "\"filled,dashed\""), ("fillcolor", quoted(DOTStyle.gapFill)),
            ("color", quoted(DOTStyle.gapBorder)), ("penwidth", "1.5"), ("margin", "\"0.12,0.06\""),
            ("label", "<" + label + ">"), ("tooltip", DOTEscaping.tooltip(gap.message)),
        ])
    }

    private func legend(_ usage: Usage) -> [DOTLabel.LegendRow] {
        let words = context.words
        var shapes: [String] = []
        if usage.momentOfTruth {
            shapes.append(DOTLabel.legendItem(symbol: DOTStyle.momentOfTruthMark + " " + words.thickBorder, color: "#212121", meaning: words.momentOfTruth))
        }
        if usage.businessInitiated {
            shapes.append(DOTLabel.legendItem(symbol: "▷ " + words.arrowShapedBox, color: "#212121", meaning: words.businessReachesOut))
        }
        shapes.append(DOTLabel.legendItem(symbol: "▢ " + words.roundedBox, color: "#212121", meaning: words.customerStarts))
        if usage.notLiveChannel {
            shapes.append(DOTLabel.legendItem(symbol: "┆ " + words.dashedOutline, color: "#212121", meaning: words.notLiveChannel))
        }
        if usage.linked {
            shapes.append(DOTLabel.legendItem(symbol: "↪", color: DOTStyle.linkText, meaning: words.linkedJourney))
        }
        var lines: [String] = []
        if usage.sameChannelFlow {
            lines.append(DOTLabel.legendItem(symbol: "——▶", color: DOTStyle.sameChannelEdge, meaning: words.sameChannel))
        }
        if usage.channelSwitch {
            lines.append(DOTLabel.legendItem(symbol: "- - ▶", color: DOTStyle.channelSwitchEdge, meaning: words.switchesChannel))
        }
        if usage.observed {
            lines.append(DOTLabel.legendItem(symbol: "━ 12", color: DOTStyle.sameChannelEdge, meaning: words.observedWidth))
        }
        if usage.unplannedObserved {
            lines.append(DOTLabel.legendItem(symbol: "- - ▶", color: DOTStyle.problem, meaning: words.observedUnplanned))
        }
        var problems: [String] = []
        if usage.brokenHandoff {
            problems.append(DOTLabel.legendItem(symbol: "- - ▶ " + DOTStyle.warningMark, color: DOTStyle.problem, meaning: words.brokenHandoff))
        }
        if usage.unserved {
            problems.append(DOTLabel.legendItem(symbol: "▢ " + DOTStyle.warningMark, color: DOTStyle.problem, meaning: words.unserved))
        }
        if usage.gap {
            problems.append(DOTLabel.legendItem(symbol: "▭ " + DOTStyle.warningMark, color: DOTStyle.gapBorder, meaning: words.channelGapPrefix + words.thePersona))
        }
        var changes: [String] = []
        if usage.added { changes.append(DOTLabel.legendItem(symbol: "▢ + " + words.greenBorder, color: DOTStyle.added, meaning: words.added)) }
        if usage.changed { changes.append(DOTLabel.legendItem(symbol: "▢ ~ " + words.amberBorder, color: DOTStyle.changed, meaning: words.changed)) }
        if usage.removed { changes.append(DOTLabel.legendItem(symbol: "┆ − " + words.dashedGrey, color: DOTStyle.removed, meaning: words.removed)) }
        var rows = [DOTLabel.emotionRow(words), .items(heading: words.boxes, entries: shapes)]
        if !changes.isEmpty { rows.append(.items(heading: words.changes, entries: changes)) }
        let elements = context.changes?.elements ?? []
        if !elements.isEmpty { rows.append(.lines(heading: words.whatChanged, lines: elements.map(changeLine))) }
        if !lines.isEmpty { rows.append(.items(heading: words.arrows, entries: lines)) }
        if !problems.isEmpty { rows.append(.items(heading: words.findings, entries: problems)) }
        return rows
    }

    /// One line of the changes box: `~ channel WhatsApp Business API (wa-api): status: planned → live`.
    private func changeLine(_ change: DiagramChanges.ElementChange) -> String {
        let entity = JourneyDiff.Entity.allCases.firstIndex(of: change.entity).map { context.words.entityNames[$0] } ?? change.entity.rawValue
        let (symbol, color): (String, String) = switch change.kind {
        case .added: ("+", DOTStyle.added)
        case .removed: ("−", DOTStyle.removed)
        case .changed: ("~", DOTStyle.changed)
        case .renamed: ("↷", DOTStyle.changed)
        }
        let id = change.previousID.map { $0 + " → " + change.id } ?? change.id
        var text = "\(entity) \(change.name) (\(id))"
        if !change.details.isEmpty { text += ": " + change.details.joined(separator: "; ") }
        return DOTLabel.font("<B>" + symbol + "</B>", size: DOTStyle.legendSize, color: color)
            + DOTLabel.font(" " + DOTLabel.wrapped(text, width: 110), size: DOTStyle.legendSize)
    }

    private func quoted(_ text: String) -> String { DOTEscaping.quoted(text) }
}
