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
        var out = UTF8Text()
        if byteOrderMark { out.append("\u{FEFF}") }
        CSVText.appendRecord(columns, guard: .reversible, to: &out)
        for stage in journey.stages {
            for touchpoint in stage.touchpoints {
                CSVText.appendRecord(cells(of: touchpoint, in: stage), guard: .reversible, to: &out)
            }
        }
        return out.string
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

    /// The cell as typed before the writer neutralised it: without the `'` in front of a formula start.
    static func unneutralised(_ cell: String) -> String { CSVText.unneutralised(cell) }
}
