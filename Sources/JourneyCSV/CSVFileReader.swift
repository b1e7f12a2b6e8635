import CSV
import Foundation
import JourneyKit

/// Reads CSV files through CSV.swift (yaslab), streaming: one row in memory at a time, each
/// handed over as a `CSVRecord` with the line it starts on and its data-row number.
///
/// CSV.swift reads an `InputStream`, which is Foundation; JourneyKit does not import
/// Foundation, so this adapter is its own small target that the CLI and the benchmark use.
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
        guard let stream = InputStream(fileAtPath: path) else {
            throw Failure(message: "cannot open the file", hint: "check the path")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: false)
        } catch {
            throw Failure(message: "cannot read the file: \(error)", hint: "check that it exists and is readable")
        }
        guard let header = reader.next() else {
            if let error = reader.error, !isEndOfFile(error) { throw Failure(message: "cannot read the file: \(error)", hint: "save it as UTF-8 CSV") }
            throw Failure(message: "the file is empty", hint: "the first line must be the header")
        }
        var line = 1 + extraLines(in: header) + 1
        guard headerBody(header.map(withoutByteOrderMark)) else { return }
        var row = 0
        while let fields = reader.next() {
            let startLine = line
            line += 1 + extraLines(in: fields)
            if fields.count == 1, fields[0].isEmpty { continue }
            row += 1
            guard body(CSVRecord(line: startLine, row: row, fields: fields)) else { return }
        }
        if let error = reader.error, !isEndOfFile(error) {
            throw Failure(message: "cannot read the file after line \(line - 1): \(error)", hint: "save it as UTF-8 CSV")
        }
    }

    /// The whole file as a table (for small files: KPI actuals).
    public static func table(path: String, displayPath: String? = nil) throws(Failure) -> CSVTable {
        var header: [String] = []
        var records: [CSVRecord] = []
        try stream(path: path, header: { header = $0; return true }, row: { records.append($0); return true })
        return CSVTable(file: displayPath ?? path, header: header, records: records)
    }

    /// CSV.swift 2.5.2 reports the end of the stream as `cannotReadFile` (its byte reader
    /// throws when a read returns nothing); real read failures come as `streamErrorHasOccurred`.
    private static func isEndOfFile(_ error: Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }

    /// Line breaks inside quoted fields, which move the following rows down.
    private static func extraLines(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            var previousWasReturn = false
            for scalar in field.unicodeScalars {
                if scalar == "\n" {
                    if !previousWasReturn { count += 1 }
                    previousWasReturn = false
                } else {
                    if scalar == "\r" { count += 1 }
                    previousWasReturn = scalar == "\r"
                }
            }
        }
        return count
    }

    /// Spreadsheets save UTF-8 CSV with a byte order mark, which would stick to the first column's name.
    private static func withoutByteOrderMark(_ name: String) -> String {
        name.hasPrefix("\u{FEFF}") ? String(name.dropFirst()) : name
    }
}
