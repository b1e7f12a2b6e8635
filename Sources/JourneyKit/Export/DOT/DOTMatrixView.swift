/// The matrix diagram: a table with a row per channel and a column per stage, each cell
/// listing the touchpoints on that channel in that stage. With a persona, the stages where
/// the persona has a channel gap are highlighted, with the gap's message in the last row.
struct DOTMatrixView {
    let context: DOTContext

    /// What the table uses, so the legend explains exactly that.
    private struct Usage {
        var momentOfTruth = false
        var businessInitiated = false
        var unserved = false
        var gap = false
        var unusedChannel = false
    }

    func render() -> String {
        let journey = context.journey
        var usage = Usage()
        let gapStages = Set(journey.stages.map(\.id).filter { !(context.findings.gapsByStage[$0] ?? []).isEmpty })
        usage.gap = !gapStages.isEmpty
        let cellPadding = "CELLPADDING=\"8\""

        var table = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" \(cellPadding) COLOR=\"\(DOTStyle.stageBorder)\">"
        table += "<TR><TD BGCOLOR=\"\(DOTStyle.stageFill)\"></TD>"
        for stage in journey.stages {
            let fill = gapStages.contains(stage.id) ? DOTStyle.gapFill : DOTStyle.stageFill
            table += "<TD BGCOLOR=\"\(fill)\">" + DOTLabel.font("<B>" + DOTLabel.wrapped(stage.name, width: 20) + "</B>", size: DOTStyle.stageSize - 2) + "</TD>"
        }
        table += "</TR>"

        let knownChannels = Set(journey.channels.map(\.id))
        var rows: [(channel: Channel?, header: String)] = journey.channels.map { channel in
            var header = DOTLabel.font("<B>" + DOTLabel.wrapped(channel.name, width: 22) + "</B>", size: DOTStyle.nameSize - 1)
            var notes: [String] = []
            if channel.status != .live { notes.append(channel.status == .planned ? context.words.planned : context.words.retired) }
            if let persona = context.persona, !persona.uses(channel: channel.id) {
                usage.unusedChannel = true
                notes.append(context.words.fill(context.words.notUsedBy, persona: persona.name))
            }
            if !notes.isEmpty {
                header += "<BR/>" + DOTLabel.font("<I>" + DOTLabel.wrapped(notes.joined(separator: ", "), width: 26) + "</I>",
                                                  size: DOTStyle.detailSize, color: DOTStyle.mutedText)
            }
            return (channel, header)
        }
        let withoutChannel = journey.touchpoints.contains { touchpoint in
            context.includes(touchpoint) && touchpoint.channels.allSatisfy { !knownChannels.contains($0) }
        }
        if withoutChannel {
            rows.append((nil, DOTLabel.font("<I>no channel</I>", size: DOTStyle.nameSize - 1, color: DOTStyle.mutedText)))
        }

        let badgeRows = unservedBadgeRows(rows.map { $0.channel?.id }, knownChannels: knownChannels)
        for row in rows {
            let muted = row.channel.map { channel in context.persona.map { !$0.uses(channel: channel.id) } ?? false } ?? false
            table += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"\(DOTStyle.stageFill)\">" + row.header + "</TD>"
            for stage in journey.stages {
                let touchpoints = context.touchpoints(of: stage).filter { touchpoint in
                    if let channel = row.channel { return touchpoint.channels.contains(channel.id) }
                    return touchpoint.channels.allSatisfy { !knownChannels.contains($0) }
                }
                let fill = muted ? "#fafafa" : (gapStages.contains(stage.id) ? DOTStyle.gapFill : "#ffffff")
                table += "<TD BGCOLOR=\"\(fill)\" VALIGN=\"TOP\">"
                if !touchpoints.isEmpty {
                    table += "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"4\" CELLPADDING=\"4\">"
                    for touchpoint in touchpoints {
                        let badged = badgeRows[touchpoint.id].map { $0 == row.channel?.id } ?? false
                        table += "<TR>" + cell(for: touchpoint, showsUnserved: badged, usage: &usage) + "</TR>"
                    }
                    table += "</TABLE>"
                }
                table += "</TD>"
            }
            table += "</TR>"
        }

        if context.persona != nil, !gapStages.isEmpty {
            table += "<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"\(DOTStyle.gapFill)\">"
                + DOTLabel.font("<B>" + DOTStyle.warningMark + " Channel gaps</B>", size: DOTStyle.nameSize - 1, color: DOTStyle.gapBorder) + "</TD>"
            for stage in journey.stages {
                let gaps = context.findings.gapsByStage[stage.id] ?? []
                table += "<TD BGCOLOR=\"\(gaps.isEmpty ? "#ffffff" : DOTStyle.gapFill)\" VALIGN=\"TOP\">"
                table += gaps.map { DOTLabel.font(DOTLabel.wrapped($0.message, width: 24), size: DOTStyle.detailSize) }.joined(separator: "<BR/><BR/>")
                table += "</TD>"
            }
            table += "</TR>"
        }
        table += "</TABLE>"

        var lines = DOTLines()
        lines.open("digraph " + DOTEscaping.id(journey.id))
        DOTLabel.graphDefaults(&lines, label: DOTLabel.titleAndLegend(title: context.title, rows: legend(usage)))
        lines.line("node " + DOTLines.attributes([
            ("shape", "plaintext"), ("fontname", DOTEscaping.quoted(DOTStyle.font)), ("fontcolor", DOTEscaping.quoted(DOTStyle.text)),
        ]))
        lines.line("")
        lines.line(DOTEscaping.id("matrix") + " " + DOTLines.attributes([("label", "<" + table + ">")]))
        lines.close()
        return lines.text
    }

