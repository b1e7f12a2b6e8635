/// Breaks names into short lines so that diagram boxes stay compact, counting what a reader
/// sees: grapheme clusters (a letter with its accents, a flag, a family emoji is one), with
/// East Asian wide characters and emoji taking two columns.
enum TextWrapping {
    /// The columns one user-perceived character takes on screen: 0, 1 or 2.
    static func columns(of character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            let properties = scalar.properties
            if scalar.value == 0xFE0F || properties.isEmojiPresentation || isWide(scalar.value) {
                return 2
            }
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: continue
            default: width = 1
            }
        }
        return width
    }

    /// The columns a whole string takes on screen.
    static func columns(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    /// The lines of `text`, each at most `width` columns where possible.
    ///
    /// Lines break at spaces; a word wider than a line is cut between characters, which is
    /// also how CJK text without spaces wraps. Typed line breaks are kept.
    static func wrap(_ text: String, width: Int) -> [String] {
        text.lines.flatMap { wrapLine($0, width: max(width, 2)) }
    }

    private static func wrapLine(_ line: String, width: Int) -> [String] {
        guard columns(of: line) > width else { return [line] }
        var lines: [String] = []
        var current = ""
        var currentColumns = 0
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            let wordColumns = columns(of: word)
            if currentColumns > 0, currentColumns + 1 + wordColumns <= width {
                current += " " + word
                currentColumns += 1 + wordColumns
                continue
            }
            if currentColumns > 0 {
                lines.append(current)
                current = ""
                currentColumns = 0
            }
            if wordColumns <= width {
                current = String(word)
                currentColumns = wordColumns
                continue
            }
            // A word longer than a line: cut it between characters.
            for character in word {
                let characterColumns = columns(of: character)
                if currentColumns + characterColumns > width, currentColumns > 0 {
                    lines.append(current)
                    current = ""
                    currentColumns = 0
                }
                current.append(character)
                currentColumns += characterColumns
            }
        }
        if currentColumns > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// East Asian Wide and Fullwidth ranges (Unicode UAX #11), the ones that matter for names.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}

extension TextWrapping {
    /// Breaks one paragraph into lines at spaces, greedily, working on its UTF-8 bytes: the
    /// algorithm of `wrap` and of the map's `MapText.wrap`, for a text the caller has checked to
    /// hold only Characters that are one scalar each (printable ASCII, most Latin letters). There
    /// a word is a run of bytes between spaces, and the Characters of an over-long word are its
    /// scalars. Spares a String per word and per line: wrapping was the largest part of the map's
    /// layout and of the DOT export (issues 13, 19).
    ///
    /// - Parameters:
    ///   - width: The width of a line; `measure` gives the width of a word or of one Character.
    ///   - piece: Called with each piece of text in order, and whether it starts a line; the
    ///     pieces of one line are joined with one space. Not called for a text without words.
    static func breakLines(_ bytes: UnsafeBufferPointer<UInt8>, width: Double, spaceWidth: Double,
                           measure: (UnsafeBufferPointer<UInt8>) -> Double,
                           piece: (UnsafeBufferPointer<UInt8>, _ startsLine: Bool) -> Void) {
        let space = UInt8(ascii: " ")
        var lineWidth = 0.0
        var lineIsEmpty = true
        var start = 0
        while start < bytes.count {
            guard bytes[start] != space else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count, bytes[end] != space { end += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end
            let wordWidth = measure(word)
            if !lineIsEmpty, lineWidth + spaceWidth + wordWidth <= width {
                piece(word, false)
                lineWidth += spaceWidth + wordWidth
                continue
            }
            if wordWidth <= width {
                piece(word, true)
                lineWidth = wordWidth
                lineIsEmpty = false
                continue
            }
            // An over-long word (a URL, a long id): cut between its Characters, here its scalars
            // (a byte that is not a UTF-8 continuation byte starts one).
            lineWidth = 0
            var cut = 0
            var scalarStart = 0
            while scalarStart < word.count {
                var scalarEnd = scalarStart + 1
                while scalarEnd < word.count, word[scalarEnd] & 0xC0 == 0x80 { scalarEnd += 1 }
                let characterWidth = measure(UnsafeBufferPointer(rebasing: word[scalarStart..<scalarEnd]))
                if scalarStart > cut, lineWidth + characterWidth > width {
                    piece(UnsafeBufferPointer(rebasing: word[cut..<scalarStart]), true)
                    cut = scalarStart
                    lineWidth = 0
                }
                lineWidth += characterWidth
                scalarStart = scalarEnd
            }
            // The rest of the word starts a line that the next words may join.
            piece(UnsafeBufferPointer(rebasing: word[cut...]), true)
            lineIsEmpty = false
        }
    }

    /// Whether every Character of `bytes` (UTF-8) is one scalar one column wide with no line
    /// break: printable ASCII, the Latin letters and signs from U+00A0 to U+02FF (not the soft
    /// hyphen) and the general punctuation (dashes, quotes, "·", "…"). For such a text `wrap`
    /// can count scalars and cut at bytes; any other text takes the Character path.
    static func isSingleColumnText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20..<0x7F:
                index += 1
            case 0xC2...0xCB:
                // U+0080…U+02FF; the C1 controls (C2 80…9F) and the soft hyphen (C2 AD) are not.
                guard index + 1 < bytes.count else { return false }
                let next = bytes[index + 1]
                guard next & 0xC0 == 0x80, byte != 0xC2 || (next >= 0xA0 && next != 0xAD) else { return false }
                index += 2
            case 0xE2:
                // U+2010…U+2027 and U+2030…U+205E: E2 80 90…A7, E2 80 B0…BF, E2 81 80…9E.
                guard index + 2 < bytes.count, bytes[index + 2] & 0xC0 == 0x80 else { return false }
                let second = bytes[index + 1], third = bytes[index + 2]
                guard (second == 0x80 && ((0x90...0xA7).contains(third) || third >= 0xB0)) || (second == 0x81 && third <= 0x9E) else { return false }
                index += 3
            default:
                return false
            }
        }
        return true
    }
}
