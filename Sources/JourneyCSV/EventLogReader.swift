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
        _ = try stream(path: path, bytes: 0..<Int64.max, header: headerBody, row: body)
    }

    /// Reads the bytes `bytes` of the file as `stream(path:header:row:)` reads all of it. A
    /// part that starts at 0 begins with the header; any other part must start at a line
    /// start (see `parts(path:count:)`) and has data rows only, which it numbers from row 1
    /// and line 1 as if it were a file of its own: the caller moves them down by the rows and
    /// line breaks of the parts before it (`CSVReadFailure.movedDown(byLines:)` for a failure).
    public static func stream(
        path: String, bytes: Range<Int64>, header headerBody: ([String]) -> Bool, row body: (CSVByteRecord) -> Bool
    ) throws(CSVReadFailure) -> EventLogPartEnd {
        let file = try CSVRecordNumbering.open(path)
        defer { fclose(file) }
        let isFirstPart = bytes.lowerBound == 0
        if !isFirstPart, fseeko(file, off_t(bytes.lowerBound), SEEK_SET) != 0 { throw .unreadable(afterLine: 0) }
        var remaining = bytes.upperBound - bytes.lowerBound
        var splitter = CSVSplitter()
        var numbering = CSVRecordNumbering(afterHeader: !isFirstPart)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var failure: CSVReadFailure?
        var stopped = false
        var isFirstChunk = isFirstPart
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
        while !stopped, remaining > 0 {
            let wanted = Int(min(Int64(chunk.count), remaining))
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, wanted, file) }
            if count == 0 {
                if ferror(file) != 0 { throw .unreadable(afterLine: splitter.line - 1) }
                break
            }
            remaining -= Int64(count)
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
        let endsBetweenRecords = splitter.isBetweenRecords
        if !stopped, let (record, line) = splitter.finish() {
            guard let record else { throw .notUTF8(atLine: line) }
            _ = deliver(record)
        }
        guard numbering.sawHeader else { throw .empty }
        return EventLogPartEnd(lineBreaks: splitter.line - 1, rows: numbering.rowCount, endsBetweenRecords: endsBetweenRecords)
    }

    /// Cuts the file into at most `count` parts of about equal size, each after a line feed,
    /// for reading at once with `stream(path:bytes:header:row:)`; fewer where the file is too
    /// small or has too few line feeds. A cut after a line feed inside a quoted field is not
    /// a line start: the part before it then does not end between records
    /// (`EventLogPartEnd.endsBetweenRecords`), and the caller reads the file as one part.
    public static func parts(path: String, count: Int) throws(CSVReadFailure) -> [Range<Int64>] {
        let file = try CSVRecordNumbering.open(path)
        defer { fclose(file) }
        var status = stat()
        guard fstat(fileno(file), &status) == 0 else { throw .unreadable(afterLine: 0) }
        let size = Int64(status.st_size)
        var cuts: [Int64] = [0]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for part in 1..<max(1, count) {
            var position = max(size * Int64(part) / Int64(count), cuts[cuts.count - 1])
            guard fseeko(file, off_t(position), SEEK_SET) == 0 else { break }
            var cut: Int64?
            while cut == nil {
                let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                if read == 0 { break }
                if let newline = buffer[..<read].firstIndex(of: UInt8(ascii: "\n")) { cut = position + Int64(newline) + 1 }
                position += Int64(read)
            }
            guard let cut, cut < size else { break }
            if cut > cuts[cuts.count - 1] { cuts.append(cut) }
        }
        cuts.append(size)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }
}

/// How reading one part of an event log ended.
public struct EventLogPartEnd: Sendable, Equatable {
    /// The line breaks read: the next part's lines come after this many.
    public var lineBreaks: Int
    /// The data rows numbered (blank lines are not rows).
    public var rows: Int
    /// Whether the bytes ended between two records, outside quotes, so that the next part
    /// starts at a record.
    public var endsBetweenRecords: Bool
}

extension CSVReadFailure {
    /// The same failure in a part read after `lines` line breaks of the file.
    public func movedDown(byLines lines: Int) -> CSVReadFailure {
        var moved = self
        if let line { moved.line = line + lines }
        if let readFailedAfterLine { moved = .unreadable(afterLine: readFailedAfterLine + lines) }
        return moved
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

    /// Whether the bytes fed so far end between two records, outside quotes.
    var isBetweenRecords: Bool {
        !inQuotes && !recordStarted && bytes.isEmpty && fieldEnds.isEmpty
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
