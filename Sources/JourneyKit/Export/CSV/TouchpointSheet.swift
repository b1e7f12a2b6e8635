/// The touchpoints of a journey as a spreadsheet: one row per touchpoint, in journey order
/// (`cjm export --format csv`), and back (`cjm import FILE.csv --into JOURNEY`).
///
/// Both directions live here, in Export, because the reader takes `CSVRecord` rows, which the
/// Observed layer defines above Import. Lists are joined with `; `, KPIs written `name: target`.
public enum TouchpointSheet {
    /// The columns, in the order the export writes them.
    public static let columns = [
        "stage", "stage_name", "id", "name", "description", "channels", "personas", "initiator", "owner",
        "emotion", "entry", "moment_of_truth", "next", "handoff", "pains", "opportunities", "kpis", "tags",
    ]

    /// What joins the items of a list in one cell.
    static let listSeparator = "; "

    /// The sheet as RFC 4180 CSV with CRLF line ends; `byteOrderMark` adds the UTF-8 BOM that
    /// makes Excel read the file as UTF-8.
    public static func csv(_ journey: Journey, byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        appendRow(columns, to: &out)
        for stage in journey.stages {
            for touchpoint in stage.touchpoints {
                appendRow(cells(of: touchpoint, in: stage), to: &out)
            }
        }
        return out
    }

    static func cells(of touchpoint: Touchpoint, in stage: Stage) -> [String] {
        [
            stage.id, stage.name, touchpoint.id, touchpoint.name, touchpoint.description ?? "",
            touchpoint.channels.joined(separator: listSeparator), touchpoint.personas.joined(separator: listSeparator),
            touchpoint.initiator.rawValue, touchpoint.owner ?? "", touchpoint.emotion.map(String.init) ?? "",
            touchpoint.entry ? "true" : "false", touchpoint.momentOfTruth ? "true" : "false",
            touchpoint.next.joined(separator: listSeparator), touchpoint.handoff ?? "",
            touchpoint.pains.joined(separator: listSeparator), touchpoint.opportunities.joined(separator: listSeparator),
            touchpoint.kpis.map { kpi in kpi.target.map { kpi.name + ": " + $0 } ?? kpi.name }.joined(separator: listSeparator),
            touchpoint.tags.joined(separator: listSeparator),
        ]
    }

    private static func appendRow(_ cells: [String], to out: inout String) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += "," }
            appendField(neutralised(cell), to: &out)
        }
        out += "\r\n"
    }

    /// RFC 4180: quoted when the cell holds a comma, a quote or a line break; quotes doubled.
    private static func appendField(_ cell: String, to out: inout String) {
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            out += cell
            return
        }
        out += "\""
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        out += "\""
    }

    /// The scalars that make a spreadsheet run a cell as a formula when it starts with one.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell a spreadsheet would run as a formula gets a leading `'`, which spreadsheets show as
    /// text and the importer removes again. Plain integers (an emotion of -1) are numbers, not
    /// formulas, and stay as they are so that the column still sorts as numbers.
    /// A cell that starts with `'` gets one more, so that the importer's removal gives it back.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) || first == "'", Int(cell) == nil else { return cell }
        return "'" + cell
    }

    /// The cell as typed before `neutralised`: without the `'` in front of a formula start.
    static func unneutralised(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, formulaStarts.contains(second) || second == "'" else { return cell }
        return String(String.UnicodeScalarView(scalars.dropFirst()))
    }
}
