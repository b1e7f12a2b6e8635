/// Reads a KPI actuals file (`--actuals`): rows of `touchpoint`, `kpi`, `value` and optionally
/// `date`, checked against the journey and compared with the KPIs' targets.
///
/// For the same touchpoint and KPI the row with the latest date counts (the later row on equal
/// dates); rows without a date lose to dated ones, and among undated rows the last one counts.
public enum KPIActualsReader {
    public static let requiredColumns = ["touchpoint", "kpi", "value"]
    public static let optionalColumns = ["date"]

    /// The latest reading of each KPI that has actuals, in journey order (touchpoints, then
    /// their KPIs), and every problem in the file, located by line and column.
    public static func read(
        header: [String], records: [CSVRecord], file: String, journey: Journey
    ) -> (readings: [KPIReading], errors: [Diagnostic]) {
        let (columns, headerErrors) = CSVColumns.read(
            header: header, file: file, required: requiredColumns, optional: optionalColumns)
        guard headerErrors.isEmpty,
              let touchpointColumn = columns.positions["touchpoint"],
              let kpiColumn = columns.positions["kpi"],
              let valueColumn = columns.positions["value"]
        else { return ([], headerErrors) }
        let dateColumn = columns.positions["date"]

        let touchpoints = journey.stages.flatMap(\.touchpoints)
        var touchpointsByID: [String: Touchpoint] = [:]
        for touchpoint in touchpoints where touchpointsByID[touchpoint.id] == nil { touchpointsByID[touchpoint.id] = touchpoint }

        struct Candidate {
            var reading: KPIReading
            var date: String?
        }
        var latest: [Key: Candidate] = [:]
        var errors: [Diagnostic] = []
        for record in records {
            let touchpointID = record.field(touchpointColumn).csvTrimmed
            guard let touchpoint = touchpointsByID[touchpointID] else {
                errors.append(.error(
                    "unknown touchpoint \"\(touchpointID)\"", at: record.location(in: file, column: touchpointColumn),
                    hint: Suggestion.hint(for: touchpointID, among: touchpoints.map(\.id),
                                          fallback: "use the id of a touchpoint of journey \"\(journey.id)\"")))
                continue
            }
            let kpiName = record.field(kpiColumn).csvTrimmed
            guard let kpi = touchpoint.kpis.first(where: { $0.name == kpiName })
                    ?? touchpoint.kpis.first(where: { $0.name.lowercased() == kpiName.lowercased() }) else {
                let fallback = touchpoint.kpis.isEmpty
                    ? "touchpoint \"\(touchpoint.id)\" has no KPIs; add the KPI to the journey first"
                    : "its KPIs are \(Wording.list(touchpoint.kpis.map { Wording.quoted($0.name) }))"
                errors.append(.error(
                    "touchpoint \"\(touchpoint.id)\" has no KPI named \"\(kpiName)\"",
                    at: record.location(in: file, column: kpiColumn),
                    hint: Suggestion.hint(for: kpiName, among: touchpoint.kpis.map(\.name), fallback: fallback)))
                continue
            }
            let valueText = record.field(valueColumn).csvTrimmed
            guard let value = KPIQuantity.parse(valueText) else {
                errors.append(.error(
                    "the value \"\(valueText)\" is not a number", at: record.location(in: file, column: valueColumn),
                    hint: "write a number with an optional unit: 12 min, 4,5, 80 %"))
                continue
            }
            var date: String?
            if let dateColumn {
                let text = record.field(dateColumn).csvTrimmed
                if !text.isEmpty {
                    guard CalendarDate(text) != nil else {
                        errors.append(.error(
                            "the date \"\(text)\" is not a date", at: record.location(in: file, column: dateColumn),
                            hint: "write dates as YYYY-MM-DD, e.g. 2026-10-31"))
                        continue
                    }
                    date = text
                }
            }
            let verdict: KPIReading.Verdict
            if let targetText = kpi.target, let target = KPITarget.parse(targetText) {
                guard let met = target.isMet(by: value) else {
                    errors.append(.error(
                        "the value \"\(valueText)\" is \(value.dimension.described) but the target \"\(targetText)\" of \"\(kpi.name)\" is \(target.quantity.dimension.described)",
                        at: record.location(in: file, column: valueColumn),
                        hint: "give the value in the target's unit"))
                    continue
                }
                verdict = met ? .met : .missed
            } else {
                verdict = .notEvaluated
            }
            let reading = KPIReading(
                touchpoint: touchpoint.id, kpi: kpi.name, value: valueText, target: kpi.target, date: date,
                verdict: verdict, location: record.location(in: file, column: valueColumn))
            let key = Key(touchpoint: touchpoint.id, kpi: kpi.name)
            // ISO dates order as text; a dated row beats an undated one, a later row an equal one.
            if let current = latest[key], let currentDate = current.date, (date ?? "") < currentDate { continue }
            latest[key] = Candidate(reading: reading, date: date)
        }

        var readings: [KPIReading] = []
        for touchpoint in touchpoints {
            for kpi in touchpoint.kpis {
                if let candidate = latest.removeValue(forKey: Key(touchpoint: touchpoint.id, kpi: kpi.name)) {
                    readings.append(candidate.reading)
                }
            }
        }
        return (readings, errors)
    }

    private struct Key: Hashable {
        var touchpoint: String
        var kpi: String
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
