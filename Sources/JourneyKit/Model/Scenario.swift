/// An alternative state of the same journey, e.g. the to-be state in which a channel is live:
/// checking or drawing the journey with a scenario applies its channel statuses.
public struct Scenario: Sendable, Hashable, Identifiable {
    /// One channel's status in the scenario.
    public struct ChannelStatus: Sendable, Hashable {
        /// The channel's id.
        public var channel: String
        /// Its status in the scenario.
        public var status: Channel.Status

        public init(channel: String, status: Channel.Status) {
            self.channel = channel
            self.status = status
        }
    }

    /// Identifier, unique among the journey's scenarios.
    public var id: String
    /// Human name, e.g. "With the WhatsApp Business API".
    public var name: String
    /// What the scenario assumes.
    public var description: String?
    /// The channel statuses that differ from the journey as written, in file order.
    public var channels: [ChannelStatus]
    /// Where the scenario starts in its file.
    @ExcludedFromEquality public var location: SourceLocation?

    public init(id: String, name: String, description: String? = nil, channels: [ChannelStatus] = [], location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.channels = channels
        self.location = location
    }
}

/// `--scenario` named a scenario the journey does not have.
public struct UnknownScenario: Error, Sendable, Hashable {
    /// The id that was asked for.
    public var id: String
    /// E.g. `the journey has no scenario "con-apy"`.
    public var message: String
    /// A near id or the list of the journey's scenarios.
    public var hint: String
}

extension Journey {
    /// The journey as it is in `scenario`: its channels take the scenario's statuses, and the
    /// scenario list is kept so that reports can name it.
    public func applying(_ scenario: Scenario) -> Journey {
        var result = self
        for override in scenario.channels {
            for index in result.channels.indices where result.channels[index].id == override.channel {
                result.channels[index].status = override.status
            }
        }
        return result
    }

    /// The scenario with this id, for `--scenario`.
    public func scenario(withID id: String) throws(UnknownScenario) -> Scenario {
        if let scenario = scenarios.first(where: { $0.id == id }) { return scenario }
        let ids = scenarios.map(\.id)
        let known = ids.isEmpty ? "the journey has no scenarios" : "its scenarios are " + ids.map { "\"\($0)\"" }.joined(separator: ", ")
        throw UnknownScenario(id: id, message: "the journey has no scenario \"\(id)\"",
                              hint: Suggestion.hint(for: id, among: ids).map { $0 + "; " + known } ?? known)
    }
}
