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
    }

    /// One field's old and new value, rendered as text for people.
    public struct FieldChange: Sendable, Hashable {
        /// The model field name, e.g. `emotion`; `stage` for a touchpoint moved between stages.
        public var field: String
        /// The old value, as the text report prints it.
        public var old: String
        /// The new value.
        public var new: String
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
        /// For `changed`: the fields that differ, in model order.
        public var fields: [FieldChange]

        /// A change of one element.
    public init(kind: Kind, entity: Entity, id: String, name: String, stageID: String? = nil, stageName: String? = nil, fields: [FieldChange]) {
            self.kind = kind
            self.entity = entity
            self.id = id
            self.name = name
            self.stageID = stageID
            self.stageName = stageName
            self.fields = fields
        }

        /// The names of the fields that differ, as the JSON output lists them.
        public var fieldNames: [String] { fields.map(\.field) }
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
    public static func compare(old: Journey?, oldFindings: [Diagnostic], new: Journey?, newFindings: [Diagnostic]) -> JourneyDiff {
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
            fields.compareKeyed("scenario", oldJourney.scenarios.map { ($0.id, $0.displayText) }, newJourney.scenarios.map { ($0.id, $0.displayText) })
            fields.compareLabels(oldJourney.tags, oldJourney.properties, newJourney.tags, newJourney.properties)
            fields.compare("ignore", oldJourney.ignore, newJourney.ignore)
            if !fields.changes.isEmpty {
                changes.append(Change(kind: .changed, entity: .journey, id: newJourney.id, name: newJourney.title, fields: fields.changes))
            }
        }

        changes += compareElements(oldJourney.personas, newJourney.personas, entity: .persona) { old, new in
            var fields = FieldComparison()
            fields.compare("name", old.name, new.name)
            fields.compare("description", old.description, new.description)
            fields.compare("goals", old.goals, new.goals)
            fields.compare("channels", old.channels, new.channels)
            fields.compare("evidence", old.evidence.map(\.displayText), new.evidence.map(\.displayText))
            fields.compareLabels(old.tags, old.properties, new.tags, new.properties)
            fields.compare("ignore", old.ignore, new.ignore)
            return fields.changes
        }
        changes += compareElements(oldJourney.channels, newJourney.channels, entity: .channel) { old, new in
            var fields = FieldComparison()
            fields.compare("name", old.name, new.name)
            fields.compareValue("kind", old.kind.rawValue, new.kind.rawValue)
            fields.compareValue("status", old.status.rawValue, new.status.rawValue)
            fields.compare("owner", old.owner, new.owner)
            fields.compare("description", old.description, new.description)
            fields.compareLabels(old.tags, old.properties, new.tags, new.properties)
            fields.compare("ignore", old.ignore, new.ignore)
            return fields.changes
        }
        changes += compareStagesAndTouchpoints(oldJourney, newJourney)

        let (introduced, resolved) = compareFindings(old: oldFindings, new: newFindings)
        return JourneyDiff(changes: changes, introducedFindings: introduced, resolvedFindings: resolved)
    }

    // MARK: Elements

    private static func compareElements<Element: Identifiable & Named>(
        _ old: [Element], _ new: [Element], entity: Entity, fields: (Element, Element) -> [FieldChange]
    ) -> [Change] where Element.ID == String {
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.id))
        var changes: [Change] = []
        for element in new {
            if let previous = oldByID[element.id] {
                let differences = fields(previous, element)
                if !differences.isEmpty {
                    changes.append(Change(kind: .changed, entity: entity, id: element.id, name: element.name, fields: differences))
                }
            } else {
                changes.append(Change(kind: .added, entity: entity, id: element.id, name: element.name, fields: []))
            }
        }
        for element in old where !newIDs.contains(element.id) {
            changes.append(Change(kind: .removed, entity: entity, id: element.id, name: element.name, fields: []))
        }
        return changes
    }

    private static func compareStagesAndTouchpoints(_ old: Journey, _ new: Journey) -> [Change] {
        var oldTouchpoints: [String: (touchpoint: Touchpoint, stageID: String)] = [:]
        for stage in old.stages {
            for touchpoint in stage.touchpoints where oldTouchpoints[touchpoint.id] == nil {
                oldTouchpoints[touchpoint.id] = (touchpoint, stage.id)
            }
        }
        let oldStages = Dictionary(old.stages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newStageIDs = Set(new.stages.map(\.id))
        let newTouchpointIDs = Set(new.touchpoints.map(\.id))
        var stageNames = Dictionary(old.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for stage in new.stages { stageNames[stage.id] = stage.name }

        var changes: [Change] = []
        // Removed touchpoints are listed under the stage they were in; collect them first.
        var removedByStage: [String: [Change]] = [:]
        for stage in old.stages {
            for touchpoint in stage.touchpoints where !newTouchpointIDs.contains(touchpoint.id) {
                removedByStage[stage.id, default: []].append(
                    Change(kind: .removed, entity: .touchpoint, id: touchpoint.id, name: touchpoint.name, stageID: stage.id, stageName: stage.name, fields: []))
            }
        }

        for stage in new.stages {
            if let previous = oldStages[stage.id] {
                var fields = FieldComparison()
                fields.compare("name", previous.name, stage.name)
                fields.compare("description", previous.description, stage.description)
                // Only the order of touchpoints that stayed in this stage counts as reordering;
                // additions, removals and moves are reported on the touchpoints themselves.
                let kept = Set(previous.touchpoints.map(\.id)).intersection(stage.touchpoints.map(\.id))
                fields.compareOrder("touchpoints", previous.touchpoints.map(\.id).filter(kept.contains),
                                    stage.touchpoints.map(\.id).filter(kept.contains))
                fields.compareLabels(previous.tags, previous.properties, stage.tags, stage.properties)
                fields.compare("ignore", previous.ignore, stage.ignore)
                if !fields.changes.isEmpty {
                    changes.append(Change(kind: .changed, entity: .stage, id: stage.id, name: stage.name, fields: fields.changes))
                }
            } else {
                changes.append(Change(kind: .added, entity: .stage, id: stage.id, name: stage.name, fields: []))
            }
            for touchpoint in stage.touchpoints {
                guard let (previous, previousStage) = oldTouchpoints[touchpoint.id] else {
                    changes.append(Change(kind: .added, entity: .touchpoint, id: touchpoint.id, name: touchpoint.name, stageID: stage.id, stageName: stage.name, fields: []))
                    continue
                }
                var fields = FieldComparison()
                if previousStage != stage.id {
                    fields.changes.append(FieldChange(field: "stage", old: FieldComparison.render(stageNames[previousStage] ?? previousStage),
                                                      new: FieldComparison.render(stage.name)))
                }
                compareTouchpointFields(previous, touchpoint, into: &fields)
                if !fields.changes.isEmpty {
                    changes.append(Change(kind: .changed, entity: .touchpoint, id: touchpoint.id, name: touchpoint.name, stageID: stage.id, stageName: stage.name, fields: fields.changes))
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
        fields.compareValue("initiator", old.initiator.rawValue, new.initiator.rawValue)
        fields.compare("owner", old.owner, new.owner)
        fields.compareValue("emotion", old.emotion.map(String.init), new.emotion.map(String.init))
        fields.compareValue("entry", String(old.entry), String(new.entry))
        fields.compareValue("momentOfTruth", String(old.momentOfTruth), String(new.momentOfTruth))
        fields.compare("next", old.next, new.next)
        fields.compare("handoff", old.handoff, new.handoff)
        fields.compare("journey", old.journey, new.journey)
        fields.compare("pains", old.pains, new.pains)
        fields.compare("opportunities", old.opportunities, new.opportunities)
        fields.compare("kpis", old.kpis.map(\.displayText), new.kpis.map(\.displayText))
        fields.compareKeyed("experience", old.experiences.map { ($0.persona, $0.displayText) }, new.experiences.map { ($0.persona, $0.displayText) })
        fields.compare("evidence", old.evidence.map(\.displayText), new.evidence.map(\.displayText))
        fields.compare("backstage", old.backstage.map(\.displayText), new.backstage.map(\.displayText))
        fields.compareLabels(old.tags, old.properties, new.tags, new.properties)
        fields.compare("ignore", old.ignore, new.ignore)
    }

    // MARK: Findings

    /// Findings are matched by rule and the elements they are about, not by line, so that
    /// moving an element does not make its findings look new.
    private static func compareFindings(old: [Diagnostic], new: [Diagnostic]) -> (introduced: [Diagnostic], resolved: [Diagnostic]) {
        func key(_ finding: Diagnostic) -> String {
            ([finding.rule ?? ""] + finding.references.keys.sorted().map { "\($0.rawValue)=\(finding.references[$0] ?? "")" })
                .joined(separator: "\u{1F}")
        }
        var oldCounts: [String: Int] = [:]
        for finding in old { oldCounts[key(finding), default: 0] += 1 }
        var newCounts: [String: Int] = [:]
        for finding in new { newCounts[key(finding), default: 0] += 1 }

        var introduced: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for finding in new {
            let findingKey = key(finding)
            seen[findingKey, default: 0] += 1
            if seen[findingKey]! > oldCounts[findingKey, default: 0] { introduced.append(finding) }
        }
        var resolved: [Diagnostic] = []
        seen = [:]
        for finding in old {
            let findingKey = key(finding)
            seen[findingKey, default: 0] += 1
            if seen[findingKey]! > newCounts[findingKey, default: 0] { resolved.append(finding) }
        }
        return (introduced, resolved)
    }
}

/// Collects the fields that differ, rendering values for people.
private struct FieldComparison {
    var changes: [JourneyDiff.FieldChange] = []

    mutating func compare(_ field: String, _ old: String?, _ new: String?) {
        guard old != new else { return }
        changes.append(.init(field: field, old: Self.render(old), new: Self.render(new)))
    }

    mutating func compare(_ field: String, _ old: [String], _ new: [String]) {
        guard old != new else { return }
        changes.append(.init(field: field, old: Self.render(old), new: Self.render(new)))
    }

    /// Compares values that are shown as they are, without quotes: numbers, booleans, choices.
    mutating func compareValue(_ field: String, _ old: String?, _ new: String?) {
        guard old != new else { return }
        changes.append(.init(field: field, old: old ?? "(none)", new: new ?? "(none)"))
    }

    /// Compares items matched by a key (experiences by persona, scenarios by id, properties by
    /// name): one change per key added, removed or changed, named `field key`.
    mutating func compareKeyed(_ field: String, _ old: [(key: String, text: String)], _ new: [(key: String, text: String)]) {
        let oldByKey = Dictionary(old.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(\.key))
        for (key, text) in new where oldByKey[key] != text {
            changes.append(.init(field: "\(field) \(key)", old: oldByKey[key] ?? "(none)", new: text))
        }
        for (key, text) in old where !newKeys.contains(key) {
            changes.append(.init(field: "\(field) \(key)", old: text, new: "(none)"))
        }
    }

    /// Tags as a list, properties by name.
    mutating func compareLabels(_ oldTags: [String], _ oldProperties: [Property], _ newTags: [String], _ newProperties: [Property]) {
        compare("tags", oldTags, newTags)
        compareKeyed("property", oldProperties.map { ($0.name, Self.render($0.value)) }, newProperties.map { ($0.name, Self.render($0.value)) })
    }

    /// Records a change of order only (the same ids, in another order).
    mutating func compareOrder(_ field: String, _ old: [String], _ new: [String]) {
        guard old != new, old.count == new.count, Set(old) == Set(new) else { return }
        changes.append(.init(field: field, old: old.joined(separator: ", "), new: new.joined(separator: ", ")))
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
