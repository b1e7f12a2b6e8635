extension Sequence<Diagnostic> {
    /// The findings a view focused on one persona shows: those about that persona or about
    /// no persona in particular, and, when about a touchpoint, only if it is aimed at the persona.
    public func concerning(persona: String, in journey: Journey) -> [Diagnostic] {
        let touchpointsAimedElsewhere = Set(journey.touchpoints.filter { !$0.isAimed(at: persona) }.map(\.id))
        return filter { finding in
            // A finding about several personas belongs to each of their views.
            let about = finding.personaIDs
            if !about.isEmpty, !about.contains(persona) { return false }
            if let touchpoint = finding.references[.touchpoint], touchpointsAimedElsewhere.contains(touchpoint) { return false }
            return true
        }
    }
}
