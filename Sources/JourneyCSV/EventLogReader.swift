import Foundation
import JourneyKit

/// Reads an event log (`cjm conform --events`, and `--events` on render, export and report)
/// streaming: the file in chunks of a megabyte, one record in memory at a time, each handed over
/// as a `CSVByteRecord` — its fields' bytes, not a `String` per cell — with the line it starts
/// on and its data-row number.
///
/// Event logs are the one CSV input that is large (issue 20 §3: ten million events, about
/// 500 MB, no slower than GNU `sort`), so they alone are split by `CSVSplitter` rather than read
/// through CSV.swift like the tables (`CSVFileReader`): CSV.swift decodes and appends one Unicode
/// scalar at a time, which made `cjm conform` of a 1-million-event log take 8.4× what `sort`
/// takes on it (docs/observed.md). The two readers give the same records, lines and errors on
/// the same input (`CSVReaderAgreementTests`).
public enum EventLogReader {
    /// Reads the header and hands every data row to `body`, which returns `false` to stop; the
    /// row's arrays are reused for the next one (copy what you keep). Blank lines are skipped
    /// (they still count as lines). Throws when the file cannot be opened, is empty or is not
    /// UTF-8 text.
    public static func stream(
        path: String, header headerBody: ([String]) -> Bool, row body: (CSVByteRecord) -> Bool
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
        func deliver(_ record: CSVByteRecord) -> Bool {
            switch numbering.next(isBlank: record.isBlank) {
            case .header: return headerBody(record.fields)
            case .row(let row):
                var record = record
                record.row = row
                return body(record)
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
                splitter.feed(UnsafeBufferPointer(rebasing: bytes[start..<count])) { record, line in
                    guard let record else {
                        failure = .notUTF8(atLine: line)
                        stopped = true
                        return false
                    }
                    stopped = !deliver(record)
                    return !stopped
                }
            }
            if let failure { throw failure }
        }
        if !stopped, let (record, line) = splitter.finish() {
            guard let record else { throw .notUTF8(atLine: line) }
            _ = deliver(record)
        }
        guard numbering.sawHeader else { throw .empty }
    }
}

/// Splits CSV bytes into records as CSV.swift does: fields separated by `,`, records by `\n`,
/// `\r\n` or a lone `\r`, a field that starts with `"` quoted (`""` inside it is one quote;
/// commas and line breaks are text). Fed in chunks: a record may span two.
///
/// A record's fields are collected back to back in one reused byte array, and runs of bytes
/// that need no decision (ASCII other than `,`, `"`, `\r` and `\n`) are copied at once: most of
/// an event log is such runs, so most bytes cost one comparison or two.
struct CSVSplitter {
    /// The current record's fields, unquoted, back to back.
    private var bytes: [UInt8] = []
    /// Where each finished field of the current record ends in `bytes`.
    private var fieldEnds: [Int] = []
    /// Where the current field starts in `bytes`.
    private var fieldStart = 0
    /// The current field has a byte of 0x80 or more, so it must be checked to be UTF-8.
    private var fieldHasNonASCII = false
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

    /// Splits `input`, calling `emit` with each complete record (nil when a field is not
    /// UTF-8; its row is 0, for the caller to number) and the line it started on; `emit`
    /// returns false to stop.
    mutating func feed(_ input: UnsafeBufferPointer<UInt8>, _ emit: (CSVByteRecord?, Int) -> Bool) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var index = 0
        while index < input.count {
            let byte = input[index]
            if !inQuotes, !afterCarriageReturn, Self.needsNoDecision(byte) {
                var end = index + 1
                while end < input.count, Self.needsNoDecision(input[end]) { end += 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
                recordStarted = true
                index = end
                continue
            }
            index += 1
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == newline {
                    // Inside quotes the whole `\r\n` is text; outside, the record already ended.
                    if inQuotes && !quoteSeen { append(byte) }
                    continue
                }
            }
            if inQuotes {
                if quoteSeen {
                    quoteSeen = false
                    if byte == quote {
                        append(quote)
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
                    append(byte)
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
                // The record shares the arrays only during `emit`: emptied after, they are
                // uniquely held again and keep their storage for the next record.
                let goOn = emit(valid ? CSVByteRecord(line: recordLine, row: 0, bytes: bytes, fieldEnds: fieldEnds) : nil, recordLine)
                bytes.removeAll(keepingCapacity: true)
                fieldEnds.removeAll(keepingCapacity: true)
                fieldStart = 0
                recordStarted = false
                valid = true
                recordLine = line
                if !goOn { return }
            case quote where bytes.count == fieldStart:
                inQuotes = true
                recordStarted = true
            default:
                append(byte)
                recordStarted = true
            }
        }
    }

    /// The last record when the file does not end with a line break.
    mutating func finish() -> (record: CSVByteRecord?, line: Int)? {
        guard recordStarted || bytes.count > fieldStart || inQuotes || !fieldEnds.isEmpty else { return nil }
        inQuotes = false
        endField()
        return (valid ? CSVByteRecord(line: recordLine, row: 0, bytes: bytes, fieldEnds: fieldEnds) : nil, recordLine)
    }

    /// Bytes that are field text wherever they come outside quotes: ASCII other than `,`, `"`
    /// and the line breaks. (Digits, letters, `-`, `.` and `:` are all above `,`.)
    private static func needsNoDecision(_ byte: UInt8) -> Bool {
        byte > UInt8(ascii: ",") ? byte < 0x80
            : byte != UInt8(ascii: ",") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")
    }

    private mutating func append(_ byte: UInt8) {
        if byte >= 0x80 { fieldHasNonASCII = true }
        bytes.append(byte)
    }

    private mutating func endField() {
        // ASCII, as most cells are, needs no validation; anything else must be valid UTF-8.
        if fieldHasNonASCII {
            let isUTF8 = bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[fieldStart...]), as: UTF8.self) != nil }
            if !isUTF8 { valid = false }
            fieldHasNonASCII = false
        }
        fieldEnds.append(bytes.count)
        fieldStart = bytes.count
    }
}
