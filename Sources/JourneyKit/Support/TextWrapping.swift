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
