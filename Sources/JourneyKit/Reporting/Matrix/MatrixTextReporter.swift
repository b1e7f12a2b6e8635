/// The table for a terminal: aligned columns, one touchpoint per line in each cell.
/// User text is made safe for terminals.
public struct MatrixTextReporter: Reporter {
    public let id = "text"

    public init() {}

    public func report(_ matrix: CoverageMatrix) -> String {
        let stages = matrix.stages, rows = matrix.rows
        let header = ["Channel"] + stages
        var body = rows.map { row in [[row.label]] + row.cells.map { $0.map(matrix.label(for:)) } }
        if let footer = matrix.personaRow() { body.append(footer.map { [$0] }) }
        // Long names are wrapped at a fixed width, so that the table grows with the number of
        // cells, not with cells × the longest name (600 × 600 long names made 436 MB).
        let clean: ([[String]]) -> [[String]] = { $0.map { $0.flatMap { Self.wrapped(TerminalText.sanitize($0)) } } }
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
        let legend = matrix.legend()
        if !legend.isEmpty { lines += [""] + legend.map(TerminalText.sanitize) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The widest a column gets, in characters.
    static let maximumColumnWidth = 40

    /// `text` cut into pieces of at most ``maximumColumnWidth`` characters, at a space when
    /// there is one in the second half of the piece.
    static func wrapped(_ text: String) -> [String] {
        guard text.count > maximumColumnWidth else { return [text] }
        var pieces: [String] = []
        var rest = Substring(text)
        while rest.count > maximumColumnWidth {
            let window = rest.prefix(maximumColumnWidth + 1)
            if let space = window.lastIndex(of: " "), window.distance(from: window.startIndex, to: space) >= maximumColumnWidth / 2 {
                pieces.append(String(rest[..<space]))
                rest = rest[rest.index(after: space)...]
            } else {
                pieces.append(String(rest.prefix(maximumColumnWidth)))
                rest = rest.dropFirst(maximumColumnWidth)
            }
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        return pieces
    }
}
