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

    /// The diagram, handed to `emit` in pieces of about `chunkSize` bytes as it is written (one
    /// piece with `Int.max`): the title and legend first, then the table a few cells at a time.
    func render(chunkSize: Int, into emit: ([UInt8]) -> Void) {
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
        // Positions, not copies: a copy of a touchpoint retains and releases each of its fields.
        let drawnIndices = journey.stages.map(context.drawnIndices(of:))
        // What the cells will use, for the legend written before them. Every drawn touchpoint is
        // listed in a row (its channels', or "no channel"), and every unserved one carries its
        // badge on one of them.
        for (stage, drawn) in zip(journey.stages, drawnIndices) {
            for index in drawn {
                if stage.touchpoints[index].momentOfTruth { usage.momentOfTruth = true }
                if stage.touchpoints[index].initiator == .business { usage.businessInitiated = true }
            }
        }
        usage.unserved = !badgeRows.isEmpty

        var lines = DOTLines()
        lines.out.bytes.reserveCapacity(chunkSize < Int.max / 2 ? 2 * chunkSize : 0)
        lines.open("digraph " + DOTEscaping.id(journey.id))
        DOTLabel.graphDefaults(&lines, label: DOTLabel.titleAndLegend(title: context.title, rows: legend(usage)))
        lines.line("node " + DOTLines.attributes([
            ("shape", "plaintext"), ("fontname", DOTEscaping.quoted(DOTStyle.font)), ("fontcolor", DOTEscaping.quoted(DOTStyle.text)),
        ]))
        lines.line("")
        lines.startLine()
        lines.id("matrix")
        lines.attribute("label")
        lines.out.append("<")

        // The cells, written as bytes: a large journey has a cell per touchpoint and channel.
        var cells = UTF8Text()
        /// Moves the cells written so far into the label (broken after each row and cell), and
        /// hands the diagram on once it fills a piece. Called only after a whole cell or row, so
        /// that every piece of the table starts with a tag.
        func handOnFullPiece() {
            guard cells.bytes.count >= chunkSize else { return }
            lines.out.dotTableLabel(cells.bytes)
            cells.bytes.removeAll(keepingCapacity: true)
            emit(lines.out.bytes)
            lines.out.bytes.removeAll(keepingCapacity: true)
        }
        cells.verbatim(table)
        for row in rows {
            let muted = row.channel.map { channel in context.persona.map { !$0.uses(channel: channel.id) } ?? false } ?? false
            cells.verbatim("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"\(DOTStyle.stageFill)\">" + row.header + "</TD>")
            for (stage, drawn) in zip(journey.stages, drawnIndices) {
                let touchpoints = drawn.filter { index in
                    if let channel = row.channel { return stage.touchpoints[index].channels.contains(channel.id) }
                    return stage.touchpoints[index].channels.allSatisfy { !knownChannels.contains($0) }
                }
                let fill = muted ? "#fafafa" : (gapStages.contains(stage.id) ? DOTStyle.gapFill : "#ffffff")
                cells.append("<TD BGCOLOR=\"")
                cells.verbatim(fill)
                cells.append("\" VALIGN=\"TOP\">")
                if !touchpoints.isEmpty {
                    cells.append("<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"4\" CELLPADDING=\"4\">")
                    for index in touchpoints {
                        let badged = !badgeRows.isEmpty && badgeRows[stage.touchpoints[index].id].map { $0 == row.channel?.id } ?? false
                        cells.append("<TR>")
                        writeCell(for: stage.touchpoints[index], showsUnserved: badged, into: &cells)
                        cells.append("</TR>")
                    }
                    cells.append("</TABLE>")
                }
                cells.append("</TD>")
                handOnFullPiece()
            }
            cells.append("</TR>")
            handOnFullPiece()
        }

        // With a persona, a last row of its channel gaps.
        var gapRow = ""
        if context.persona != nil, !gapStages.isEmpty {
            gapRow += "<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"\(DOTStyle.gapFill)\">"
                + DOTLabel.font("<B>" + DOTStyle.warningMark + " Channel gaps</B>", size: DOTStyle.nameSize - 1, color: DOTStyle.gapBorder) + "</TD>"
            for stage in journey.stages {
                let gaps = context.findings.gapsByStage[stage.id] ?? []
                gapRow += "<TD BGCOLOR=\"\(gaps.isEmpty ? "#ffffff" : DOTStyle.gapFill)\" VALIGN=\"TOP\">"
                gapRow += gaps.map { DOTLabel.font(DOTLabel.wrapped($0.message, width: 24), size: DOTStyle.detailSize) }.joined(separator: "<BR/><BR/>")
                gapRow += "</TD>"
            }
            gapRow += "</TR>"
        }
        cells.verbatim(gapRow)
        cells.append("</TABLE>")
        lines.out.dotTableLabel(cells.bytes)
        cells = UTF8Text()
        lines.out.append(">")
        lines.endAttributes()
        lines.endLine()
        lines.close()
        emit(lines.out.bytes)
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
    private func writeCell(for touchpoint: Touchpoint, showsUnserved: Bool, into cells: inout UTF8Text) {
        let badge = showsUnserved ? context.unservedBadge(for: touchpoint.id) : nil
        let emotion = context.persona.map { touchpoint.emotion(for: $0.id) } ?? touchpoint.emotion
        cells.append("<TD BGCOLOR=\"")
        cells.verbatim(DOTStyle.fill(forEmotion: emotion))
        cells.append("\" COLOR=\"")
        cells.verbatim(badge == nil ? "#9e9e9e" : DOTStyle.problem)
        cells.append("\">")
        let isBusiness = touchpoint.initiator == .business
        cells.dotFont(size: DOTStyle.nameSize - 2) {
            if touchpoint.momentOfTruth { $0.verbatim("<B>" + DOTStyle.momentOfTruthMark + " ") }
            if isBusiness { $0.append("<I>") }
            $0.dotWrapped(touchpoint.name, width: DOTStyle.nameWidth)
            if isBusiness { $0.append("</I>") }
            if touchpoint.momentOfTruth { $0.append("</B>") }
        }
        if let badge {
            cells.append("<BR/>")
            cells.dotFont(size: DOTStyle.detailSize, color: DOTStyle.problem) {
                $0.append("<B>")
                $0.dotWrapped(DOTStyle.warningMark + " " + badge, width: 26)
                $0.append("</B>")
            }
        }
        cells.append("</TD>")
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
