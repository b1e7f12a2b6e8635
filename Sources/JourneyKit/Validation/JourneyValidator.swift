/// Checks what a file format cannot: ids are well formed and unique, and every reference
/// names an element that exists.
///
/// Both importers run it after reading, with the positions they recorded, so JSON and XML
/// files get the same checks and the same messages.
public struct JourneyValidator: Sendable {
    /// The rule ids that `ignore` lists may name; `nil` accepts any.
    public var knownRuleIDs: Set<String>?
    /// Where the catalogues named in `uses` come from; `nil` resolves none, so references to
    /// catalogue personas and channels are unknown.
    public var catalogs: (any CatalogSource)?

    /// A validator; `knownRuleIDs` comes from the analyser (`JourneyChecker` passes its rules'
    /// ids), because validation runs before analysis and must not depend on it.
    public init(knownRuleIDs: Set<String>? = nil, catalogs: (any CatalogSource)? = nil) {
        self.knownRuleIDs = knownRuleIDs
        self.catalogs = catalogs
    }

    /// The catalogues of `journey` that could be read and are valid, in `uses` order, with the
    /// problems of the others: errors located at the `uses` entry or in the catalogue's file.
    public func resolveCatalogs(of journey: Journey, sourceMap: SourceMap = SourceMap()) -> (catalogs: [Catalog], diagnostics: [Diagnostic]) {
        guard !journey.uses.isEmpty else { return ([], []) }
        let fallback = journey.location ?? SourceLocation(file: "", line: 1, column: 1)
        var found: [Catalog] = []
        var diagnostics: [Diagnostic] = []
        for (index, path) in journey.uses.enumerated() {
            let entry = sourceMap.location(of: .uses, index: index, in: journey.location) ?? fallback
            guard let catalogs else {
                diagnostics.append(.error("catalogue \"\(path)\" cannot be read here", at: entry,
                                          hint: "check the journey with cjm, which reads the catalogues it uses"))
                continue
            }
            switch catalogs.catalog(path, usedBy: fallback.file) {
            case .found(let catalog): found.append(catalog)
            case .unavailable(let message, let hint): diagnostics.append(.error(message, at: entry, hint: hint))
            case .invalid(let problems):
                diagnostics += problems
                diagnostics.append(.error("catalogue \"\(path)\" has errors", at: entry, hint: "correct the catalogue first (its errors are listed with it)"))
            }
        }
        return (found, diagnostics)
    }

    /// Whether `id` is a well-formed id: `^[A-Za-z_][A-Za-z0-9_.-]*$`.
    public static func isValidID(_ id: String) -> Bool {
        // On the bytes in place: every declared id is checked, and the view's iterator cost more.
        id.utf8.withContiguousStorageIfAvailable { isValidID(utf8: $0) } ?? isValidID(utf8: id.utf8)
    }

