import Foundation
@testable import JourneyCSV
import JourneyKit
import Testing

/// Tables are read through CSV.swift (`CSVFileReader`), event logs by the byte splitter
/// (`EventLogReader`); a file must mean the same whichever reads it. Each tricky input here is
/// written down with what it should read as, and both readers must give exactly that: the same
/// header, fields, lines and rows, or the same failure.
@Suite("CSV reading: the table reader (CSV.swift) and the event-log splitter agree")
struct CSVReaderAgreementTests {
    /// What a file reads as: its header and located rows, or why it cannot be read.
    enum Reading: Equatable, CustomStringConvertible {
        case table(header: [String], records: [CSVRecord])
        case failure(String)

        var description: String {
            switch self {
            case .table(let header, let records):
                "\(header) " + records.map { "\($0.line)/\($0.row)\($0.fields)" }.joined(separator: " ")
            case .failure(let message): "failure: \(message)"
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var header: [String] = []
        /// Each row as (line, fields); rows are numbered in order.
        var rows: [(Int, [String])] = []
        var failure: String?

        var testDescription: String { name }

        var expected: Reading {
            if let failure { return .failure(failure) }
            return .table(header: header, records: rows.enumerated().map { CSVRecord(line: $1.0, row: $0 + 1, fields: $1.1) })
        }
    }

    static func text(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let cases: [Case] = [
        Case(name: "quoted commas", bytes: text("a,b\n\"x,y\",z\n\"\",\",\"\n"),
             header: ["a", "b"], rows: [(2, ["x,y", "z"]), (3, ["", ","])]),
        Case(name: "doubled quotes", bytes: text("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\nq\"in,x\n"),
             header: ["a", "b"], rows: [(2, ["say \"hi\"", "\""]), (3, ["q\"in", "x"])]),
        Case(name: "CRLF line ends", bytes: text("a,b\r\n1,2\r\n3,4\r\n"),
             header: ["a", "b"], rows: [(2, ["1", "2"]), (3, ["3", "4"])]),
        Case(name: "lone CR line ends (older Mac spreadsheets)", bytes: text("a,b\r1,2\r\"3\",4\r"),
             header: ["a", "b"], rows: [(2, ["1", "2"]), (3, ["3", "4"])]),
        Case(name: "line breaks inside quotes move the later rows down",
             bytes: text("a,b\n\"one\ntwo\",2\n3,\"x\r\ny\"\n\"p\rq\r\nr\",5\n6,7\n"),
             header: ["a", "b"], rows: [(2, ["one\ntwo", "2"]), (4, ["3", "x\r\ny"]), (6, ["p\rq\r\nr", "5"]), (9, ["6", "7"])]),
        Case(name: "a line break inside a quoted header", bytes: text("\"a\nb\",c\n1,2\n"),
             header: ["a\nb", "c"], rows: [(3, ["1", "2"])]),
        Case(name: "byte order mark", bytes: [0xEF, 0xBB, 0xBF] + text("a,b\n1,2\n"),
             header: ["a", "b"], rows: [(2, ["1", "2"])]),
        Case(name: "byte order mark before a quoted header", bytes: [0xEF, 0xBB, 0xBF] + text("\"a\",b\r\n1,2\r\n"),
             header: ["a", "b"], rows: [(2, ["1", "2"])]),
        Case(name: "blank lines are skipped but counted", bytes: text("a,b\n\n1,2\n\r\n\n3,4\n\n\n"),
             header: ["a", "b"], rows: [(3, ["1", "2"]), (6, ["3", "4"])]),
        Case(name: "no line break at the end", bytes: text("a,b\n1,2"),
             header: ["a", "b"], rows: [(2, ["1", "2"])]),
        Case(name: "a quoted field with a line break, and no line break at the end", bytes: text("a,b\n1,\"x\ny\""),
             header: ["a", "b"], rows: [(2, ["1", "x\ny"])]),
        Case(name: "combining accents after a comma and a quote",
             bytes: text("a,b\n,\u{301}x,\"\"\"\u{301}\"\n\"comma,\u{301}here\",\"quote\"\"\u{301}here\"\n"),
             header: ["a", "b"], rows: [(2, ["", "\u{301}x", "\"\u{301}"]), (3, ["comma,\u{301}here", "quote\"\u{301}here"])]),
        Case(name: "short, long and empty rows", bytes: text("a,b,c\n1\n,,\n1,2,3,4\n"),
             header: ["a", "b", "c"], rows: [(2, ["1"]), (3, ["", "", ""]), (4, ["1", "2", "3", "4"])]),
        Case(name: "text beyond ASCII", bytes: text("touchpoint,kpi\ncafé,日本 👍\n"),
             header: ["touchpoint", "kpi"], rows: [(2, ["café", "日本 👍"])]),
        Case(name: "spaces around cells are kept", bytes: text(" a , b \n 1 ,\t2\n"),
             header: [" a ", " b "], rows: [(2, [" 1 ", "\t2"])]),
        Case(name: "a header and nothing else", bytes: text("a,b"), header: ["a", "b"]),
        Case(name: "an empty file", bytes: [], failure: "the file is empty"),
        Case(name: "a byte order mark and nothing else", bytes: [0xEF, 0xBB, 0xBF], failure: "the file is empty"),
        Case(name: "bytes that are not UTF-8, located by line", bytes: text("a,b\n1,\"x\ny\"\n") + [0x63, 0x61, 0x66, 0xE9] + text(",3\n4,5\n"),
             failure: "line 4: it is not UTF-8 text"),
        Case(name: "bytes that are not UTF-8 in the header", bytes: [0xFF] + text("a,b\n1,2\n"),
             failure: "line 1: it is not UTF-8 text"),
        Case(name: "UTF-16 with its mark", bytes: [0xFF, 0xFE] + Array("a,b\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
             failure: "it is UTF-16 text"),
    ]

    static func write(_ bytes: [UInt8], in folder: borrowing TemporaryFolder) throws -> String {
        let url = folder.url.appendingPathComponent("\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url.path
    }

    static func readTable(_ path: String) -> Reading {
        do {
            let table = try CSVFileReader.table(path: path)
            return .table(header: table.header, records: table.records)
        } catch {
            return .failure((error.line.map { "line \($0): " } ?? "") + error.message)
        }
    }

    static func readEventLog(_ path: String) -> Reading {
        var header: [String] = []
        var records: [CSVRecord] = []
        do {
            try EventLogReader.stream(path: path, header: { header = $0; return true }, row: { records.append(CSVRecord($0)); return true })
            return .table(header: header, records: records)
        } catch {
            return .failure((error.line.map { "line \($0): " } ?? "") + error.message)
        }
    }

    @Test("each tricky input reads the same, and as written down, through both readers", arguments: cases)
    func agree(_ input: Case) throws {
        let folder = try TemporaryFolder()
        let path = try Self.write(input.bytes, in: folder)
        let table = Self.readTable(path)
        let eventLog = Self.readEventLog(path)
        #expect(table == input.expected, "CSV.swift: \(table)")
        #expect(eventLog == input.expected, "splitter: \(eventLog)")
    }

    @Test("the splitter gives the same records however the bytes are cut into chunks", arguments: cases.filter { $0.failure == nil })
    func chunks(_ input: Case) throws {
        func split(chunkSize: Int) -> [[String]?] {
            var splitter = CSVSplitter()
            var records: [[String]?] = []
            var start = 0
            input.bytes.withUnsafeBufferPointer { bytes in
                while start < bytes.count {
                    let end = min(start + chunkSize, bytes.count)
                    splitter.feed(UnsafeBufferPointer(rebasing: bytes[start..<end])) { record, _ in records.append(record?.fields); return true }
                    start = end
                }
            }
            if let last = splitter.finish() { records.append(last.record?.fields) }
            return records
        }
        let whole = split(chunkSize: max(input.bytes.count, 1))
        try #require(!whole.isEmpty || input.bytes.isEmpty)
        for size in 1...3 { #expect(split(chunkSize: size) == whole, "chunks of \(size)") }
    }

    /// The difference docs/observed.md names; it also shows that tables really go through
    /// CSV.swift and event logs through the splitter.
    @Test("text after a closing quote: CSV.swift reads on to the end of the file, the splitter keeps it in the field")
    func textAfterClosingQuote() throws {
        let folder = try TemporaryFolder()
        let path = try Self.write(Self.text("a,b\n\"x\" ,y\n1,2\n"), in: folder)
        #expect(Self.readTable(path) == .table(header: ["a", "b"], records: [CSVRecord(line: 2, row: 1, fields: ["x\",y\n1,2\n"])]))
        #expect(Self.readEventLog(path) == .table(header: ["a", "b"], records: [
            CSVRecord(line: 2, row: 1, fields: ["x ", "y"]), CSVRecord(line: 3, row: 2, fields: ["1", "2"]),
        ]))
    }

    @Test("a missing file and a directory are refused in the same words by both")
    func unreadable() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.appendingPathComponent("nope.csv").path
        #expect(Self.readTable(missing) == .failure("no such file"))
        #expect(Self.readEventLog(missing) == .failure("no such file"))
        #expect(Self.readTable(folder.url.path) == .failure("it is a directory"))
        #expect(Self.readEventLog(folder.url.path) == .failure("it is a directory"))
    }
}
