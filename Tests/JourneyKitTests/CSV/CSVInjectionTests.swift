import Foundation
import JourneyCSV
@testable import JourneyKit
import Testing

/// Both CSV outputs (the touchpoint sheet and the coverage matrix) go through the one writer,
/// `CSVText`; these properties hold for each on texts made of what splits records and fields
/// when quoting is decided on Characters instead of Unicode scalars.
@Suite("CSV writing: the sheet and the matrix on injection inputs")
struct CSVInjectionTests {
    /// `"\r\n"` is one Character; `,` or `"` with U+0301 after it is one Character too.
    static let pieces = ["a\r\nb", "\r\n", "comma,\u{301}here", "quote\"\u{301}here", ",\u{301}", "\"\u{301}", "\"", ",", "\r", "\n",
                         "=1+1", "+34", "-x", "@me", "\tlead", "'q", "café", "日本", "👍", "plain"]

    static func text(using random: inout SheetRandom) -> String {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func journey(using random: inout SheetRandom) -> Journey {
        let channels = (0..<2).map { Channel(id: "c\($0)", name: text(using: &random)) }
        let stages = (0..<Int.random(in: 1...3, using: &random)).map { stageIndex in
            Stage(id: "s\(stageIndex)", name: text(using: &random), touchpoints: (0..<Int.random(in: 1...3, using: &random)).map { index in
                Touchpoint(id: "t\(stageIndex)-\(index)", name: text(using: &random), description: text(using: &random),
                           channels: channels.map(\.id).filter { _ in Bool.random(using: &random) },
                           owner: text(using: &random), handoff: text(using: &random))
            })
        }
        return Journey(id: "j", title: "J", channels: channels, stages: stages)
    }

    @Test("the sheet: every record has every column, and each field reads back as the cell written (scalar parser and CSV.swift)")
    func sheet() throws {
        var random = SheetRandom(seed: 19)
        for _ in 0..<60 {
            let journey = Self.journey(using: &random)
            let csv = TouchpointSheet.csv(journey)
            let records = RobustnessTests.csvRecords(csv)
            let expected = [TouchpointSheet.columns] + journey.stages.flatMap { stage in
                stage.touchpoints.map { TouchpointSheet.cells(of: $0, in: stage) }
            }
            try #require(records.count == expected.count, "\(csv.debugDescription)")
            for (record, cells) in zip(records, expected) {
                #expect(record.map(TouchpointSheet.unneutralised) == cells, "\(csv.debugDescription)")
                #expect(!record.contains { field in field.unicodeScalars.first.map { CSVText.formulaStarts.contains($0) } ?? false && Int(field) == nil })
            }
            // The CSV library reads the same records back.
            let folder = try TemporaryFolder()
            let url = folder.url.appendingPathComponent("sheet.csv")
            try Data(csv.utf8).write(to: url)
            let table = try CSVFileReader.table(path: url.path)
            #expect([table.header] + table.records.map(\.fields) == records)
        }
    }

    @Test("the matrix: every record has the header's number of fields, nothing starts a formula, no control character gets through")
    func matrix() throws {
        var random = SheetRandom(seed: 13)
        for _ in 0..<60 {
            let journey = Self.journey(using: &random)
            let matrix = try CoverageMatrix(journey)
            let csv = MatrixCSVReporter().report(matrix)
            let records = RobustnessTests.csvRecords(csv)
            #expect(records.count == 1 + matrix.rows.count + (matrix.personaRow() == nil ? 0 : 1), "\(csv.debugDescription)")
            #expect(records.allSatisfy { $0.count == 1 + journey.stages.count }, "\(csv.debugDescription)")
            #expect(records.allSatisfy { record in
                record.allSatisfy { field in field.unicodeScalars.first.map { !CSVText.formulaStarts.contains($0) } ?? true }
            }, "\(csv.debugDescription)")
            // Line breaks appear only between a cell's touchpoints (and CRLF between records).
            #expect(records.joined().allSatisfy { field in !field.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } })
        }
    }
}
