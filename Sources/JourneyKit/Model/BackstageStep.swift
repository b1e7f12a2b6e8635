/// Work the customer does not see that makes a touchpoint happen: the service-blueprint layer.
public struct BackstageStep: Sendable, Hashable {
    /// The service-blueprint lane of the step.
    public enum Lane: String, Sendable, Hashable, CaseIterable {
        /// Staff actions out of the customer's sight.
        case backstage
        /// Processes of other teams or partners that the staff rely on.
        case support
        /// Software and automation.
        case system
    }

    /// What is done, e.g. "Checks stock in the warehouse".
    public var name: String
    /// The lane; `backstage` when not given.
    public var lane: Lane
    /// The team or person who does it.
    public var owner: String?
    /// More about it.
    public var description: String?

    public init(name: String, lane: Lane = .backstage, owner: String? = nil, description: String? = nil) {
        self.name = name
        self.lane = lane
        self.owner = owner
        self.description = description
    }
}
