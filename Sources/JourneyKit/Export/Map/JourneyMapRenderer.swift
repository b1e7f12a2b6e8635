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

    /// The map's pages as UTF-8 SVG documents, the bytes of `pages`, each handed to `emit` in
    /// order as soon as it is drawn: for writing them out without making each one a String
    /// (which checks its UTF-8 again: about a tenth of the map's instructions) or holding them
    /// all at once.
    ///
    /// - Throws: `UnknownPersona` when `options.persona` is not one of the journey's personas.
    public func writePages(_ journey: Journey, findings: [Diagnostic], into emit: ([UInt8]) -> Void) throws(UnknownPersona) {
        try prepared(journey, findings: findings, keepingBoxes: false).drawPages { emit($0.document) }
    }

    /// The laid-out pages, each with its SVG document; with `keepingBoxes`, the boxes placed
    /// too (for the layout tests).
    func layout(_ journey: Journey, findings: [Diagnostic], keepingBoxes: Bool = true) throws(UnknownPersona) -> [MapPage] {
        try prepared(journey, findings: findings, keepingBoxes: keepingBoxes).pages()
    }

    /// The layout of the journey's map with the options made to fit (the page size within its bounds).
    private func prepared(_ journey: Journey, findings: [Diagnostic], keepingBoxes: Bool) throws(UnknownPersona) -> JourneyMapLayout {
        if let persona = options.persona { _ = try journey.persona(withID: persona) }
        var options = options
        options.page.width = min(max(options.page.width, MapPageSize.minimum.width), MapPageSize.maximum.width)
        options.page.height = min(max(options.page.height, MapPageSize.minimum.height), MapPageSize.maximum.height)
        let content = JourneyMapContent(journey: journey, findings: findings, options: options)
        return JourneyMapLayout(content: content, options: options, keepsBoxes: keepingBoxes)
    }
}
