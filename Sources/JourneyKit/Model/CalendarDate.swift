/// A day of the Gregorian calendar, written `YYYY-MM-DD`, without a time or a time zone.
///
/// Evidence dates and the check date (`--as-of`) are days: a time zone would make the same
/// file give different findings in different places.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to the month's length.
    public let day: Int

    /// A date, or `nil` when the day does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.length(ofMonth: month, in: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` (exactly four, two and two digits); `nil` for any other text or a day that does not exist.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index].isDecimalDigitByte else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// The number of whole months from `self` to `later` (negative when `later` is earlier):
    /// 2024-01-31 to 2024-02-29 is 0 months, to 2024-03-01 is 1.
    public func wholeMonths(until later: CalendarDate) -> Int {
        var months = (later.year - year) * 12 + (later.month - month)
        if months > 0, later.day < day { months -= 1 }
        if months < 0, later.day > day { months += 1 }
        return months
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before it), for
    /// timestamps of event logs.
    public var daysSinceEpoch: Int {
        // Count from March so that the leap day ends the counting year.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Orders by day.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CalendarDate {
    /// Why `text` is not a date, for the importers' messages.
    static func problem(with text: String, key: String) -> String {
        let bytes = Array(text.utf8)
        let shaped = bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || $0.element.isDecimalDigitByte }
        return shaped ? "\"\(key)\" \(text) is not a day of the calendar" : "\"\(key)\" must be a date YYYY-MM-DD, found \"\(text)\""
    }

    static let hint = "write the day as YYYY-MM-DD, e.g. 2025-03-14; the month and day must exist"
}

private extension UInt8 {
    var isDecimalDigitByte: Bool { (0x30...0x39).contains(self) }
}
