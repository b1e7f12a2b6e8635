/// Wrapped texts already measured for one map: the layout asks for the same text at the same
/// width while it paginates, sizes lanes and draws.
final class MapTextCache {
    private struct Key: Hashable {
        var text: String
        var width: Double
        var size: Double
        var bold: Bool
    }

    private var wraps: [Key: [String]] = [:]

    /// `MapText.wrap`, remembered.
    func wrap(_ text: String, width: Double, size: Double, bold: Bool) -> [String] {
        let key = Key(text: text, width: width, size: size, bold: bold)
        if let lines = wraps[key] { return lines }
        let lines = MapText.wrap(text, width: width, size: size, bold: bold)
        wraps[key] = lines
        return lines
    }

    /// `MapText.fit`, on a remembered wrap.
    func fit(_ text: String, width: Double, size: Double, bold: Bool, maxLines: Int, suffix: String = "") -> MapText.Fit {
        MapText.fit(text, width: width, size: size, bold: bold, maxLines: maxLines, suffix: suffix,
                    wrapped: wrap(text, width: width, size: size, bold: bold))
    }
}

/// Text on the map: wrapping to a width in font units, cutting with "…", and XML escaping.
///
/// Works on Unicode scalars (and on Characters only to split an over-long word, so that a
/// combining mark stays with its letter).
enum MapText {
    /// The ellipsis that ends a cut text.
    static let ellipsis = "…"

    /// A text wrapped into at most a number of lines.
    struct Fit: Equatable {
        /// The lines to draw.
        var lines: [String]
        /// Whether some of the text did not fit: the last line ends with "…".
        var isCut: Bool
    }

