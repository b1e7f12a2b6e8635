/// `dead-end`: a touchpoint where the flow stops before the journey ends.
public struct DeadEndRule: Rule {
    public init() {}
    public let id = "dead-end"
    public let defaultSeverity = Diagnostic.Severity.info
    public let summary = "A touchpoint with no `next` before the last stage."
    public let explanation = """
        Once a journey has flows (at least one touchpoint with "next"), a touchpoint without "next" that is not \
        in the last stage with touchpoints is where customers are left without a next step. Sometimes that is \
        true (a complaint that closes the relationship), often it is a missing link. Add the touchpoints that \
        follow it to "next", or suppress the rule on the touchpoint when the journey really ends there.
        """

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        guard journey.hasFlows else { return [] }
        return journey.touchpoints.compactMap { placed in
            guard placed.touchpoint.next.isEmpty, placed.stageIndex != journey.lastStageWithTouchpoints else { return nil }
            return finding(
                "\(Wording.quoted(placed.touchpoint.name)) is a dead end: it has no \"next\" and is not in the last stage",
                hint: "list the touchpoints that follow it in \"next\", or add \"ignore\": [\"\(id)\"] if the journey really ends here",
                at: placed.touchpoint.location, in: journey, references: [.touchpoint: placed.touchpoint.id])
        }
    }
}
