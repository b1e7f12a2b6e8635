/// The one place cjm writes CSV (RFC 4180): the touchpoint sheet (`cjm export --format csv`) and
/// the coverage matrix (`cjm matrix --format csv`) both build their records here.
///
/// Quoting is decided on UTF-8 bytes, so on Unicode scalars, not Characters: a `,` or `"` followed by a combining
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

    /// The scalars that make a spreadsheet run a cell as a formula when it starts with one
    /// (`needsFormulaGuard` looks for the same ones on bytes).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Appends one record: the cells, each neutralised and quoted as needed, separated by
    /// commas and ended by CRLF.
    static func appendRecord<Cells: Sequence<String>>(_ cells: Cells, guard formulaGuard: FormulaGuard, to out: inout UTF8Text) {
        var first = true
        for cell in cells {
            if !first { out.append(",") }
            first = false
            out.csvField(cell, formulaGuard)
        }
        out.append("\r\n")
    }

    /// `appendRecord` for a caller that builds a String.
    static func appendRecord<Cells: Sequence<String>>(_ cells: Cells, guard formulaGuard: FormulaGuard, to out: inout String) {
        var record = UTF8Text()
        appendRecord(cells, guard: formulaGuard, to: &record)
        out += record.string
    }

    /// Whether a spreadsheet would run `cell` as a formula (or, `.reversible`, the reader would
    /// take a `'` off it), so that it needs a leading `'`. Every formula start is ASCII, so the
    /// first byte is the first scalar.
    static func needsFormulaGuard(_ cell: String, _ formulaGuard: FormulaGuard) -> Bool {
        guard let first = cell.utf8.first else { return false }
        let isFormulaStart = first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
        switch formulaGuard {
        case .reversible: return (isFormulaStart || first == UInt8(ascii: "'")) && Int(cell) == nil
        case .display: return isFormulaStart
        }
    }

    /// The cell with a leading `'` when a spreadsheet would run it as a formula.
    static func neutralised(_ cell: String, _ formulaGuard: FormulaGuard) -> String {
        needsFormulaGuard(cell, formulaGuard) ? "'" + cell : cell
    }

    /// A `.reversible` cell as typed: without the `'` that `neutralised` put in front.
    static func unneutralised(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, formulaStarts.contains(second) || second == "'" else { return cell }
        return String(String.UnicodeScalarView(scalars.dropFirst()))
    }
}

extension UTF8Text {
    /// Appends one CSV field, the one CSV quoting every CSV writer uses: a leading `'` when
    /// `formulaGuard` asks for one, quoted when it holds a comma, a quote or a line-end scalar,
    /// quotes doubled.
    ///
    /// Works on the UTF-8 bytes: `,`, `"`, CR and LF are ASCII and so always scalars of their
    /// own, even when a combining mark follows (one Character, still a delimiter to a reader).
    mutating func csvField(_ cell: String, _ formulaGuard: CSVText.FormulaGuard) {
        let guarded = CSVText.needsFormulaGuard(cell, formulaGuard)
        var cell = cell
        cell.withUTF8 { source in
            guard source.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
                if guarded { append("'") }
                bytes.append(contentsOf: source)
                return
            }
            append("\"")
            if guarded { append("'") }
            for byte in source {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            append("\"")
        }
    }
}
