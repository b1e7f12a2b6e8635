/// `empty-stage`: a stage without touchpoints.
public struct EmptyStageRule: Rule {
    public init() {}
    public let id = "empty-stage"
    public let defaultSeverity = Diagnostic.Severity.warning
    public let summary = "A stage without touchpoints."
    public let explanation = """
        A stage with no touchpoints is a phase of the journey where the business has no contact with the \
        customer: either the map is unfinished or there is a real gap worth designing for. Add the touchpoints \
        of the stage, or remove the stage.
        """

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        journey.journey.stages.compactMap { stage in
            guard stage.touchpoints.isEmpty else { return nil }
            return finding(
                "Stage \(Wording.quoted(stage.name)) has no touchpoints",
                hint: "add the touchpoints of this stage, or remove it",
                at: stage.location, in: journey, references: [.stage: stage.id])
        }
    }
}
