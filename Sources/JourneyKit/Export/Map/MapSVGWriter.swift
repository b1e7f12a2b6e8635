/// Writes a map page as a standalone SVG 1.1 document while the layout places it.
///
/// Presentation attributes rather than a style sheet, so that several maps inlined in one
/// HTML page cannot restyle each other. Numbers have at most one decimal: same input, same bytes.
///
/// The layout draws straight into the page's UTF-8 bytes: a tree of nodes built first and
/// written after was most of the map's time (issue 19), and appending interpolated Strings
/// piece by piece before that (issue 13).
struct MapCanvas {
    private var out = UTF8Text()

    init() {}

    /// Starts the document: the page's size, font, title and description.
    mutating func begin(width: Double, height: Double, title: String, description: String, expectedBytes: Int) {
        out.bytes.reserveCapacity(expectedBytes)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
        out.attribute("width", width)
        out.attribute("height", height)
        out.append(" viewBox=\"0 0 ")
        out.number(width)
        out.append(" ")
        out.number(height)
        out.append("\" font-family=\"")
        out.escapedXML(MapFontMetrics.fontFamily, inAttribute: true)
        out.append("\">\n<title>")
        out.escapedXML(title)
        out.append("</title>\n<desc>")
        out.escapedXML(description)
        out.append("</desc>\n")
    }

    /// Ends the document and gives its bytes.
    mutating func finish() -> [UInt8] {
        out.append("</svg>\n")
        return out.bytes
    }

    /// The bytes written so far (the layout sizes the next page's buffer by them).
    var count: Int { out.bytes.count }

    /// Opens a group with a `class`, an optional second attribute (`data-id`…) and an optional
    /// tooltip; `endGroup()` closes it.
    mutating func beginGroup(class kind: String, _ name: StaticString? = nil, _ value: String? = nil, tooltip: String? = nil) {
        out.append("<g class=\"")
        out.escapedXML(kind, inAttribute: true)
        out.append("\"")
        if let name, let value { attribute(name, value) }
        out.append(">\n")
        if let tooltip {
            out.append("<title>")
            out.escapedXML(tooltip)
            out.append("</title>\n")
        }
    }

    mutating func endGroup() {
        out.append("</g>\n")
    }

    /// An element's start and its first three or four number attributes, each literal running
    /// from one number to the next (`" y="`): every append has a cost of its own, whatever its
    /// length, and most elements are a tag and a few numbers.
    private mutating func numbers(_ start: StaticString, _ first: Double, _ second: StaticString, _ secondValue: Double,
                                  _ third: StaticString, _ thirdValue: Double, _ fourth: StaticString? = nil, _ fourthValue: Double = 0) {
        out.append(start)
        out.number(first)
        out.append(second)
        out.number(secondValue)
        out.append(third)
        out.number(thirdValue)
        if let fourth {
            out.append(fourth)
            out.number(fourthValue)
        }
        out.append("\"")
    }

    mutating func rect(_ frame: MapRect, _ paint: MapPaint) {
        numbers("<rect x=\"", frame.x, "\" y=\"", frame.y, "\" width=\"", frame.width, "\" height=\"", frame.height)
        if paint.cornerRadius > 0 { out.attribute("rx", paint.cornerRadius) }
        paintAttributes(paint)
        out.append("/>\n")
    }

    mutating func line(_ from: MapPoint, _ to: MapPoint, _ paint: MapPaint) {
        numbers("<line x1=\"", from.x, "\" y1=\"", from.y, "\" x2=\"", to.x, "\" y2=\"", to.y)
        paintAttributes(paint)
        out.append("/>\n")
    }

    /// A polyline made of separate runs (a gap between runs), with a `class` and a second attribute.
    mutating func path(runs: [[MapPoint]], paint: MapPaint, class kind: String, _ name: StaticString, _ value: String) {
        out.append("<path class=\"")
        out.escapedXML(kind, inAttribute: true)
        out.append("\"")
        attribute(name, value)
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
        paintAttributes(paint)
        out.append(" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n")
    }

    mutating func circle(_ center: MapPoint, radius: Double, _ paint: MapPaint) {
        numbers("<circle cx=\"", center.x, "\" cy=\"", center.y, "\" r=\"", radius)
        paintAttributes(paint)
        out.append("/>\n")
    }

    mutating func text(_ run: MapTextRun) {
        numbers("<text x=\"", run.x, "\" y=\"", run.y, "\" font-size=\"", run.size)
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

    private mutating func attribute(_ name: StaticString, _ value: String) {
        out.append(" ")
        out.append(name)
        out.append("=\"")
        out.escapedXML(value, inAttribute: true)
        out.append("\"")
    }

    private mutating func paintAttributes(_ paint: MapPaint) {
        out.append(" fill=\"")
        if let fill = paint.fill { out.verbatim(fill) } else { out.append("none") }
        if let stroke = paint.stroke {
            out.append("\" stroke=\"")
            out.verbatim(stroke)
            if paint.strokeWidth != 1 {
                out.append("\" stroke-width=\"")
                out.number(paint.strokeWidth)
            }
            if let dash = paint.dash {
                out.append("\" stroke-dasharray=\"")
                out.verbatim(dash)
            }
        }
        out.append("\"")
    }
}

/// Numbers as the map writes them.
enum MapSVGWriter {
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
