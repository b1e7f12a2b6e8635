/// Prints reports as JSON for scripts and CI:
///
///     { "files": [ { "path": "…", "journey": "…", "valid": true, "diagnostics": [ … ], "findings": [ … ] } ] }
///
/// A journey checked in a scenario has its own entry with `"scenario": "ID"` after `journey`.
public struct JSONReporter: Reporter, StreamingReporter {
    public let id = "json"

    public init() {}

    public func report(_ files: [FileReport]) -> String {
        var text = ""
        report(files) { text += $0 }
        return text
    }

    /// The same report, handed to `emit` in pieces of about `chunkSize` bytes as it is written.
    public func report(_ files: [FileReport], chunkSize: Int = 1 << 16, into emit: (String) -> Void) {
        var out = JSONOutput()
        out.beginObject()
        out.key("files")
        out.beginArray()
        for file in files {
            out.beginObject()
            out.field("path", file.path)
            out.key("journey")
            if let id = file.journeyID { out.string(id) } else { out.null() }
            if let scenario = file.scenario { out.field("scenario", scenario) }
            out.key("valid")
            out.bool(file.isValid)
            out.key("diagnostics")
            out.beginArray()
            for diagnostic in file.diagnostics { write(diagnostic, to: &out) }
            out.endArray()
            out.key("findings")
            out.beginArray()
            for finding in file.findings {
                write(finding, to: &out)
                if out.pendingByteCount >= chunkSize { emit(out.takeText()) }
            }
            out.endArray()
            out.endObject()
        }
        out.endArray()
        out.endObject()
        emit(out.takeText() + "\n")
    }

    /// One diagnostic as `{ "severity", "message", "line", "column" }`, with `hint` when it has
    /// one; findings add `rule` and `refs`.
    func write(_ diagnostic: Diagnostic, to out: inout JSONOutput) {
        out.beginObject()
        if let rule = diagnostic.rule { out.field("rule", rule) }
        out.field("severity", diagnostic.severity.rawValue)
        out.field("message", diagnostic.message)
        out.field("line", diagnostic.location.line)
        out.field("column", diagnostic.location.column)
        if let hint = diagnostic.hint { out.field("hint", hint) }
        if diagnostic.rule != nil {
            out.key("refs")
            out.beginObject()
            // In role order already.
            for (role, id) in diagnostic.references {
                if role == .personas {
                    out.field(role.rawValue, diagnostic.personaIDs)
                } else {
                    out.field(role.rawValue, id)
                }
            }
            out.endObject()
        }
        out.endObject()
    }
}
