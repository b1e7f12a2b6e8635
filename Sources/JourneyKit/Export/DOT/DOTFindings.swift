/// The analyser's findings, indexed for drawing: which touchpoints, flows and stages they
/// are about. Built from any `[Diagnostic]`, so the diagram does not depend on how the
/// findings were computed.
struct DOTFindings {
    /// Every finding about a touchpoint (except broken handoffs, which belong to flows), in order.
    private(set) var byTouchpoint: [String: [Diagnostic]] = [:]
    /// Touchpoints flagged `unserved-touchpoint`, with the ids of the personas they miss
    /// (none when no channel of the touchpoint is live, so nobody can reach it).
    private(set) var unservedPersonas: [String: [String]] = [:]
    /// `broken-handoff` findings by the touchpoint the customer arrives at, in order.
    private(set) var brokenHandoffsInto: [String: [Diagnostic]] = [:]
    /// `channel-gap` findings by stage, in order.
    private(set) var gapsByStage: [String: [Diagnostic]] = [:]
    /// `broken-handoff` findings by flow ("from" and "to" ids joined by a space, which no id
    /// holds): looked up once per drawn flow, so a dense graph stays linear in its flows.
    private var brokenHandoffsByFlow: [String: [Diagnostic]] = [:]


    /// Indexes `findings`; with a persona, keeps only that persona's findings and those about
    /// no persona in particular.
    init(_ findings: [Diagnostic], persona: String?, in journey: Journey) {
        let shown = persona.map { findings.concerning(persona: $0, in: journey) } ?? findings
        for finding in shown {
            let touchpoint = finding.references[.touchpoint]
            switch finding.rule {
            case ChannelGapRule.id:
                if let stage = finding.references[.stage] { gapsByStage[stage, default: []].append(finding) }
            case BrokenHandoffRule.id:
                if let touchpoint {
                    brokenHandoffsInto[touchpoint, default: []].append(finding)
                    brokenHandoffsByFlow[(finding.references[.from] ?? "") + " " + touchpoint, default: []].append(finding)
                }
            default:
                guard let touchpoint else { continue }
                byTouchpoint[touchpoint, default: []].append(finding)
                if finding.rule == UnservedTouchpointRule.id { unservedPersonas[touchpoint, default: []] += finding.personaIDs }
            }
        }
    }

    /// Whether the touchpoint is flagged `unserved-touchpoint`.
    func isUnserved(_ touchpoint: String) -> Bool { unservedPersonas[touchpoint] != nil }

    /// The `broken-handoff` findings about the flow `from` → `to`.
    func brokenHandoffs(from: String, to: String) -> [Diagnostic] {
        // Most journeys have none: no key to build for each flow.
        guard !brokenHandoffsByFlow.isEmpty else { return [] }
        return brokenHandoffsByFlow[from + " " + to] ?? []
    }
}
