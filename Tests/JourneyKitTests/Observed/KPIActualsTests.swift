@testable import JourneyKit
import Testing

/// Reading `--actuals` against a journey: the latest row counts, and every problem is located.
@Suite("Observed: KPI actuals")
struct KPIActualsTests {
    static let journeyJSON = """
        {
          "id": "shop", "title": "Shop",
          "personas": [{"id": "alex", "name": "Álex"}],
          "channels": [{"id": "chat", "name": "Chat", "owner": "support"}],
          "stages": [{"id": "ask", "name": "Ask", "touchpoints": [
            {"id": "reply", "name": "Reply", "channels": ["chat"],
             "kpis": [{"name": "First response time", "target": "< 5 min"}, {"name": "Answered", "target": "95 %"},
                      {"name": "Mood", "target": "happy"}]}
          ]}]
        }
        """

    static func journey() throws -> Journey {
        try #require(JSONJourneyImporter.importJourney(from: Array(journeyJSON.utf8), path: "shop.journey.json").journey)
    }

    /// A CSV text split naively (the test data has no quotes): header, then records from line 2.
    static func table(_ text: String) -> (header: [String], records: [CSVRecord]) {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let records = lines.dropFirst().enumerated().map { CSVRecord(line: $0.offset + 2, row: $0.offset + 1, fields: $0.element) }
        return (lines.first ?? [], records)
    }

    static func read(_ text: String) throws -> (readings: [KPIReading], errors: [Diagnostic]) {
        let (header, records) = table(text)
        return KPIActualsReader.read(header: header, records: records, file: "kpis.csv", journey: try journey())
    }

    @Test("the row with the latest date counts, whatever the row order; columns in any order")
    func latestDate() throws {
        let (readings, errors) = try Self.read("""
            date,value,kpi,touchpoint,note
            2026-10-31,12 min,First response time,reply,late
            2026-09-30,3 min,First response time,reply,
            ,1 min,First response time,reply,
            2026-10-31,96 %,Answered,reply,
            """)
        #expect(errors.isEmpty, "\(errors)")
        try #require(readings.count == 2, "\(readings)")
        #expect(readings[0].value == "12 min" && readings[0].verdict == .missed && readings[0].date == "2026-10-31")
        #expect(readings[1].kpi == "Answered" && readings[1].verdict == .met)
    }

    @Test("a value for an unevaluable target is read but not judged")
    func notEvaluated() throws {
        let (readings, errors) = try Self.read("touchpoint,kpi,value\nreply,Mood,4\n")
        #expect(errors.isEmpty)
        #expect(readings.map(\.verdict) == [.notEvaluated])
    }

    @Test("without dates the last row counts")
    func lastRow() throws {
        let (readings, _) = try Self.read("touchpoint,kpi,value\nreply,Answered,90 %\nreply,Answered,97 %\n")
        #expect(readings.map(\.value) == ["97 %"])
    }

    @Test("errors are located by line and column, with hints",
          arguments: [
            ("touchpoint,kpi,value\nrepyl,Answered,90 %\n", "kpis.csv:2:1", "did you mean \"reply\"?"),
            ("touchpoint,kpi,value\nreply,Answred,90 %\n", "kpis.csv:2:2", "did you mean \"Answered\"?"),
            ("touchpoint,kpi,value\nreply,Answered,lots\n", "kpis.csv:2:3", "write a number"),
            ("touchpoint,kpi,value\nreply,First response time,80 %\n", "kpis.csv:2:3", "unit"),
            ("touchpoint,kpi,value,date\nreply,Answered,90 %,2026-02-30\n", "kpis.csv:2:4", "YYYY-MM-DD"),
            ("touchpoint,kpi,valeu\nreply,Answered,90 %\n", "kpis.csv:1:1", "rename the column \"valeu\" to \"value\""),
          ])
    func locatedErrors(csv: String, location: String, hint: String) throws {
        let (readings, errors) = try Self.read(csv)
        #expect(readings.isEmpty)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.severity == .error)
        #expect(error.location.description == location)
        #expect(error.hint?.contains(hint) == true, "\(error.hint ?? "no hint")")
    }

    @Test("the checker turns actuals into kpi-off-target findings, and bad actuals into errors of the check")
    func checker() throws {
        let good = CSVTable(file: "kpis.csv", header: ["touchpoint", "kpi", "value"],
                            records: [CSVRecord(line: 2, row: 1, fields: ["reply", "First response time", "12 min"])])
        let checked = JourneyChecker(actuals: good).check(bytes: Array(Self.journeyJSON.utf8), path: "shop.journey.json")
        let finding = try #require(checked.findings.first { $0.rule == KPIOffTargetRule.id })
        #expect(finding.message == "\"First response time\" is 12 min against a target of < 5 min")
        #expect(finding.references == [.touchpoint: "reply", .kpi: "First response time"])
        #expect(checked.kpiReadings.count == 1)

        let bad = CSVTable(file: "kpis.csv", header: ["touchpoint", "kpi", "value"],
                           records: [CSVRecord(line: 2, row: 1, fields: ["nope", "First response time", "12 min"])])
        let report = JourneyChecker(actuals: bad).report(bytes: Array(Self.journeyJSON.utf8), path: "shop.journey.json")
        #expect(!report.isValid)
        #expect(report.diagnostics.map(\.location.description) == ["kpis.csv:2:1"])
    }
}
