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

    /// A drawn node of a stage, for keeping stages in order.
    private struct StageNodes {
        var ids: [String] = []
        var hasForwardPredecessor: Set<String> = []
        var hasForwardSuccessor: Set<String> = []
    }

    func render() -> String {
        let journey = context.journey
        var usage = Usage()
        var body = DOTLines()
        // Document order of every drawn touchpoint: flows to an earlier one do not push the layout back.
        var order: [String: Int] = [:]
        var stageOfTouchpoint: [String: String] = [:]
        for stage in journey.stages {
            for touchpoint in context.touchpoints(of: stage) where order[touchpoint.id] == nil {
                order[touchpoint.id] = order.count
                stageOfTouchpoint[touchpoint.id] = stage.id
            }
        }
        // The stages drawn: the journey's, with removed ones as ghosts where they used to be.
        var drawnStages: [(stage: Stage, isGhost: Bool)] = []
        let ghostStages = context.changes?.ghostStages ?? []
        for ghost in ghostStages where ghost.afterStageID == nil { drawnStages.append((ghost.stage, true)) }
        for stage in journey.stages {
            drawnStages.append((stage, false))
            for ghost in ghostStages where ghost.afterStageID == stage.id { drawnStages.append((ghost.stage, true)) }
        }
        var stages = Array(repeating: StageNodes(), count: drawnStages.count)

        for (stageIndex, (stage, isGhost)) in drawnStages.enumerated() {
            body.open("subgraph " + DOTEscaping.id("cluster_stage_" + stage.id + (isGhost ? ":removed" : "")))
            body.line("graph " + DOTLines.attributes(stageAttributes(stage, isGhost: isGhost, usage: &usage)))
            if isGhost {
                for touchpoint in stage.touchpoints {
                    let id = "removed:" + touchpoint.id
                    body.line(DOTEscaping.id(id) + " " + ghostAttributes(touchpoint))
                    stages[stageIndex].ids.append(id)
                }
                body.close()
                continue
            }
            let ghosts = (context.changes?.ghosts ?? []).filter { $0.stageID == stage.id }
            func drawGhosts(after id: String?) {
                for ghost in ghosts where ghost.afterID == id {
                    usage.removed = true
                    let ghostID = "removed:" + ghost.touchpoint.id
                    body.line(DOTEscaping.id(ghostID) + " " + ghostAttributes(ghost.touchpoint))
                    stages[stageIndex].ids.append(ghostID)
                }
            }
            drawGhosts(after: nil)
            let touchpoints = context.touchpoints(of: stage)
            for touchpoint in touchpoints {
                body.line(DOTEscaping.id(touchpoint.id) + " " + nodeAttributes(touchpoint, usage: &usage))
                stages[stageIndex].ids.append(touchpoint.id)
                drawGhosts(after: touchpoint.id)
            }
            for (index, gap) in (context.findings.gapsByStage[stage.id] ?? []).enumerated() {
                usage.gap = true
                let id = "gap:\(stage.id):\(index + 1)"
                body.line(DOTEscaping.id(id) + " " + gapAttributes(gap))
                stages[stageIndex].ids.append(id)
            }
            if touchpoints.isEmpty && ghosts.isEmpty {
                let id = "empty:" + stage.id
                let words = context.persona.map { context.words.fill(context.words.noTouchpointsFor, persona: $0.name) } ?? context.words.noTouchpoints
                body.line(DOTEscaping.id(id) + " " + DOTLines.attributes([
                    ("shape", "plaintext"), ("style", "\"\""),
                    ("label", "<<I>" + DOTLabel.wrapped(words, width: DOTStyle.nameWidth) + "</I>>"),
                    ("fontcolor", quoted(DOTStyle.mutedText)),
                ]))
                stages[stageIndex].ids.append(id)
            }
            body.close()
        }

        var flows = DOTLines()
        // Observed traffic: cases per step, and the widest step for scaling the lines.
        var observedCases: [String: Int] = [:]
        for transition in context.observed?.transitions ?? [] { observedCases[transition.from + "\u{1F}" + transition.to] = transition.cases }
        let mostCases = max(1, observedCases.values.max() ?? 0)
        func observedAttributes(_ cases: Int, color: String = DOTStyle.mutedText) -> [(String, String)] {
            let width = 1 + 7 * Double(cases) / Double(mostCases)
            return [("penwidth", DOTStyle.number(width)), ("label", quoted(String(cases))),
                    ("fontsize", "\(DOTStyle.detailSize)"), ("fontcolor", quoted(color))]
        }
        for touchpoint in journey.touchpoints where order[touchpoint.id] != nil {
            // A target listed twice is drawn once: a double arrow would look like two flows.
            var drawnTargets: Set<String> = []
            for target in touchpoint.next where drawnTargets.insert(target).inserted {
                guard let targetIndex = order[target], let sourceIndex = order[touchpoint.id],
                      let targetTouchpoint = context.touchpoint(target) else { continue }
                var attributes: [(String, String)] = []
                let broken = context.findings.brokenHandoffs(from: touchpoint.id, to: target)
                let sharesChannel = !Set(touchpoint.channels).isDisjoint(with: targetTouchpoint.channels)
                if !broken.isEmpty {
                    usage.brokenHandoff = true
                    attributes += [("color", quoted(DOTStyle.problem)), ("penwidth", "3.5"), ("style", "dashed"),
                                   ("arrowhead", "normal"), ("arrowsize", "1.2"),
                                   ("tooltip", DOTEscaping.tooltip(broken.map { DOTStyle.warningMark + " " + $0.message }.joined(separator: "\n")))]
                } else if sharesChannel {
                    usage.sameChannelFlow = true
                    attributes += [("color", quoted(DOTStyle.sameChannelEdge)), ("penwidth", "1.6")]
                } else {
                    usage.channelSwitch = true
                    attributes += [("color", quoted(DOTStyle.channelSwitchEdge)), ("penwidth", "2.2"), ("style", "dashed")]
                }
                if context.observed != nil {
                    usage.observed = true
                    // The observed width replaces the style's; the colour still tells the kind of step.
                    attributes.removeAll { $0.0 == "penwidth" }
                    attributes += observedAttributes(observedCases[touchpoint.id + "\u{1F}" + target] ?? 0)
                }
                if targetIndex <= sourceIndex {
                    // A flow back to an earlier touchpoint must not reorder the stages.
                    attributes.append(("constraint", "false"))
                } else if let stageID = stageOfTouchpoint[target], stageID == stageOfTouchpoint[touchpoint.id],
                          let stage = drawnStages.firstIndex(where: { !$0.isGhost && $0.stage.id == stageID }) {
                    stages[stage].hasForwardSuccessor.insert(touchpoint.id)
                    stages[stage].hasForwardPredecessor.insert(target)
                }
                flows.line(DOTEscaping.id(touchpoint.id) + " -> " + DOTEscaping.id(target) + " " + DOTLines.attributes(attributes))
            }
        }

        // Steps customers took that no flow has: dashed red, not moving the layout.
        var unplanned = DOTLines()
        for transition in (context.observed?.transitions ?? []).sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) })
        where order[transition.from] != nil && order[transition.to] != nil
            && context.touchpoint(transition.from)?.next.contains(transition.to) == false {
            usage.unplannedObserved = true
            unplanned.line(DOTEscaping.id(transition.from) + " -> " + DOTEscaping.id(transition.to) + " " + DOTLines.attributes(
                [("color", quoted(DOTStyle.problem)), ("style", "dashed"), ("constraint", "false")]
                    + observedAttributes(transition.cases, color: DOTStyle.problem)))
        }

        var lines = DOTLines()
        lines.open("digraph " + DOTEscaping.id(context.journey.id))
        DOTLabel.graphDefaults(&lines, label: DOTLabel.titleAndLegend(title: context.title, rows: legend(usage)))
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
        for line in body.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { lines.line(String(line)) }
        if !flows.text.isEmpty {
            lines.line("")
            lines.line("// next flows")
            for line in flows.text.split(separator: "\n").map(String.init) { lines.line(line) }
        }
        if !unplanned.text.isEmpty {
            lines.line("")
            lines.line("// observed steps without a next flow")
            for line in unplanned.text.split(separator: "\n").map(String.init) { lines.line(line) }
        }
        let ordering = orderingEdges(stages)
        if !ordering.isEmpty {
            lines.line("")
            lines.line("// keeps the stages in order from left to right")
            for line in ordering { lines.line(line) }
        }
        lines.close()
        return lines.text
    }

    /// Invisible edges from the last touchpoints of each stage to the first ones of the next,
    /// so the stages stay in file order even without `next` flows.
    private func orderingEdges(_ stages: [StageNodes]) -> [String] {
        var edges: [String] = []
        for (current, following) in zip(stages, stages.dropFirst()) {
            let lasts = current.ids.filter { !current.hasForwardSuccessor.contains($0) }
            let firsts = following.ids.filter { !following.hasForwardPredecessor.contains($0) }
            for last in lasts {
                for first in firsts {
                    edges.append(DOTEscaping.id(last) + " -> " + DOTEscaping.id(first) + " [style=invis]")
                }
            }
        }
        return edges
    }

    private func nodeAttributes(_ touchpoint: Touchpoint, usage: inout Usage) -> String {
        var name = touchpoint.name
        if touchpoint.momentOfTruth {
            usage.momentOfTruth = true
            name = DOTStyle.momentOfTruthMark + " " + name
        }
        var label = DOTLabel.font(DOTLabel.wrapped(name, width: DOTStyle.nameWidth), size: DOTStyle.nameSize)
        // A channel that is not live says so, so that the card does not look live; no-break
        // spaces keep the status on the line of the channel's last word.
        let channels = touchpoint.channels.map { id in
            switch context.channel(id)?.status {
            case .planned?: context.channelName(id) + "\u{A0}—\u{A0}" + context.words.planned
            case .retired?: context.channelName(id) + "\u{A0}—\u{A0}" + context.words.retired
            default: context.channelName(id)
            }
        }.joined(separator: " · ")
        let onChannelNotLive = touchpoint.channels.contains { context.channel($0).map { $0.status != .live } ?? false }
        label += "<BR/>" + DOTLabel.font(
            channels.isEmpty ? "<I>no channel</I>" : DOTLabel.wrapped(channels, width: 24),
            size: DOTStyle.detailSize, color: DOTStyle.mutedText)
        if let link = context.linkMark(touchpoint) {
            usage.linked = true
            label += "<BR/>" + DOTLabel.font(DOTLabel.wrapped(link, width: 28), size: DOTStyle.detailSize, color: DOTStyle.linkText)
        }
        let handoffsNotDrawn = (context.findings.brokenHandoffsInto[touchpoint.id] ?? []).filter { finding in
            guard let from = finding.references[.from] else { return true }
            guard let source = context.touchpoint(from) else { return true }
            return !(context.includes(source) && source.next.contains(touchpoint.id))
        }
        let unservedBadge = context.unservedBadge(for: touchpoint.id)
        let unserved = unservedBadge != nil
        if let unservedBadge {
            usage.unserved = true
            label += "<BR/>" + DOTLabel.font("<B>" + DOTLabel.wrapped(DOTStyle.warningMark + " " + unservedBadge, width: 26) + "</B>",
                                             size: DOTStyle.detailSize, color: DOTStyle.problem)
        }
        if !handoffsNotDrawn.isEmpty {
            usage.brokenHandoff = true
            label += "<BR/>" + DOTLabel.font("<B>" + DOTStyle.warningMark + " " + DOTEscaping.htmlLine(context.words.brokenHandoffBadge) + "</B>", size: DOTStyle.detailSize, color: DOTStyle.problem)
        }
        switch context.changes?.touchpoints[touchpoint.id] {
        case .added?:
            label += "<BR/>" + DOTLabel.font("<B>+ " + DOTEscaping.htmlLine(context.words.added) + "</B>", size: DOTStyle.detailSize, color: DOTStyle.added)
        case .changed(let fields)?:
            // What changed, a line per field: "channels: + wa-api".
            label += "<BR/>" + DOTLabel.font("<B>" + fields.map { DOTLabel.wrapped("~ " + $0, width: 28) }.joined(separator: "<BR/>") + "</B>",
                                             size: DOTStyle.detailSize, color: DOTStyle.changed)
        case nil:
            break
        }
        var attributes: [(String, String)] = [
            ("label", "<" + label + ">"),
            // Focused on a persona, the box shows how that persona feels here.
            ("fillcolor", quoted(DOTStyle.fill(forEmotion: context.persona.map { touchpoint.emotion(for: $0.id) } ?? touchpoint.emotion))),
            ("tooltip", DOTEscaping.tooltip(context.tooltip(for: touchpoint, extraFindings: handoffsNotDrawn))),
        ]
        if touchpoint.initiator == .business {
            usage.businessInitiated = true
            attributes += [("shape", "cds"), ("style", onChannelNotLive ? "\"filled,dashed\"" : "filled"), ("margin", "\"0.3,0.14\"")]
        } else if onChannelNotLive {
            attributes.append(("style", "\"rounded,filled,dashed\""))
        }
        if onChannelNotLive { usage.notLiveChannel = true }
        if let mark = context.changes?.touchpoints[touchpoint.id] {
            switch mark {
            case .added:
                usage.added = true
                attributes += [("color", quoted(DOTStyle.added)), ("penwidth", "4")]
            case .changed:
                usage.changed = true
                attributes += [("color", quoted(DOTStyle.changed)), ("penwidth", "4")]
            }
        } else if unserved || !handoffsNotDrawn.isEmpty {
            attributes += [("color", quoted(DOTStyle.problem)), ("penwidth", "3.5")]
        } else if touchpoint.momentOfTruth {
            attributes += [("color", "\"#212121\""), ("penwidth", "3")]
        }
        return DOTLines.attributes(attributes)
    }

    private func stageAttributes(_ stage: Stage, isGhost: Bool, usage: inout Usage) -> [(String, String)] {
        var name = DOTLabel.wrapped(stage.name, width: 28)
        var border = DOTStyle.stageBorder
        var style = "\"rounded,filled\""
        var width: String?
        if isGhost {
            usage.removed = true
            name = "<S>" + name + "</S> (" + DOTEscaping.htmlLine(context.words.removedNote) + ")"
            border = DOTStyle.removed
            style = "\"rounded,dashed\""
        } else {
            switch context.changes?.stages[stage.id] {
            case .added?:
                usage.added = true
                name = "+ " + name
                border = DOTStyle.added
                width = "3"
            case .changed(let fields)?:
                usage.changed = true
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
