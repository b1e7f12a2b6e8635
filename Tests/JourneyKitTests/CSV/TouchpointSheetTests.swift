import Foundation
import JourneyCSV
@testable import JourneyKit
import Testing

@Suite("Touchpoint sheets: cjm export --format csv and cjm import FILE.csv --into JOURNEY")
struct TouchpointSheetTests {
    /// Writes the journey's sheet, reads it back through the CSV library, and applies it to `base`.
    private func roundTrip(_ journey: Journey, into base: Journey? = nil, excel: Bool = false) throws -> TouchpointSheet.Reading {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("sheet.csv")
        try Data(TouchpointSheet.csv(journey, byteOrderMark: excel).utf8).write(to: url)
        let table = try CSVFileReader.table(path: url.path, displayPath: "sheet.csv")
        return TouchpointSheet.read(header: table.header, records: table.records, file: "sheet.csv", into: base ?? journey)
    }

    @Test("export then import into the same journey gives back the same journey, for every sample",
          arguments: Paths.samples("journey.json") + Paths.samples("journey.xml"))
    func samplesRoundTrip(_ url: URL) throws {
        let journey = try #require(JourneyChecker.validatingOnly.check(bytes: try Paths.bytes(url), path: url.path).journey)
        let reading = try roundTrip(journey)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        #expect(try #require(reading.journey) == journey)
        // With the byte-order mark Excel needs, too.
        #expect(try roundTrip(journey, excel: true).journey == journey)
    }

    @Test("export then import gives back the same journey for random journeys with hostile text")
    func randomRoundTrip() throws {
        var random = SheetRandom(seed: 14)
        for _ in 0..<40 {
            let journey = RandomSheetJourney.make(using: &random)
            let reading = try roundTrip(journey)
            #expect(reading.diagnostics.filter { $0.severity == .error }.isEmpty, "\(reading.diagnostics)")
            #expect(reading.journey == journey, "\(TouchpointSheet.csv(journey))")
        }
    }

    @Test("RFC 4180 with CRLF line ends; formula cells neutralised with ' and plain numbers left alone")
    func quotingAndFormulas() throws {
        let journey = Journey(id: "j", title: "J", stages: [Stage(id: "s", name: "S", touchpoints: [
            Touchpoint(id: "t", name: "=HYPERLINK(\"http://x\")", description: "a, \"quoted\"\nline", owner: "@team",
                       emotion: -1, handoff: "+1 555", pains: ["-dash", "'quote"]),
        ])])
        let csv = TouchpointSheet.csv(journey)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty, "rows must end with CRLF")
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
        #expect(csv.contains("\"a, \"\"quoted\"\"\nline\""))
        #expect(csv.contains(",'@team,-1,"))
        #expect(csv.contains(",'+1 555,'-dash; 'quote,"), "only a cell's start can run as a formula")
        #expect(try roundTrip(journey).journey == journey)
        #expect(TouchpointSheet.csv(journey, byteOrderMark: true).hasPrefix("\u{FEFF}stage,"))
    }

    @Test("new stage ids create stages; stages the sheet leaves out keep their place")
    func stages() throws {
        let base = Journey(id: "j", title: "J", stages: [
            Stage(id: "a", name: "A", touchpoints: [Touchpoint(id: "t1", name: "T1")]),
            Stage(id: "empty", name: "Empty"),
            Stage(id: "b", name: "B", touchpoints: [Touchpoint(id: "t2", name: "T2")]),
        ])
        var edited = base
        edited.stages = [Stage(id: "b", name: "B", touchpoints: [Touchpoint(id: "t2", name: "T2")]),
                         Stage(id: "new", name: "New stage", touchpoints: [Touchpoint(id: "t3", name: "T3")]),
                         Stage(id: "a", name: "A", touchpoints: [Touchpoint(id: "t1", name: "T1")])]
        let result = try #require(try roundTrip(edited, into: base).journey)
        #expect(result.stages.map(\.id) == ["b", "new", "a", "empty"])
        #expect(result.stages[1].name == "New stage")
    }
}

@Suite("cjm import FILE.csv: located errors")
struct TouchpointSheetCLITests {
    private let header = "stage,stage_name,id,name,description,channels,personas,initiator,owner,emotion,entry,moment_of_truth,next,handoff,pains,opportunities,kpis,tags"

    @Test("a bad cell is reported as sheet.csv:LINE:COLUMN, an unknown column names the known ones, a bad reference is located in the sheet")
    func locatedErrors() throws {
        let folder = try TemporaryFolder()
        let sample = Paths.relative(Paths.samples.appendingPathComponent("minimal.journey.json"))
        try folder.write(header + "\r\norder,Order,menu,Browses the menu,,app,,customer,,1,false,false,,,,,,\r\norder,Order,pay,Pays,,app,,customer,,5,false,false,,,,,,\r\n",
                         to: "sheet.csv")
        let bad = try CLI.run(["import", folder.url.appendingPathComponent("sheet.csv").path, "--into", sample])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("sheet.csv:3:10: error: \"emotion\" must be a whole number from -2 to 2"), "\(bad.standardError)")

