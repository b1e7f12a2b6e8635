/// Two versions of a journey and what changed between them: what `cjm diff` reports.
public struct JourneyComparison: Sendable {
    /// The old version; `nil` when the file was added.
    public var old: Journey?
    /// The new version; `nil` when the file was deleted.
    public var new: Journey?
    /// The old version's path as the user (or git) named it.
    public var oldPath: String
    /// The new version's path.
    public var newPath: String
    /// The changes and the findings they introduced and resolved.
    public var diff: JourneyDiff

    /// Compares `old` and `new`, whose findings the caller's checker already produced. The
    /// findings are consumed: only those introduced and resolved are kept, in `diff`.
    public init(old: Journey?, oldFindings: consuming [Diagnostic] = [], oldPath: String,
                new: Journey?, newFindings: consuming [Diagnostic] = [], newPath: String) {
        self.old = old
        self.new = new
        self.oldPath = oldPath
        self.newPath = newPath
        diff = JourneyDiff.compare(old: old, oldFindings: consume oldFindings, new: new, newFindings: consume newFindings)
    }
}
