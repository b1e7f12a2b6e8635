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
        let legend = matrix.legend()
        if !legend.isEmpty { lines += [""] + legend.map(TerminalText.sanitize) }
        return lines.joined(separator: "\n") + "\n"
    }
}
