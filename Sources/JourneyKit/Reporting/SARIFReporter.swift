/// Prints reports as SARIF 2.1.0, the format GitHub code scanning and many editors read.
///
/// One run with cjm as the tool: every analyser rule is described in `tool.driver.rules`
/// (the same summary and explanation as `cjm rules`), and every finding is a result at its
/// file, line and column. Validation problems are reported too, as results of the extra rule
/// `invalid-journey` (level `error`), so that a file which cannot be analysed does not look clean.
///
/// Findings carry the partial fingerprint `cjmFinding/v1` built from the journey id, the
/// rule id and the ids of the elements the finding is about, so an alert keeps its identity
/// when lines move. Validation results have no fingerprint: they are about text, not elements.
public struct SARIFReporter: Reporter {
    public let id = "sarif"

    /// The id of the rule under which validation problems are reported.
    public static let invalidJourneyRuleID = "invalid-journey"
    /// The key of the partial fingerprint of findings.
    public static let fingerprintKey = "cjmFinding/v1"
    /// The rules described in the run, in order; findings of rules not listed are still reported.
    public var rules: [any Rule]

    /// A reporter describing `rules` in the run's `tool.driver.rules`.
    public init(rules: [any Rule] = Analyzer.allRules) {
        self.rules = rules
    }

    public func report(_ files: [FileReport]) -> String {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        let invalidIndex = rules.count

        var out = JSONOutput()
        out.beginObject()
        out.field("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        out.key("runs")
        out.beginArray()
        out.beginObject()
        out.field("columnKind", "unicodeCodePoints")
        out.key("results")
        out.beginArray()
        for file in files {
            for diagnostic in file.diagnostics.sorted() {
                writeResult(diagnostic, ruleID: Self.invalidJourneyRuleID, index: invalidIndex,
                            fingerprint: nil, file: file, to: &out)
            }
            for finding in file.findings.isSorted ? file.findings : file.findings.sorted() {
                let ruleID = finding.rule ?? Self.invalidJourneyRuleID
                writeResult(finding, ruleID: ruleID, index: ruleIndex[ruleID],
                            fingerprint: Self.fingerprint(of: finding, journeyID: file.journeyID ?? file.path, scenario: file.scenario),
                            file: file, to: &out)
            }
        }
        out.endArray()
        out.key("tool")
        out.beginObject()
        out.key("driver")
        out.beginObject()
        out.field("name", "cjm")
        out.key("rules")
        out.beginArray()
        for rule in rules {
            writeDescriptor(id: rule.id, summary: rule.summary, explanation: rule.explanation,
                            help: rule.explanation + " To accept a finding, add \"\(rule.id)\" to the \"ignore\" list of the journey or of an element the finding names.",
                            level: rule.defaultSeverity, to: &out)
        }
        writeDescriptor(
            id: Self.invalidJourneyRuleID,
            summary: "A journey file that cannot be read or is not a valid journey.",
            explanation: "cjm only analyses valid journeys. This result reports a syntax error, an unknown or duplicate key, a wrong type, a missing field, a value out of range or an unknown reference; the journey's findings appear once it is fixed.",
            help: "Fix the problem at the reported place; `cjm check` prints a hint for most problems. docs/format.md describes the journey format.",
            level: .error, to: &out)
        out.endArray()
        out.field("semanticVersion", JourneyKit.version)
        out.field("version", JourneyKit.version)
        out.endObject()
        out.endObject()
        out.endObject()
        out.endArray()
        out.field("version", "2.1.0")
        out.endObject()
        return out.document
    }

    /// `journey-id/rule-id/role=id,role=id`: stable while the same elements have the same problem.
    /// In a scenario, `journey-id[scenario-id]/…`, so that the same finding in two scenarios stays two results.
    public static func fingerprint(of finding: Diagnostic, journeyID: String, scenario: String? = nil) -> String {
        // Without the list of personas: the alert for a stage or touchpoint stays the same one
        // when who it misses changes, and the fingerprint stays short however many they are.
        let references = finding.references.filter { $0.role != .personas }.map { "\($0.role.rawValue)=\($0.id)" }
        let journey = journeyID + (scenario.map { "[\($0)]" } ?? "")
        return "\(journey)/\(finding.rule ?? invalidJourneyRuleID)/" + references.joined(separator: ",")
    }

    /// A file path as a relative URI reference (or a `file://` URI when absolute), percent-encoded.
    public static func uri(forPath path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private func writeDescriptor(id: String, summary: String, explanation: String, help: String,
                                 level: Diagnostic.Severity, to out: inout JSONOutput) {
        out.beginObject()
        out.key("defaultConfiguration")
        out.beginObject()
        out.field("level", Self.level(level))
        out.endObject()
        out.key("fullDescription")
        out.beginObject()
        out.field("text", explanation)
        out.endObject()
        out.key("help")
        out.beginObject()
        out.field("text", help)
        out.endObject()
        out.field("id", id)
        out.key("shortDescription")
        out.beginObject()
        out.field("text", summary)
        out.endObject()
        out.endObject()
    }

    private func writeResult(_ diagnostic: Diagnostic, ruleID: String, index: Int?, fingerprint: String?,
                             file: FileReport, to out: inout JSONOutput) {
        out.beginObject()
        out.field("level", Self.level(diagnostic.severity))
        out.key("locations")
        out.beginArray()
        out.beginObject()
        out.key("physicalLocation")
        out.beginObject()
        out.key("artifactLocation")
        out.beginObject()
        out.field("uri", Self.uri(forPath: diagnostic.location.file.isEmpty ? file.path : diagnostic.location.file))
        out.endObject()
        out.key("region")
        out.beginObject()
        out.field("startColumn", max(1, diagnostic.location.column))
        out.field("startLine", max(1, diagnostic.location.line))
        out.endObject()
        out.endObject()
        out.endObject()
        out.endArray()
        out.key("message")
        out.beginObject()
        var text = diagnostic.message
        if let hint = diagnostic.hint { text += " (hint: \(hint))" }
        out.field("text", text)
        out.endObject()
        if let fingerprint {
            out.key("partialFingerprints")
            out.beginObject()
            out.field(Self.fingerprintKey, fingerprint)
            out.endObject()
        }
        if let scenario = file.scenario {
            out.key("properties")
            out.beginObject()
            out.field("scenario", scenario)
            out.endObject()
        }
        out.field("ruleId", ruleID)
        if let index {
            out.field("ruleIndex", index)
        }
        out.endObject()
    }
}
