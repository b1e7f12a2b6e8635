/// ISO 8601 date-times as event logs write them: `2026-10-31T09:15:00Z`, `2026-10-31 09:15`,
/// `2026-10-31T09:15:00.250+01:00`. Without an offset the time is UTC.
enum Timestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z, or `nil` when the text is not a date-time.
    static func milliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { milliseconds(utf8: $0) }
    }

    /// `milliseconds(_:)` of the text in the UTF-8 `bytes`: event logs are read as bytes, and
    /// every character of a date-time is ASCII.
    static func milliseconds(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        // YYYY-MM-DD, then T or a space, then HH:MM.
        guard bytes.count >= 16, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let date = CalendarDate(year: year, month: month, day: day),
              let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"), let minute = number(bytes, 14, 2),
              hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        var millisecond = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let value = number(bytes, index + 1, 2), value < 61 else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var digits = 0
                while index < bytes.count, isDigit(bytes[index]) {
                    // Only milliseconds count; finer digits are read and dropped.
                    if digits < 3 { millisecond = millisecond * 10 + Int(bytes[index] - 48) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 3) { millisecond *= 10 }
            }
        }
        var offsetMinutes = 0
        if index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard let hours = number(bytes, index + 1, 2) else { return nil }
                index += 3
                var minutes = 0
                if index < bytes.count {
                    if bytes[index] == UInt8(ascii: ":") { index += 1 }
                    guard let value = number(bytes, index, 2) else { return nil }
                    minutes = value
                    index += 2
                }
                guard hours < 24, minutes < 60 else { return nil }
                offsetMinutes = (hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        let days = date.daysSinceEpoch
        let seconds = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second
        return Int64(seconds) * 1_000 + Int64(millisecond)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// The decimal number in `count` digits at `start`, or `nil`.
    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
