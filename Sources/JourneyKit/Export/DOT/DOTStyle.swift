/// Colours, fonts and sizes of the diagrams, chosen for a projector: large sans-serif text,
/// light fills behind black text, and colours that differ in lightness as well as hue so
/// they survive colour blindness and washed-out beamers.
enum DOTStyle {
    static let font = "Helvetica,Arial,sans-serif"
    static let titleSize = 26
    static let stageSize = 18
    static let nameSize = 15
    static let detailSize = 12
    static let legendSize = 14
    /// Columns per line of a touchpoint name before it wraps.
    static let nameWidth = 18
    /// Columns per line of a finding note before it wraps.
    static let noteWidth = 30

    static let text = "#212121"
    static let mutedText = "#546e7a"
    static let stageFill = "#f5f7fa"
    static let stageBorder = "#b0bec5"
    static let sameChannelEdge = "#455a64"
    static let channelSwitchEdge = "#6a1b9a"
    static let problem = "#c62828"
    static let gapFill = "#fff3c4"
    static let gapBorder = "#b8860b"
    static let added = "#2e7d32"
    static let changed = "#ef6c00"
    static let removed = "#9e9e9e"
    /// The mark of a touchpoint that continues in another journey.
    static let linkText = "#1565c0"

    /// The fill for an emotion on a diverging scale, red for unhappy to blue for delighted;
    /// white when no emotion was given.
    static func fill(forEmotion emotion: Int?) -> String {
        switch emotion {
        case nil: "#ffffff"
        case let value? where value <= -2: "#ef9a7a"
        case -1: "#fbd3c2"
        case 0: "#eeeeee"
        case 1: "#c6dff0"
        default: "#7fb8e0"
        }
    }

    /// The points of the emotion scale the legend shows, in the order of `GraphWords.emotionScale`.
    static let emotionScale: [Int?] = [-2, -1, 0, 1, 2, nil]

    /// A line width with at most one decimal, the same on every platform.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    static let momentOfTruthMark = "★"
    static let warningMark = "⚠"
}
