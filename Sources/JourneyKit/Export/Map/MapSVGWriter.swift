/// Writes a laid-out map page as a standalone SVG 1.1 document.
///
/// Presentation attributes rather than a style sheet, so that several maps inlined in one
/// HTML page cannot restyle each other. Numbers have at most one decimal: same input, same bytes.
///
/// The document is written as UTF-8 bytes and made a String once: appending interpolated
/// Strings piece by piece was most of the map's rendering time (issue 13).
enum MapSVGWriter {
    static func svg(_ page: MapPage) -> String {
        var out = UTF8Text()
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
        out.escapedXML(MapFontMetrics.fontFamily, inAttribute: true)
        out.append("\">\n<title>")
        out.escapedXML(page.title)
        out.append("</title>\n<desc>")
        out.escapedXML(page.description)
        out.append("</desc>\n")
        for node in page.nodes { write(node, into: &out) }
        out.append("</svg>\n")
        return out.string
    }

    private static func write(_ node: MapNode, into out: inout UTF8Text) {
        switch node {
        case let .group(attributes, tooltip, children):
            out.append("<g")
            attributesOf(attributes, into: &out)
            out.append(">\n")
            if let tooltip {
                out.append("<title>")
                out.escapedXML(tooltip)
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
            out.escapedXML(run.text)
            out.append("</text>\n")
        }
    }

    private static func attributesOf(_ attributes: [MapAttribute], into out: inout UTF8Text) {
        for attribute in attributes {
            out.append(" ")
            out.verbatim(attribute.name)
            out.append("=\"")
            out.escapedXML(attribute.value, inAttribute: true)
            out.append("\"")
        }
    }

    private static func paintAttributes(_ paint: MapPaint, into out: inout UTF8Text) {
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
        var out = UTF8Text()
        out.number(value)
        return out.string
    }
}

/// The SVG writer's number attributes, on top of the shared byte buffer.
extension UTF8Text {
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
}
