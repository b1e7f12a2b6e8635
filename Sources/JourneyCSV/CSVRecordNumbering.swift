import Foundation
import JourneyKit

/// Why a CSV file could not be read at all (as opposed to a row with a bad value), in the same
/// words whichever reader read it.
public struct CSVReadFailure: Error, Sendable, Equatable {
    public var message: String
    public var hint: String?
    /// The line the reading stopped at, when the failure is in the file's text: messages point
    /// there (`events.csv:4:1: error: …`).
    public var line: Int?

    public init(message: String, hint: String? = nil, line: Int? = nil) {
        self.message = message
        self.hint = hint
        self.line = line
    }

    static let empty = CSVReadFailure(message: "the file is empty", hint: "the first line must be the header")

    static func notUTF8(atLine line: Int) -> CSVReadFailure {
        CSVReadFailure(message: "it is not UTF-8 text", hint: "save it as UTF-8 CSV", line: line)
    }

    static func unreadable(afterLine line: Int) -> CSVReadFailure {
        var failure = CSVReadFailure(message: "the read failed after line \(line)", hint: "check that it is readable")
        failure.readFailedAfterLine = line
        return failure
    }

    /// The line in the message of `unreadable(afterLine:)`, which does not point at it.
    var readFailedAfterLine: Int?
}

/// What both CSV readers do around the splitting: open the file with a message a person can act
/// on, refuse UTF-16 and UTF-32, and number the split records (the header first, then data rows,
/// blank lines skipped but counted as lines).
struct CSVRecordNumbering {
    /// What a split record turned out to be.
    enum Record {
        case header([String])
        case row(CSVRecord)
        case blank
    }

    private(set) var sawHeader = false
    private(set) var rowCount = 0

    /// Numbering for a file, or with `afterHeader`, for a part of one after its header.
    init(afterHeader: Bool = false) {
        sawHeader = afterHeader
    }

    /// What the next split record is, by its position and whether it is a blank line.
    enum Kind: Equatable {
        case header
        /// A data row, with its 1-based number.
        case row(Int)
        case blank
    }

    /// Classifies the next record, `isBlank` when it is one empty field.
    mutating func next(isBlank: Bool) -> Kind {
        guard sawHeader else {
            sawHeader = true
            return .header
        }
        if isBlank { return .blank }
        rowCount += 1
        return .row(rowCount)
    }

    /// Classifies the record `fields` that starts on `line`.
    mutating func record(_ fields: [String], line: Int) -> Record {
        switch next(isBlank: fields.count == 1 && fields[0].isEmpty) {
        case .header: .header(fields)
        case .row(let row): .row(CSVRecord(line: line, row: row, fields: fields))
        case .blank: .blank
        }
    }

    /// Opens `path` for reading and checks its first bytes; the caller closes the file.
    static func open(_ path: String) throws(CSVReadFailure) -> UnsafeMutablePointer<FILE> {
        guard let file = fopen(path, "rb") else {
            switch errno {
            case ENOENT: throw CSVReadFailure(message: "no such file", hint: "check the path")
            case EACCES: throw CSVReadFailure(message: "permission denied", hint: "check that it is readable")
            default: throw CSVReadFailure(message: "cannot open the file", hint: "check the path")
            }
        }
        var status = stat()
        if fstat(fileno(file), &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            fclose(file)
            throw CSVReadFailure(message: "it is a directory", hint: "name a CSV file")
        }
        return file
    }

    /// The length of a UTF-8 byte order mark at the start of `bytes` (spreadsheets write one),
    /// or a failure when a UTF-16 or UTF-32 one says the file is not UTF-8 at all.
    static func byteOrderMarkLength(_ bytes: some Collection<UInt8>) throws(CSVReadFailure) -> Int {
        let head = Array(bytes.prefix(4))
        // UTF-32 first: its little-endian mark begins with UTF-16's.
        for (mark, encoding) in [([0x00, 0x00, 0xFE, 0xFF], "UTF-32"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32"),
                                 ([0xFE, 0xFF], "UTF-16"), ([0xFF, 0xFE], "UTF-16")] as [([UInt8], String)]
        where head.starts(with: mark) {
            throw CSVReadFailure(message: "it is \(encoding) text", hint: "save it as UTF-8 CSV")
        }
        return head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}
