@testable import JourneyKit
import Testing

/// `cjm conform`'s walk through each case: one test per deviation kind and per edge case of
/// docs/observed.md.
@Suite("Observed: event-log conformance")
struct ConformanceTests {
    /// a → b → c → d, and b → e; f stands apart (nothing leads to it or from it).
    static let flowJSON = """
        {
          "id": "flow", "title": "Flow",
          "personas": [{"id": "alex", "name": "Álex"}],
          "channels": [{"id": "web", "name": "Web", "owner": "web"}],
          "stages": [{"id": "s", "name": "S", "touchpoints": [
            {"id": "a", "name": "A", "channels": ["web"], "next": ["b"]},
            {"id": "b", "name": "B", "channels": ["web"], "next": ["c", "e"]},
            {"id": "c", "name": "C", "channels": ["web"], "next": ["d"]},
            {"id": "d", "name": "D", "channels": ["web"]},
            {"id": "e", "name": "E", "channels": ["web"], "next": ["d"]},
            {"id": "f", "name": "F", "channels": ["web"]}
          ]}]
        }
        """

    static let noFlowJSON = """
        {
          "id": "plain", "title": "Plain",
          "personas": [{"id": "alex", "name": "Álex"}],
          "channels": [{"id": "web", "name": "Web", "owner": "web"}],
          "stages": [{"id": "s", "name": "S", "touchpoints": [
            {"id": "a", "name": "A", "channels": ["web"]},
            {"id": "b", "name": "B", "channels": ["web"]}
          ]}]
        }
        """

    /// The report of `csv` (no quotes; the header first) against `json`, failing on row errors.
    static func conform(_ csv: String, journey json: String = flowJSON, maxDeviations: Int = 1_000) throws -> ConformanceReport {
        let journey = try #require(JSONJourneyImporter.importJourney(from: Array(json.utf8), path: "j.journey.json").journey)
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var conformance = EventLogConformance(journey: journey, file: "events.csv")
        #expect(conformance.begin(header: try #require(lines.first)).isEmpty)
        for (offset, fields) in lines.dropFirst().enumerated() {
            let errors = conformance.add(CSVRecord(line: offset + 2, row: offset + 1, fields: fields))
            #expect(errors.isEmpty, "\(errors)")
        }
        return conformance.finish(maxDeviations: maxDeviations)
    }

    static func kinds(_ report: ConformanceReport) -> [String] {
        report.deviations.map { [$0.kind.rawValue, $0.touchpoint ?? "", $0.from ?? "", $0.to ?? "", String($0.row)].joined(separator: " ") }
    }

