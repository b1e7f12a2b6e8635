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

    /// The diagram as UTF-8 bytes.
    func render() -> [UInt8] {
        let journey = context.journey
        var usage = Usage()
        // Everything under the title and legend, written first: the legend shows what it used.
        var body = DOTLines(depth: 1)
        // Room for about 500 bytes a touchpoint (the synthetic journeys take 400), so that a large
        // diagram's buffer does not grow by copying, holding the old and the new one at once;
        // pages reserved but not written take no memory.
        body.out.bytes.reserveCapacity(4096 + 512 * journey.stages.reduce(0) { $0 + $1.touchpoints.count })
        // The stages drawn: the journey's, with removed ones as ghosts where they used to be.
        var drawnStages: [(stage: Stage, isGhost: Bool)] = []
        let ghostStages = context.changes?.ghostStages ?? []
        for ghost in ghostStages where ghost.afterStageID == nil { drawnStages.append((ghost.stage, true)) }
        for stage in journey.stages {
            drawnStages.append((stage, false))
            for ghost in ghostStages where ghost.afterStageID == stage.id { drawnStages.append((ghost.stage, true)) }
        }
        var stages = Array(repeating: StageNodes(), count: drawnStages.count)
        // Every drawn touchpoint by id: its document order (flows to an earlier one do not push the
        // layout back) and where its stage is drawn; one lookup per flow end.
        var placed: [String: (order: Int, drawnStage: Int)] = [:]
        for (drawnStage, (stage, isGhost)) in drawnStages.enumerated() where !isGhost {
            for touchpoint in context.touchpoints(of: stage) where placed[touchpoint.id] == nil {
                placed[touchpoint.id] = (placed.count, drawnStage)
            }
        }

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
                body.startLine()
                body.id(touchpoint.id)
                writeNodeAttributes(touchpoint, into: &body, usage: &usage)
                body.endLine()
                stages[stageIndex].ids.append(touchpoint.id)
                if !ghosts.isEmpty { drawGhosts(after: touchpoint.id) }
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

        // Observed traffic: cases per step, and the widest step for scaling the lines.
        var observedCases: [String: Int] = [:]
        for transition in context.observed?.transitions ?? [] { observedCases[transition.from + "\u{1F}" + transition.to] = transition.cases }
        let mostCases = max(1, observedCases.values.max() ?? 0)
        func writeObservedAttributes(_ cases: Int, color: String = DOTStyle.mutedText) {
            body.attribute("penwidth")
            body.out.verbatim(DOTStyle.number(1 + 7 * Double(cases) / Double(mostCases)))
            body.attribute("label")
            body.out.append("\"")
            body.out.decimal(cases)
            body.out.append("\"")
            body.attribute("fontsize")
            body.out.decimal(DOTStyle.detailSize)
            body.attribute("fontcolor", quoted: color)
        }
        var flowsStarted = false
        for touchpoint in journey.touchpoints {
            guard let source = placed[touchpoint.id] else { continue }
            // A target listed twice is drawn once: a double arrow would look like two flows.
            var drawnTargets: Set<String> = []
            for target in touchpoint.next where drawnTargets.insert(target).inserted {
                guard let targetPlace = placed[target], let targetTouchpoint = context.touchpoint(target) else { continue }
                body.beginSection("// next flows", started: &flowsStarted)
                body.startEdge(touchpoint.id, target)
                let broken = context.findings.brokenHandoffs(from: touchpoint.id, to: target)
                let sharesChannel = touchpoint.channels.contains(where: targetTouchpoint.channels.contains)
                // With observed traffic, the observed width replaces the style's; the colour still tells the kind of step.
                let isObserved = context.observed != nil
                if !broken.isEmpty {
                    usage.brokenHandoff = true
                    body.attribute("color", quoted: DOTStyle.problem)
                    if !isObserved { body.attribute("penwidth", "3.5") }
                    body.attribute("style", "dashed")
                    body.attribute("arrowhead", "normal")
                    body.attribute("arrowsize", "1.2")
                    body.attribute("tooltip")
                    body.out.append("\"")
                    for (index, finding) in broken.enumerated() {
                        if index > 0 { body.out.append("\\n") }
                        body.out.verbatim(DOTStyle.warningMark + " ")
                        body.out.dotQuotedText(finding.message, backslashAsLookAlike: true)
                    }
                    body.out.append("\"")
                } else if sharesChannel {
                    usage.sameChannelFlow = true
                    body.attribute("color", quoted: DOTStyle.sameChannelEdge)
                    if !isObserved { body.attribute("penwidth", "1.6") }
                } else {
                    usage.channelSwitch = true
                    body.attribute("color", quoted: DOTStyle.channelSwitchEdge)
                    if !isObserved { body.attribute("penwidth", "2.2") }
                    body.attribute("style", "dashed")
                }
                if isObserved {
                    usage.observed = true
                    writeObservedAttributes(observedCases[touchpoint.id + "\u{1F}" + target] ?? 0)
                }
                if targetPlace.order <= source.order {
                    // A flow back to an earlier touchpoint must not reorder the stages.
                    body.attribute("constraint", "false")
                } else if targetPlace.drawnStage == source.drawnStage {
                    stages[source.drawnStage].hasForwardSuccessor.insert(touchpoint.id)
                    stages[source.drawnStage].hasForwardPredecessor.insert(target)
                }
                body.endAttributes()
                body.endLine()
            }
        }

        // Steps customers took that no flow has: dashed red, not moving the layout.
        var unplannedStarted = false
        for transition in (context.observed?.transitions ?? []).sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) })
        where placed[transition.from] != nil && placed[transition.to] != nil
            && context.touchpoint(transition.from)?.next.contains(transition.to) == false {
            usage.unplannedObserved = true
            body.beginSection("// observed steps without a next flow", started: &unplannedStarted)
            body.startEdge(transition.from, transition.to)
            body.attribute("color", quoted: DOTStyle.problem)
            body.attribute("style", "dashed")
            body.attribute("constraint", "false")
            writeObservedAttributes(transition.cases, color: DOTStyle.problem)
            body.endAttributes()
            body.endLine()
        }

        writeOrderingEdges(stages, into: &body)
        body.close()

        var header = DOTLines()
        header.open("digraph " + DOTEscaping.id(context.journey.id))
        DOTLabel.graphDefaults(&header, label: DOTLabel.titleAndLegend(title: context.title, rows: legend(usage)))
        header.line("graph " + DOTLines.attributes([
            ("rankdir", "LR"), ("newrank", "true"), ("nodesep", "0.35"), ("ranksep", "0.45"), ("splines", "true"),
        ]))
        header.line("node " + DOTLines.attributes([
            ("shape", "box"), ("style", "\"rounded,filled\""), ("fontname", quoted(DOTStyle.font)),
            ("fontsize", "\(DOTStyle.nameSize)"), ("fontcolor", quoted(DOTStyle.text)), ("color", "\"#616161\""),
            ("penwidth", "1.2"), ("margin", "\"0.18,0.1\""),
        ]))
        header.line("edge " + DOTLines.attributes([("arrowsize", "0.9")]))
        header.line("")
        // The header goes in front of the body in place: a large diagram is not copied into a second buffer.
        var document = body.out.bytes
        body = DOTLines()
        document.insert(contentsOf: header.out.bytes, at: 0)
        return document
    }

    /// Invisible edges from the last touchpoints of each stage to the first ones of the next,
    /// so the stages stay in file order even without `next` flows.
    private func writeOrderingEdges(_ stages: [StageNodes], into lines: inout DOTLines) {
        var started = false
        for (current, following) in zip(stages, stages.dropFirst()) {
            let lasts = current.ids.filter { !current.hasForwardSuccessor.contains($0) }
            let firsts = following.ids.filter { !following.hasForwardPredecessor.contains($0) }
            for last in lasts {
                for first in firsts {
                    lines.beginSection("// keeps the stages in order from left to right", started: &started)
                    lines.startEdge(last, first)
                    lines.out.append(" [style=invis]")
                    lines.endLine()
                }
            }
        }
    }

    /// The attribute list of a touchpoint's box.
    private func writeNodeAttributes(_ touchpoint: Touchpoint, into lines: inout DOTLines, usage: inout Usage) {
        var name = touchpoint.name
        if touchpoint.momentOfTruth {
            usage.momentOfTruth = true
            name = DOTStyle.momentOfTruthMark + " " + name
        }
        // A channel that is not live says so, so that the card does not look live; no-break
        // spaces keep the status on the line of the channel's last word.
        let touchpointChannels = touchpoint.channels.map { (id: $0, channel: context.channel($0)) }
        let channels = touchpointChannels.map { id, channel in
            switch channel?.status {
            case .planned?: (channel?.name ?? id) + "\u{A0}—\u{A0}" + context.words.planned
            case .retired?: (channel?.name ?? id) + "\u{A0}—\u{A0}" + context.words.retired
            default: channel?.name ?? id
            }
        }.joined(separator: " · ")
        let onChannelNotLive = touchpointChannels.contains { $0.channel.map { $0.status != .live } ?? false }
        let link = context.linkMark(touchpoint)
        let brokenInto = context.findings.brokenHandoffsInto[touchpoint.id] ?? []
        let handoffsNotDrawn = brokenInto.isEmpty ? brokenInto : brokenInto.filter { finding in
            guard let from = finding.references[.from] else { return true }
            guard let source = context.touchpoint(from) else { return true }
            return !(context.includes(source) && source.next.contains(touchpoint.id))
        }
        let unservedBadge = context.unservedBadge(for: touchpoint.id)
        let change = context.changes?.touchpoints[touchpoint.id]

        lines.attribute("label")
        lines.out.append("<")
        lines.out.dotFont(size: DOTStyle.nameSize) { $0.dotWrapped(name, width: DOTStyle.nameWidth) }
        lines.out.append("<BR/>")
        lines.out.dotFont(size: DOTStyle.detailSize, color: DOTStyle.mutedText) {
            if channels.isEmpty { $0.append("<I>no channel</I>") } else { $0.dotWrapped(channels, width: 24) }
        }
        if let link {
            usage.linked = true
            lines.out.append("<BR/>")
            lines.out.dotFont(size: DOTStyle.detailSize, color: DOTStyle.linkText) { $0.dotWrapped(link, width: 28) }
        }
        if let unservedBadge {
            usage.unserved = true
            lines.out.append("<BR/>")
            lines.out.dotFont(size: DOTStyle.detailSize, color: DOTStyle.problem) {
                $0.append("<B>")
                $0.dotWrapped(DOTStyle.warningMark + " " + unservedBadge, width: 26)
                $0.append("</B>")
            }
        }
        if !handoffsNotDrawn.isEmpty {
            usage.brokenHandoff = true
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
        lines.out.append(">")
        // Focused on a persona, the box shows how that persona feels here.
        lines.attribute("fillcolor", quoted: DOTStyle.fill(forEmotion: context.persona.map { touchpoint.emotion(for: $0.id) } ?? touchpoint.emotion))
        lines.attribute("tooltip")
        context.writeTooltip(for: touchpoint, extraFindings: handoffsNotDrawn, into: &lines.out)
        if touchpoint.initiator == .business {
            usage.businessInitiated = true
            lines.attribute("shape", "cds")
            if onChannelNotLive { lines.attribute("style", "\"filled,dashed\"") } else { lines.attribute("style", "filled") }
            lines.attribute("margin", "\"0.3,0.14\"")
        } else if onChannelNotLive {
            lines.attribute("style", "\"rounded,filled,dashed\"")
        }
        if onChannelNotLive { usage.notLiveChannel = true }
        if let change {
            switch change {
            case .added:
                usage.added = true
                lines.attribute("color", quoted: DOTStyle.added)
            case .changed:
                usage.changed = true
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
        lines.endAttributes()
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
