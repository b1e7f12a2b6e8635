/// What changed between two versions of a journey, in the form the flow diagram draws it:
/// added touchpoints and stages in green, changed ones in amber, removed touchpoints as
/// dashed ghosts in the stage they used to be in (`cjm diff --format dot`).
public struct DiagramChanges: Sendable, Hashable {
    /// How an element of the new journey changed.
    public enum Mark: Sendable, Hashable {
        case added
        /// Changed, with the names of the fields that differ (`stage` when it moved).
        case changed(fields: [String])
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

    /// The changes of `diff`, which compared `old` with the journey being drawn.
    public init(_ diff: JourneyDiff, old: Journey) {
        var touchpoints: [String: Mark] = [:]
        var stages: [String: Mark] = [:]
        var removedTouchpoints: Set<String> = []
        var removedStages: Set<String> = []
        for change in diff.changes {
            switch (change.entity, change.kind) {
            case (.touchpoint, .added): touchpoints[change.id] = .added
            case (.touchpoint, .changed): touchpoints[change.id] = .changed(fields: change.fieldNames)
            case (.touchpoint, .removed): removedTouchpoints.insert(change.id)
            case (.stage, .added): stages[change.id] = .added
            case (.stage, .changed): stages[change.id] = .changed(fields: change.fieldNames)
            case (.stage, .removed): removedStages.insert(change.id)
            case (.touchpoint, .renamed): touchpoints[change.id] = .changed(fields: ["id"] + change.fieldNames)
            case (.stage, .renamed): stages[change.id] = .changed(fields: ["id"] + change.fieldNames)
            default: break
            }
        }
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
    public var isEmpty: Bool { touchpoints.isEmpty && stages.isEmpty && ghosts.isEmpty && ghostStages.isEmpty }
}
