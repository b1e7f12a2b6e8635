/// The table for a terminal: one touchpoint per line in each cell, cell texts wrapped so that
/// every line fits `width` characters, and the stages split over several tables when even
/// narrow columns do not fit. Each column is as wide as its own content needs, no wider.
/// User text is made safe for terminals.
public struct MatrixTextReporter: Reporter {
    public let id = "text"

    /// The widest a line may be, in characters (`COLUMNS` for `cjm matrix`, else 100).
    public var width: Int

    /// A reporter for a terminal `width` characters wide (at least ``minimumColumnWidth`` × 2 + 3).
    public init(width: Int = 100) {
        self.width = max(width, Self.minimumColumnWidth * 2 + Self.separator.count)
    }

    /// The narrowest a column is made to fit the width; narrower columns split the table instead.
    static let minimumColumnWidth = 14
    /// The widest a column gets, whatever the width: long names wrap rather than stretch it.
    static let maximumColumnWidth = 40
    static let separator = " | "

    public func report(_ matrix: CoverageMatrix) -> String {
        let header = ["Channel"] + matrix.stages
        var body = matrix.rows.map { row in [[row.label]] + row.cells.map { $0.map(matrix.label(for:)) } }
        if let footer = matrix.personaRow() { body.append(footer.map { [$0] }) }
        let headerCells = header.map { [TerminalText.sanitize($0)] }
        let bodyCells = body.map { $0.map { $0.map(TerminalText.sanitize) } }
        // The width each column would like: its longest line, up to the maximum.
        var natural = headerCells.map { Self.longestLine($0) }
        for row in bodyCells {
            for (column, cell) in row.enumerated() { natural[column] = max(natural[column], Self.longestLine(cell)) }
        }
        natural = natural.map { min(max($0, 1), Self.maximumColumnWidth) }

        let groups = stageGroups(natural: natural)
        var lines: [String] = []
        for (index, stages) in groups.enumerated() {
            let columns = [0] + stages.map { $0 + 1 }
            if groups.count > 1 {
                if index > 0 { lines.append("") }
                lines.append("Stages \(stages.lowerBound + 1)–\(stages.upperBound) of \(matrix.stages.count):")
            }
            lines += table(columns: columns, widths: fitted(columns.map { natural[$0] }),
                           header: headerCells, body: bodyCells)
        }
        let legend = matrix.legend()
        if !legend.isEmpty { lines += [""] + legend.flatMap { Self.wrapped(TerminalText.sanitize($0), width: width) } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The stages of each table, in order: as few tables as fit beside the channel column with
    /// each column at most ``minimumColumnWidth`` wide (narrower when its content is), the
    /// stages shared out evenly among them so that no table is left with a lone stage.
    private func stageGroups(natural: [Int]) -> [Range<Int>] {
        let packed = packedStageGroups(natural: natural)
        guard packed.count > 1 else { return packed }
        let stageCount = natural.count - 1, tables = packed.count
        let even = (0..<tables).map { table in
            (table * stageCount / tables)..<((table + 1) * stageCount / tables)
        }
        let fits = even.allSatisfy { group in
            group.map { Self.separator.count + min(natural[$0 + 1], Self.minimumColumnWidth) }.reduce(0, +)
                + min(natural[0], Self.minimumColumnWidth) <= width
        }
        return fits ? even : packed
    }

    /// The stages of each table, each table filled with as many stages as fit, at least one.
    private func packedStageGroups(natural: [Int]) -> [Range<Int>] {
        let stageCount = natural.count - 1
        guard stageCount > 0 else { return [0..<0] }
        let channelWidth = min(natural[0], Self.minimumColumnWidth)
        var groups: [Range<Int>] = []
        var start = 0, used = channelWidth
        for stage in 0..<stageCount {
            let needed = Self.separator.count + min(natural[stage + 1], Self.minimumColumnWidth)
            if stage > start, used + needed > width {
                groups.append(start..<stage)
                start = stage
                used = channelWidth
            }
            used += needed
        }
        groups.append(start..<stageCount)
        return groups
    }

    /// The columns' widths shrunk to fit `width`: the widest ones are narrowed first, to one
    /// common limit, none below ``minimumColumnWidth`` (or its content, when narrower).
    private func fitted(_ natural: [Int]) -> [Int] {
        let available = width - Self.separator.count * (natural.count - 1)
        guard natural.reduce(0, +) > available else { return natural }
        // The largest limit at which the columns fit (found by counting down: at most 40 steps).
        var limit = natural.max() ?? Self.minimumColumnWidth
        while limit > Self.minimumColumnWidth, natural.map({ min($0, limit) }).reduce(0, +) > available { limit -= 1 }
        return natural.map { min($0, limit) }
    }

    /// The lines of one table: the header, then each row under a rule, cells wrapped to their width.
    private func table(columns: [Int], widths: [Int], header: [[String]], body: [[[String]]]) -> [String] {
        let wrap = { (row: [[String]]) in
            columns.enumerated().map { position, column in row[column].flatMap { Self.wrapped($0, width: widths[position]) } }
        }
        let headerCells = wrap(header), bodyCells = body.map(wrap)
        // Wrapped lines may all be shorter than the room they were given: no padding beyond them.
        var widths = headerCells.map(Self.longestLine)
        for row in bodyCells {
            for (position, cell) in row.enumerated() { widths[position] = max(widths[position], Self.longestLine(cell)) }
        }
        func render(_ cells: [[String]]) -> [String] {
            let height = max(1, cells.map(\.count).max() ?? 1)
            return (0..<height).map { lineIndex in
                cells.enumerated().map { position, cell in
                    let text = lineIndex < cell.count ? cell[lineIndex] : ""
                    return text + String(repeating: " ", count: widths[position] - text.count)
                }.joined(separator: Self.separator).trimmingTrailingSpaces()
            }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")
        var lines = render(headerCells)
        for row in bodyCells {
            lines.append(rule)
            lines += render(row)
        }
        return lines
    }

    private static func longestLine(_ cell: [String]) -> Int {
        cell.map(\.count).max() ?? 0
    }

    /// `text` cut into lines of at most `width` characters: at spaces, a word longer than
    /// the width cut where it reaches it.
    static func wrapped(_ text: String, width: Int = maximumColumnWidth) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !line.isEmpty, line.count + 1 + word.count <= width {
                line += " " + word
                continue
            }
            if !line.isEmpty { lines.append(line) }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            line = String(word)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
