/// Prints a `JourneyDiff` as JSON for scripts:
/// `{ "changes": [ { "change", "entity", "id", "fields" } ], "findings": { "introduced": [ … ], "resolved": [ … ] } }`.
public struct DiffJSONReporter: Reporter {
    public typealias Subject = JourneyComparison
    public let id = "json"

    public init() {}

    public func report(_ comparison: JourneyComparison) -> String {
        report(comparison.diff)
    }

    /// The JSON of `diff` alone.
    public func report(_ diff: JourneyDiff) -> String {
        var out = JSONOutput()
        out.beginObject()
        out.key("changes")
        out.beginArray()
        for change in diff.changes {
            out.beginObject()
            out.field("change", change.kind.rawValue)
            out.field("entity", change.entity.rawValue)
            out.field("id", change.id)
            if change.kind == .changed {
                out.key("fields")
                out.beginArray()
                for field in change.fieldNames { out.string(field) }
                out.endArray()
            }
            out.endObject()
        }
        out.endArray()
        out.key("findings")
        out.beginObject()
        let findings = JSONReporter()
        out.key("introduced")
        out.beginArray()
        for finding in diff.introducedFindings { findings.write(finding, to: &out) }
        out.endArray()
        out.key("resolved")
        out.beginArray()
        for finding in diff.resolvedFindings { findings.write(finding, to: &out) }
        out.endArray()
        out.endObject()
        out.endObject()
        return out.document
    }
}

