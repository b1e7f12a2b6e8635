/// How wide text is in the map's font, so that the map wraps without a font engine.
///
/// The map asks for Arial, Helvetica or Liberation Sans, which share their advance widths;
/// the tables (MapFontMetrics+Tables.swift) are Liberation Sans's. Scalars outside them are
/// estimated on the wide side (a fallback font draws them), so text never overflows its box.
enum MapFontMetrics {
    /// The font stack written into the SVG: metric-compatible faces on Windows, macOS and Linux.
    static let fontFamily = "Arial, Helvetica, 'Liberation Sans', sans-serif"

    /// Where each range starts in the width tables.
    private static let offsets: [Int] = {
        var offsets: [Int] = []
        var offset = 0
        for range in ranges {
            offsets.append(offset)
            offset += Int(range.upperBound - range.lowerBound) + 1
        }
        return offsets
    }()

    /// The advance of one scalar in 1/2048 em.
    static func advance(of scalar: Unicode.Scalar, bold: Bool) -> Int {
        let value = scalar.value
        if isZeroWidth(value) { return 0 }
        if value < 0x250, value >= 0x20 {
            let width = Int((bold ? boldWidths : regularWidths)[Int(value - 0x20)])
            if width > 0 { return width }
        } else if let index = ranges.firstIndex(where: { $0.contains(value) }) {
            let width = Int((bold ? boldWidths : regularWidths)[offsets[index] + Int(value - ranges[index].lowerBound)])
            if width > 0 { return width }
        }
        return fallbackAdvance(value)
    }

    /// The width of `text` at `size` units.
    static func width<S: Sequence<Unicode.Scalar>>(_ text: S, size: Double, bold: Bool) -> Double {
        var total = 0
        for scalar in text { total += advance(of: scalar, bold: bold) }
        return Double(total) * size / 2048
    }

    /// The width of a string at `size` units.
    static func width(_ text: String, size: Double, bold: Bool) -> Double {
        asciiWidth(text.utf8, size: size, bold: bold) ?? width(text.unicodeScalars, size: size, bold: bold)
    }

    /// The width of a substring at `size` units.
    static func width(_ text: Substring, size: Double, bold: Bool) -> Double {
        asciiWidth(text.utf8, size: size, bold: bold) ?? width(text.unicodeScalars, size: size, bold: bold)
    }

    /// The width of text given as (valid) UTF-8 bytes, scalar by scalar as `width(_:size:bold:)`.
    static func width(utf8 bytes: UnsafeBufferPointer<UInt8>, size: Double, bold: Bool) -> Double {
        var total = 0
        var index = 0
        while index < bytes.count {
            let lead = UInt32(bytes[index])
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = length == 1 ? lead : lead & (0xFF >> (length + 1))
            for offset in 1..<max(1, length) where index + offset < bytes.count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            if let scalar = Unicode.Scalar(value) { total += advance(of: scalar, bold: bold) }
            index += length
        }
        return Double(total) * size / 2048
    }

    /// The width of printable ASCII text straight from its bytes (most names and notes), or nil
    /// for text with other characters. The same numbers as `advance(of:)`, only faster.
    static func asciiWidth<Bytes: Collection<UInt8>>(_ bytes: Bytes, size: Double, bold: Bool) -> Double? {
        let table = bold ? boldWidths : regularWidths
        var total = 0
        for byte in bytes {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            total += Int(table[Int(byte) - 0x20])
        }
        return Double(total) * size / 2048
    }

    /// Combining marks, joiners, direction marks and variation selectors take no room of their own.
    private static func isZeroWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0x300...0x36F, 0x483...0x489, 0x591...0x5BD, 0x5BF, 0x5C1...0x5C2, 0x5C4...0x5C5, 0x5C7,
             0x610...0x61A, 0x64B...0x65F, 0x670, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
             0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0x20D0...0x20FF,
             0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF, 0xE0000...0xE01EF:
            true
        default:
            false
        }
    }

    /// A wide estimate for scalars the tables do not have: full-width for CJK, more for emoji.
    private static func fallbackAdvance(_ value: UInt32) -> Int {
        switch value {
        case 0x1F000...0x1FAFF: 2560 // emoji, drawn by a colour font a little wider than 1 em
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            2048
        case 0x2600...0x27BF, 0x2B00...0x2BFF: 2048 // symbols such as ★
        default: 1434 // 0.7 em: wider than any Latin lower-case letter
        }
    }
}
