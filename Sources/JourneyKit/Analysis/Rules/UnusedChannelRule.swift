/// `unused-channel`: a channel no touchpoint happens on.
public struct UnusedChannelRule: Rule {
    public init() {}
    public let id = "unused-channel"
    public let defaultSeverity = Diagnostic.Severity.info
    public let summary = "A channel no touchpoint uses."
    public let explanation = """
        A channel that no touchpoint lists is either a channel the business runs without any designed contact \
        with customers, or a leftover from an earlier version of the map. Add it to the touchpoints that happen \
        on it, or remove it.
        """

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        var used: Set<String> = []
        for placed in journey.touchpoints { used.formUnion(placed.touchpoint.channels) }
        return journey.journey.channels.compactMap { channel in
            guard !used.contains(channel.id) else { return nil }
            return finding(
                "No touchpoint uses channel \(channel.name)",
                hint: "add it to the \"channels\" of the touchpoints that happen on it, or remove it",
                at: channel.location, in: journey, references: [.channel: channel.id])
        }
    }
}
