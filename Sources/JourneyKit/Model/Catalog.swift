/// Personas and channels shared by several journeys: one `NAME.catalog.json` or
/// `NAME.catalog.xml` file that journeys name in their `uses` list.
///
/// A catalogue has the journey's `id`, `title` and `description`, and personas and channels
/// with exactly the fields they have in a journey.
public struct Catalog: Sendable, Hashable {
    /// Identifier of the catalogue.
    public var id: String
    /// Human title.
    public var title: String
    /// What the catalogue holds and who maintains it.
    public var description: String?
    /// The personas it defines.
    public var personas: [Persona]
    /// The channels it defines.
    public var channels: [Channel]
    /// Where the catalogue starts in its file.
    @ExcludedFromEquality public var location: SourceLocation?

    /// A catalogue built in code or read from a file.
    public init(id: String, title: String, description: String? = nil, personas: [Persona] = [], channels: [Channel] = [],
                location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.personas = personas
        self.channels = channels
        self.location = location
    }
}

/// What looking up one `uses` entry gave.
public enum CatalogLookup: Sendable {
    /// The catalogue, read and valid.
    case found(Catalog)
    /// The entry names nothing that may be read (an absolute path, a URL, a path leaving the
    /// portfolio root, a missing file, a file that is not a catalogue): reported at the entry.
    case unavailable(message: String, hint: String)
    /// The catalogue was read but has errors; they are located in the catalogue's own file.
    case invalid([Diagnostic])
}

/// Gives the validator the catalogues a journey uses.
///
/// JourneyKit does no file I/O: the command line implements this, deciding which files may be
/// read (the portfolio root) and reading each catalogue once however many journeys use it.
public protocol CatalogSource: Sendable {
    /// The catalogue written as `path` in the `uses` list of the journey file at `journeyPath`.
    func catalog(_ path: String, usedBy journeyPath: String) -> CatalogLookup
}

extension Journey {
    /// Whether the persona or channel declared at `element` is the journey's own, not a
    /// catalogue's: catalogue elements are located in their catalogue's file.
    public func isOwnDeclaration(at element: SourceLocation?) -> Bool {
        element?.file == location?.file
    }

    /// The journey with its catalogues' personas and channels added to its own, as every command
    /// but `fmt` and `convert` sees it. With an `audience`, only the personas in it (and those
    /// named explicitly by a touchpoint) are kept: a catalogue of eight personas does not make
    /// every journey about all eight.
    public func resolved(with catalogs: [Catalog]) -> Journey {
        var resolved = self
        var personaIDs = Set(personas.map(\.id))
        var channelIDs = Set(channels.map(\.id))
        for catalog in catalogs {
            for persona in catalog.personas where personaIDs.insert(persona.id).inserted { resolved.personas.append(persona) }
            for channel in catalog.channels where channelIDs.insert(channel.id).inserted { resolved.channels.append(channel) }
        }
        if !audience.isEmpty {
            var kept = Set(audience)
            for touchpoint in touchpoints {
                kept.formUnion(touchpoint.personas)
                kept.formUnion(touchpoint.experiences.map(\.persona))
            }
            resolved.personas.removeAll { !kept.contains($0.id) }
        }
        return resolved
    }
}
