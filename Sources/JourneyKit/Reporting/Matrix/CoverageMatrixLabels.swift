/// The words and marks the matrix reporters share: a touchpoint's label in a cell, the
/// persona row and the legend.
extension CoverageMatrix {
    /// The mark before a touchpoint that does not reach the persona.
    public static let notReachedMark = "✗"
    /// The persona row's mark for a stage without touchpoints (neither reached nor a gap).
    public static let noTouchpointsMark = "—"

    func label(for entry: Entry) -> String {
        entry.reachesPersona == false ? "\(Self.notReachedMark) \(entry.name)" : entry.name
    }

    /// `Reaches NAME` and, per stage, `yes`, `GAP` or `—` (no touchpoints), when the matrix is for a persona.
    func personaRow() -> [String]? {
        guard let persona, let stageReachesPersona else { return nil }
        return ["Reaches \(persona.name)"] + zip(stageReachesPersona, stageHasTouchpoints).map { reaches, hasTouchpoints in
            reaches ? "yes" : hasTouchpoints ? "GAP" : Self.noTouchpointsMark
        }
    }

    func legend() -> [String] {
        guard let persona, let stageReachesPersona else { return [] }
        let gaps = stages.indices.filter { !stageReachesPersona[$0] && stageHasTouchpoints[$0] }.map { stages[$0] }
        var sentences = [
            "\(Self.notReachedMark) = the touchpoint does not reach \(persona.name) (not for them, or on no live channel they use).",
            gaps.isEmpty
                ? "Every stage reaches \(persona.name)."
                : "GAP = no touchpoint of the stage reaches \(persona.name): " + gaps.joined(separator: ", ") + ".",
        ]
        if stageHasTouchpoints.contains(false) { sentences.append("\(Self.noTouchpointsMark) = the stage has no touchpoints.") }
        return sentences
    }
}
