/// What changed between two versions of a journey, matched by element id.
///
/// Reviewers want to see which touchpoints were added, removed, moved or edited, not which
/// braces moved; comparing by id makes the result the same for JSON and XML files and for
/// any mix of the two.
public struct JourneyDiff: Sendable, Hashable {
    /// The kind of element a change is about.
    public enum Entity: String, Sendable, Hashable, CaseIterable {
        case journey, persona, channel, stage, touchpoint
    }

    /// What happened to the element.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added, removed, changed
        /// The element's id changed and little else: a removed element and an added one of the
        /// same kind whose other fields are equal, or that keep their name (and stage).
        case renamed
    }

    /// One field's old and new value, rendered as text for people and in the journey's JSON form.
    public struct FieldChange: Sendable, Hashable {
        /// The model field name, e.g. `emotion`; `stage` for a touchpoint moved between stages;
        /// `experience maria` or `property jira` for one item of a keyed field.
        public var field: String
        /// The old value, as the text report prints it.
        public var old: String
        /// The new value.
        public var new: String
        /// The JSON key of the whole field (`experiences` for `experience maria`), as `JourneyFields` names it.
        public var key: String
        /// The whole field's old value in the journey's JSON form.
        public var oldValue: FieldValue
        /// The whole field's new value in the journey's JSON form.
        public var newValue: FieldValue
        /// For a list of texts or objects: the items taken out and put in, as the text report
        /// prints them; `nil` for other fields and for a list only reordered.
        public var listEdit: ListEdit?

        /// A change of one field; the key and values default to the field name and the texts.
        public init(field: String, old: String, new: String, key: String? = nil,
                    oldValue: FieldValue? = nil, newValue: FieldValue? = nil, listEdit: ListEdit? = nil) {
            self.field = field
            self.old = old
            self.new = new
            self.key = key ?? field
            self.oldValue = oldValue ?? .string(old)
            self.newValue = newValue ?? .string(new)
            self.listEdit = listEdit
        }
    }

    /// The items taken out of and put into a list, each rendered for people.
    public struct ListEdit: Sendable, Hashable {
        /// Items of the old list that the new one lacks, in old order.
        public var removed: [String]
        /// Items of the new list the old one lacked, in new order.
        public var added: [String]
    }

    /// One element that was added, removed or changed.
    public struct Change: Sendable, Hashable {
        /// Added, removed, changed, moved or reordered.
        public var kind: Kind
        /// What sort of element changed.
        public var entity: Entity
        /// The element's id.
        public var id: String
        /// The element's human name (the new one when it changed).
        public var name: String
        /// The stage a touchpoint is in (the new stage, or the old one when removed).
        public var stageID: String?
        /// That stage's name.
        public var stageName: String?
        /// For `changed` and `renamed`: the fields that differ, in model order.
        public var fields: [FieldChange]
        /// For `renamed`: the element's old id.
        public var previousID: String?

        /// A change of one element.
        public init(kind: Kind, entity: Entity, id: String, name: String, stageID: String? = nil, stageName: String? = nil,
                    fields: [FieldChange], previousID: String? = nil) {
            self.kind = kind
            self.entity = entity
            self.id = id
            self.name = name
            self.stageID = stageID
            self.stageName = stageName
            self.fields = fields
            self.previousID = previousID
        }

        /// The names of the fields that differ, as the JSON output lists them.
        public var fieldNames: [String] { fields.map(\.field) }

        /// The changed fields' old values by JSON key, each field once, in the order of
        /// `JourneyFields` (a touchpoint's `stage` first).
        public var oldValues: [FieldValue.Member] { values(\.oldValue) }

        /// The changed fields' new values by JSON key, like `oldValues`.
        public var newValues: [FieldValue.Member] { values(\.newValue) }

        private func values(_ value: KeyPath<FieldChange, FieldValue>) -> [FieldValue.Member] {
            let order = Self.fieldOrder[entity] ?? [:]
            var seen: Set<String> = []
            let members = fields.filter { seen.insert($0.key).inserted }.map { FieldValue.Member($0.key, $0[keyPath: value]) }
            // `stage` (where a touchpoint is) is not a field of the touchpoint; it comes first.
            return members.sorted { (order[$0.key] ?? -1) < (order[$1.key] ?? -1) }
        }

        /// Each entity's JSON keys by their place in `JourneyFields`, worked out once: describing
        /// every field again for each change cost more than comparing the journeys.
        private static let fieldOrder: [Entity: [String: Int]] = Dictionary(uniqueKeysWithValues: Entity.allCases.map { entity in
            (entity, Dictionary(JourneyFields.fields(of: entity.rawValue).enumerated().map { ($1.json, $0) }, uniquingKeysWith: { first, _ in first }))
        })
    }

    /// Every change, in the order of the new journey (removed elements where they used to be).
    public var changes: [Change]
    /// Findings present in the new version but not in the old.
    public var introducedFindings: [Diagnostic]
    /// Findings present in the old version but no longer in the new.
    public var resolvedFindings: [Diagnostic]

    /// Whether the two versions are the same journey (findings follow from the journey).
    public var isEmpty: Bool { changes.isEmpty }

    /// A diff from its changes and the findings they introduced and resolved.
    public init(changes: [Change], introducedFindings: [Diagnostic] = [], resolvedFindings: [Diagnostic] = []) {
        self.changes = changes
        self.introducedFindings = introducedFindings
        self.resolvedFindings = resolvedFindings
    }

    /// Compares two versions; `old` or `new` may be `nil` for a file that was added or deleted.
    public static func compare(old: Journey?, new: Journey?, analyzer: Analyzer = Analyzer()) -> JourneyDiff {
        compare(old: old, oldFindings: old.map { analyzer.analyze($0) } ?? [],
                new: new, newFindings: new.map { analyzer.analyze($0) } ?? [])
    }

    /// Compares two versions whose findings are known.
    public static func compare(old: Journey?, oldFindings: consuming [Diagnostic], new: Journey?, newFindings: consuming [Diagnostic]) -> JourneyDiff {
        var changes: [Change] = []
        let oldJourney = old ?? Journey(id: new?.id ?? "", title: "")
        let newJourney = new ?? Journey(id: old?.id ?? "", title: "")

        if old != nil, new != nil {
            var fields = FieldComparison()
            fields.compare("id", oldJourney.id, newJourney.id)
            fields.compare("title", oldJourney.title, newJourney.title)
            fields.compareValue("lang", oldJourney.lang, newJourney.lang)
            fields.compare("description", oldJourney.description, newJourney.description)
            fields.compare("uses", oldJourney.uses, newJourney.uses)
            fields.compare("audience", oldJourney.audience, newJourney.audience)
            fields.compareOrder("stages", oldJourney.stages.map(\.id), newJourney.stages.map(\.id))
            fields.compareKeyed("scenario", key: "scenarios", oldJourney.scenarios, newJourney.scenarios, by: \.id, text: \.displayText,
                                value: { .array($0.map(\.fieldValue)) })
            fields.compareLabels(oldJourney.tags, oldJourney.properties, newJourney.tags, newJourney.properties)
            fields.compare("ignore", oldJourney.ignore, newJourney.ignore)
            if !fields.changes.isEmpty {
                changes.append(Change(kind: .changed, entity: .journey, id: newJourney.id, name: newJourney.title, fields: fields.changes))
            }
        }

        var renames = Renames()
        changes += compareElements(oldJourney.personas, newJourney.personas, entity: .persona, renamed: &renames.personas,
                                   anonymous: { var copy = $0; copy.id = ""; return copy }) { old, new in
            var fields = FieldComparison()
            fields.compare("name", old.name, new.name)
            fields.compare("description", old.description, new.description)
            fields.compare("goals", old.goals, new.goals)
            fields.compare("channels", old.channels, new.channels)
            fields.compareObjects("evidence", old.evidence, new.evidence, text: \.displayText, value: \.fieldValue)
            fields.compareLabels(old.tags, old.properties, new.tags, new.properties)
            fields.compare("ignore", old.ignore, new.ignore)
            return fields.changes
        }
        changes += compareElements(oldJourney.channels, newJourney.channels, entity: .channel, renamed: &renames.channels,
                                   anonymous: { var copy = $0; copy.id = ""; return copy }) { old, new in
            var fields = FieldComparison()
            fields.compare("name", old.name, new.name)
            fields.compareValue("kind", old.kind, new.kind, text: \.rawValue, value: { .string($0.rawValue) })
            fields.compareValue("status", old.status, new.status, text: \.rawValue, value: { .string($0.rawValue) })
            fields.compare("owner", old.owner, new.owner)
            fields.compare("description", old.description, new.description)
            fields.compareLabels(old.tags, old.properties, new.tags, new.properties)
            fields.compare("ignore", old.ignore, new.ignore)
            return fields.changes
        }
        changes += compareStagesAndTouchpoints(oldJourney, newJourney, renames: &renames)

        // Translated in place: the old findings are the caller's to give up (`cjm diff` keeps
        // neither list), and a translated copy of 100,000 findings is 17 MB.
        if !renames.isEmpty {
            for index in oldFindings.indices { renames.translate(&oldFindings[index]) }
        }
        compareFindings(old: &oldFindings, new: &newFindings)
        return JourneyDiff(changes: changes, introducedFindings: newFindings, resolvedFindings: oldFindings)
    }

    // MARK: Elements

    /// Old ids of renamed elements and their new ids, by kind.
    private struct Renames {
        var personas: [String: String] = [:]
        var channels: [String: String] = [:]
        var stages: [String: String] = [:]
        var touchpoints: [String: String] = [:]

        /// Whether no element was renamed (findings then need no translating).
        var isEmpty: Bool { personas.isEmpty && channels.isEmpty && stages.isEmpty && touchpoints.isEmpty }

        /// The new id of an old touchpoint.
        func newTouchpointID(_ oldID: String) -> String { touchpoints.isEmpty ? oldID : touchpoints[oldID] ?? oldID }

        /// Replaces the ids of renamed elements in an old finding by their new ids, so that a
        /// finding that moved with its element is neither introduced nor resolved. In place, and
        /// only where an id changes: a copy of each finding retained all its texts.
        func translate(_ finding: inout Diagnostic) {
            for (role, id) in finding.references {
                let newID: String? = switch role {
                case .touchpoint, .from: touchpoints[id]
                case .persona: personas[id]
                case .personas: id.split(separator: " ").map { personas[String($0)] ?? String($0) }.joined(separator: " ")
                case .channel: channels[id]
                case .stage: stages[id]
                case .kpi: nil  // a KPI is named, not identified: a rename leaves it as it is
                }
                if let newID, newID != id { finding.references[role] = newID }
            }
        }
    }

    /// Pairs removed elements with added ones of the same kind that are the same but for their
    /// id (`anonymous` makes that comparable), or that keep their `nearKey` (name, and stage
    /// for touchpoints): new id → old element. Linear in the number of elements.
    private static func renames<Element: Identifiable & Hashable>(
        removed: [Element], added: [Element], anonymous: (Element) -> Element, nearKey: (Element) -> String
    ) -> [String: Element] where Element.ID == String {
        guard !removed.isEmpty, !added.isEmpty else { return [:] }
        var byContent: [Element: [Int]] = [:]
        var byNearKey: [String: [Int]] = [:]
        for (index, element) in removed.enumerated().reversed() {
            byContent[anonymous(element), default: []].append(index)
            byNearKey[nearKey(element), default: []].append(index)
        }
        var used: Set<Int> = []
        func take(_ candidates: inout [Int]?) -> Int? {
            while let index = candidates?.popLast() {
                if used.insert(index).inserted { return index }
            }
            return nil
        }
        var pairs: [String: Element] = [:]
        // Exact matches first, so that a near match does not take an element another one equals.
        var unmatched: [Element] = []
        for element in added {
            if let index = take(&byContent[anonymous(element)]) { pairs[element.id] = removed[index] } else { unmatched.append(element) }
        }
        for element in unmatched {
            if let index = take(&byNearKey[nearKey(element)]) { pairs[element.id] = removed[index] }
        }
        return pairs
    }

    private static func compareElements<Element: Identifiable & Named & Hashable>(
        _ old: [Element], _ new: [Element], entity: Entity, renamed: inout [String: String],
        anonymous: (Element) -> Element, fields: (Element, Element) -> [FieldChange]
    ) -> [Change] where Element.ID == String {
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.id))
        let pairs = renames(removed: old.filter { !newIDs.contains($0.id) }, added: new.filter { oldByID[$0.id] == nil },
                            anonymous: anonymous, nearKey: \.name)
        for (newID, previous) in pairs { renamed[previous.id] = newID }
        var changes: [Change] = []
        for element in new {
            if let previous = oldByID[element.id] {
                let differences = fields(previous, element)
                if !differences.isEmpty {
                    changes.append(Change(kind: .changed, entity: entity, id: element.id, name: element.name, fields: differences))
                }
            } else if let previous = pairs[element.id] {
                changes.append(Change(kind: .renamed, entity: entity, id: element.id, name: element.name,
                                      fields: fields(previous, element), previousID: previous.id))
            } else {
                changes.append(Change(kind: .added, entity: entity, id: element.id, name: element.name, fields: []))
            }
        }
        for element in old where !newIDs.contains(element.id) && renamed[element.id] == nil {
            changes.append(Change(kind: .removed, entity: entity, id: element.id, name: element.name, fields: []))
        }
        return changes
    }

    private static func compareStagesAndTouchpoints(_ old: Journey, _ new: Journey, renames found: inout Renames) -> [Change] {
        // One lookup table per side (`TouchpointPlaces`): no touchpoint or id copied into a table.
        let oldPlaces = TouchpointPlaces(old.stages)
        let newPlaces = TouchpointPlaces(new.stages)
        var oldStages = Dictionary(old.stages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var newStageIDs = Set(new.stages.map(\.id))

        // Renamed stages and touchpoints are looked up under their new ids from here on.
        let stagePairs = renames(removed: old.stages.filter { !newStageIDs.contains($0.id) },
                                 added: new.stages.filter { oldStages[$0.id] == nil },
                                 anonymous: { var copy = $0; copy.id = ""; return copy }, nearKey: \.name)
        for (newID, previous) in stagePairs {
            found.stages[previous.id] = newID
            oldStages[newID] = previous
            newStageIDs.insert(previous.id)
        }
        func newStageID(_ oldID: String) -> String { found.stages[oldID] ?? oldID }
        let oldStageNewIDs = old.stages.map { newStageID($0.id) }

        // The one lookup per touchpoint and side: where each new touchpoint was (nil: added, or
        // renamed), and whether each old touchpoint's id is still there (false: removed, or renamed).
        let previousPlaces = new.stages.map { stage in stage.touchpoints.map { oldPlaces[$0.id] } }
        let stillThere = old.stages.map { stage in stage.touchpoints.map { newPlaces[$0.id] != nil } }
        var gone: [Touchpoint] = []
        for (stageIndex, stage) in old.stages.enumerated() {
            for (index, touchpoint) in stage.touchpoints.enumerated() where !stillThere[stageIndex][index] { gone.append(touchpoint) }
        }
        var arrived: [Touchpoint] = []
        for (stageIndex, stage) in new.stages.enumerated() {
            for (index, touchpoint) in stage.touchpoints.enumerated() where previousPlaces[stageIndex][index] == nil { arrived.append(touchpoint) }
        }
        let touchpointPairs = renames(
            removed: gone, added: arrived,
            anonymous: { var copy = $0; copy.id = ""; return copy },
            nearKey: { touchpoint in
                // Old touchpoints are keyed by their (renamed) stage, new ones by theirs.
                let stage = oldPlaces[touchpoint.id].map { oldStageNewIDs[Int($0.stage)] } ?? newPlaces[touchpoint.id].map { new.stages[Int($0.stage)].id } ?? ""
                return touchpoint.name + "\u{1F}" + stage
            })
        var renamedTouchpoints: [String: String] = [:]
        for (newID, previous) in touchpointPairs {
            found.touchpoints[previous.id] = newID
            renamedTouchpoints[newID] = previous.id
        }

        // A stage's name as the new journey calls it, or as the old one did (for moves).
        var stageNames = Dictionary(old.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for stage in new.stages { stageNames[stage.id] = stage.name }

        let oldTouchpoints = old.stages.map(\.touchpoints)
        var changes: [Change] = []
        // Removed touchpoints are listed under the stage they were in; collect them first.
        var removedByStage: [String: [Change]] = [:]
        for (stageIndex, stage) in old.stages.enumerated() {
            for (index, touchpoint) in stage.touchpoints.enumerated() where !stillThere[stageIndex][index] && found.touchpoints[touchpoint.id] == nil {
                removedByStage[oldStageNewIDs[stageIndex], default: []].append(
                    Change(kind: .removed, entity: .touchpoint, id: touchpoint.id, name: touchpoint.name, stageID: stage.id, stageName: stage.name, fields: []))
            }
        }

        for (stageIndex, stage) in new.stages.enumerated() {
            if let previous = oldStages[stage.id] {
                var fields = FieldComparison()
                fields.compare("name", previous.name, stage.name)
                fields.compare("description", previous.description, stage.description)
                // Only the order of touchpoints that stayed in this stage counts as reordering;
                // additions, removals and moves are reported on the touchpoints themselves.
                let previousIDs = previous.touchpoints.map { found.newTouchpointID($0.id) }
                let currentIDs = stage.touchpoints.map(\.id)
                if previousIDs != currentIDs {  // the same ids in the same order need no sets
                    let kept = Set(previousIDs).intersection(currentIDs)
                    fields.compareOrder("touchpoints", previousIDs.filter(kept.contains), currentIDs.filter(kept.contains))
                }
                fields.compareLabels(previous.tags, previous.properties, stage.tags, stage.properties)
                fields.compare("ignore", previous.ignore, stage.ignore)
                if previous.id != stage.id {
                    changes.append(Change(kind: .renamed, entity: .stage, id: stage.id, name: stage.name, fields: fields.changes, previousID: previous.id))
                } else if !fields.changes.isEmpty {
                    changes.append(Change(kind: .changed, entity: .stage, id: stage.id, name: stage.name, fields: fields.changes))
                }
            } else {
                changes.append(Change(kind: .added, entity: .stage, id: stage.id, name: stage.name, fields: []))
            }
            // Both versions of a touchpoint are read where they are, through their arrays'
            // buffers: a copy of a touchpoint retains every text it holds, and at 100k those
            // retains reach all over memory (issue 19, growth).
            stage.touchpoints.withUnsafeBufferPointer { touchpoints in
                for index in touchpoints.indices {
                    var previousID = touchpoints[index].id
                    var place = previousPlaces[stageIndex][index]
                    if place == nil, let renamedFrom = renamedTouchpoints[touchpoints[index].id] {
                        previousID = renamedFrom
                        place = oldPlaces[renamedFrom]
                    }
                    guard let place else {
                        changes.append(Change(kind: .added, entity: .touchpoint, id: touchpoints[index].id, name: touchpoints[index].name,
                                              stageID: stage.id, stageName: stage.name, fields: []))
                        continue
                    }
                    let (oldStage, oldIndex) = (Int(place.stage), Int(place.index))
                    var fields = FieldComparison()
                    if oldStageNewIDs[oldStage] != stage.id {
                        let previousStageID = old.stages[oldStage].id
                        fields.changes.append(FieldChange(field: "stage", old: FieldComparison.render(stageNames[previousStageID] ?? previousStageID),
                                                          new: FieldComparison.render(stage.name), oldValue: .string(previousStageID), newValue: .string(stage.id)))
                    }
                    oldTouchpoints[oldStage].withUnsafeBufferPointer { previous in
                        // Most touchpoints are unchanged: one comparison of the whole value settles them.
                        if previous[oldIndex] != touchpoints[index] { compareTouchpointFields(previous[oldIndex], touchpoints[index], into: &fields) }
                    }
                    if previousID != touchpoints[index].id {
                        changes.append(Change(kind: .renamed, entity: .touchpoint, id: touchpoints[index].id, name: touchpoints[index].name, stageID: stage.id,
                                              stageName: stage.name, fields: fields.changes, previousID: previousID))
                    } else if !fields.changes.isEmpty {
                        changes.append(Change(kind: .changed, entity: .touchpoint, id: touchpoints[index].id, name: touchpoints[index].name, stageID: stage.id,
                                              stageName: stage.name, fields: fields.changes))
                    }
                }
            }
            changes += removedByStage.removeValue(forKey: stage.id) ?? []
        }
        for stage in old.stages where !newStageIDs.contains(stage.id) {
            changes.append(Change(kind: .removed, entity: .stage, id: stage.id, name: stage.name, fields: []))
            changes += removedByStage.removeValue(forKey: stage.id) ?? []
        }
        return changes
    }

    private static func compareTouchpointFields(_ old: Touchpoint, _ new: Touchpoint, into fields: inout FieldComparison) {
        fields.compare("name", old.name, new.name)
        fields.compare("description", old.description, new.description)
        fields.compare("channels", old.channels, new.channels)
        fields.compare("personas", old.personas, new.personas)
        fields.compareValue("initiator", old.initiator, new.initiator, text: \.rawValue, value: { .string($0.rawValue) })
        fields.compare("owner", old.owner, new.owner)
        fields.compareValue("emotion", old.emotion, new.emotion, text: { $0.map(String.init) }, value: { $0.map(FieldValue.integer) ?? .null })
        fields.compareValue("entry", old.entry, new.entry, text: { String($0) }, value: FieldValue.bool)
        fields.compareValue("momentOfTruth", old.momentOfTruth, new.momentOfTruth, text: { String($0) }, value: FieldValue.bool)
        fields.compare("next", old.next, new.next)
        fields.compare("handoff", old.handoff, new.handoff)
        fields.compare("journey", old.journey, new.journey)
        fields.compare("pains", old.pains, new.pains)
        fields.compare("opportunities", old.opportunities, new.opportunities)
        fields.compareObjects("kpis", old.kpis, new.kpis, text: \.displayText, value: \.fieldValue)
        fields.compareKeyed("experience", key: "experiences", old.experiences, new.experiences, by: \.persona, text: \.displayText,
                            value: { .array($0.map(\.fieldValue)) })
        fields.compareObjects("evidence", old.evidence, new.evidence, text: \.displayText, value: \.fieldValue)
        fields.compareObjects("backstage", old.backstage, new.backstage, text: \.displayText, value: \.fieldValue)
        fields.compareLabels(old.tags, old.properties, new.tags, new.properties)
        fields.compare("ignore", old.ignore, new.ignore)
    }

    // MARK: Findings

    /// Findings are matched by rule and the elements they are about, not by line, so that
    /// moving an element does not make its findings look new (`FindingCounts`). The unmatched
    /// ones are kept in the given arrays' own storage: introduced are the new findings left,
    /// resolved the old ones.
    private static func compareFindings(old: inout [Diagnostic], new: inout [Diagnostic]) {
        let unmatched = FindingCounts.unmatched(old: old, new: new)
        FindingCounts.keep(unmatched.new, of: &new)
        FindingCounts.keep(unmatched.old, of: &old)
    }
}

/// Collects the fields that differ, rendering values for people and in the JSON form.
private struct FieldComparison {
    var changes: [JourneyDiff.FieldChange] = []

    mutating func compare(_ field: String, _ old: String?, _ new: String?) {
        guard old != new else { return }
        changes.append(.init(field: field, old: Self.render(old), new: Self.render(new), oldValue: .text(old), newValue: .text(new)))
    }

    /// A list of texts or ids: the text report shows the items taken out and put in.
    mutating func compare(_ field: String, _ old: [String], _ new: [String]) {
        guard old != new else { return }
        changes.append(.init(field: field, old: Self.render(old), new: Self.render(new), oldValue: .texts(old), newValue: .texts(new),
                             listEdit: Self.listEdit(old.map { Self.render($0) }, new.map { Self.render($0) })))
    }

    /// A list of objects (KPIs, evidence, backstage steps), each shown as `text`.
    mutating func compareObjects<Item: Equatable>(_ field: String, _ old: [Item], _ new: [Item], text: (Item) -> String, value: (Item) -> FieldValue) {
        // Equal items render alike: texts are built only for lists that differ.
        guard old != new else { return }
        let oldTexts = old.map(text), newTexts = new.map(text)
        let oldValues = old.map(value), newValues = new.map(value)
        guard oldTexts != newTexts || oldValues != newValues else { return }
        changes.append(.init(field: field, old: Self.render(oldTexts), new: Self.render(newTexts),
                             oldValue: .array(oldValues), newValue: .array(newValues),
                             listEdit: Self.listEdit(oldTexts, newTexts)))
    }

    /// Compares values that are shown as they are, without quotes: numbers, booleans, choices;
    /// in JSON a text unless `oldValue`/`newValue` say otherwise.
    mutating func compareValue(_ field: String, _ old: String?, _ new: String?, _ oldValue: FieldValue? = nil, _ newValue: FieldValue? = nil) {
        guard old != new else { return }
        changes.append(.init(field: field, old: old ?? "(none)", new: new ?? "(none)",
                             oldValue: oldValue ?? .text(old), newValue: newValue ?? .text(new)))
    }

    /// Compares model values (numbers, flags, choices), shown as `text` and written as `value`;
    /// neither is built for equal values.
    mutating func compareValue<Value: Equatable>(_ field: String, _ old: Value, _ new: Value, text: (Value) -> String?, value: (Value) -> FieldValue) {
        guard old != new else { return }
        compareValue(field, text(old), text(new), value(old), value(new))
    }

    /// Compares items matched by a key (experiences by persona, scenarios by id, properties by
    /// name): one change per key added, removed or changed, named `field key`; in JSON the
    /// whole field under `key`.
    mutating func compareKeyed<Item: Equatable>(_ field: String, key jsonKey: String, _ old: [Item], _ new: [Item], by itemKey: (Item) -> String,
                                                text: (Item) -> String, value: ([Item]) -> FieldValue) {
        // Keys are unique in a valid journey, so equal lists have no item to report.
        guard old != new else { return }
        compareKeyed(field, key: jsonKey, old.map { (itemKey($0), text($0)) }, new.map { (itemKey($0), text($0)) }, value(old), value(new))
    }

    private mutating func compareKeyed(_ field: String, key jsonKey: String, _ old: [(key: String, text: String)], _ new: [(key: String, text: String)],
                                       _ oldValue: FieldValue, _ newValue: FieldValue) {
        let oldByKey = Dictionary(old.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(\.key))
        for (key, text) in new where oldByKey[key] != text {
            changes.append(.init(field: "\(field) \(key)", old: oldByKey[key] ?? "(none)", new: text, key: jsonKey, oldValue: oldValue, newValue: newValue))
        }
        for (key, text) in old where !newKeys.contains(key) {
            changes.append(.init(field: "\(field) \(key)", old: text, new: "(none)", key: jsonKey, oldValue: oldValue, newValue: newValue))
        }
    }

    /// Tags as a list, properties by name.
    mutating func compareLabels(_ oldTags: [String], _ oldProperties: [Property], _ newTags: [String], _ newProperties: [Property]) {
        compare("tags", oldTags, newTags)
        compareKeyed("property", key: "properties", oldProperties, newProperties, by: \.name, text: { Self.render($0.value) }, value: FieldValue.properties)
    }

    /// Records a change of order only (the same ids, in another order).
    mutating func compareOrder(_ field: String, _ old: [String], _ new: [String]) {
        guard old != new, old.count == new.count, Set(old) == Set(new) else { return }
        changes.append(.init(field: field, old: old.joined(separator: ", "), new: new.joined(separator: ", "),
                             oldValue: .texts(old), newValue: .texts(new)))
    }

    /// The items of `old` that `new` lacks and those of `new` that `old` lacked, counting
    /// repeats; `nil` when the lists hold the same items in another order.
    static func listEdit(_ old: [String], _ new: [String]) -> JourneyDiff.ListEdit? {
        var remaining: [String: Int] = [:]
        for item in new { remaining[item, default: 0] += 1 }
        var removed: [String] = []
        for item in old {
            if let count = remaining[item], count > 0 { remaining[item] = count - 1 } else { removed.append(item) }
        }
        var taken: [String: Int] = [:]
        for item in old { taken[item, default: 0] += 1 }
        var added: [String] = []
        for item in new {
            if let count = taken[item], count > 0 { taken[item] = count - 1 } else { added.append(item) }
        }
        return removed.isEmpty && added.isEmpty ? nil : JourneyDiff.ListEdit(removed: removed, added: added)
    }

    static func render(_ value: String?) -> String {
        guard let value else { return "(none)" }
        var quoted = ""
        JSONOutput.appendQuoted(value, to: &quoted)
        return quoted
    }

    static func render(_ values: [String]) -> String {
        values.isEmpty ? "(none)" : "[" + values.map { render($0) }.joined(separator: ", ") + "]"
    }
}

/// Elements that have a human name, for diff output.
protocol Named {
    var name: String { get }
}

extension Persona: Named {}
extension Channel: Named {}

extension Experience {
    /// `emotion -1; pains ["…"]; quote "…"`, the parts that are given.
    var displayText: String {
        var parts: [String] = []
        if let emotion { parts.append("emotion \(emotion)") }
        if !pains.isEmpty { parts.append("pains " + FieldComparison.render(pains)) }
        if let quote { parts.append("quote " + FieldComparison.render(quote)) }
        return parts.isEmpty ? "(no details)" : parts.joined(separator: "; ")
    }
}

extension Evidence {
    /// `interview: source, 2025-03-14 (note)`.
    var displayText: String {
        var text = "\(kind.rawValue): \(source)"
        if let date { text += ", \(date)" }
        if let note { text += " (\(note))" }
        return text
    }
}

extension BackstageStep {
    /// `name [lane, owner]: description`.
    var displayText: String {
        var text = name + " [" + lane.rawValue + (owner.map { ", " + $0 } ?? "") + "]"
        if let description { text += ": " + description }
        return text
    }
}

extension Scenario {
    /// `name: channel status, …`, with the description when given.
    var displayText: String {
        var text = FieldComparison.render(name)
        if let description { text += " (" + FieldComparison.render(description) + ")" }
        let statuses = channels.map { "\($0.channel) \($0.status.rawValue)" }
        return text + ": " + (statuses.isEmpty ? "no channel changes" : statuses.joined(separator: ", "))
    }
}

extension Touchpoint.KPI {
    /// `name (target)`, or just the name.
    var displayText: String { target.map { "\(name) (target \($0))" } ?? name }
}
