import Foundation
import JourneyCSV
@testable import JourneyKit
import Testing

/// `cjm conform` reads a large log in parts at once (one per core): each part by its own copy
/// of the accumulator, the parts joined in file order. Whatever the number of parts, the
/// report, the errors and the exit code must be those of reading the file as one part.
@Suite("Observed: an event log read in parts")
struct EventLogPartsTests {
    /// Rows over the journey of `EventLogBytesTests`: cases spread over the whole log, events
    /// out of time order, equal timestamps, unknown touchpoints seen again later, non-ASCII
    /// case ids in both normalisations and the Kelvin sign, and two rows with errors.
    static let rows: [[String]] = [
        ["c1", "2026-10-01T10:02:00Z", "c", "ok"],
        ["c2", "2026-10-01T10:00:00Z", "a", "ok"],
        ["caf\u{E9}", "2026-10-01T10:00:00Z", "a", ""],
        ["c1", "2026-10-01T10:00:00Z", "a", "ok"],
        ["c2", "2026-10-01T10:00:00Z", "c", "ok"],
        ["\u{212A}1", "2026-10-01T10:00:00Z", "b", "ok"],
        ["c3", "2026-10-01T10:00:00Z", "kiosk", "ok"],
        ["c1", "later", "b", "ok"],
        ["cafe\u{301}", "2026-10-01T10:01:00Z", "b", "failed"],
        ["c3", "2026-10-01T10:01:00Z", "b", "ok"],
        ["K1", "2026-10-01T10:01:00Z", "c", "ok"],
        ["c2", "2026-10-01T10:00:00Z", "b", "ok"],
        ["c4", "2026-10-01T10:00:00Z", "kiosk", "failed"],
        ["c1", "2026-10-01T10:01:00Z", "b", "ok"],
        ["c3", "2026-10-01T10:02:00Z", "tel\u{E9}fono", "ok"],
        ["c4", "2026-10-01T10:01:00Z", "d", "ok"],
        ["", "2026-10-01T10:00:00Z", "a", "ok"],
        ["c5", "2026-10-01T10:00:00Z", "tele\u{301}fono", "ok"],
        ["c2", "2026-10-01T09:00:00Z", "d", "ok"],
        ["caf\u{E9}", "2026-10-01T10:02:00Z", "d", "ok"],
    ]

