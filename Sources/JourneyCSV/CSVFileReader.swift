import CSV
import Foundation
import JourneyKit

/// Reads CSV tables — the touchpoint sheet (`cjm import FILE.csv --into`), KPI actuals
/// (`--actuals`) and pre-aggregated transitions (`--transitions`) — through CSV.swift (yaslab),
/// a maintained RFC 4180 reader, as issues 14 and 20 ask: each record with the line it starts on
/// and its data-row number.
///
/// Event logs, which can be hundreds of megabytes, go through `EventLogReader` instead (see
/// there for why). CSV.swift reads an `InputStream`, which is Foundation; JourneyKit does not
/// import Foundation, so this adapter is its own small target that the CLI and the benchmark use.
public enum CSVFileReader {
    /// The whole file as a table, its data rows numbered and located. Blank lines are skipped
    /// (they still count as lines). Throws when the file cannot be opened, is empty or is not
    /// UTF-8 text.
    public static func table(path: String, displayPath: String? = nil) throws(CSVReadFailure) -> CSVTable {
        try checkLeadingBytes(path)
        guard let stream = InputStream(fileAtPath: path) else {
            throw CSVReadFailure(message: "cannot open the file", hint: "check the path")
        }
        let reader: CSVReader
        do {
            // CSV.swift skips a UTF-8 byte order mark itself.
            reader = try CSVReader(stream: stream, hasHeaderRow: false)
        } catch {
            throw CSVReadFailure(message: "cannot open the file", hint: "check that it is readable")
        }
        var numbering = CSVRecordNumbering()
        var header: [String] = []
        var records: [CSVRecord] = []
        var line = 1
        while let fields = reader.next() {
            // A row cut short by bytes that are not UTF-8 comes back as if complete: look first.
            if case CSVError.unicodeDecoding? = reader.error { throw .notUTF8(atLine: line) }
            let startLine = line
            line += 1 + lineBreaks(in: fields)
            switch numbering.record(fields, line: startLine) {
            case .header(let names): header = names
            case .row(let record): records.append(record)
            case .blank: continue
            }
        }
        if let error = reader.error, !isEndOfStream(error) {
            if case CSVError.unicodeDecoding = error { throw .notUTF8(atLine: line) }
            throw .unreadable(afterLine: line - 1)
        }
        guard numbering.sawHeader else { throw .empty }
        return CSVTable(file: displayPath ?? path, header: header, records: records)
    }

    /// Opens the file as `EventLogReader` does, for the same messages on a missing file, a
    /// directory or a file saved as UTF-16 (which CSV.swift would read as UTF-8 after its mark).
    private static func checkLeadingBytes(_ path: String) throws(CSVReadFailure) {
        let file = try CSVRecordNumbering.open(path)
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 4)
        let count = head.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        _ = try CSVRecordNumbering.byteOrderMarkLength(head[..<count])
    }

    /// CSV.swift 2.5.2 reports the end of the stream as `cannotReadFile` (its byte reader
    /// throws when a read returns nothing); real read failures come as `streamErrorHasOccurred`.
    private static func isEndOfStream(_ error: Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }

    /// Line breaks inside quoted fields (`\n`, `\r\n` or a lone `\r`, as CSV.swift ends records),
    /// which move the following rows down.
    private static func lineBreaks(in fields: [String]) -> Int {
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
}
