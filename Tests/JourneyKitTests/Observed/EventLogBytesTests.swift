@testable import JourneyKit
import Testing

/// `cjm conform` reads event-log rows as bytes (`CSVByteRecord`) and numbers case ids and
/// touchpoint names through `TextNumbering`; it must mean by a row exactly what the text path
/// (`add(_: CSVRecord)`) means, which every row that is not plain ASCII still goes through.
@Suite("Observed: event-log rows as bytes")
struct EventLogBytesTests {
    /// The rows, each fed once as text and once as bytes; non-ASCII ids in either
    /// normalisation, the Kelvin sign (canonically `K`), spaces to trim, outcomes in any case,
    /// and rows with errors.
    static let rows: [[String]] = [
        ["c1", "2026-10-01T10:00:00Z", "a", "ok"],
        [" c1\t", "2026-10-01T10:01:00Z ", " b ", "OK"],
        ["c1", "2026-10-01T10:02:00Z", "d", "Failed"],
        ["caf\u{E9}", "2026-10-01T10:00:00Z", "a", ""],
        ["cafe\u{301}", "2026-10-01T10:01:00Z", "tel\u{E9}fono", "ok"],
        ["cafe\u{301}", "2026-10-01T10:02:00Z", "tele\u{301}fono", "FAILED"],
        ["\u{212A}1", "2026-10-01T10:00:00Z", "b", "ok"],
        ["K1", "2026-10-01T10:01:00Z", "c", "o\u{212A}"],
        ["K1", "2026-10-01T10:02:00Z", "K", "ok"],
        ["k2", "2026-10-01T10:00:00Z", "\u{212A}", "ok"],
        ["", "2026-10-01T10:00:00Z", "a", "ok"],
        ["c3", "2026-10-01T10:00:00", "a", "bien"],
        ["c3", "later", "  ", "ok"],
        ["c4", "2026-02-30T10:00:00Z", "a"],
        [" \u{301}c5", "2026-10-01T10:00:00Z", "a", "ok"],
    ]

    static let journeyJSON = """
        {
          "id": "flow", "title": "Flow",
          "personas": [{"id": "alex", "name": "Álex"}],
          "channels": [{"id": "web", "name": "Web", "owner": "web"}],
          "stages": [{"id": "s", "name": "S", "touchpoints": [
            {"id": "a", "name": "A", "channels": ["web"], "next": ["b"]},
            {"id": "b", "name": "B", "channels": ["web"], "next": ["c"]},
            {"id": "c", "name": "C", "channels": ["web"], "next": ["d"]},
            {"id": "d", "name": "D", "channels": ["web"]},
            {"id": "K", "name": "Kelvin", "channels": ["web"]}
          ]}]
        }
        """

    @Test("rows as bytes and rows as text give the same errors and the same report")
    func bytesAndTextAgree() throws {
        let journey = try #require(JSONJourneyImporter.importJourney(from: Array(Self.journeyJSON.utf8), path: "j.journey.json").journey)
        var asText = EventLogConformance(journey: journey, file: "events.csv")
        var asBytes = EventLogConformance(journey: journey, file: "events.csv")
        let header = ["case", "timestamp", "touchpoint", "outcome"]
        #expect(asText.begin(header: header).isEmpty)
        #expect(asBytes.begin(header: header).isEmpty)
        var errorCount = 0
        for (offset, fields) in Self.rows.enumerated() {
            let record = CSVRecord(line: offset + 2, row: offset + 1, fields: fields)
            let textErrors = asText.add(record)
            let byteErrors = asBytes.add(CSVByteRecord(record))
            #expect(byteErrors == textErrors, "row \(offset + 1)")
            errorCount += textErrors.count
        }
        // Rows 11 to 14 are wrong in five cells.
        #expect(errorCount == 5)
        #expect(asBytes.events == 11)
        // Only the plain ASCII rows 1, 2, 3 and 9 were taken from the bytes: the rest were read as text.
        #expect(asBytes.rowsReadAsText == 11)
        let report = asBytes.finish()
        #expect(report == asText.finish())
        // One case per spelling family: café (either form), Kelvin 1 and K1, k2, c1, and the
        // case whose id begins with an accent on a space (not trimmed: the space is part of it).
        #expect(report.cases == 5)
        #expect(report.deviations.map { "\($0.caseID) \($0.kind.rawValue) \($0.touchpoint ?? "\($0.from ?? "")>\($0.to ?? "")") \($0.row)" } == [
            // Ordered as Swift orders text: the Kelvin sign as K, before lowercase c.
            "\u{212A}1 irregular-sequence c>K 9",
            "c1 missing c 3", "c1 failing d 3",
            "caf\u{E9} ad-hoc tel\u{E9}fono 5", "caf\u{E9} ad-hoc tel\u{E9}fono 6", "caf\u{E9} failing tel\u{E9}fono 6",
        ])
        #expect(report.touchpoints.map(\.cases) == [3, 2, 1, 1, 2])
    }

    @Test("numbers: ASCII by bytes, other texts as Swift compares them, canonical equivalents one")
    func numbering() {
        var numbering = TextNumbering()
        func ascii(_ text: String) -> Int32 {
            Array(text.utf8).withUnsafeBufferPointer { numbering.number(ascii: $0) }
        }
        #expect(ascii("K") == 0)
        #expect(numbering.number("\u{212A}") == 0)
        #expect(numbering.number("caf\u{E9}") == 1)
        #expect(numbering.number("cafe\u{301}") == 1)
        #expect(numbering.number("\u{212A}2") == 2)
        #expect(ascii("K2") == 2)
        #expect(ascii("k2") == 3)
        #expect(numbering.texts() == ["K", "caf\u{E9}", "\u{212A}2", "k2"])
    }

    @Test("the byte table finds every key after growing, and no key it was not given")
    func byteTable() {
        var table = ByteKeyTable()
        for number in 0..<20_000 {
            let key = Array("case-\(number)".utf8)
            let (value, inserted) = key.withUnsafeBufferPointer { table.findOrInsert($0, value: Int32(number)) }
            #expect(inserted && value == Int32(number))
        }
        var found = 0
        for number in 0..<20_000 where Array("case-\(number)".utf8).withUnsafeBufferPointer({ table.find($0) }) == Int32(number) {
            found += 1
        }
        #expect(found == 20_000)
        #expect(Array("case-20000".utf8).withUnsafeBufferPointer { table.find($0) } == nil)
        #expect(Array("".utf8).withUnsafeBufferPointer { table.find($0) } == nil)
        let again = Array("case-7".utf8).withUnsafeBufferPointer { table.findOrInsert($0, value: -1) }
        #expect(again.value == 7 && !again.inserted)
    }
}
