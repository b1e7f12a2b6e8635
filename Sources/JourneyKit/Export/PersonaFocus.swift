extension Sequence<Diagnostic> {
    /// The findings a view focused on one persona shows (the flow and matrix diagrams, Mermaid
    /// and the map all ask this one function): a finding whose references name the persona, or
    /// a `personas` list holding it; or one that names no persona and only touchpoints whose
    /// audience holds the persona. So a `broken-handoff` shows only when the persona is in the
    /// audience of both of its touchpoints.
    public func concerning(persona: String, in journey: Journey) -> [Diagnostic] {
        let touchpointsAimedElsewhere = Set(journey.touchpoints.filter { !$0.isAimed(at: persona) }.map(\.id))
        return filter { finding in
            let about = finding.personaIDs
            if !about.isEmpty { return about.contains(persona) }
            return [Diagnostic.ReferenceRole.touchpoint, .from].allSatisfy { role in
                finding.references[role].map { !touchpointsAimedElsewhere.contains($0) } ?? true
            }
        }
    }
}