        try folder.write("stage,id,name,chanels\r\norder,menu,Menu,app\r\n", to: "columns.csv")
        let columns = try CLI.run(["import", folder.url.appendingPathComponent("columns.csv").path, "--into", sample])
        #expect(columns.status == 2)
        #expect(columns.standardError.contains("columns.csv:1:4: error: unknown column \"chanels\""), "\(columns.standardError)")
        #expect(columns.standardError.contains("channels") && columns.standardError.contains("stage_name"))

        try folder.write(header + "\r\norder,Order,menu,Menu,,fax,,customer,,,false,false,,,,,,\r\n", to: "reference.csv")
        let reference = try CLI.run(["import", folder.url.appendingPathComponent("reference.csv").path, "--into", sample])
        #expect(reference.status == 2)
        #expect(reference.standardError.contains("reference.csv:2:6: error:") && reference.standardError.contains("fax"), "\(reference.standardError)")
    }

    @Test("cjm export --format csv then cjm import --into gives the journey file back byte for byte, with --excel too",
          arguments: Paths.samples("journey.json") + Paths.samples("journey.xml"))
    func commandRoundTrip(_ url: URL) throws {
        let folder = try TemporaryFolder()
        let sheet = folder.url.appendingPathComponent("sheet.csv").path
        let journey = Paths.relative(url)
        let export = try CLI.run(["export", journey, "--format", "csv", "--excel", "-o", sheet])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: sheet)).starts(with: [0xEF, 0xBB, 0xBF]))
        let back = try CLI.run(["import", sheet, "--into", journey])
        #expect(back.status == 0, "\(back.standardError)")
        #expect(back.standardOutput == (try String(contentsOf: url, encoding: .utf8)))
    }
}

/// A seeded generator, so that a failing random journey fails again on the next run.
struct SheetRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid journeys whose texts hold what spreadsheets and CSV get wrong: commas, quotes,
/// line breaks, formula starts, leading quotes, accents and emoji. List items hold no `;` and
/// KPI names no `: `, which the sheet uses as separators (docs/report.md).
enum RandomSheetJourney {
    static let pieces = ["plain", "a, b", "say \"hi\"", "two\nlines", "=SUM(A1)", "+34 600", "-minus", "@mention", "'quoted",
                         "café", "日本", "👍 ok", "tab\tin", "x: y", "100%"]

    static func text(using random: inout SheetRandom) -> String {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: " ")
    }

    static func make(using random: inout SheetRandom) -> Journey {
        let channels = (0..<3).map { Channel(id: "c\($0)", name: "Channel \($0)") }
        let personas = (0..<2).map { Persona(id: "p\($0)", name: "Persona \($0)") }
        var ids: [String] = []
        let stages = (0..<Int.random(in: 1...4, using: &random)).map { stageIndex in
            Stage(id: "s\(stageIndex)", name: text(using: &random), touchpoints: (0..<Int.random(in: 0...4, using: &random)).map { index in
                let id = "t\(stageIndex)-\(index)"
                ids.append(id)
                let maybe: (inout SheetRandom) -> String? = { random in Bool.random(using: &random) ? text(using: &random) : nil }
                return Touchpoint(
                    id: id, name: text(using: &random), description: maybe(&random),
                    channels: channels.map(\.id).filter { _ in Bool.random(using: &random) },
                    personas: personas.map(\.id).filter { _ in Bool.random(using: &random) },
                    initiator: Bool.random(using: &random) ? .customer : .business, owner: maybe(&random),
                    emotion: Bool.random(using: &random) ? Int.random(in: -2...2, using: &random) : nil,
                    entry: Bool.random(using: &random), momentOfTruth: Bool.random(using: &random),
                    handoff: maybe(&random),
                    pains: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(using: &random) },
                    opportunities: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(using: &random) },
                    kpis: (0..<Int.random(in: 0...2, using: &random)).map { number in
                        Touchpoint.KPI(name: "KPI \(number) " + (Bool.random(using: &random) ? "é" : "\"q\""),
                                       target: Bool.random(using: &random) ? text(using: &random) : nil)
                    },
                    tags: Bool.random(using: &random) ? ["tag-a", "tag-b"] : [])
            })
        }
        var journey = Journey(id: "random", title: "Random", personas: personas, channels: channels, stages: stages)
        // Flows between existing touchpoints only.
        for stage in journey.stages.indices {
            for index in journey.stages[stage].touchpoints.indices where !ids.isEmpty && Bool.random(using: &random) {
                journey.stages[stage].touchpoints[index].next = [ids.randomElement(using: &random)!]
            }
        }
        return journey
    }
}
