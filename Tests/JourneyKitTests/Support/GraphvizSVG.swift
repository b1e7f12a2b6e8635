import Foundation
import Testing

/// Renders DOT with the real Graphviz and reads back what it drew, for tests that check the
/// diagrams are accepted and show what the user typed.
enum GraphvizSVG {
    /// A node of the rendered SVG: its title (the DOT node id) and the lines of text it shows.
    struct Node: Equatable {
        var title: String
        /// Each `<text>` element, unescaped, with its font size.
        var texts: [(size: String, text: String)]

        static func == (lhs: Node, rhs: Node) -> Bool {
            lhs.title == rhs.title && lhs.texts.map(\.text) == rhs.texts.map(\.text)
        }

        /// The lines drawn in the given font size (e.g. "15.00" for touchpoint names).
        func lines(ofSize size: String) -> [String] {
            texts.filter { $0.size == size }.map(\.text)
        }
    }

    /// Runs `dot -Tsvg`, failing the test when dot reports an error or any warning; tests that
    /// call it declare `.requires(.dot)`.
    static func render(_ dot: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let executable = try ExternalTool.dot.path()
        let result = try Subprocess.run(executable, ["-Tsvg"], input: Data(dot.utf8))
        #expect(result.status == 0, "dot failed: \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.isEmpty, "dot warned: \(result.standardError)", sourceLocation: sourceLocation)
        return result.standardOutput
    }

    /// The node groups of an SVG that Graphviz wrote, in order.
    static func nodes(in svg: String) -> [Node] {
        var nodes: [Node] = []
        // Each node group starts with `class="node">`; Graphviz writes a comment before the next element.
        for chunk in svg.components(separatedBy: "class=\"node\">").dropFirst() {
            let group = chunk.components(separatedBy: "<!-- ").first ?? ""
            guard let title = between(group, "<title>", "</title>").first else { continue }
            var texts: [(String, String)] = []
            for element in group.components(separatedBy: "<text ").dropFirst() {
                guard let end = element.range(of: "</text>"), let close = element.range(of: ">") else { continue }
                let attributes = String(element[..<close.lowerBound])
                let size = between(attributes, "font-size=\"", "\"").first ?? ""
                texts.append((size, unescape(String(element[close.upperBound..<end.lowerBound]))))
            }
            nodes.append(Node(title: unescape(title), texts: texts))
        }
        return nodes
    }

    /// Every `xlink:title` (tooltip) in the SVG, unescaped.
    static func tooltips(in svg: String) -> [String] {
        between(svg, "xlink:title=\"", "\"").map(unescape)
    }

    /// XML character references and the five predefined entities decoded.
    static func unescape(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let value = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst(), radix: 10) : nil
                if let value, let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func between(_ text: String, _ start: String, _ end: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: start), let close = rest[open.upperBound...].range(of: end) {
            found.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }
}
