/// Recognises files saved in a Unicode encoding other than UTF-8, so that a journey saved as
/// UTF-16 by an editor is reported as such rather than as a syntax error at its first NUL byte.
enum TextEncoding {
    /// The encoding of a file that is UTF-16 or UTF-32 rather than UTF-8, e.g. "UTF-16", by its
    /// byte order mark or, without one, by the pattern of zero bytes around its first character
    /// (which is ASCII in any journey file: `{`, `<` or white space). `nil` for anything else.
    static func otherUnicodeEncoding(of bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(4))
        func starts(_ prefix: [UInt8]) -> Bool { head.starts(with: prefix) }
        // UTF-32 first: its little-endian mark begins with UTF-16's.
        if starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32" }
        if starts([0xFE, 0xFF]) || starts([0xFF, 0xFE]) { return "UTF-16" }
        guard head.count >= 2 else { return nil }
        if head.count == 4 {
            if head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return "UTF-32" }
            if head[0] != 0, head[1] == 0, head[2] == 0, head[3] == 0 { return "UTF-32" }
            // The unusual byte orders 2143 and 3412, which libxml2 detects and then reports
            // on standard error as unsupported (found by fuzzing).
            if head[0] == 0, head[1] == 0, head[2] != 0, head[3] == 0 { return "UTF-32" }
            if head[0] == 0, head[1] != 0, head[2] == 0, head[3] == 0 { return "UTF-32" }
        }
        if head[0] == 0, head[1] != 0, head[1] < 0x80 { return "UTF-16" }
        if head[0] != 0, head[0] < 0x80, head[1] == 0 { return "UTF-16" }
        return nil
    }

    /// The message for a file in `encoding`, the same for every format.
    static func message(for encoding: String) -> String {
        "the file is \(encoding); save it as UTF-8"
    }

    static let hint = "cjm reads journey files in UTF-8 only; most editors offer the encoding in \"Save As\""
}
