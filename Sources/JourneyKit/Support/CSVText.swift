/// The one place cjm writes CSV (RFC 4180): the touchpoint sheet (`cjm export --format csv`) and
/// the coverage matrix (`cjm matrix --format csv`) both build their records here.
///
/// Quoting is decided on Unicode scalars, not Characters: a `,` or `"` followed by a combining
/// mark (U+0301) is one Character but still a delimiter or a quote to every CSV reader, and
/// `"\r\n"` is one Character holding two line-end scalars. CSV.swift's `CSVWriter` decides on
/// Characters and so neither quotes `a,\u{301}b` nor doubles the quote in `a"\u{301}b` (see
/// docs/report.md), which is why the library only reads CSV here.
enum CSVText {
    /// How a cell that a spreadsheet would run as a formula is made inert.
    enum FormulaGuard {
        /// For a sheet read back by cjm: a leading `'`, which the reader removes again
        /// (`unneutralised`); a cell already starting with `'` gets one more; plain integers
        /// (an emotion of -1) stay numbers so that the column still sorts.
        case reversible
        /// For a sheet only read by people: a leading `'` before any formula start.
        case display
    }

    /// The scalars that make a spreadsheet run a cell as a formula when it starts with one.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Appends one record: the cells, each neutralised and quoted as needed, separated by
    /// commas and ended by CRLF.
    static func appendRecord<Cells: Sequence<String>>(_ cells: Cells, guard formulaGuard: FormulaGuard, to out: inout String) {
        var first = true
        for cell in cells {
            if !first { out.unicodeScalars.append(",") }
            first = false
            appendField(neutralised(cell, formulaGuard), to: &out)
        }
        out.unicodeScalars.append("\r")
        out.unicodeScalars.append("\n")
    }

    /// Appends one field: quoted when it holds a comma, a quote or a line-end scalar; quotes doubled.
    static func appendField(_ cell: String, to out: inout String) {
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            out += cell
            return
        }
        out.unicodeScalars.append("\"")
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(scalar)
        }
        out.unicodeScalars.append("\"")
    }

    /// The cell with a leading `'` when a spreadsheet would run it as a formula.
    static func neutralised(_ cell: String, _ formulaGuard: FormulaGuard) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch formulaGuard {
        case .reversible:
            guard formulaStarts.contains(first) || first == "'", Int(cell) == nil else { return cell }
        case .display:
            guard formulaStarts.contains(first) else { return cell }
        }
        return "'" + cell
    }

    /// A `.reversible` cell as typed: without the `'` that `neutralised` put in front.
    static func unneutralised(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, formulaStarts.contains(second) || second == "'" else { return cell }
        return String(String.UnicodeScalarView(scalars.dropFirst()))
    }
}
