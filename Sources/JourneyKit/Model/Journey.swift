/// A customer journey: who the customers are, how they reach the business, and the
/// stages and touchpoints they go through.
///
/// One journey is one file (`NAME.journey.json` or `NAME.journey.xml`).
public struct Journey: Sendable, Hashable {
    /// Identifier of the journey, unique among a team's journeys.
    public var id: String
    /// Human title, shown on diagrams and reports.
    public var title: String
    /// The BCP 47 language tag of the journey's texts, e.g. "es" or "en-GB"; diagrams use it for their own labels.
    public var lang: String?
    /// What this journey covers.
    public var description: String?
    /// The catalogues this journey uses, as written: paths relative to the journey's folder, with `/`.
    public var uses: [String]
    /// The ids of the personas this journey is about (its own or its catalogues'); empty means every
    /// persona it declares or imports.
    public var audience: [String]
    /// The kinds of customer who go through this journey.
    public var personas: [Persona]
    /// The channels through which customers and the business are in contact.
    public var channels: [Channel]
    /// The stages of the journey, in the order customers go through them.
    public var stages: [Stage]
    /// Alternative states of the journey (e.g. as-is and to-be), each with its own channel statuses.
    public var scenarios: [Scenario]
    /// Labels for grouping and filtering, e.g. "priority"; no duplicates.
    public var tags: [String]
    /// Team-specific data, e.g. `jira: CX-142`, in file order.
    public var properties: [Property]
    /// Analyser rule ids suppressed for the whole journey.
    public var ignore: [String]
    /// The `$schema` reference of a JSON file. Kept so that formatting a JSON file
    /// does not drop it; the XML form has no place for it.
    public var jsonSchema: String?
    /// Where the journey starts in its file.
    @ExcludedFromEquality public var location: SourceLocation?

    /// A journey built in code; everything but the id and title may be added later.
    public init(
        id: String,
        title: String,
        lang: String? = nil,
        description: String? = nil,
        uses: [String] = [],
        audience: [String] = [],
        personas: [Persona] = [],
        channels: [Channel] = [],
        stages: [Stage] = [],
        scenarios: [Scenario] = [],
        tags: [String] = [],
        properties: [Property] = [],
        ignore: [String] = [],
        jsonSchema: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.lang = lang
        self.description = description
        self.uses = uses
        self.audience = audience
        self.personas = personas
        self.channels = channels
        self.stages = stages
        self.scenarios = scenarios
        self.tags = tags
        self.properties = properties
        self.ignore = ignore
        self.jsonSchema = jsonSchema
        self.location = location
    }

    /// Every touchpoint of every stage, in document order.
    public var touchpoints: some Sequence<Touchpoint> {
        stages.lazy.flatMap(\.touchpoints)
    }
}
