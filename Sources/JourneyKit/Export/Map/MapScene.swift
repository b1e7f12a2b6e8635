/// The geometry of a map page: boxes and texts placed by the layout, drawn on its canvas,
/// and checked by the tests (no two boxes overlap, every text inside its box).

/// A point in page units.
struct MapPoint: Sendable, Hashable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle in page units.
struct MapRect: Sendable, Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }

    /// Whether the two share any area (touching edges do not count).
    func overlaps(_ other: MapRect) -> Bool {
        x < other.maxX - 0.01 && other.x < maxX - 0.01 && y < other.maxY - 0.01 && other.y < maxY - 0.01
    }

    /// Whether `other` lies inside this rectangle (edges included, with rounding slack).
    func contains(_ other: MapRect) -> Bool {
        other.x >= x - 0.01 && other.maxX <= maxX + 0.01 && other.y >= y - 0.01 && other.maxY <= maxY + 0.01
    }
}

/// One line of text at a baseline.
struct MapTextRun: Sendable, Hashable {
    enum Anchor: String, Sendable, Hashable { case start, middle, end }

    var text: String
    var x: Double
    /// The baseline.
    var y: Double
    var size: Double
    var bold = false
    var italic = false
    var color = MapStyle.ink
    var anchor = Anchor.start

    /// The width the font metrics give.
    var width: Double { MapFontMetrics.width(text, size: size, bold: bold) }

    /// The area the line's glyphs take, from ascent to descent.
    var frame: MapRect {
        let width = self.width
        let left = switch anchor {
        case .start: x
        case .middle: x - width / 2
        case .end: x - width
        }
        return MapRect(x: left, y: y - size * MapStyle.ascent, width: width, height: size * (MapStyle.ascent + MapStyle.descent))
    }
}

/// Paint of a shape.
struct MapPaint: Sendable, Hashable {
    var fill: String? = nil
    var stroke: String? = nil
    var strokeWidth: Double = 1
    var dash: String? = nil
    var cornerRadius: Double = 0
}

/// A box the layout placed, with the texts drawn in it, for the layout tests.
struct MapBox: Sendable, Hashable {
    /// What the box is: "card", "chip", "note", "lane-title", "stage", "title", "legend"…
    var kind: String
    var frame: MapRect
    var texts: [MapTextRun]
    /// The index of the box this one is drawn inside (a chip in its card), if any.
    var parent: Int?
    /// The touchpoint or stage id, for cards and stage heads.
    var id: String?
}

/// A laid-out page.
struct MapPage: Sendable, Hashable {
    var width: Double
    var height: Double
    var title: String
    var description: String
    /// The page as a standalone SVG document, in UTF-8.
    var document: [UInt8]
    /// The boxes placed, when the layout was asked to keep them (the tests); empty otherwise.
    var boxes: [MapBox]
    /// The ids of the stages (or stage parts) on this page, in order.
    var stageIDs: [String]

    /// The page as a standalone SVG document.
    var svg: String { String(decoding: document, as: UTF8.self) }
}

/// Sizes and colours of the map.
enum MapStyle {
    static let ascent = 0.905
    static let descent = 0.212
    static func lineHeight(_ size: Double) -> Double { (size * 1.25).rounded() }
    /// The height of `lines` lines of text at `size`.
    static func blockHeight(lines: Int, size: Double) -> Double {
        lines <= 0 ? 0 : Double(lines - 1) * lineHeight(size) + size * (ascent + descent)
    }

    static let margin = 32.0
    static let gap = 12.0
    static let laneTitleWidth = 176.0
    /// The narrowest column: body text of 14 units keeps about 20 characters a line.
    static let minimumColumnWidth = 168.0

    static let titleSize = 30.0
    static let subtitleSize = 18.0
    static let pageLabelSize = 16.0
    static let stageSize = 18.0
    static let laneTitleSize = 17.0
    static let nameSize = 15.0
    static let bodySize = 14.0
    static let markSize = 16.0

    static let cardPadding = 10.0
    static let notePadding = 6.0
    static let cellPadding = 6.0
    static let chipHeight = 24.0
    static let chipGap = 4.0
    static let maxNameLines = 3
    static let maxChips = 4
    static let emotionStep = 28.0

    static let ink = "#1a202c"
    static let muted = "#4a5568"
    static let rule = "#a0aec0"
    static let paper = "#ffffff"
    static let band = "#f4f6f8"
    static let stageShade = ["#eef3f8", "#f8f9fb"]
    static let stageHead = "#2c5282"
    static let cardStroke = "#4a5568"
    static let chipLive = "#e2ecf7"
    static let chipStroke = "#5a7da8"
    static let chipRetired = "#e2e2e2"
    /// Fills of the note lanes: light enough for black text, different in greyscale too.
    static let noteFill: [MapLane: String] = [
        .pains: "#fde2e1", .opportunities: "#ddf3e4", .kpis: "#e3ecfb", .owners: "#f1eefb",
        .backstage: "#efefef", .findings: "#fff1c7",
    ]
    static let noteStroke: [MapLane: String] = [
        .pains: "#c53030", .opportunities: "#2f855a", .kpis: "#2b6cb0", .owners: "#6b46c1",
        .backstage: "#4a5568", .findings: "#b7791f",
    ]
    /// Emotion levels −2…+2: a diverging red–blue palette that colour-blind readers tell apart,
    /// always paired with the level's height and its word.
    static let emotionColors = ["#b2182b", "#ef8a62", "#bababa", "#67a9cf", "#2166ac"]
    /// Persona lines when personas feel differently (Okabe–Ito colours, each with its own dash).
    static let personaColors = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]
    static let personaDashes = [nil, "10 5", "3 4", "12 4 3 4", "6 3", "2 6", nil]
}
