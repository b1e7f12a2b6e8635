/// UTF-8 bytes of a document being written: literals, numbers and escaped text appended
/// without building intermediate Strings.
///
/// Exporters write into it and make one String at the end: appending interpolated Strings
/// piece by piece and escaping Character by Character was most of their time (issues 13, 19).
struct UTF8Text {
    var bytes: [UInt8] = []

    init() {}

    /// The text written so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// A literal of the writer's own (markup, keywords, attribute names).
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A value of the writer's own that needs no escaping (colours, ids already checked).
    mutating func verbatim(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Two spaces per level of nesting, copied in one go: the JSON and XML writers indent every
    /// line, and appending two bytes at a time was a fifth of their time.
    mutating func indentation(_ levels: Int) {
        var remaining = 2 * levels
        while remaining > 0 {
            let count = min(remaining, Self.spaces.count)
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
            remaining -= count
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// A whole number in decimal digits.
    mutating func decimal<Number: BinaryInteger>(_ value: Number) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            decimal(value.magnitude)
            return
        }
        if value >= 10 { decimal(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Text escaped for XML character data or a double-quoted attribute value, the one XML
    /// escaping of every XML writer. Scalars XML 1.0 does not allow (C0 controls, U+FFFE,
    /// U+FFFF) become U+FFFD, and line ends and tabs in attributes are kept as references.
    /// With `referencingControls`, DEL and the C1 controls become character references too,
    /// so that a parser gives back exactly the same text (the journey writer).
    ///
    /// Works on the UTF-8 bytes: every byte that needs escaping is ASCII, U+FFFE/U+FFFF are the
    /// only three-byte sequences EF BF BE/BF, and the C1 controls are C2 80 to C2 9F.
    ///
    /// - Returns: The first scalar XML 1.0 cannot hold, written as U+FFFD; nil when there was none.
    @discardableResult
    mutating func escapedXML(_ text: String, inAttribute: Bool = false, referencingControls: Bool = false) -> Unicode.Scalar? {
        var text = text
        return text.withUTF8 { source -> Unicode.Scalar? in
            // Most texts need nothing: copied in one go.
            guard source.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == 0xEF || (referencingControls && ($0 == 0x7F || $0 == 0xC2)) }) else {
                bytes.append(contentsOf: source)
                return nil
            }
            var unrepresentable: Unicode.Scalar?
            var index = 0
            while index < source.count {
                let byte = source[index]
                switch byte {
                case UInt8(ascii: "&"): append("&amp;")
                case UInt8(ascii: "<"): append("&lt;")
                case UInt8(ascii: ">"): append("&gt;")
                case UInt8(ascii: "\""): if inAttribute { append("&quot;") } else { bytes.append(byte) }
                case 0x0A: if inAttribute { append("&#10;") } else { bytes.append(byte) }
                case 0x0D: append("&#13;")
                case 0x09: if inAttribute { append("&#9;") } else { bytes.append(byte) }
                case 0x00..<0x20:
                    unrepresentable = unrepresentable ?? Unicode.Scalar(byte)
                    append("\u{FFFD}")
                case 0xEF where index + 2 < source.count && source[index + 1] == 0xBF && (source[index + 2] == 0xBE || source[index + 2] == 0xBF):
                    unrepresentable = unrepresentable ?? (source[index + 2] == 0xBE ? "\u{FFFE}" : "\u{FFFF}")
                    append("\u{FFFD}")
                    index += 2
                case 0x7F where referencingControls:
                    append("&#x7F;")
                case 0xC2 where referencingControls && index + 1 < source.count && (0x80...0x9F).contains(source[index + 1]):
                    // U+0080 to U+009F: the second byte is the scalar's value.
                    append("&#x")
                    let value = source[index + 1]
                    bytes.append(Self.uppercaseHexDigits[Int(value >> 4)])
                    bytes.append(Self.uppercaseHexDigits[Int(value & 0x0F)])
                    append(";")
                    index += 1
                default: bytes.append(byte)
                }
                index += 1
            }
            return unrepresentable
        }
    }

    private static let uppercaseHexDigits = Array("0123456789ABCDEF".utf8)
}