    /// For each unserved touchpoint, the one row (channel id, `nil` for "no channel") whose card
    /// carries the badge: the first of its rows whose channel works for nobody of its audience
    /// (not live, or used by none of the personas it does reach), else its first row; so that
    /// the badge does not sit on a channel that works for another persona.
    private func unservedBadgeRows(_ rows: [String?], knownChannels: Set<String>) -> [String: String?] {
        var badgeRows: [String: String?] = [:]
        for touchpoint in context.journey.touchpoints where context.includes(touchpoint) && badgeRows[touchpoint.id] == nil {
            guard let missed = context.findings.unservedPersonas[touchpoint.id] else { continue }
            let onRows = rows.filter { row in row.map(touchpoint.channels.contains) ?? touchpoint.channels.allSatisfy { !knownChannels.contains($0) } }
            let reached = context.journey.personas.filter { touchpoint.isAimed(at: $0.id) && !missed.contains($0.id) }
            let worksForNobody = onRows.first { row in
                guard let id = row, let channel = context.channel(id) else { return true }
                return channel.status != .live || !reached.contains { $0.uses(channel: id) }
            }
            badgeRows[touchpoint.id] = worksForNobody ?? onRows.first ?? nil
        }
        return badgeRows
    }

    /// One touchpoint in a cell: its name on its emotion's colour, marked when it is a moment
    /// of truth, started by the business, or (on one of its rows) unserved.
    private func cell(for touchpoint: Touchpoint, showsUnserved: Bool, usage: inout Usage) -> String {
        var name = DOTLabel.wrapped(touchpoint.name, width: DOTStyle.nameWidth)
        if touchpoint.initiator == .business {
            usage.businessInitiated = true
            name = "<I>" + name + "</I>"
        }
        if touchpoint.momentOfTruth {
            usage.momentOfTruth = true
            name = "<B>" + DOTStyle.momentOfTruthMark + " " + name + "</B>"
        }
        var content = DOTLabel.font(name, size: DOTStyle.nameSize - 2)
        var border = "#9e9e9e"
        if showsUnserved, let badge = context.unservedBadge(for: touchpoint.id) {
            usage.unserved = true
            border = DOTStyle.problem
            content += "<BR/>" + DOTLabel.font("<B>" + DOTLabel.wrapped(DOTStyle.warningMark + " " + badge, width: 26) + "</B>",
                                               size: DOTStyle.detailSize, color: DOTStyle.problem)
        }
        let emotion = context.persona.map { touchpoint.emotion(for: $0.id) } ?? touchpoint.emotion
        return "<TD BGCOLOR=\"\(DOTStyle.fill(forEmotion: emotion))\" COLOR=\"\(border)\">" + content + "</TD>"
    }

    private func legend(_ usage: Usage) -> [DOTLabel.LegendRow] {
        let words = context.words
        var marks: [String] = []
        if usage.momentOfTruth {
            marks.append(DOTLabel.legendItem(symbol: DOTStyle.momentOfTruthMark + " " + words.bold, color: "#212121", meaning: words.momentOfTruth))
        }
        if usage.businessInitiated {
            marks.append(DOTLabel.legendItem(symbol: words.italic, color: "#212121", meaning: words.businessReachesOut))
        }
        if usage.unusedChannel {
            marks.append(DOTLabel.legendItem(symbol: words.greyRow, color: DOTStyle.mutedText, meaning: words.channelNotUsed))
        }
        var problems: [String] = []
        if usage.unserved {
            problems.append(DOTLabel.legendItem(symbol: DOTStyle.warningMark + " " + words.red, color: DOTStyle.problem, meaning: words.unserved))
        }
        if usage.gap {
            let who = context.persona == nil ? words.somePersona : words.thePersona
            problems.append(DOTLabel.legendItem(symbol: DOTStyle.warningMark + " " + words.yellowStage, color: DOTStyle.gapBorder,
                                                meaning: words.channelGapPrefix + who))
        }
        var rows = [DOTLabel.emotionRow(words)]
        if !marks.isEmpty { rows.append(.items(heading: words.touchpoints, entries: marks)) }
        if !problems.isEmpty { rows.append(.items(heading: words.findings, entries: problems)) }
        return rows
    }
}
