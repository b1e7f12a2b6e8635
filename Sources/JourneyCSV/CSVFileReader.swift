import Foundation
import JourneyKit

/// Reads CSV files (RFC 4180) streaming: the file in chunks of a megabyte, one row in memory
/// at a time, each handed over as a `CSVRecord` with the line it starts on and its data-row
/// number.
///
/// It splits bytes itself (`CSVSplitter`) rather than through CSV.swift, whose reading scalar by
/// scalar made an event log of 10 million rows take many times what `sort` takes on it. It reads
/// with the C library, which JourneyKit does not touch: this adapter is its own small target that
/// the CLI and the benchmark use.
public enum CSVFileReader {
    /// Why a file could not be read at all (as opposed to a row with a bad value).
    public struct Failure: Error, Sendable {
        public var message: String
        public var hint: String?
    }

    /// Reads the header and hands every data row to `body`, which returns `false` to stop.
    /// Blank lines are skipped (they still count as lines). Throws when the file cannot be
    /// opened, is empty or is not UTF-8 text.
    public static func stream(
        path: String, header headerBody: ([String]) -> Bool, row body: (CSVRecord) -> Bool
    ) throws(Failure) {
        guard let file = fopen(path, "rb") else {
            throw Failure(message: "cannot open the file", hint: "check the path")
        }
        defer { fclose(file) }
        var splitter = CSVSplitter()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var failure: Failure?
        var stopped = false
        var row = 0
        var sawHeader = false
        // Each record as it completes; the header first, then the data rows.
        func deliver(_ fields: [String], _ line: Int) -> Bool {
            if !sawHeader {
                sawHeader = true
                return headerBody(fields.map(withoutByteOrderMark))
            }
            if fields.count == 1, fields[0].isEmpty { return true }
            row += 1
            return body(CSVRecord(line: line, row: row, fields: fields))
        }
        while !stopped {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 {
                if ferror(file) != 0 {
                    throw Failure(message: "cannot read the file after line \(splitter.line - 1)", hint: "check that it is readable")
                }
                break
            }
            chunk.withUnsafeBufferPointer { bytes in
                splitter.feed(UnsafeBufferPointer(rebasing: bytes[..<count])) { fields, line in
                    guard let fields else {
                        failure = Failure(message: "cannot read the file at line \(line): it is not UTF-8 text", hint: "save it as UTF-8 CSV")
                        stopped = true
                        return false
                    }
                    stopped = !deliver(fields, line)
                    return !stopped
                }
            }
            if let failure { throw failure }
        }
        if !stopped, let (fields, line) = splitter.finish() {
            guard let fields else {
                throw Failure(message: "cannot read the file at line \(line): it is not UTF-8 text", hint: "save it as UTF-8 CSV")
            }
            _ = deliver(fields, line)
        }
        if !sawHeader {
            throw Failure(message: "the file is empty", hint: "the first line must be the header")
        }
    }

    /// The whole file as a table (for small files: KPI actuals).
    public static func table(path: String, displayPath: String? = nil) throws(Failure) -> CSVTable {
        var header: [String] = []
        var records: [CSVRecord] = []
        try stream(path: path, header: { header = $0; return true }, row: { records.append($0); return true })
        return CSVTable(file: displayPath ?? path, header: header, records: records)
    }

    /// Spreadsheets save UTF-8 CSV with a byte order mark, which would stick to the first column's name.
    private static func withoutByteOrderMark(_ name: String) -> String {
        name.hasPrefix("\u{FEFF}") ? String(name.dropFirst()) : name
    }
}

/// Splits CSV bytes into records: fields separated by `,`, records by `\n` or `\r\n`, a field
/// that starts with `"` quoted (`""` inside it is one quote; commas and line breaks are text).
/// Fed in chunks: a record may span two.
struct CSVSplitter {
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    /// Inside quotes, the last byte was a quote: the end of the field, or the first of `""`.
    private var quoteSeen = false
    /// Whether anything of the current record was read (a blank line has nothing).
    private var recordStarted = false
    private var valid = true
    /// The line being read, and the line the current record started on.
    private(set) var line = 1
    private var recordLine = 1

    /// Splits `bytes`, calling `emit` with each complete record (nil fields when one is not
    /// UTF-8) and the line it started on; `emit` returns false to stop.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: ([String]?, Int) -> Bool) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        for byte in bytes {
            if inQuotes {
                if quoteSeen {
                    quoteSeen = false
                    if byte == quote {
                        field.append(quote)
                        continue
                    }
                    inQuotes = false
                } else if byte == quote {
                    quoteSeen = true
                    continue
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                    continue
                }
            }
            switch byte {
            case comma:
                endField()
                recordStarted = true
            case newline:
                endField()
                line += 1
                let record = valid ? fields : nil
                let start = recordLine
                fields.removeAll(keepingCapacity: true)
                recordStarted = false
                valid = true
                recordLine = line
                if !emit(record, start) { return }
            case carriageReturn:
                // Part of a CRLF line end; a lone one is dropped rather than kept in a value.
                continue
            case quote where field.isEmpty:
                inQuotes = true
                recordStarted = true
            default:
                field.append(byte)
                recordStarted = true
            }
        }
    }

    /// The last record when the file does not end with a line break.
    mutating func finish() -> (fields: [String]?, line: Int)? {
        guard recordStarted || !field.isEmpty || inQuotes || !fields.isEmpty else { return nil }
        inQuotes = false
        endField()
        return (valid ? fields : nil, recordLine)
    }

    private mutating func endField() {
        // ASCII, as most cells are, needs no validation; anything else must be valid UTF-8.
        if field.allSatisfy({ $0 < 0x80 }) {
            fields.append(field.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })
        } else if let text = field.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
            fields.append(text)
        } else {
            valid = false
            fields.append("")
        }
        field.removeAll(keepingCapacity: true)
    }
}
