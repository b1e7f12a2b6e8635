/// `unowned-touchpoint`: nobody in the business is responsible for a touchpoint.
public struct UnownedTouchpointRule: Rule {
    public init() {}
    public let id = "unowned-touchpoint"
    public let defaultSeverity = Diagnostic.Severity.warning
    public let summary = "A touchpoint with no owner whose channels have no owner either."
    public let explanation = """
        Touchpoints that nobody owns are the ones that quietly break: nobody answers the message, updates the \
        page or notices the drop in numbers. A touchpoint is owned when it has an owner, or when one of its \
        channels has one. Set "owner" on the touchpoint, or on the channel if one team runs everything on it.
        """

    public func findings(in journey: AnalyzedJourney) -> [Diagnostic] {
        journey.touchpoints.compactMap { placed in
            let touchpoint = placed.touchpoint
            guard touchpoint.owner == nil else { return nil }
            let channels = journey.channels(of: touchpoint)
            guard !channels.contains(where: { $0.owner != nil }) else { return nil }
            let why = switch channels.count {
            case 0: "it has no owner and no channel"
            case 1: "neither it nor its channel, \(channels[0].name), has an owner"
            default: "neither it nor its channels (\(Wording.list(channels.map(\.name)))) have an owner"
            }
            return finding(
                "No one owns \(Wording.quoted(touchpoint.name)): \(why)",
                hint: "set \"owner\" on the touchpoint or on one of its channels",
                at: touchpoint.location, in: journey, references: [.touchpoint: touchpoint.id])
        }
    }
}
