/// Small text operations shared by importers, writers and reporters (JourneyKit does not use
/// Foundation, so these are written once here rather than in each file that needs them).
extension String {
    /// Without the leading and trailing characters for which `isTrimmed` holds.
    func trimming(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Without leading and trailing spaces.
    var trimmingSpaces: String { trimming(where: { $0 == " " }) }

    /// Without trailing spaces (aligned table cells padded to a width).
    func trimmingTrailingSpaces() -> String {
        var result = self[...]
        while result.last == " " { result.removeLast() }
        return String(result)
    }

    /// Each line feed replaced by `replacement` (a multi-line text on one output line).
    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The lines of a text: `\r\n`, `\r` and `\n` all end a line.
    var lines: [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in unicodeScalars {
            if scalar == "\n", previousWasReturn {
                previousWasReturn = false
                continue
            }
            previousWasReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    /// The rest of the text after `prefix`, or `nil` when it does not start with it.
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}

/// The UTF-8 byte order mark, which both importers accept (and skip) at the start of a file.
enum ByteOrderMark {
    static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The number of bytes a UTF-8 byte order mark takes at the start of `bytes`: 3 or 0.
    static func length(in bytes: some Collection<UInt8>) -> Int {
        bytes.starts(with: utf8) ? utf8.count : 0
    }
}
