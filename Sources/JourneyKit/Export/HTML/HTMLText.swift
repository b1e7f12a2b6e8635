/// Escaping for the HTML report: text, attribute values, inline SVG and URL path segments.
enum HTMLText {
    /// Text content: `&`, `<` and `>` escaped.
    static func text(_ value: String) -> String { escape(value, quotes: false) }

    /// A double-quoted attribute value: also `"` escaped.
    static func attribute(_ value: String) -> String { escape(value, quotes: true) }

    private static func escape(_ value: String, quotes: Bool) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (quotes && $0 == "\"") }) else {
            return value
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A standalone SVG document made fit for inlining in HTML: without its XML declaration.
    static func inlineSVG(_ document: String) -> String {
        let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        if document.hasPrefix(declaration) { return String(document.dropFirst(declaration.count)) }
        return document
    }

    /// A URL path segment: unreserved ASCII as is, everything else percent-encoded as UTF-8.
    static func urlPathComponent(_ value: String) -> String {
        var result = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(digits[Int(byte >> 4)])
                result.unicodeScalars.append(digits[Int(byte & 0xF)])
            }
        }
        return result
    }
}
