/// `unmeasured-stage`: a stage whose touchpoints have no KPI.
public struct UnmeasuredStageRule: Rule {
    public init() {}
    public let id = "unmeasured-stage"
    public let defaultSeverity = Diagnostic.Severity.info
    public let summary = "A stage whose touchpoints have no KPI."
    public let explanation = """
        When no touchpoint of a stage has a KPI, nobody can tell whether the stage works or whether a change \
        made it better. Add "kpis" to at least one of its touchpoints, ideally with a target.
        """

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        journey.journey.stages.compactMap { stage in
            guard !stage.touchpoints.isEmpty, !stage.touchpoints.contains(where: { !$0.kpis.isEmpty }) else { return nil }
            return finding(
                "No touchpoint of stage \(Wording.quoted(stage.name)) has a KPI",
                hint: "add \"kpis\" to at least one of its touchpoints",
                at: stage.location, in: journey, references: [.stage: stage.id])
        }
    }
}
