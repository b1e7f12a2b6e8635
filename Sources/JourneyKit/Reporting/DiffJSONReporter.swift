/// Prints a `JourneyDiff` as JSON for scripts:
/// `{ "changes": [ { "change", "entity", "id", "from", "fields", "old", "new" } ], "findings": { "introduced": [ … ], "resolved": [ … ] } }`.
///
/// `from` is the old id of a renamed element; `fields` lists what a changed or renamed element
/// changed, and `old` and `new` hold those fields' whole values as the journey's JSON form
/// writes them (`null` for a field not given).
public struct DiffJSONReporter: Reporter, StreamingDiffReporter {
    public typealias Subject = JourneyComparison
    public let id = "json"

    public init() {}

    public func report(_ comparison: JourneyComparison) -> String {
        report(comparison.diff)
    }

    public func report(_ comparison: JourneyComparison, chunkSize: Int, into emit: (String) -> Void) {
        report(comparison.diff, chunkSize: chunkSize, into: emit)
    }

    /// The JSON of `diff` alone.
    public func report(_ diff: JourneyDiff) -> String {
        var text = ""
        report(diff) { text += $0 }
        return text
    }

    /// The same JSON, handed to `emit` in pieces of about `chunkSize` bytes as it is written.
    public func report(_ diff: JourneyDiff, chunkSize: Int = 1 << 16, into emit: (String) -> Void) {
        var out = JSONOutput()
        func flushIfFull() {
            if out.pendingByteCount >= chunkSize { emit(out.takeText()) }
        }
        out.beginObject()
        out.key("changes")
        out.beginArray()
        for change in diff.changes {
            out.beginObject()
            out.field("change", change.kind.rawValue)
            out.field("entity", change.entity.rawValue)
            out.field("id", change.id)
            out.field("from", change.previousID)
            if change.kind == .changed || (change.kind == .renamed && !change.fields.isEmpty) {
                out.key("fields")
                out.beginArray()
                for field in change.fieldNames { out.string(field) }
                out.endArray()
                for (key, values) in [("old", change.oldValues), ("new", change.newValues)] {
                    out.key(key)
                    FieldValue.object(values).write(to: &out)
                }
            }
            out.endObject()
            flushIfFull()
        }
        out.endArray()
        out.key("findings")
        out.beginObject()
        let findings = JSONReporter()
        out.key("introduced")
        out.beginArray()
        for finding in diff.introducedFindings {
            findings.write(finding, to: &out)
            flushIfFull()
        }
        out.endArray()
        out.key("resolved")
        out.beginArray()
        for finding in diff.resolvedFindings {
            findings.write(finding, to: &out)
            flushIfFull()
        }
        out.endArray()
        out.endObject()
        out.endObject()
        emit(out.takeText() + "\n")
    }
}

