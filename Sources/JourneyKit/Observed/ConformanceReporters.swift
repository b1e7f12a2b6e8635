/// `cjm conform --format json`: the shape docs/observed.md documents, keys in a fixed order.
public struct ConformanceJSONReporter: Reporter {
    public let id = "json"

    public init() {}

    public func report(_ report: ConformanceReport) -> String {
        var json = JSONOutput()
        json.beginObject()
        json.field("journey", report.journeyID)
        json.field("cases", report.cases)
        json.field("events", report.events)
        json.field("conforming", report.conforming)
        json.key("fitness"); json.number(report.fitness.decimalText())
        json.key("deviationCounts")
        json.beginObject()
        for kind in ConformanceReport.DeviationKind.allCases {
            json.field(kind.rawValue, report.deviationCounts[kind] ?? 0)
        }
        json.endObject()
        json.key("deviations")
        json.beginArray()
        for deviation in report.deviations {
            json.beginObject()
            json.field("case", deviation.caseID)
            json.field("kind", deviation.kind.rawValue)
            json.field("touchpoint", deviation.touchpoint)
            json.field("from", deviation.from)
            json.field("to", deviation.to)
            json.field("row", deviation.row)
            json.endObject()
        }
        json.endArray()
        json.key("touchpoints")
        json.beginArray()
        for touchpoint in report.touchpoints {
            json.beginObject()
            json.field("id", touchpoint.id)
            json.field("cases", touchpoint.cases)
            json.key("share"); json.number(touchpoint.share.decimalText())
            json.field("dropOffs", touchpoint.dropOffs)
            json.endObject()
        }
        json.endArray()
        json.key("transitions")
        json.beginArray()
        for transition in report.transitions {
            json.beginObject()
            json.field("from", transition.from)
            json.field("to", transition.to)
            json.field("cases", transition.cases)
            json.endObject()
        }
        json.endArray()
        json.key("variants")
        json.beginArray()
        for variant in report.variants {
            json.beginObject()
            json.field("path", variant.path)
            if variant.path.isEmpty { json.key("path"); json.beginArray(); json.endArray() }
            json.field("cases", variant.cases)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.document
    }
}

/// `cjm conform` for people: the summary first, then the deviations and the tables.
public struct ConformanceTextReporter: Reporter {
    public let id = "text"

    public init() {}

    public func report(_ report: ConformanceReport) -> String {
        let safe = TerminalText.sanitize
        var lines = [
            "Journey \(safe(report.journeyID)): \(report.cases) \(report.cases == 1 ? "case" : "cases"), \(report.events) \(report.events == 1 ? "event" : "events")",
            "Conforming: \(report.conforming) of \(report.cases) (fitness \(report.fitness.decimalText()))",
            "Deviations: " + ConformanceReport.DeviationKind.allCases
                .map { "\(report.deviationCounts[$0] ?? 0) \($0.words)" }.joined(separator: ", "),
        ]
        if !report.deviations.isEmpty {
            lines += ["", report.deviationsTruncated ? "Deviations (the first \(report.deviations.count)):" : "Deviations:"]
            lines += report.deviations.map { "  case \(safe($0.caseID)), row \($0.row): \(safe(describe($0)))" }
        }
        lines += ["", "Touchpoints (cases, share, drop-offs):"]
        lines += report.touchpoints.map {
            "  \(safe($0.id)): \($0.cases), \(($0.share * 100).decimalText(places: 1)) %, \($0.dropOffs) dropped off"
        }
        if !report.transitions.isEmpty {
            lines += ["", "Transitions (cases):"]
            lines += report.transitions.map {
                "  \(safe($0.from)) -> \(safe($0.to)): \($0.cases)\($0.isPlanned ? "" : " (not a planned step)")"
            }
        }
        if !report.variants.isEmpty {
            lines += ["", "Variants (cases):"]
            lines += report.variants.map { "  \($0.cases): \(safe($0.path.joined(separator: " -> ")))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `cjm conform --format markdown`: the same as the text, as tables for a pull request or wiki.
public struct ConformanceMarkdownReporter: Reporter {
    public let id = "markdown"

    public init() {}

    public func report(_ report: ConformanceReport) -> String {
        var lines = [
            "# Conformance of \(MarkdownText.tableCell(report.journeyTitle)) (`\(MarkdownText.tableCell(report.journeyID))`)",
            "",
            "\(report.conforming) of \(report.cases) cases conform (fitness \(report.fitness.decimalText())); \(report.events) events.",
            "",
            "| Deviation | Count |",
            "| --- | ---: |",
        ]
        lines += ConformanceReport.DeviationKind.allCases.map { "| \($0.words) | \(report.deviationCounts[$0] ?? 0) |" }
        if !report.deviations.isEmpty {
            lines += ["", report.deviationsTruncated ? "## Deviations (the first \(report.deviations.count))" : "## Deviations", "",
                      "| Case | Row | Deviation |", "| --- | ---: | --- |"]
            lines += report.deviations.map { "| \(MarkdownText.tableCell($0.caseID)) | \($0.row) | \(MarkdownText.tableCell(describe($0))) |" }
        }
        lines += ["", "## Touchpoints", "", "| Touchpoint | Cases | Share | Drop-offs |", "| --- | ---: | ---: | ---: |"]
        lines += report.touchpoints.map {
            "| \(MarkdownText.tableCell($0.name)) (`\(MarkdownText.tableCell($0.id))`) | \($0.cases) | \(($0.share * 100).decimalText(places: 1)) % | \($0.dropOffs) |"
        }
        if !report.transitions.isEmpty {
            lines += ["", "## Transitions", "", "| From | To | Cases | Planned |", "| --- | --- | ---: | --- |"]
            lines += report.transitions.map { "| \(MarkdownText.tableCell($0.from)) | \(MarkdownText.tableCell($0.to)) | \($0.cases) | \($0.isPlanned ? "yes" : "no") |" }
        }
        if !report.variants.isEmpty {
            lines += ["", "## Variants", "", "| Cases | Path |", "| ---: | --- |"]
            lines += report.variants.map { "| \($0.cases) | \(MarkdownText.tableCell($0.path.joined(separator: " → "))) |" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One deviation in words: `missing touchpoint "pay"`, `irregular sequence: browse -> pay`.
private func describe(_ deviation: ConformanceReport.Deviation) -> String {
    switch deviation.kind {
    case .adHoc: "ad hoc touchpoint \"\(deviation.touchpoint ?? "")\" (not in the journey)"
    case .failing: "failing touchpoint \"\(deviation.touchpoint ?? "")\""
    case .missing: "missing touchpoint \"\(deviation.touchpoint ?? "")\""
    case .irregularSequence: "irregular sequence \(deviation.from ?? "") -> \(deviation.to ?? "") (no flow leads there)"
    }
}
