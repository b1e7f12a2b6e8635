/// DOT escaping and wrapping on UTF-8 bytes, straight into the document being written: the
/// rules of `DOTEscaping` (which calls these), without a String per label, line or word.
///
/// Every byte that needs escaping is ASCII or starts one of the few sequences that `visible`
/// replaces (C2 80…9F: the C1 controls; EF BF BE/BF: U+FFFE, U+FFFF), so the other bytes of a
/// text are copied as they are.
extension UTF8Text {
    /// A quoted DOT string shown as a label (`DOTEscaping.quoted`); in a tooltip
    /// (`backslashAsLookAlike`) a backslash is written as `⧵` instead of doubled.
    mutating func dotQuoted(_ text: String, backslashAsLookAlike: Bool = false) {
        append("\"")
        dotQuotedText(text, backslashAsLookAlike: backslashAsLookAlike)
        append("\"")
    }

    /// What `dotQuoted` writes between the quotes, for a string written in pieces (a tooltip's lines).
    mutating func dotQuotedText(_ text: String, backslashAsLookAlike: Bool = false) {
        var text = text
        text.withUTF8 { source in
            guard source.contains(where: Self.needsQuoting) else {
                bytes.append(contentsOf: source)
                return
            }
            var index = 0
            while index < source.count {
                let byte = source[index]
                // A run of bytes that need nothing is copied in one go, not byte by byte.
                guard Self.needsQuoting(byte) else {
                    index = copyRun(source, from: index, until: Self.needsQuoting)
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): if backslashAsLookAlike { append("\u{29F5}") } else { append("\\\\") }
                case UInt8(ascii: "&"): append("&amp;")
                case 0x0D:
                    // \r\n, \r and \n all end a line.
                    append("\\n")
                    if index + 1 < source.count, source[index + 1] == 0x0A { index += 1 }
                case 0x0A: append("\\n")
                default: index = dotVisible(source, at: index) - 1
                }
                index += 1
            }
        }
    }

    /// One line of text inside an HTML-like label (`DOTEscaping.htmlLine`).
    mutating func dotHTMLLine(_ text: String) {
        var text = text
        text.withUTF8 { dotHTMLLine($0) }
    }

    /// `dotHTMLLine` of UTF-8 bytes.
    mutating func dotHTMLLine(_ source: UnsafeBufferPointer<UInt8>) {
        guard source.contains(where: Self.needsHTMLEscaping) else {
            bytes.append(contentsOf: source)
            return
        }
        var index = 0
        while index < source.count {
            let byte = source[index]
            guard Self.needsHTMLEscaping(byte) else {
                index = copyRun(source, from: index, until: Self.needsHTMLEscaping)
                continue
            }
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "]"): append("&#93;")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("<BR/>")
            default: index = dotVisible(source, at: index) - 1
            }
            index += 1
        }
    }

    /// Text wrapped to `width` columns as HTML-like label lines joined with `<BR/>`
    /// (`DOTLabel.wrapped`): on the bytes for a text of one-column Characters, else line by
    /// line from `TextWrapping.wrap`.
    mutating func dotWrapped(_ text: String, width: Int) {
        var text = text
        text.withUTF8 { source in
            guard Self.isSingleColumnDOTText(source) else {
                for (index, line) in TextWrapping.wrap(String(decoding: source, as: UTF8.self), width: width).enumerated() {
                    if index > 0 { append("<BR/>") }
                    dotHTMLLine(line)
                }
                return
            }
            let width = max(width, 2)
            // One column a scalar: the bytes that do not continue one.
            let columns = { (bytes: UnsafeBufferPointer<UInt8>) in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
            // A line that fits is kept as typed, runs of spaces and all.
            guard columns(source) > width else {
                dotHTMLLine(source)
                return
            }
            var isFirst = true
            TextWrapping.breakLines(source, width: Double(width), spaceWidth: 1, measure: { Double(columns($0)) }) { piece, startsLine in
                if !isFirst { if startsLine { append("<BR/>") } else { append(" ") } }
                isFirst = false
                dotHTMLLine(piece)
            }
        }
    }

    /// The bytes from `start` up to the first one `stops` at (or the end) copied in one go;
    /// returns where it stopped.
    private mutating func copyRun(_ source: UnsafeBufferPointer<UInt8>, from start: Int, until stops: (UInt8) -> Bool) -> Int {
        var end = start + 1
        while end < source.count, !stops(source[end]) { end += 1 }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
        return end
    }

    /// `TextWrapping.isSingleColumnText`, also for the diagram's own marks ★ (U+2605, E2 98 85)
    /// and ⚠ (U+26A0, E2 9A A0), which start a box's name or badge: each is one Character of
    /// one column (neither wide nor shown as emoji without U+FE0F, whose bytes the check
    /// refuses), so a name marked as a moment of truth wraps on its bytes too, not Character
    /// by Character (a third of the flow view's wrapping before).
    static func isSingleColumnDOTText(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentStart = 0
        var index = 0
        while index + 2 < source.count {
            if source[index] == 0xE2, (source[index + 1] == 0x98 && source[index + 2] == 0x85) || (source[index + 1] == 0x9A && source[index + 2] == 0xA0) {
                guard TextWrapping.isSingleColumnText(UnsafeBufferPointer(rebasing: source[segmentStart..<index])) else { return false }
                index += 3
                segmentStart = index
            } else {
                index += 1
            }
        }
        return TextWrapping.isSingleColumnText(UnsafeBufferPointer(rebasing: source[segmentStart...]))
    }

    /// Whether `dotQuotedText` writes a byte otherwise than as it is (or looks at what follows it).
    private static func needsQuoting(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "&") || byte >= 0x7F && mayBeInvisible(byte)
    }

    /// Whether `dotHTMLLine` writes a byte otherwise than as it is (or looks at what follows it).
    private static func needsHTMLEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || isHTMLMarkup(byte) || byte >= 0x7F && mayBeInvisible(byte)
    }

    /// Whether a byte is one `dotHTMLLine` replaces by an entity or doubles.
    private static func isHTMLMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "]"), UInt8(ascii: "\\"): true
        default: false
        }
    }

    /// Whether a byte of 0x7F or more may start what `visible` replaces: DEL, a C1 control (C2)
    /// or U+FFFE/U+FFFF (EF).
    private static func mayBeInvisible(_ byte: UInt8) -> Bool {
        byte == 0x7F || byte == 0xC2 || byte == 0xEF
    }

    /// Writes the scalar starting at `index` as `DOTEscaping.visible` shows it, and returns the
    /// index after the bytes it consumed (one byte, unless a replaced sequence).
    private mutating func dotVisible(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = source[index]
        switch byte {
        case 0x09:
            append(" ")
        case 0x00..<0x20:
            // The control pictures U+2400…U+241F: E2 90 80…9F.
            bytes.append(contentsOf: [0xE2, 0x90, 0x80 + byte])
        case 0x7F:
            append("\u{2421}")
        case 0xC2 where index + 1 < source.count && (0x80...0x9F).contains(source[index + 1]):
            append("\u{FFFD}")
            return index + 2
        case 0xEF where index + 2 < source.count && source[index + 1] == 0xBF && source[index + 2] >= 0xBE:
            append("\u{FFFD}")
            return index + 3
        default:
            bytes.append(byte)
        }
        return index + 1
    }
}

extension UTF8Text {
    /// `<FONT POINT-SIZE="…" COLOR="…">`, the content, `</FONT>` (`DOTLabel.font`).
    mutating func dotFont(size: Int? = nil, color: String? = nil, _ content: (inout UTF8Text) -> Void) {
        dotFontStart(size: size, color: color)
        content(&self)
        append("</FONT>")
    }

    /// `<FONT POINT-SIZE="…" COLOR="…">`: what `dotFont` writes before the content.
    mutating func dotFontStart(size: Int? = nil, color: String? = nil) {
        append("<FONT")
        if let size {
            append(" POINT-SIZE=\"")
            decimal(size)
            append("\"")
        }
        if let color {
            append(" COLOR=\"")
            verbatim(color)
            append("\"")
        }
        append(">")
    }
}
