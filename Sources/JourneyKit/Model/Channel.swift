/// A way customers and the business reach each other: a website, a phone line, WhatsApp…
public struct Channel: Sendable, Hashable, Identifiable {
    /// What sort of channel this is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case web, app, email, phone, messaging, social, ads, store, mail, other
    }

    /// Whether customers can use the channel today.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// In service now.
        case live
        /// Intended but not available yet.
        case planned
        /// No longer in service.
        case retired
    }

    /// Identifier, unique among the journey's channels.
    public var id: String
    /// Human name, e.g. "WhatsApp Business".
    public var name: String
    /// What sort of channel this is; `other` when not given.
    public var kind: Kind
    /// Whether the channel is in service; `live` when not given.
    public var status: Status
    /// The team responsible for the channel.
    public var owner: String?
    /// Notes about the channel.
    public var description: String?
    /// Labels for grouping and filtering, e.g. "priority"; no duplicates.
    public var tags: [String]
    /// Team-specific data, e.g. `jira: CX-142`, in file order.
    public var properties: [Property]
    /// Analyser rule ids suppressed for findings about this channel.
    public var ignore: [String]
    /// Where the channel starts in its file.
    @ExcludedFromEquality public var location: SourceLocation?

    /// A channel; kind `other` and status `live` unless given, as in the file format.
    public init(
        id: String,
        name: String,
        kind: Kind = .other,
        status: Status = .live,
        owner: String? = nil,
        description: String? = nil,
        tags: [String] = [],
        properties: [Property] = [],
        ignore: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.status = status
        self.owner = owner
        self.description = description
        self.tags = tags
        self.properties = properties
        self.ignore = ignore
        self.location = location
    }

    /// Whether customers can use this channel today.
    public var isLive: Bool { status == .live }
}
