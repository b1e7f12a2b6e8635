/// The coverage table of a journey: stages as columns, channels as rows, and in each cell the
/// touchpoints of that stage on that channel. Optionally seen by one persona: which
/// touchpoints do not reach them, and which stages leave them with no touchpoint at all
/// (the `channel-gap` rule's view).
public struct CoverageMatrix: Sendable, Hashable {
    /// A touchpoint in a cell; `reachesPersona` is `nil` when the matrix is not for a persona.
    public struct Entry: Sendable, Hashable {
        public var touchpointID: String
        public var name: String
        public var reachesPersona: Bool?
    }

    /// One row: a channel (or touchpoints with no channel, when `channelID` is `nil`).
    public struct Row: Sendable, Hashable {
        public var channelID: String?
        /// The channel's name, with its status when it is not live, e.g. `Pagos por WhatsApp (planned)`.
        public var label: String
        /// One cell per stage, in stage order.
        public var cells: [[Entry]]
    }

    /// The stage names, in order.
    public var stages: [String]
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

    // MARK: Rendering

    /// The mark before a touchpoint that does not reach the persona.
    public static let notReachedMark = "✗"
    /// The persona row's mark for a stage without touchpoints (neither reached nor a gap).
    public static let noTouchpointsMark = "—"

    /// The table for a terminal: aligned columns, one touchpoint per line in each cell.
    /// User text is made safe for terminals.
    public func text() -> String {
        let header = ["Channel"] + stages
        var body = rows.map { row in [[row.label]] + row.cells.map { $0.map(label(for:)) } }
        if let footer = personaRow() { body.append(footer.map { [$0] }) }
        let clean: ([[String]]) -> [[String]] = { $0.map { $0.map(TerminalText.sanitize) } }
        let headerCells = clean(header.map { [$0] })
        let bodyCells = body.map(clean)
        var widths = headerCells.map { $0.map(\.count).max() ?? 0 }
        for row in bodyCells {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.map(\.count).max() ?? 0) }
        }
        func render(_ row: [[String]]) -> [String] {
            let height = max(1, row.map(\.count).max() ?? 1)
            return (0..<height).map { lineIndex in
                row.enumerated().map { column, cell in
                    let text = lineIndex < cell.count ? cell[lineIndex] : ""
                    return text + String(repeating: " ", count: widths[column] - text.count)
                }.joined(separator: " | ").trimmingTrailingSpaces()
            }
        }
        let separator = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")
        var lines = render(headerCells)
        for row in bodyCells {
            lines.append(separator)
            lines += render(row)
        }
        let legend = legend()
        if !legend.isEmpty { lines += [""] + legend.map(TerminalText.sanitize) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table; several touchpoints in a cell are separated by `<br>`.
    public func markdown() -> String {
        func escape(_ text: String) -> String {
            var escaped = ""
            for character in text {
                switch character {
                case "|": escaped += "\\|"
                case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "~": escaped += "\\" + String(character)
                case "\n", "\r": escaped += " "
                default: escaped.append(character)
                }
            }
            return escaped
        }
        var lines = ["| Channel | " + stages.map(escape).joined(separator: " | ") + " |",
                     "| --- |" + String(repeating: " --- |", count: stages.count)]
        for row in rows {
            lines.append("| " + ([escape(row.label)] + row.cells.map { $0.map { escape(label(for: $0)) }.joined(separator: "<br>") })
                .joined(separator: " | ") + " |")
        }
        if let footer = personaRow() {
            lines.append("| " + footer.map(escape).joined(separator: " | ") + " |")
        }
        let legend = legend()
        for sentence in legend { lines += ["", escape(sentence)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Comma-separated values (RFC 4180); several touchpoints in a cell are separated by a line break.
    public func csv() -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
        }
        var records = [(["Channel"] + stages).map(field).joined(separator: ",")]
        for row in rows {
            records.append(([row.label] + row.cells.map { $0.map(label(for:)).joined(separator: "\n") }).map(field).joined(separator: ","))
        }
        if let footer = personaRow() { records.append(footer.map(field).joined(separator: ",")) }
        return records.joined(separator: "\r\n") + "\r\n"
    }

    private func label(for entry: Entry) -> String {
        entry.reachesPersona == false ? "\(Self.notReachedMark) \(entry.name)" : entry.name
    }

    /// `Reaches NAME` and, per stage, `yes`, `GAP` or `—` (no touchpoints), when the matrix is for a persona.
    private func personaRow() -> [String]? {
        guard let persona, let stageReachesPersona else { return nil }
        return ["Reaches \(persona.name)"] + zip(stageReachesPersona, stageHasTouchpoints).map { reaches, hasTouchpoints in
            reaches ? "yes" : hasTouchpoints ? "GAP" : Self.noTouchpointsMark
        }
    }

    private func legend() -> [String] {
        guard let persona, let stageReachesPersona else { return [] }
        let gaps = stages.indices.filter { !stageReachesPersona[$0] && stageHasTouchpoints[$0] }.map { stages[$0] }
        var sentences = [
            "\(Self.notReachedMark) = the touchpoint does not reach \(persona.name) (not for them, or on no live channel they use).",
            gaps.isEmpty
                ? "Every stage reaches \(persona.name)."
                : "GAP = no touchpoint of the stage reaches \(persona.name): " + gaps.joined(separator: ", ") + ".",
        ]
        if stageHasTouchpoints.contains(false) { sentences.append("\(Self.noTouchpointsMark) = the stage has no touchpoints.") }
        return sentences
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }

    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
