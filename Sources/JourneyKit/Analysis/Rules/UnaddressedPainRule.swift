/// `unaddressed-pain`: a touchpoint that hurts customers with no idea to fix it.
public struct UnaddressedPainRule: Rule {
    public init() {}
    public let id = "unaddressed-pain"
    public let defaultSeverity = Diagnostic.Severity.info
    public let summary = "A touchpoint with pains or a negative emotion and no opportunity."
    public let explanation = """
        A touchpoint with an emotion of -1 or less, or with at least one pain, and no opportunity is a known \
        problem without a plan. On a moment of truth, which decides how customers see the business, the \
        finding is a warning instead of info. Write at least one idea in "opportunities".
        """

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        journey.touchpoints.compactMap { placed in
            let touchpoint = placed.touchpoint
            let unhappy = (touchpoint.emotion ?? 0) <= -1
            guard unhappy || !touchpoint.pains.isEmpty, touchpoint.opportunities.isEmpty else { return nil }
            var what: [String] = []
            if !touchpoint.pains.isEmpty {
                what.append(touchpoint.pains.count == 1 ? "a pain" : "\(touchpoint.pains.count) pains")
            }
            if let emotion = touchpoint.emotion, unhappy { what.append("emotion \(emotion)") }
            var message = "\(Wording.quoted(touchpoint.name)) has \(Wording.list(what)) but no opportunity"
            if touchpoint.momentOfTruth { message += ", and it is a moment of truth" }
            return finding(
                message,
                hint: "write at least one idea to make it better in \"opportunities\"",
                severity: touchpoint.momentOfTruth ? .warning : defaultSeverity,
                at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id])
        }
    }
}
