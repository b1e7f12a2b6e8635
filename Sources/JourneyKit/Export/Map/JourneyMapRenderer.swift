/// Draws a journey as a customer journey map: stages as columns; lanes for touchpoints, the
/// emotion curve, pains, opportunities, KPIs, owners, the backstage and findings.
///
/// ```swift
/// let findings = Analyzer().analyze(journey)
/// let pages = try JourneyMapRenderer(JourneyMapOptions(persona: "maria")).pages(journey, findings: findings)
/// ```
/// Each page is a standalone SVG document; a map too wide for one page at a readable size has
/// several, split at stage boundaries. Same input, same bytes.
public struct JourneyMapRenderer: Sendable {
    /// What the map shows and how its pages are shaped.
    public var options: JourneyMapOptions

    public init(_ options: JourneyMapOptions = JourneyMapOptions()) {
        self.options = options
    }

    /// The map's pages as SVG documents, in order (one for most journeys).
    ///
    /// - Parameter findings: the analyser's findings (`Analyzer().analyze(journey)`); the map
    ///   shows those about a touchpoint or a stage, unless `options.showsFindings` is off.
    /// - Throws: `UnknownPersona` when `options.persona` is not one of the journey's personas.
    public func pages(_ journey: Journey, findings: [Diagnostic]) throws(UnknownPersona) -> [String] {
        try layout(journey, findings: findings, keepingBoxes: false).map(\.svg)
    }

    /// The laid-out pages, each with its SVG document; with `keepingBoxes`, the boxes placed
    /// too (for the layout tests).
    func layout(_ journey: Journey, findings: [Diagnostic], keepingBoxes: Bool = true) throws(UnknownPersona) -> [MapPage] {
        if let persona = options.persona { _ = try journey.persona(withID: persona) }
        var options = options
        options.page.width = min(max(options.page.width, MapPageSize.minimum.width), MapPageSize.maximum.width)
        options.page.height = min(max(options.page.height, MapPageSize.minimum.height), MapPageSize.maximum.height)
        let content = JourneyMapContent(journey: journey, findings: findings, options: options)
        return JourneyMapLayout(content: content, options: options, keepsBoxes: keepingBoxes).pages()
    }
}
