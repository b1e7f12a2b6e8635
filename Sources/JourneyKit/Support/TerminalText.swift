/// Makes text that came from a journey file safe to print on a terminal.
///
/// A name could hold escape sequences that recolour or rewrite the user's terminal, or
/// right-to-left overrides that make a message read differently from what it says; these
/// are shown as visible `\u{…}` escapes instead.
public enum TerminalText {
    /// The text with control characters and bidirectional overrides shown as `\u{…}` escapes.
    /// A first-strong isolate closed by a pop before any other bidirectional control (what
    /// `isolated(_:)` wraps a name in) is kept: it can only keep its content in place.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == firstStrongIsolate, let end = scalars[(index + 1)...].firstIndex(where: isBidirectionalControl),
               scalars[end] == popIsolate, !scalars[index..<end].contains(where: isUnsafeInIsolate) {
                result.unicodeScalars.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if isUnsafe(scalar) { result += escaped(scalar) } else { result.unicodeScalars.append(scalar) }
            index += 1
        }
        return result
    }

    /// An id (or key) as a message shows it: every character that does not show on its own —
    /// zero-width spaces and joiners, bidirectional marks, soft hyphens, white space other than
    /// the space, controls — as a `\u{…}` escape, so that `book\u{200B}-consult` cannot pass
    /// for `book-consult` (issue 17). Valid ids are ASCII and come back unchanged.
    public static func visibleID(_ id: String) -> String {
        guard !id.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F }) else { return id }
        var result = ""
        for scalar in id.unicodeScalars {
            let properties = scalar.properties
            if isUnsafe(scalar) || properties.isDefaultIgnorableCodePoint || (properties.isWhitespace && scalar != " ")
                || properties.generalCategory == .format || properties.generalCategory == .unassigned {
                result += escaped(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A name as a message quotes it: sanitised, and when it holds right-to-left letters,
    /// wrapped in a first-strong isolate, so that it cannot reorder the words, quotes and
    /// numbers of the message around it in a terminal that applies the bidirectional algorithm.
    public static func isolated(_ name: String) -> String {
        let safe = sanitize(name)
        guard safe.unicodeScalars.contains(where: isRightToLeft) else { return safe }
        return String(firstStrongIsolate) + safe + String(popIsolate)
    }

    private static let firstStrongIsolate: Unicode.Scalar = "\u{2068}"
    private static let popIsolate: Unicode.Scalar = "\u{2069}"

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    private static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// What may not stand inside a kept isolate: anything unsafe but the isolate itself.
    private static func isUnsafeInIsolate(_ scalar: Unicode.Scalar) -> Bool {
        scalar != firstStrongIsolate && isUnsafe(scalar)
    }

    private static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFE, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }

    /// Like `sanitize`, but keeps line breaks: for multi-line text such as a file shown as is.
    public static func sanitizeKeepingLineBreaks(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitize(String($0)) }.joined(separator: "\n")
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls, including ESC and newlines
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional marks and overrides
        default: false
        }
    }
}

/// ANSI styles for terminal output; plain when colour is off.
struct TerminalStyle {
    var enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func red(_ text: String) -> String { wrap(text, "1;31") }
    func yellow(_ text: String) -> String { wrap(text, "1;33") }
    func cyan(_ text: String) -> String { wrap(text, "1;36") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
