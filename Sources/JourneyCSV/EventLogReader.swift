import Foundation
import JourneyKit

/// Reads an event log (`cjm conform --events`, and `--events` on render, export and report)
/// streaming: the file in chunks of a megabyte, one record in memory at a time, each handed over
/// as a `CSVRecord` with the line it starts on and its data-row number.
///
/// Event logs are the one CSV input that is large (issue 20 §3: ten million events, about
/// 500 MB, no slower than GNU `sort`), so they alone are split by `CSVSplitter` rather than read
/// through CSV.swift like the tables (`CSVFileReader`): CSV.swift decodes and appends one Unicode
/// scalar at a time, which made `cjm conform` of a 1-million-event log take 8.4× what `sort`
/// takes on it; with the splitter the 10-million-event log takes 1.66× (docs/observed.md).
/// The two readers give the same records, lines and errors on the same input
/// (`CSVReaderAgreementTests`).
public enum EventLogReader {
    /// Reads the header and hands every data row to `body`, which returns `false` to stop.
    /// Blank lines are skipped (they still count as lines). Throws when the file cannot be
    /// opened, is empty or is not UTF-8 text.
    public static func stream(
        path: String, header headerBody: ([String]) -> Bool, row body: (CSVRecord) -> Bool
    ) throws(CSVReadFailure) {
        let file = try CSVRecordNumbering.open(path)
        defer { fclose(file) }
        var splitter = CSVSplitter()
        var numbering = CSVRecordNumbering()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var failure: CSVReadFailure?
        var stopped = false
        var isFirstChunk = true
        // Each record as it completes: false to stop reading.
        func deliver(_ fields: [String], _ line: Int) -> Bool {
            switch numbering.record(fields, line: line) {
            case .header(let names): return headerBody(names)
            case .row(let record): return body(record)
            case .blank: return true
            }
        }
        while !stopped {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 {
                if ferror(file) != 0 { throw .unreadable(afterLine: splitter.line - 1) }
                break
            }
            // fread fills the whole chunk unless the file ends, so a mark is all in the first.
            let start = isFirstChunk ? try CSVRecordNumbering.byteOrderMarkLength(chunk[..<count]) : 0
            isFirstChunk = false
            chunk.withUnsafeBufferPointer { bytes in
                splitter.feed(UnsafeBufferPointer(rebasing: bytes[start..<count])) { fields, line in
                    guard let fields else {
                        failure = .notUTF8(atLine: line)
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
            guard let fields else { throw .notUTF8(atLine: line) }
            _ = deliver(fields, line)
        }
        guard numbering.sawHeader else { throw .empty }
    }
}

/// Splits CSV bytes into records as CSV.swift does: fields separated by `,`, records by `\n`,
/// `\r\n` or a lone `\r`, a field that starts with `"` quoted (`""` inside it is one quote;
/// commas and line breaks are text). Fed in chunks: a record may span two.
struct CSVSplitter {
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    /// Inside quotes, the last byte was a quote: the end of the field, or the first of `""`.
    private var quoteSeen = false
    /// The last byte was a `\r`, so a `\n` now completes the same line break.
    private var afterCarriageReturn = false
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
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == newline {
                    // Inside quotes the whole `\r\n` is text; outside, the record already ended.
                    if inQuotes && !quoteSeen { field.append(byte) }
                    continue
                }
            }
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
                    if byte == newline {
                        line += 1
                    } else if byte == carriageReturn {
                        line += 1
                        afterCarriageReturn = true
                    }
                    field.append(byte)
                    continue
                }
            }
            switch byte {
            case comma:
                endField()
                recordStarted = true
            case newline, carriageReturn:
                afterCarriageReturn = byte == carriageReturn
                endField()
                line += 1
                let record = valid ? fields : nil
                let start = recordLine
                fields.removeAll(keepingCapacity: true)
                recordStarted = false
                valid = true
                recordLine = line
                if !emit(record, start) { return }
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