    private static func isValidID(utf8: some Collection<UInt8>) -> Bool {
        guard let first = utf8.first, first.isASCIILetter || first == UInt8(ascii: "_") else { return false }
        return utf8.dropFirst().allSatisfy { byte in
            byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }

    /// Whether `tag` has the shape of a BCP 47 language tag: a language of 2 to 8 letters, then
    /// subtags of 1 to 8 letters or digits, separated by '-' ("es", "en-GB", "zh-Hant-TW").
    /// Whether the subtags are registered is not checked: the registry changes, the shape does not.
    public static func isWellFormedLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...8).contains(language.count), language.allSatisfy(\.isASCIILetter) else { return false }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit } }
    }

    /// Every id and reference problem in the journey, in document order.
    public func validate(_ journey: Journey, sourceMap: SourceMap = SourceMap()) -> [Diagnostic] {
        var context = Context(journey: journey, sourceMap: sourceMap, knownRuleIDs: knownRuleIDs)
        let fallback = journey.location ?? SourceLocation(file: "", line: 1, column: 1)

        context.checkID(journey.id, kind: "journey", at: journey.location, fallback: fallback)
        context.checkIgnore(journey.ignore, at: journey.location, fallback: fallback)
        context.checkLabels(journey.tags, journey.properties, at: journey.location, fallback: fallback)
        if let lang = journey.lang, !Self.isWellFormedLanguageTag(lang) {
            context.diagnostics.append(.error(
                "\"lang\" \"\(lang)\" is not a BCP 47 language tag", at: sourceMap.location(of: .lang, in: journey.location) ?? fallback,
                hint: "write a language code, optionally with a region or script: \"es\", \"en-GB\", \"pt-BR\""))
        }

        context.journeyFile = fallback.file
        let (catalogs, catalogProblems) = resolveCatalogs(of: journey, sourceMap: sourceMap)
        context.diagnostics += catalogProblems
        // Catalogue ids first: an id a journey redefines, or two catalogues both define, is an
        // error at both definitions, since either may be the one to rename.
        var catalogPersonas: [String: (name: String, location: SourceLocation?)] = [:]
        var catalogChannels: [String: (name: String, location: SourceLocation?)] = [:]
        for catalog in catalogs {
            for persona in catalog.personas {
                context.declareShared(persona.id, name: persona.name, kind: "persona", at: persona.location, in: &catalogPersonas)
            }
            for channel in catalog.channels {
                context.declareShared(channel.id, name: channel.name, kind: "channel", at: channel.location, in: &catalogChannels)
            }
        }
        for persona in journey.personas where !catalogPersonas.isEmpty {
            context.declareShared(persona.id, name: persona.name, kind: "persona", at: persona.location, in: &catalogPersonas, recordNew: false)
        }
        for channel in journey.channels where !catalogChannels.isEmpty {
            context.declareShared(channel.id, name: channel.name, kind: "channel", at: channel.location, in: &catalogChannels, recordNew: false)
        }

        var personaNames = IDTable(.personas(journey.personas))
        for (index, persona) in journey.personas.enumerated() {
            context.declare(persona.id, .persona(Int32(index)), at: persona.location, in: &personaNames, fallback: fallback)
            context.checkIgnore(persona.ignore, at: persona.location, fallback: fallback)
            context.checkLabels(persona.tags, persona.properties, at: persona.location, fallback: fallback)
        }
        var channelNames = IDTable(.channels(journey.channels))
        for (index, channel) in journey.channels.enumerated() {
            context.declare(channel.id, .channel(Int32(index)), at: channel.location, in: &channelNames, fallback: fallback)
            context.checkIgnore(channel.ignore, at: channel.location, fallback: fallback)
            context.checkLabels(channel.tags, channel.properties, at: channel.location, fallback: fallback)
        }
        var stageNames = IDTable(.stages(journey.stages))
        var touchpointNames = IDTable(.touchpoints(of: journey.stages))
        for (stageIndex, stage) in journey.stages.enumerated() {
            context.declare(stage.id, .stage(Int32(stageIndex)), at: stage.location, in: &stageNames, fallback: fallback)
            context.checkIgnore(stage.ignore, at: stage.location, fallback: fallback)
            context.checkLabels(stage.tags, stage.properties, at: stage.location, fallback: fallback)
            // By index, reading fields in place: `for touchpoint in` copies every touchpoint,
            // retaining and releasing each of its strings, which dominated this pass at 100k.
            let touchpoints = stage.touchpoints
            for index in touchpoints.indices {
                let location = touchpoints[index].location
                context.declare(touchpoints[index].id, .touchpoint(stage: Int32(stageIndex), index: Int32(index)), at: location,
                                in: &touchpointNames, fallback: fallback)
                context.checkIgnore(touchpoints[index].ignore, at: location, fallback: fallback)
                if !touchpoints[index].tags.isEmpty || !touchpoints[index].properties.isEmpty {
                    context.checkLabels(touchpoints[index].tags, touchpoints[index].properties, at: location, fallback: fallback)
                }
            }
        }

        for persona in journey.personas {
            context.checkReferences(persona.channels, field: .channels, kind: "channel", owner: "persona \"\(TerminalText.isolated(persona.name))\"",
                                    at: persona.location, known: channelNames, fallback: fallback)
        }
        for (id, declaration) in catalogPersonas.sorted(by: { $0.key < $1.key }) where !personaNames.contains(id) {
            _ = personaNames.insert(id, declaredBy: context.catalogDeclaration(declaration))
        }
        for (id, declaration) in catalogChannels.sorted(by: { $0.key < $1.key }) where !channelNames.contains(id) {
            _ = channelNames.insert(id, declaredBy: context.catalogDeclaration(declaration))
        }
        context.checkReferences(journey.audience, field: .audience, kind: "persona", owner: "the journey's audience",
                                at: journey.location, known: personaNames, fallback: fallback)
        for stage in journey.stages {
            let touchpoints = stage.touchpoints
            for index in touchpoints.indices {
                let location = touchpoints[index].location
                let owner = { "touchpoint \"\(TerminalText.isolated(touchpoints[index].name))\"" }
                context.checkReferences(touchpoints[index].channels, field: .channels, kind: "channel", owner: owner(),
                                        at: location, known: channelNames, fallback: fallback)
                context.checkReferences(touchpoints[index].personas, field: .personas, kind: "persona", owner: owner(),
                                        at: location, known: personaNames, fallback: fallback)
                context.checkReferences(touchpoints[index].next, field: .next, kind: "touchpoint", owner: owner(),
                                        at: location, known: touchpointNames, fallback: fallback)
                if touchpoints[index].next.count > 1 {
                    context.checkRepeatedNext(touchpoints[index].next, owner: owner(), at: location, fallback: fallback)
                }
                if !touchpoints[index].experiences.isEmpty {
                    context.checkExperiences(of: touchpoints[index], known: personaNames, fallback: fallback)
                }
            }
        }
        var scenarioNames = IDTable(.scenarios(journey.scenarios))
        for (index, scenario) in journey.scenarios.enumerated() {
            context.declare(scenario.id, .scenario(Int32(index)), at: scenario.location, in: &scenarioNames, fallback: fallback)
            context.checkReferences(scenario.channels.map(\.channel), field: .channels, kind: "channel", owner: "scenario \"\(TerminalText.isolated(scenario.name))\"",
                                    at: scenario.location, known: channelNames, fallback: fallback)
            var seen: Set<String> = []
            for (index, override) in scenario.channels.enumerated() where !seen.insert(override.channel).inserted {
                context.diagnostics.append(.error(
                    "scenario \"\(TerminalText.isolated(scenario.name))\" gives channel \"\(TerminalText.visibleID(override.channel))\" a status twice",
                    at: sourceMap.location(of: .channels, index: index, in: scenario.location) ?? fallback,
                    hint: "keep one status per channel"))
            }
        }
        return context.diagnostics
    }

    /// The hint for a reference to an unknown id: the id of the same kind it most likely means —
    /// the closest spelling, else the one that starts with it or that it starts with
    /// (`book-consult` → `book-consultation`) — or how to fix it.
    static func referenceHint(for id: String, among ids: [String], kind: String) -> String {
        if let meant = Suggestion.closest(to: id, among: ids) ?? prefixRelative(of: id, among: ids) {
            return "did you mean \"\(meant)\"?"
        }
        return "declare a \(kind) with id \"\(TerminalText.visibleID(id))\" or correct the reference"
    }

    /// The id that extends `id` or that `id` extends, closest in length (first in order on a tie).
    private static func prefixRelative(of id: String, among ids: [String]) -> String? {
        let word = id.lowercased()
        guard word.count >= 3 else { return nil }
        var best: (id: String, difference: Int)?
        for candidate in ids {
            let other = candidate.lowercased()
            guard other.count >= 3, other.hasPrefix(word) || word.hasPrefix(other) else { continue }
            let difference = abs(other.count - word.count)
            if difference < (best?.difference ?? .max) { best = (candidate, difference) }
        }
        return best?.id
    }

    private struct Context {
        /// The journey validated, where a duplicate id's first declaration is looked up.
        let journey: Journey
        let sourceMap: SourceMap
        let knownRuleIDs: Set<String>?
        /// The journey's file, whose positions `sourceMap` holds.
        var journeyFile = ""
        var diagnostics: [Diagnostic] = []
        /// The name and location of the catalogue personas and channels added to the id tables.
        var catalogDeclarations: [(name: String, location: SourceLocation?)] = []

        mutating func catalogDeclaration(_ declaration: (name: String, location: SourceLocation?)) -> IDTable.Declaration {
            catalogDeclarations.append(declaration)
            return .catalog(Int32(catalogDeclarations.count - 1))
        }

        /// The name and location of a declaration, read from the journey only for a message.
        func describe(_ declaration: IDTable.Declaration) -> (name: String, location: SourceLocation?) {
            switch declaration {
            case .persona(let index): (journey.personas[Int(index)].name, journey.personas[Int(index)].location)
            case .channel(let index): (journey.channels[Int(index)].name, journey.channels[Int(index)].location)
            case .stage(let index): (journey.stages[Int(index)].name, journey.stages[Int(index)].location)
            case .touchpoint(let stage, let index):
                (journey.stages[Int(stage)].touchpoints[Int(index)].name, journey.stages[Int(stage)].touchpoints[Int(index)].location)
            case .scenario(let index): (journey.scenarios[Int(index)].name, journey.scenarios[Int(index)].location)
            case .catalog(let index): catalogDeclarations[Int(index)]
            }
        }

        mutating func checkID(_ id: String, kind: String, at element: SourceLocation?, fallback: SourceLocation) {
            guard !id.isEmpty, !JourneyValidator.isValidID(id) else { return }
            let location = sourceMap.location(of: .id, in: element) ?? fallback
            diagnostics.append(.error(
                "\(kind) id \"\(TerminalText.visibleID(id))\" is not a valid id", at: location,
                hint: "ids start with a letter or '_' and contain only letters, digits, '_', '.' and '-' (no spaces)"))
        }

        mutating func declare(
            _ id: String, _ declaration: IDTable.Declaration, at element: SourceLocation?,
            in declared: inout IDTable, fallback: SourceLocation
        ) {
            let kind = declaration.kind
            checkID(id, kind: kind, at: element, fallback: fallback)
            guard !id.isEmpty else { return }
            if let firstDeclaration = declared.insert(id, declaredBy: declaration) {
                let first = describe(firstDeclaration)
                let location = sourceMap.location(of: .id, in: element) ?? fallback
                let whereFirst = first.location.map { " at line \($0.line)" } ?? ""
                diagnostics.append(.error(
                    "duplicate \(kind) id \"\(TerminalText.visibleID(id))\": \"\(TerminalText.isolated(first.name))\"\(whereFirst) already uses it", at: location,
                    hint: "each \(kind) needs its own id; rename one of them"))
            }
        }

        /// Records a catalogue's (or, with `recordNew` false, the journey's own) persona or channel
        /// in `shared`; an id already there is an error at both definitions.
        mutating func declareShared(
            _ id: String, name: String, kind: String, at element: SourceLocation?,
            in shared: inout [String: (name: String, location: SourceLocation?)], recordNew: Bool = true
        ) {
            guard !id.isEmpty else { return }
            guard let first = shared[id] else {
                if recordNew { shared[id] = (name, element) }
                return
            }
            // The source map holds the journey file's positions only; catalogue elements keep their own.
            func idLocation(_ element: SourceLocation?) -> SourceLocation? {
                element?.file == journeyFile ? sourceMap.location(of: .id, in: element) : element
            }
            let here = idLocation(element)
            let there = idLocation(first.location)
            func place(_ location: SourceLocation?) -> String {
                location.map { "\($0.file):\($0.line):\($0.column)" } ?? "another file"
            }
            let hint = "a \(kind) is defined once, in the journey or in one catalogue; rename or remove one of them"
            if let there {
                diagnostics.append(.error("\(kind) id \"\(TerminalText.visibleID(id))\" is defined twice: \"\(TerminalText.isolated(name))\" at \(place(here)) defines it too", at: there, hint: hint))
            }
            if let here {
                diagnostics.append(.error("\(kind) id \"\(TerminalText.visibleID(id))\" is defined twice: \"\(TerminalText.isolated(first.name))\" at \(place(there)) defines it too", at: here, hint: hint))
            }
        }

        mutating func checkReferences(
            // The owner's description is only built when a reference is wrong.
            _ ids: [String], field: SourceMap.Field, kind: String, owner: @autoclosure () -> String, at element: SourceLocation?,
            known: IDTable, fallback: SourceLocation
        ) {
            for (index, id) in ids.enumerated() where !known.contains(id) {
                let location = sourceMap.location(of: field, index: index, in: element) ?? fallback
                // Suggesting among very many ids would cost more than it helps.
                let hint = known.count <= 2_000
                    ? JourneyValidator.referenceHint(for: id, among: known.ids.sorted(), kind: kind)
                    : "declare a \(kind) with id \"\(TerminalText.visibleID(id))\" or correct the reference"
                diagnostics.append(.error("\(owner()) refers to unknown \(kind) \"\(TerminalText.visibleID(id))\"", at: location, hint: hint))
            }
        }

        /// A `next` entry listed twice draws one arrow and means nothing more: a warning, since
        /// it usually hides a typo for another id (issue 17).
        mutating func checkRepeatedNext(_ next: [String], owner: @autoclosure () -> String, at element: SourceLocation?, fallback: SourceLocation) {
            // A `next` list is short (one or two steps, rarely more than eight): comparing each
            // entry with those before it costs less than a `Set` made for every touchpoint.
            var seen: Set<String> = []
            func isRepeated(_ index: Int) -> Bool {
                guard next.count > 8 else { return next[..<index].contains(next[index]) }
                return !seen.insert(next[index]).inserted
            }
            for (index, id) in next.enumerated() where isRepeated(index) {
                diagnostics.append(Diagnostic(
                    severity: .warning, message: "\(owner()) lists \"\(TerminalText.visibleID(id))\" in \"next\" twice",
                    location: sourceMap.location(of: .next, index: index, in: element) ?? fallback,
                    hint: "remove the repeated entry, or correct it if another touchpoint was meant"))
            }
        }

        /// Tags are non-empty and unique; property names are non-empty and unique.
        mutating func checkLabels(_ tags: [String], _ properties: [Property], at element: SourceLocation?, fallback: SourceLocation) {
            var seenTags: Set<String> = []
            for (index, tag) in tags.enumerated() {
                let location = sourceMap.location(of: .tags, index: index, in: element) ?? fallback
                if tag.isEmpty {
                    diagnostics.append(.error("a tag is empty", at: location, hint: "remove it or write the tag's text"))
                } else if !seenTags.insert(tag).inserted {
                    diagnostics.append(.error("duplicate tag \"\(tag)\"", at: location, hint: "each tag is listed once; remove this one"))
                }
            }
            var seenNames: Set<String> = []
            for (index, property) in properties.enumerated() {
                let location = sourceMap.location(of: .properties, index: index, in: element) ?? fallback
                if property.name.isEmpty {
                    diagnostics.append(.error("a property has an empty name", at: location, hint: "name it, e.g. \"jira\""))
                } else if !seenNames.insert(property.name).inserted {
                    diagnostics.append(.error("duplicate property \"\(TerminalText.isolated(property.name))\"", at: location,
                                              hint: "each property name is used once; merge the values or rename one"))
                }
            }
        }

        /// Each experience names a persona that exists, is in the touchpoint's audience, and has no other experience here.
        mutating func checkExperiences(of touchpoint: Touchpoint, known personas: IDTable, fallback: SourceLocation) {
            var seen: Set<String> = []
            for experience in touchpoint.experiences {
                let location = sourceMap.location(of: .persona, in: experience.location) ?? touchpoint.location ?? fallback
                if !personas.contains(experience.persona) {
                    diagnostics.append(.error(
                        "an experience of touchpoint \"\(TerminalText.isolated(touchpoint.name))\" refers to unknown persona \"\(TerminalText.visibleID(experience.persona))\"", at: location,
                        hint: JourneyValidator.referenceHint(for: experience.persona, among: personas.ids.sorted(), kind: "persona")))
                } else if !touchpoint.isAimed(at: experience.persona) {
                    diagnostics.append(.error(
                        "touchpoint \"\(TerminalText.isolated(touchpoint.name))\" has an experience for persona \"\(TerminalText.visibleID(experience.persona))\", which is not in its personas",
                        at: location, hint: "add \"\(TerminalText.visibleID(experience.persona))\" to the touchpoint's personas or remove the experience"))
                } else if !seen.insert(experience.persona).inserted {
                    diagnostics.append(.error(
                        "touchpoint \"\(TerminalText.isolated(touchpoint.name))\" has a second experience for persona \"\(TerminalText.visibleID(experience.persona))\"", at: location,
                        hint: "a persona has one experience per touchpoint; merge them"))
                }
            }
        }

        mutating func checkIgnore(_ ruleIDs: [String], at element: SourceLocation?, fallback: SourceLocation) {
            guard let knownRuleIDs else { return }
            for (index, rule) in ruleIDs.enumerated() where !knownRuleIDs.contains(rule) {
                let location = sourceMap.location(of: .ignore, index: index, in: element) ?? fallback
                diagnostics.append(.error(
                    "\"ignore\" names unknown rule \"\(TerminalText.visibleID(rule))\"", at: location,
                    hint: Suggestion.hint(for: rule, among: knownRuleIDs.sorted(), fallback: "run `cjm rules` to list the rule ids")))
            }
        }
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
}
