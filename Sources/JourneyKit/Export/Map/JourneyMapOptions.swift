/// A row of the journey map, in the order the map draws them by default.
public enum MapLane: String, Sendable, Hashable, CaseIterable {
    case touchpoints, emotion, pains, opportunities, kpis, owners, backstage, findings

    /// Reads a `--lanes` list such as `touchpoints,emotion,pains`: the lanes to draw, in that order.
    public static func list(from text: String) throws(MapOptionError) -> [MapLane] {
        var lanes: [MapLane] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part).trimmingSpaces.lowercased()
            guard let lane = MapLane(rawValue: name) else {
                let names = allCases.map(\.rawValue)
                let known = "the lanes are " + names.joined(separator: ", ")
                throw MapOptionError(message: "there is no map lane \"\(name)\"",
                                     hint: Suggestion.hint(for: name, among: names, fallback: known) ?? known)
            }
            if !lanes.contains(lane) { lanes.append(lane) }
        }
        return lanes
    }
}

/// The size of a map page in SVG units (1 unit = 1 pixel at 100 %).
public struct MapPageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// 16:9, the shape of a projector or a screen shared in a call.
    public static let widescreen = MapPageSize(width: 1920, height: 1080)
    /// The smallest page the map can lay out: a title, one column and a few lanes.
    public static let minimum = MapPageSize(width: 640, height: 480)
    /// The largest page, to keep a typo from asking for a gigapixel PNG.
    public static let maximum = MapPageSize(width: 20_000, height: 20_000)

    /// Reads `--page WxH`, e.g. `1920x1080` or `2560X1440`.
    public static func parse(_ text: String) throws(MapOptionError) -> MapPageSize {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
            throw MapOptionError(message: "the page size \"\(text)\" is not WIDTHxHEIGHT", hint: "e.g. --page 1920x1080")
        }
        guard (minimum.width...maximum.width).contains(width), (minimum.height...maximum.height).contains(height) else {
            throw MapOptionError(message: "the page size \(width)x\(height) is out of range",
                                 hint: "pages go from \(minimum.width)x\(minimum.height) to \(maximum.width)x\(maximum.height)")
        }
        return MapPageSize(width: width, height: height)
    }
}

/// A map option the user typed wrongly (`--lanes`, `--page`): a message and a hint.
public struct MapOptionError: Error, Sendable, Hashable {
    public var message: String
    public var hint: String
}

/// What a journey map shows and how its pages are shaped.
public struct JourneyMapOptions: Sendable, Hashable {
    /// The persona the map is focused on (`--persona`): only its touchpoints and findings.
    public var persona: String?
    /// The name of the scenario applied to the journey, for the subtitle (`--scenario`).
    public var scenarioName: String?
    /// Whether the findings lane is drawn (`--no-findings` turns it off).
    public var showsFindings: Bool
    /// A BCP 47 tag choosing the words (`--lang`); nil for the journey's own language, else English.
    public var language: String?
    /// The lanes to draw, in order (`--lanes`); nil for every lane that has content.
    public var lanes: [MapLane]?
    /// The page size (`--page`).
    public var page: MapPageSize
    /// The titles of the portfolio's journeys by id, for the cards of touchpoints that continue
    /// in another journey (`journey`); a link to a journey not listed shows its id.
    public var linkedJourneyTitles: [String: String] = [:]
    /// The latest KPI actuals (`--actuals`), shown in the KPI lane next to their targets.
    public var kpiReadings: [KPIReading] = []
    /// What an event log says customers did (`--events`): each card shows the share of cases that reached it.
    public var observed: ObservedTraffic?

    public init(
        persona: String? = nil,
        scenarioName: String? = nil,
        showsFindings: Bool = true,
        language: String? = nil,
        lanes: [MapLane]? = nil,
        page: MapPageSize = .widescreen
    ) {
        self.persona = persona
        self.scenarioName = scenarioName
        self.showsFindings = showsFindings
        self.language = language
        self.lanes = lanes
        self.page = page
    }
}
