/// A team-specific name/value pair, e.g. `"jira": "CX-142"`.
///
/// Unknown keys are errors in a journey file so that typos are caught; `properties` is the
/// place for anything the format does not describe. Kept as an ordered list so that files
/// round-trip in the order they were written.
public struct Property: Sendable, Hashable {
    /// The key, e.g. "jira".
    public var name: String
    /// The value, e.g. "CX-142".
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
