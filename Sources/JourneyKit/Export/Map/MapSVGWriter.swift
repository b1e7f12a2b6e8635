/// Writes a laid-out map page as a standalone SVG 1.1 document.
///
/// Presentation attributes rather than a style sheet, so that several maps inlined in one
/// HTML page cannot restyle each other. Numbers have at most one decimal: same input, same bytes.
enum MapSVGWriter {
    static func svg(_ page: MapPage) -> String {
        var out = ""
        out.reserveCapacity(page.nodes.count * 160)
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(number(page.width))\" height=\"\(number(page.height))\""
        out += " viewBox=\"0 0 \(number(page.width)) \(number(page.height))\" font-family=\"\(MapFontMetrics.fontFamily)\">\n"
        out += "<title>\(MapText.escaped(page.title))</title>\n"
        out += "<desc>\(MapText.escaped(page.description))</desc>\n"
        for node in page.nodes { write(node, into: &out, depth: 0) }
        out += "</svg>\n"
        return out
    }

    private static func write(_ node: MapNode, into out: inout String, depth: Int) {
        switch node {
        case let .group(attributes, tooltip, children):
            out += "<g"
            for attribute in attributes { out += " \(attribute.name)=\"\(MapText.escaped(attribute.value, inAttribute: true))\"" }
            out += ">\n"
            if let tooltip { out += "<title>\(MapText.escaped(tooltip))</title>\n" }
            for child in children { write(child, into: &out, depth: depth + 1) }
            out += "</g>\n"
        case let .rect(frame, paint):
            out += "<rect x=\"\(number(frame.x))\" y=\"\(number(frame.y))\" width=\"\(number(frame.width))\" height=\"\(number(frame.height))\""
            if paint.cornerRadius > 0 { out += " rx=\"\(number(paint.cornerRadius))\"" }
            paintAttributes(paint, into: &out)
            out += "/>\n"
        case let .line(from, to, paint):
            out += "<line x1=\"\(number(from.x))\" y1=\"\(number(from.y))\" x2=\"\(number(to.x))\" y2=\"\(number(to.y))\""
            paintAttributes(paint, into: &out)
            out += "/>\n"
        case let .path(runs, paint, attributes):
            out += "<path"
            for attribute in attributes { out += " \(attribute.name)=\"\(MapText.escaped(attribute.value, inAttribute: true))\"" }
            var data = ""
            for run in runs {
                for (index, point) in run.enumerated() {
                    if !data.isEmpty { data += " " }
                    data += (index == 0 ? "M" : "L") + number(point.x) + " " + number(point.y)
                }
            }
            // An empty path draws nothing but keeps the hook (a line with no emotion given).
            out += " d=\"\(data.isEmpty ? "M0 0" : data)\""
            var paint = paint
            paint.fill = "none"
            paintAttributes(paint, into: &out)
            out += " stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
        case let .circle(center, radius, paint):
            out += "<circle cx=\"\(number(center.x))\" cy=\"\(number(center.y))\" r=\"\(number(radius))\""
            paintAttributes(paint, into: &out)
            out += "/>\n"
        case let .text(run):
            out += "<text x=\"\(number(run.x))\" y=\"\(number(run.y))\" font-size=\"\(number(run.size))\""
            if run.bold { out += " font-weight=\"bold\"" }
            if run.italic { out += " font-style=\"italic\"" }
            if run.anchor != .start { out += " text-anchor=\"\(run.anchor.rawValue)\"" }
            out += " fill=\"\(run.color)\">\(MapText.escaped(run.text))</text>\n"
        }
    }

    private static func paintAttributes(_ paint: MapPaint, into out: inout String) {
        out += " fill=\"\(paint.fill ?? "none")\""
        if let stroke = paint.stroke {
            out += " stroke=\"\(stroke)\""
            if paint.strokeWidth != 1 { out += " stroke-width=\"\(number(paint.strokeWidth))\"" }
            if let dash = paint.dash { out += " stroke-dasharray=\"\(dash)\"" }
        }
    }

    /// A number with at most one decimal, without a trailing ".0".
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