    @Test("a case that follows the flows conforms; a repeated touchpoint is no deviation")
    func conforming() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint
            1,2026-10-01T10:00:00Z,a
            1,2026-10-01T10:01:00Z,b
            1,2026-10-01T10:02:00Z,b
            1,2026-10-01T10:03:00Z,e
            1,2026-10-01T10:04:00Z,d
            """)
        #expect(report.cases == 1 && report.events == 5 && report.conforming == 1 && report.fitness == 1)
        #expect(report.deviations.isEmpty)
        #expect(report.variants.map(\.path) == [["a", "b", "e", "d"]])
    }

    @Test("an unknown touchpoint is ad hoc, and the walk goes on from the previous known one")
    func adHoc() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint
            1,2026-10-01T10:00:00Z,a
            1,2026-10-01T10:01:00Z,phone
            1,2026-10-01T10:02:00Z,b
            """)
        #expect(Self.kinds(report) == ["ad-hoc phone   2"])
        #expect(report.transitions.map { "\($0.from)>\($0.to)" } == ["a>b"])
    }

    @Test("a failed outcome is failing")
    func failing() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint,outcome
            1,2026-10-01T10:00:00Z,a,ok
            1,2026-10-01T10:01:00Z,b,failed
            1,2026-10-01T10:02:00Z,b,
            """)
        #expect(Self.kinds(report) == ["failing b   2"])
    }

    @Test("touchpoints skipped on the shortest path are missing, one each, at the row after the gap")
    func missing() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint
            1,2026-10-01T10:00:00Z,a
            1,2026-10-01T10:01:00Z,d
            """)
        // a → b → c → d and a → b → e → d are both shortest: c comes before e in journey order.
        #expect(Self.kinds(report) == ["missing b   2", "missing c   2"])
    }

    @Test("a step the flows cannot reach is an irregular sequence")
    func irregular() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint
            1,2026-10-01T10:00:00Z,d
            1,2026-10-01T10:01:00Z,a
            2,2026-10-01T10:00:00Z,a
            2,2026-10-01T10:01:00Z,f
            """)
        #expect(Self.kinds(report) == ["irregular-sequence  d a 2", "irregular-sequence  a f 4"])
        #expect(report.transitions.allSatisfy { !$0.isPlanned })
    }

    @Test("rows in any order: events sort by timestamp (offsets honoured), equal timestamps by row")
    func ordering() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint
            1,2026-10-01T12:00:00+02:00,b
            1,2026-10-01T09:59:00Z,a
            1,2026-10-01T10:00:00Z,c
            2,2026-10-01 10:00,b
            2,2026-10-01 10:00,a
            """)
        // Case 1: 10:00Z b, then c at the same time but a later row; a first at 09:59.
        // Case 2: equal timestamps keep row order, b then a: a step no flow makes.
        #expect(Self.kinds(report) == ["irregular-sequence  b a 5"])
        #expect(report.conforming == 1)
    }

    @Test("the empty log has no cases, fitness 1 and conforms")
    func emptyLog() throws {
        let report = try Self.conform("case,timestamp,touchpoint\n")
        #expect(report.cases == 0 && report.events == 0 && report.allConform && report.fitness == 1)
        #expect(report.touchpoints.allSatisfy { $0.cases == 0 && $0.share == 0 })
        #expect(report.transitions.isEmpty && report.variants.isEmpty)
    }

    @Test("one-event cases conform and drop off where the touchpoint leads on")
    func oneEventCases() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint
            1,2026-10-01T10:00:00Z,a
            2,2026-10-01T10:00:00Z,d
            """)
        #expect(report.conforming == 2)
        let visits = Dictionary(uniqueKeysWithValues: report.touchpoints.map { ($0.id, $0) })
        #expect(visits["a"]?.dropOffs == 1 && visits["d"]?.dropOffs == 0)
        #expect(visits["a"]?.share == 0.5)
    }

    @Test("unknown columns are ignored, and columns come in any order")
    func unknownColumns() throws {
        let report = try Self.conform("""
            channel,touchpoint,case,timestamp,persona
            web,a,1,2026-10-01T10:00:00Z,alex
            web,b,1,2026-10-01T10:01:00Z,alex
            """)
        #expect(report.events == 2 && report.conforming == 1)
    }

    @Test("without flows only ad hoc and failing events deviate")
    func withoutFlows() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint,outcome
            1,2026-10-01T10:00:00Z,b,ok
            1,2026-10-01T10:01:00Z,a,ok
            1,2026-10-01T10:02:00Z,x,failed
            """, journey: Self.noFlowJSON)
        #expect(Self.kinds(report) == ["ad-hoc x   3", "failing x   3"])
        #expect(report.touchpoints.allSatisfy { $0.dropOffs == 0 })
    }

    @Test("deviations are cut to the maximum, the counts are not; cases sort by id as text")
    func maxDeviations() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint
            b,2026-10-01T10:00:00Z,x
            a,2026-10-01T10:00:00Z,y
            a,2026-10-01T10:01:00Z,z
            """, maxDeviations: 1)
        #expect(report.deviations.map(\.caseID) == ["a"] && report.deviationsTruncated)
        #expect(report.deviationCounts[.adHoc] == 3)
    }

    @Test("variants: the most frequent first, then by path; transitions count distinct cases")
    func variants() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint
            1,2026-10-01T10:00:00Z,a
            1,2026-10-01T10:01:00Z,b
            2,2026-10-01T10:00:00Z,b
            2,2026-10-01T10:01:00Z,c
            3,2026-10-01T10:00:00Z,a
            3,2026-10-01T10:01:00Z,b
            3,2026-10-01T10:02:00Z,a
            3,2026-10-01T10:03:00Z,b
            """)
        #expect(report.variants.map(\.cases) == [1, 1, 1])
        #expect(report.variants.map(\.path) == [["a", "b"], ["a", "b", "a", "b"], ["b", "c"]])
        #expect(report.transitions.map { "\($0.from)>\($0.to):\($0.cases)" } == ["a>b:2", "b>a:1", "b>c:1"])
    }

    @Test("row errors are located: case, timestamp, touchpoint, outcome; a missing column at the header")
    func rowErrors() throws {
        let journey = try #require(JSONJourneyImporter.importJourney(from: Array(Self.flowJSON.utf8), path: "j.journey.json").journey)
        var conformance = EventLogConformance(journey: journey, file: "events.csv")
        #expect(conformance.begin(header: ["case", "timestamp", "touchpoint", "outcome"]).isEmpty)
        let bad = conformance.add(CSVRecord(line: 7, row: 6, fields: ["", "yesterday", "", "broken"]))
        #expect(bad.map(\.location.description) == ["events.csv:7:1", "events.csv:7:2", "events.csv:7:3", "events.csv:7:4"])
        #expect(conformance.events == 0)
        var other = EventLogConformance(journey: journey, file: "events.csv")
        let missing = other.begin(header: ["case", "time", "touchpoint"])
        #expect(missing.map(\.message) == ["the CSV header has no \"timestamp\" column"])
    }

    @Test("the worked example of docs/observed.md")
    func workedExample() throws {
        let report = try Self.conform("""
            case,timestamp,touchpoint,outcome
            1,2026-10-01T10:00:00Z,a,ok
            1,2026-10-01T10:01:00Z,phone,ok
            1,2026-10-01T10:02:00Z,d,ok
            2,2026-10-01T10:00:00Z,a,ok
            2,2026-10-01T10:01:00Z,b,failed
            2,2026-10-01T10:02:00Z,f,ok
            """)
        #expect(Self.kinds(report) == ["ad-hoc phone   2", "missing b   3", "missing c   3", "failing b   5", "irregular-sequence  b f 6"])
        #expect(report.fitness == 0)
    }

    @Test("timestamps", arguments: [
        ("2026-10-31T09:15:00Z", Int64(1_793_438_100_000)),
        ("2026-10-31T10:15:00+01:00", Int64(1_793_438_100_000)),
        ("2026-10-31 09:15", Int64(1_793_438_100_000)),
        ("2026-10-31T09:15:00.250", Int64(1_793_438_100_250)),
        ("1970-01-01T00:00:00Z", Int64(0)),
    ])
    func timestamps(text: String, milliseconds: Int64) {
        #expect(Timestamp.milliseconds(text) == milliseconds)
    }

    @Test("not timestamps", arguments: ["", "2026-10-31", "2026-13-01T00:00", "2026-10-31T25:00", "2026-10-31T09:15:00Zjunk"])
    func notTimestamps(text: String) {
        #expect(Timestamp.milliseconds(text) == nil)
    }
}
