/// Writes a laid-out map page as a standalone SVG 1.1 document.
///
/// Presentation attributes rather than a style sheet, so that several maps inlined in one
/// HTML page cannot restyle each other. Numbers have at most one decimal: same input, same bytes.
///
/// The document is written as UTF-8 bytes and made a String once: appending interpolated
/// Strings piece by piece was most of the map's rendering time (issue 13).
enum MapSVGWriter {
    static func svg(_ page: MapPage) -> String {
        var out = SVGBytes()
        out.bytes.reserveCapacity(page.nodes.count * 400 + 1024)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
        out.attribute("width", page.width)
        out.attribute("height", page.height)
        out.append(" viewBox=\"0 0 ")
        out.number(page.width)
        out.append(" ")
        out.number(page.height)
        out.append("\" font-family=\"")
        out.escaped(MapFontMetrics.fontFamily, inAttribute: true)
        out.append("\">\n<title>")
        out.escaped(page.title)
        out.append("</title>\n<desc>")
        out.escaped(page.description)
        out.append("</desc>\n")
        for node in page.nodes { write(node, into: &out) }
        out.append("</svg>\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private static func write(_ node: MapNode, into out: inout SVGBytes) {
        switch node {
        case let .group(attributes, tooltip, children):
            out.append("<g")
            attributesOf(attributes, into: &out)
            out.append(">\n")
            if let tooltip {
                out.append("<title>")
                out.escaped(tooltip)
                out.append("</title>\n")
            }
            for child in children { write(child, into: &out) }
            out.append("</g>\n")
        case let .rect(frame, paint):
            out.append("<rect")
            out.attribute("x", frame.x)
            out.attribute("y", frame.y)
            out.attribute("width", frame.width)
            out.attribute("height", frame.height)
            if paint.cornerRadius > 0 { out.attribute("rx", paint.cornerRadius) }
            paintAttributes(paint, into: &out)
            out.append("/>\n")
        case let .line(from, to, paint):
            out.append("<line")
            out.attribute("x1", from.x)
            out.attribute("y1", from.y)
            out.attribute("x2", to.x)
            out.attribute("y2", to.y)
            paintAttributes(paint, into: &out)
            out.append("/>\n")
        case let .path(runs, paint, attributes):
            out.append("<path")
            attributesOf(attributes, into: &out)
            out.append(" d=\"")
            var isEmpty = true
            for run in runs {
                for (index, point) in run.enumerated() {
                    if !isEmpty { out.append(" ") }
                    isEmpty = false
                    out.append(index == 0 ? "M" : "L")
                    out.number(point.x)
                    out.append(" ")
                    out.number(point.y)
                }
            }
            // An empty path draws nothing but keeps the hook (a line with no emotion given).
            if isEmpty { out.append("M0 0") }
            out.append("\"")
            var paint = paint
            paint.fill = "none"
            paintAttributes(paint, into: &out)
            out.append(" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n")
        case let .circle(center, radius, paint):
            out.append("<circle")
            out.attribute("cx", center.x)
            out.attribute("cy", center.y)
            out.attribute("r", radius)
            paintAttributes(paint, into: &out)
            out.append("/>\n")
        case let .text(run):
            out.append("<text")
            out.attribute("x", run.x)
            out.attribute("y", run.y)
            out.attribute("font-size", run.size)
            if run.bold { out.append(" font-weight=\"bold\"") }
            if run.italic { out.append(" font-style=\"italic\"") }
            switch run.anchor {
            case .start: break
            case .middle: out.append(" text-anchor=\"middle\"")
            case .end: out.append(" text-anchor=\"end\"")
            }
            out.append(" fill=\"")
            out.verbatim(run.color)
            out.append("\">")
            out.escaped(run.text)
            out.append("</text>\n")
        }
    }

    private static func attributesOf(_ attributes: [MapAttribute], into out: inout SVGBytes) {
        for attribute in attributes {
            out.append(" ")
            out.verbatim(attribute.name)
            out.append("=\"")
            out.escaped(attribute.value, inAttribute: true)
            out.append("\"")
        }
    }

    private static func paintAttributes(_ paint: MapPaint, into out: inout SVGBytes) {
        out.append(" fill=\"")
        if let fill = paint.fill { out.verbatim(fill) } else { out.append("none") }
        out.append("\"")
        if let stroke = paint.stroke {
            out.append(" stroke=\"")
            out.verbatim(stroke)
            out.append("\"")
            if paint.strokeWidth != 1 { out.attribute("stroke-width", paint.strokeWidth) }
            if let dash = paint.dash {
                out.append(" stroke-dasharray=\"")
                out.verbatim(dash)
                out.append("\"")
            }
        }
    }

    /// A number with at most one decimal, without a trailing ".0".
    static func number(_ value: Double) -> String {
        var out = SVGBytes()
        out.number(value)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// UTF-8 bytes of an XML document being written: literals, numbers and escaped text appended
/// without building intermediate Strings.
struct SVGBytes {
    var bytes: [UInt8] = []

    /// A literal of the writer's own (markup, attribute names).
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A value of the map's own that needs no escaping (colours, dash patterns, attribute names).
    mutating func verbatim(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// ` name="value"`: an attribute holding a number.
    mutating func attribute(_ name: StaticString, _ value: Double) {
        bytes.append(UInt8(ascii: " "))
        append(name)
        append("=\"")
        number(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number with at most one decimal, without a trailing ".0".
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        decimal(magnitude / 10)
        if magnitude % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    private mutating func decimal(_ value: UInt) {
        if value >= 10 { decimal(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Text escaped for XML character data or a double-quoted attribute value; scalars XML 1.0
    /// does not allow (C0 controls, U+FFFE, U+FFFF) become U+FFFD, and line ends and tabs in
    /// attributes are kept as references. Works on the UTF-8 bytes: every byte that needs
    /// escaping is ASCII, and U+FFFE/U+FFFF are the only three-byte sequences EF BF BE/BF.
    mutating func escaped(_ text: String, inAttribute: Bool = false) {
        var text = text
        text.withUTF8 { source in
            // Most texts need nothing: copied in one go.
            guard source.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == 0xEF }) else {
                bytes.append(contentsOf: source)
                return
            }
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
                case 0x00..<0x20: append("\u{FFFD}")
                case 0xEF where index + 2 < source.count && source[index + 1] == 0xBF && (source[index + 2] == 0xBE || source[index + 2] == 0xBF):
                    append("\u{FFFD}")
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
    }
}
