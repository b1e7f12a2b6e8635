/// What changed between two versions of a journey, in the form the flow diagram draws it:
/// added touchpoints and stages in green, changed ones in amber, removed touchpoints as
/// dashed ghosts in the stage they used to be in (`cjm diff --format dot`).
public struct DiagramChanges: Sendable, Hashable {
    /// How an element of the new journey changed.
    public enum Mark: Sendable, Hashable {
        case added
        /// Changed, with what changed, one text per field: `channels: + wa-api`,
        /// `emotion: 0 → 1`, or the field's name alone when its values are long.
        case changed(fields: [String])
    }

    /// A journey, persona, channel or stage that changed, for the changes box of the legend.
    public struct ElementChange: Sendable, Hashable {
        /// What sort of element.
        public var entity: JourneyDiff.Entity
        /// Added, removed, changed or renamed.
        public var kind: JourneyDiff.Kind
        /// Its name (the new one when it changed).
        public var name: String
        /// Its id, and the old one when it was renamed.
        public var id: String, previousID: String?
        /// What changed, one text per field, as on a changed touchpoint.
        public var details: [String]
    }

    /// A touchpoint that is gone, drawn where it used to be.
    public struct Ghost: Sendable, Hashable {
        /// The removed touchpoint, as it was.
        public var touchpoint: Touchpoint
        /// The stage it was in (in the old journey).
        public var stageID: String
        /// The touchpoint it came after in that stage, when that one is still drawn there.
        public var afterID: String?
    }

    /// A stage that is gone, drawn as a ghost after the stage it used to follow.
    public struct GhostStage: Sendable, Hashable {
        /// The removed stage, as it was.
        public var stage: Stage
        /// The stage of the new journey it came after, or `nil` when it came first.
        public var afterStageID: String?
    }

    /// How each added or changed touchpoint is marked, by id.
    public var touchpoints: [String: Mark]
    /// How each added or changed stage is marked, by id.
    public var stages: [String: Mark]
    /// Removed touchpoints of stages that still exist, in old document order.
    public var ghosts: [Ghost]
    /// Removed stages with all their touchpoints.
    public var ghostStages: [GhostStage]
    /// The journey, persona, channel and stage changes, in the diff's order: the headline
    /// changes a reviewer looks for first (`wa-api: status planned → live`).
    public var elements: [ElementChange]

    /// The changes of `diff`, which compared `old` with the journey being drawn.
    public init(_ diff: JourneyDiff, old: Journey) {
        var touchpoints: [String: Mark] = [:]
        var stages: [String: Mark] = [:]
        var removedTouchpoints: Set<String> = []
        var removedStages: Set<String> = []
        var elements: [ElementChange] = []
        for change in diff.changes {
            let details = (change.previousID.map { ["id: \($0) → \(change.id)"] } ?? []) + change.fields.map(Self.describe)
            switch (change.entity, change.kind) {
            case (.touchpoint, .added): touchpoints[change.id] = .added
            case (.touchpoint, .changed), (.touchpoint, .renamed): touchpoints[change.id] = .changed(fields: details)
            case (.touchpoint, .removed): removedTouchpoints.insert(change.id)
            case (.stage, .added): stages[change.id] = .added
            case (.stage, .changed), (.stage, .renamed): stages[change.id] = .changed(fields: details)
            case (.stage, .removed): removedStages.insert(change.id)
            default: break
            }
            if change.entity != .touchpoint {
                elements.append(ElementChange(entity: change.entity, kind: change.kind, name: change.name, id: change.id,
                                              previousID: change.previousID, details: change.fields.map(Self.describe)))
            }
        }
        self.elements = elements
        var ghosts: [Ghost] = []
        var ghostStages: [GhostStage] = []
        var previousKeptStage: String?
        for stage in old.stages {
            if removedStages.contains(stage.id) {
                ghostStages.append(GhostStage(stage: stage, afterStageID: previousKeptStage))
                continue
            }
            previousKeptStage = stage.id
            var previousKept: String?
            for touchpoint in stage.touchpoints {
                if removedTouchpoints.contains(touchpoint.id) {
                    ghosts.append(Ghost(touchpoint: touchpoint, stageID: stage.id, afterID: previousKept))
                } else {
                    previousKept = touchpoint.id
                }
            }
        }
        self.touchpoints = touchpoints
        self.stages = stages
        self.ghosts = ghosts
        self.ghostStages = ghostStages
    }

    /// Whether nothing is marked.
    public var isEmpty: Bool { touchpoints.isEmpty && stages.isEmpty && ghosts.isEmpty && ghostStages.isEmpty && elements.isEmpty }

    /// The longest old or new value shown as `old → new`; longer ones are named only.
    static let longestValueShown = 24

    /// What changed in a field, short enough for a box: the items of a list taken out and put
    /// in, `old → new` for short values, else the field's name.
    static func describe(_ field: JourneyDiff.FieldChange) -> String {
        if let edit = field.listEdit {
            let items = edit.added.map { "+ " + unquoted($0) } + edit.removed.map { "− " + unquoted($0) }
            return field.field + ": " + items.joined(separator: ", ")
        }
        guard field.old.count <= longestValueShown, field.new.count <= longestValueShown else { return field.field }
        return field.field + ": " + unquoted(field.old) + " → " + unquoted(field.new)
    }

    /// A value as the text diff quotes it, without the quotes (ids and short texts read better bare).
    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\""), !text.dropFirst().dropLast().contains("\\") else { return text }
        return String(text.dropFirst().dropLast())
    }
}