    /// The text made drawable: control characters become spaces, line ends become "\n".
    static func cleaned(_ text: String) -> String {
        // Most texts have none of the scalars below: their UTF-8 starts with a byte under 0x20,
        // 0x7F, 0xC2 (C1 controls), 0xE2 (U+2028, U+2029) or 0xEF (U+FFFE, U+FFFF).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                if !previousWasCR { result.unicodeScalars.append("\n") }
            case 0x0D:
                result.unicodeScalars.append("\n")
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029:
                result.unicodeScalars.append(" ")
            case 0xFFFE, 0xFFFF:
                result.unicodeScalars.append("\u{FFFD}")
            default:
                result.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar.value == 0x0D
        }
        return result
    }

    /// The lines of `text` wrapped at spaces to `width` units; a word wider than a line is split.
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool) -> [String] {
        wrapOnBytes(text, width: width, size: size, bold: bold) ?? wrapCharacters(text, width: width, size: size, bold: bold)
    }

    /// `wrap` for any text, on its Characters.
    static func wrapCharacters(_ text: String, width: Double, size: Double, bold: Bool) -> [String] {
        let spaceWidth = MapFontMetrics.width(" ", size: size, bold: bold)
        var lines: [String] = []
        for paragraph in cleaned(text).split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0.0
            for word in paragraph.split(separator: " ") {
                let wordWidth = MapFontMetrics.width(word, size: size, bold: bold)
                if !line.isEmpty, lineWidth + spaceWidth + wordWidth <= width {
                    line += " "
                    line += word
                    lineWidth += spaceWidth + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                if wordWidth <= width {
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                // An over-long word (a URL, a name in a script without spaces): split it.
                line = ""
                lineWidth = 0
                for character in word {
                    let characterWidth = MapFontMetrics.width(character.unicodeScalars, size: size, bold: bold)
                    if !line.isEmpty, lineWidth + characterWidth > width {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += characterWidth
                }
            }
            if !line.isEmpty || lines.isEmpty || paragraph.isEmpty { lines.append(line) }
        }
        // Blank lines at the ends draw nothing but take room.
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        while lines.count > 1, lines.first?.isEmpty == true { lines.removeFirst() }
        return lines
    }

    /// `wrap` for a text that `cleaned` leaves as it is (most names and notes): the same lines,
    /// worked out on its bytes, or nil for any other text and for a word wider than a line that
    /// is not printable ASCII (it is cut between Characters, which the general code does). In
    /// printable ASCII a byte is a Character; elsewhere words are measured scalar by scalar, as
    /// the general code does. Wrapping was the largest part of the map's layout time (issue 13),
    /// and texts with a dash or an accent went the slow way until issue 19.
    static func wrapOnBytes(_ text: String, width: Double, size: Double, bold: Bool) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard !needsCleaning(bytes) else { return nil }
            var lines: [String] = []
            var line: [UInt8] = []
            var cutsCharacters = false
            TextWrapping.breakLines(bytes, width: width, spaceWidth: MapFontMetrics.width(" ", size: size, bold: bold),
                                    measure: { piece in
                                        if let width = MapFontMetrics.asciiWidth(piece, size: size, bold: bold) { return width }
                                        let pieceWidth = MapFontMetrics.width(utf8: piece, size: size, bold: bold)
                                        if pieceWidth > width { cutsCharacters = true }
                                        return pieceWidth
                                    }) { piece, startsLine in
                if startsLine, !line.isEmpty {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                }
                if !line.isEmpty { line.append(UInt8(ascii: " ")) }
                line.append(contentsOf: piece)
            }
            if !line.isEmpty || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
            return cutsCharacters ? nil : lines
        }
    }

    /// Whether `cleaned` would change the text: a C0 control (line ends among them), DEL, a C1
    /// control (C2 80–9F), U+2028/U+2029 (E2 80 A8/A9) or U+FFFE/U+FFFF (EF BF BE/BF).
    private static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return true }
            guard byte == 0xC2 || byte == 0xE2 || byte == 0xEF, index + 1 < bytes.count else { continue }
            let second = bytes[index + 1]
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch byte {
            case 0xC2: if second >= 0x80 && second <= 0x9F { return true }
            case 0xE2: if second == 0x80 && (third == 0xA8 || third == 0xA9) { return true }
            default: if second == 0xBF && (third == 0xBE || third == 0xBF) { return true }
            }
        }
        return false
    }

    /// `text` wrapped to `width` in at most `maxLines` lines, the last one cut with "…" (and
    /// ending in `suffix`, e.g. " +2", when given) if the text is longer.
    static func fit(_ text: String, width: Double, size: Double, bold: Bool, maxLines: Int, suffix: String = "",
                    wrapped: [String]? = nil) -> Fit {
        guard maxLines > 0 else { return Fit(lines: [], isCut: true) }
        var lines = wrapped ?? wrap(text, width: width, size: size, bold: bold)
        guard lines.count > maxLines || !suffix.isEmpty else { return Fit(lines: lines, isCut: false) }
        let isCut = lines.count > maxLines
        lines.removeLast(max(0, lines.count - maxLines))
        let ending = (isCut ? ellipsis : "") + suffix
        lines[lines.count - 1] = truncated(lines[lines.count - 1], toFit: width, ending: ending, size: size, bold: bold)
        return Fit(lines: lines, isCut: isCut || lines.last?.hasSuffix(ellipsis + suffix) == true)
    }

    /// `line` shortened, Character by Character, until it fits `width` with `ending` after it.
    static func truncated(_ line: String, toFit width: Double, ending: String, size: Double, bold: Bool) -> String {
        if MapFontMetrics.width(line, size: size, bold: bold) + MapFontMetrics.width(ending, size: size, bold: bold) <= width {
            return line + ending
        }
        let ending = ending.hasPrefix(ellipsis) ? ending : ellipsis + ending
        let endingWidth = MapFontMetrics.width(ending, size: size, bold: bold)
        var kept = Substring(line)
        while !kept.isEmpty, MapFontMetrics.width(kept, size: size, bold: bold) + endingWidth > width {
            kept.removeLast()
        }
        while kept.last == " " { kept.removeLast() }
        return kept + ending
    }

    /// The text escaped for XML character data or a double-quoted attribute value; scalars XML
    /// 1.0 does not allow become U+FFFD, and line ends in attributes are kept as references.
    static func escaped(_ text: String, inAttribute: Bool = false) -> String {
        var out = UTF8Text()
        out.escapedXML(text, inAttribute: inAttribute)
        return out.string
    }
}