    /// The report of `rows` read in the parts that start at `cuts` (row offsets), each part
    /// numbering its rows from 1 as the command's parts do; and its errors, moved to their
    /// rows in the whole log.
    static func read(_ rows: [[String]], cutAt cuts: [Int], journey: Journey) -> (ConformanceReport, [Int]) {
        var prototype = EventLogConformance(journey: journey, file: "events.csv")
        _ = prototype.begin(header: ["case", "timestamp", "touchpoint", "outcome"])
        let bounds = [0] + cuts + [rows.count]
        var joined: EventLogConformance?
        var errorRows: [Int] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            var part = prototype
            for (offset, fields) in rows[start..<end].enumerated() {
                let record = CSVRecord(line: offset + 1, row: offset + 1, fields: fields)
                if !part.add(CSVByteRecord(record)).isEmpty { errorRows.append(start + offset + 1) }
            }
            if joined == nil { joined = part } else { joined?.append(part, rowsBefore: start) }
        }
        return (joined!.finish(), errorRows)
    }

    @Test("joining the parts gives the report of one reading, wherever the log is cut and into however many parts")
    func joinedPartsAgree() throws {
        let journey = try #require(JSONJourneyImporter.importJourney(
            from: Array(EventLogBytesTests.journeyJSON.utf8), path: "j.journey.json").journey)
        let (whole, wholeErrors) = Self.read(Self.rows, cutAt: [], journey: journey)
        #expect(wholeErrors == [8, 17])
        // The log means something: each kind of deviation and rows out of order.
        #expect(whole.deviationCounts.values.allSatisfy { $0 > 0 }, "\(whole.deviationCounts)")
        #expect(whole.cases == 7)
        var cutsTried = 0
        for first in 1..<Self.rows.count {
            #expect(Self.read(Self.rows, cutAt: [first], journey: journey) == (whole, wholeErrors), "cut at \(first)")
            for second in first + 1..<Self.rows.count where (first + second) % 3 == 0 {
                #expect(Self.read(Self.rows, cutAt: [first, second], journey: journey) == (whole, wholeErrors), "cuts at \(first), \(second)")
                cutsTried += 1
            }
        }
        #expect(cutsTried > 40)
        // Every row its own part.
        #expect(Self.read(Self.rows, cutAt: Array(1..<Self.rows.count), journey: journey) == (whole, wholeErrors))
    }

    // MARK: - The command, on files

    static let journey = "samples/tienda-whatsapp.journey.json"

    /// The sample log's header and rows, as lines.
    static func sampleLines() throws -> (header: String, rows: [String]) {
        let text = try String(contentsOf: Paths.repository.appendingPathComponent("samples/tienda-whatsapp.events.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        return (lines[0], Array(lines.dropFirst()))
    }

    /// The sample's rows in a scrambled but fixed order, so that cases' events are out of time
    /// order and spread over the whole file; every third row's minutes set to 00, so that a
    /// case has events at equal times.
    static func scrambledRows() throws -> [String] {
        let rows = try sampleLines().rows
        return rows.indices.map { rows[($0 * 7_919) % rows.count] }.enumerated().map { index, row in
            guard index % 3 == 0 else { return row }
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[1] = String(fields[1].prefix(14)) + "00:00Z"
            return fields.joined(separator: ",")
        }
    }

    /// Runs `cjm conform` on `log` with `--jobs 1` and with more parts; expects the same
    /// output, errors and exit code each time, and returns the one-part run.
    static func conformAgrees(_ log: String, name: String, in folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Subprocess.Result {
        let file = folder.appendingPathComponent(name)
        try Data(log.utf8).write(to: file)
        return try conformAgrees(file: file, sourceLocation: sourceLocation)
    }

    static func conformAgrees(file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Subprocess.Result {
        // Several parts for real: the file is cut where asked.
        #expect(try EventLogReader.parts(path: file.path, count: 3).count == 3, sourceLocation: sourceLocation)
        let arguments = ["conform", journey, "--events", file.path, "--format", "json", "--max-deviations", "100000"]
        let one = try CLI.run(arguments + ["--jobs", "1"])
        for jobs in [2, 3, 7] {
            let parts = try CLI.run(arguments + ["--jobs", "\(jobs)"])
            #expect(parts.status == one.status, "--jobs \(jobs)", sourceLocation: sourceLocation)
            #expect(parts.standardOutput == one.standardOutput, "--jobs \(jobs)", sourceLocation: sourceLocation)
            #expect(parts.standardError == one.standardError, "--jobs \(jobs)", sourceLocation: sourceLocation)
        }
        return one
    }

    static func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test("the command's report is the same in any number of parts: scrambled rows, equal times, CRLF, no final line break")
    func commandAgrees() throws {
        let (header, _) = try Self.sampleLines()
        let rows = try Self.scrambledRows()
        try Self.withFolder { folder in
            let plain = try Self.conformAgrees(([header] + rows).joined(separator: "\n") + "\n", name: "plain.csv", in: folder)
            #expect(plain.status == 1, "\(plain.standardError)")
            #expect(plain.standardOutput.contains("\"irregular-sequence\""))
            let crlf = try Self.conformAgrees(([header] + rows).joined(separator: "\r\n") + "\r\n", name: "crlf.csv", in: folder)
            #expect(crlf.standardOutput == plain.standardOutput)
            let unfinished = try Self.conformAgrees(([header] + rows).joined(separator: "\n"), name: "unfinished.csv", in: folder)
            #expect(unfinished.standardOutput == plain.standardOutput)
        }
    }

    @Test("quoted cells with line breaks: a cut inside one is noticed and the log read as one part")
    func quotedLineBreaks() throws {
        let (header, _) = try Self.sampleLines()
        var rows = try Self.scrambledRows()
        // Every 40th row's persona spans two lines; the middle row's spans 300, so that the
        // cut between two parts falls inside it.
        rows = rows.enumerated().map { index, row in
            guard index % 40 == 0 || index == rows.count / 2 else { return row }
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let lines = index == rows.count / 2 ? 300 : 2
            fields[4] = "\"" + Array(repeating: "una línea, \"\"citada\"\"", count: lines).joined(separator: "\n") + "\""
            return fields.joined(separator: ",")
        }
        try Self.withFolder { folder in
            let text = ([header] + rows).joined(separator: "\n") + "\n"
            let file = folder.appendingPathComponent("quoted.csv")
            try Data(text.utf8).write(to: file)
            // The cut of two parts is inside the long cell, so the first part does not end between records.
            let parts = try EventLogReader.parts(path: file.path, count: 2)
            try #require(parts.count == 2)
            let end = try EventLogReader.stream(path: file.path, bytes: parts[0], header: { _ in true }, row: { _ in true })
            #expect(!end.endsBetweenRecords)
            let one = try Self.conformAgrees(file: file)
            #expect(one.status == 1, "\(one.standardError)")
            // Without the quotes' line breaks the report is the same: the persona is not read.
            let flat = try CLI.run(["conform", Self.journey, "--events", Self.write(([header] + (try Self.scrambledRows())).joined(separator: "\n") + "\n", in: folder),
                                    "--format", "json", "--max-deviations", "100000"])
            #expect(flat.standardOutput == one.standardOutput)
        }
    }

    static func write(_ text: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test("errors in a later part are located at their line and column, the first twenty in file order")
    func errorsInLaterParts() throws {
        let (header, _) = try Self.sampleLines()
        let rows = try Self.scrambledRows()
        try Self.withFolder { folder in
            // One bad timestamp near the end: data row n is on line n + 1.
            var oneBad = rows
            let badRow = rows.count - 5
            oneBad[badRow - 1] = oneBad[badRow - 1].replacingOccurrences(of: "2026-", with: "soon-")
            let one = try Self.conformAgrees(([header] + oneBad).joined(separator: "\n") + "\n", name: "one-bad.csv", in: folder)
            #expect(one.status == 2)
            #expect(one.standardError.hasPrefix("\(folder.path)/one-bad.csv:\(badRow + 1):2: error: the timestamp \"soon-"), "\(one.standardError)")
            #expect(one.standardOutput.isEmpty)

            // Thirty bad rows spread over the file: the first twenty in file order are shown.
            var manyBad = rows
            let badRows = (0..<30).map { 3 + $0 * (rows.count - 10) / 30 }
            for row in badRows { manyBad[row - 1] = String(manyBad[row - 1].drop(while: { $0 != "," })) }
            let many = try Self.conformAgrees(([header] + manyBad).joined(separator: "\r\n") + "\r\n", name: "many-bad.csv", in: folder)
            #expect(many.status == 2)
            let located = many.standardError.split(separator: "\n").filter { $0.contains(": error: the event has no case") }
            #expect(located.map { $0.split(separator: ":")[1] } == badRows.prefix(20).map { "\($0 + 1)"[...] })

            // Bytes that are not UTF-8 in the last part: reading stops there, at its line.
            var bytes = Array(([header] + rows).joined(separator: "\n").utf8) + [0x0A]
            let lineStarts = bytes.indices.filter { $0 == 0 || bytes[$0 - 1] == 0x0A }
            let badLine = lineStarts.count - 3
            bytes.insert(0xFF, at: lineStarts[badLine - 1] + 2)
            let file = folder.appendingPathComponent("latin1.csv")
            try Data(bytes).write(to: file)
            let broken = try Self.conformAgrees(file: file)
            #expect(broken.status == 2)
            #expect(broken.standardError.contains("latin1.csv:\(badLine):1: error: cannot read the event log: it is not UTF-8 text"), "\(broken.standardError)")
        }
    }

    @Test("--jobs must be at least 1")
    func jobsAtLeastOne() throws {
        let refused = try CLI.run(["conform", Self.journey, "--events", "samples/tienda-whatsapp.events.csv", "--jobs", "0"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--jobs must be at least 1"))
    }
}
