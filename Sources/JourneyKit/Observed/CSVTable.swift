/// One data row of a CSV file, with where it is: what JourneyKit reads instead of the file.
///
/// JourneyKit does no file I/O, so the CSV library lives outside it (the `JourneyCSV` target):
/// that adapter streams a file and hands over rows of this type, one at a time.
public struct CSVRecord: Sendable, Hashable {
    /// The file's line on which the row starts (the header is on line 1).
    public var line: Int
    /// The 1-based number of the row among the data rows (the first row after the header is 1).
    public var row: Int
    /// The row's fields, in the file's column order.
    public var fields: [String]

    public init(line: Int, row: Int, fields: [String]) {
        self.line = line
        self.row = row
        self.fields = fields
    }

    /// The field in column `index` (0-based), or the empty text when the row is shorter.
    public func field(_ index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }

    /// Where column `index` (0-based) of this row is, as `file:line:column` with the column
    /// counted in fields (1-based), which is how spreadsheets and `cut -d,` number them.
    public func location(in file: String, column index: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: index + 1)
    }
}

/// One data row of an event log as the file's UTF-8 bytes, with where it is: what
/// `EventLogConformance` reads, so that ten million rows do not each become a `String` per cell.
///
/// The fields are back to back in `bytes` (quotes already taken off): field `i` is
/// `bytes[fieldEnds[i - 1]..<fieldEnds[i]]`, the first starting at 0. The reader reuses the
/// arrays for the next row, so a row costs no allocation unless it is kept.
public struct CSVByteRecord: Sendable, Hashable {
    /// The file's line on which the row starts (the header is on line 1).
    public var line: Int
    /// The 1-based number of the row among the data rows (0 until the reader numbers it).
    public var row: Int
    /// The fields' UTF-8 bytes, back to back.
    public var bytes: [UInt8]
    /// Where each field ends in `bytes`.
    public var fieldEnds: [Int]

    public init(line: Int, row: Int, bytes: [UInt8], fieldEnds: [Int]) {
        self.line = line
        self.row = row
        self.bytes = bytes
        self.fieldEnds = fieldEnds
    }

    /// The same row as `record`.
    public init(_ record: CSVRecord) {
        var bytes: [UInt8] = []
        var fieldEnds: [Int] = []
        for field in record.fields {
            bytes.append(contentsOf: field.utf8)
            fieldEnds.append(bytes.count)
        }
        self.init(line: record.line, row: record.row, bytes: bytes, fieldEnds: fieldEnds)
    }

    /// Where field `index` (0-based) is in `bytes`; empty when the row is shorter.
    public func fieldRange(_ index: Int) -> Range<Int> {
        guard index < fieldEnds.count else { return 0..<0 }
        return (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// Whether the row is a blank line: one empty field.
    public var isBlank: Bool { fieldEnds == [0] }

    /// The fields as text (the reader has checked that they are UTF-8).
    public var fields: [String] {
        fieldEnds.indices.map { String(decoding: bytes[fieldRange($0)], as: UTF8.self) }
    }
}

extension CSVRecord {
    /// The same row as `record`, its fields as text.
    public init(_ record: CSVByteRecord) {
        self.init(line: record.line, row: record.row, fields: record.fields)
    }
}

/// The columns a CSV file must or may have, found by name in its header in any order.
public struct CSVColumns: Sendable {
    /// The position of each known column that the header has, by name.
    public let positions: [String: Int]

    /// Reads `header`; returns an error for each required column that is missing (located at
    /// the header, with a did-you-mean among the header's unknown names).
    ///
    /// Columns that are neither required nor optional are ignored: exports from other tools
    /// carry columns of their own, and refusing them would make every file need editing.
    public static func read(
        header: [String], file: String, required: [String], optional: [String]
    ) -> (columns: CSVColumns, errors: [Diagnostic]) {
        var positions: [String: Int] = [:]
        let known = Set(required + optional)
        var unknown: [String] = []
        for (index, rawName) in header.enumerated() {
            let name = rawName.csvTrimmed.lowercased()
            if known.contains(name), positions[name] == nil {
                positions[name] = index
            } else if !known.contains(name) {
                unknown.append(rawName.csvTrimmed)
            }
        }
        var errors: [Diagnostic] = []
        for name in required where positions[name] == nil {
            let hint = Suggestion.closest(to: name, among: unknown).map { "rename the column \"\($0)\" to \"\(name)\"" }
                ?? "the header needs the columns \(Wording.list(required.map(Wording.quoted)))"
            errors.append(.error("the CSV header has no \"\(name)\" column",
                                 at: SourceLocation(file: file, line: 1, column: 1), hint: hint))
        }
        return (CSVColumns(positions: positions), errors)
    }
}

extension String {
    /// The text without spaces and tabs at either end (CSV cells often carry them).
    var csvTrimmed: String {
        // Most cells have nothing to trim: looking at the two ends' bytes spares an event log
        // of ten million rows a copy of every cell.
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last,
              first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") else {
            return self
        }
        return trimming(where: { $0 == " " || $0 == "\t" })
    }
}

/// A whole CSV file that is small enough to hold (KPI actuals): its header and data rows.
public struct CSVTable: Sendable, Hashable {
    /// The path shown in messages.
    public var file: String
    public var header: [String]
    public var records: [CSVRecord]

    public init(file: String, header: [String], records: [CSVRecord]) {
        self.file = file
        self.header = header
        self.records = records
    }
}
