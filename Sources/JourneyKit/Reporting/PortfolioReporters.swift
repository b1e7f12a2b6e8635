/// `cjm portfolio --format json`:
///
///     { "journeys": [ { "id", "title", "path", "stages", "touchpoints", "findings": { "error", "warning", "info" } } ],
///       "channels": [ { "id", "name", "status", "journeys": [ { "id", "touchpoints" } ] } ],
///       "personas": [ { "id", "name", "journeys": [ { "id", "stages": [ID] } ] } ],
///       "owners": [ { "owner", "touchpoints", "momentsOfTruth" } ],
///       "whatIf": null | { "changes": [ { "channel", "status" } ], "journeys": [ { "id", "introduced": [FINDING], "resolved": [FINDING] } ] } }
///
/// with FINDING the shape of `cjm check --format json` findings.
public struct PortfolioJSONReporter: Reporter {
    public let id = "json"

    /// The JSON reporter.
    public init() {}

    public func report(_ portfolio: PortfolioReport) -> String {
        var out = JSONOutput()
        out.beginObject()
        out.key("journeys")
        out.beginArray()
        for journey in portfolio.journeys {
            out.beginObject()
            out.field("id", journey.id)
            out.field("title", journey.title)
            out.field("path", journey.path)
            out.field("stages", journey.stages)
            out.field("touchpoints", journey.touchpoints)
            out.key("findings")
            out.beginObject()
            out.field("error", journey.errors)
            out.field("warning", journey.warnings)
            out.field("info", journey.infos)
            out.endObject()
            out.endObject()
        }
        out.endArray()
        out.key("channels")
        out.beginArray()
        for channel in portfolio.channels {
            out.beginObject()
            out.field("id", channel.id)
            out.field("name", channel.name)
            out.field("status", channel.status.rawValue)
            out.key("journeys")
            out.beginArray()
            for use in channel.journeys {
                out.beginObject()
                out.field("id", use.journey)
                out.field("touchpoints", use.touchpoints)
                out.endObject()
            }
            out.endArray()
            out.endObject()
        }
        out.endArray()
        out.key("personas")
        out.beginArray()
        for persona in portfolio.personas {
            out.beginObject()
            out.field("id", persona.id)
            out.field("name", persona.name)
            out.key("journeys")
            out.beginArray()
            for use in persona.journeys {
                out.beginObject()
                out.field("id", use.journey)
                out.key("stages")
                out.beginArray()
                for stage in use.stages { out.string(stage) }
                out.endArray()
                out.endObject()
            }
            out.endArray()
            out.endObject()
        }
        out.endArray()
        out.key("owners")
        out.beginArray()
        for owner in portfolio.owners {
            out.beginObject()
            out.field("owner", owner.owner)
            out.field("touchpoints", owner.touchpoints)
            out.field("momentsOfTruth", owner.momentsOfTruth)
            out.endObject()
        }
        out.endArray()
        out.key("whatIf")
        if let whatIf = portfolio.whatIf {
            let findings = JSONReporter()
            out.beginObject()
            out.key("changes")
            out.beginArray()
            for change in whatIf.changes {
                out.beginObject()
                out.field("channel", change.channel)
                out.field("status", change.status.rawValue)
                out.endObject()
            }
            out.endArray()
            out.key("journeys")
            out.beginArray()
            for journey in whatIf.journeys {
                out.beginObject()
                out.field("id", journey.id)
                out.key("introduced")
                out.beginArray()
                for finding in journey.introduced { findings.write(finding, to: &out) }
                out.endArray()
                out.key("resolved")
                out.beginArray()
                for finding in journey.resolved { findings.write(finding, to: &out) }
                out.endArray()
                out.endObject()
            }
            out.endArray()
            out.endObject()
        } else {
            out.null()
        }
        out.endObject()
        return out.document
    }
}

/// `cjm portfolio` for people: the journeys, channels, personas, owners and the what-if, as text.
public struct PortfolioTextReporter: Reporter {
    public let id = "text"

    /// The text reporter.
    public init() {}

    public func report(_ portfolio: PortfolioReport) -> String {
        var lines: [String] = []
        lines.append("Journeys (\(portfolio.journeys.count))")
        for journey in portfolio.journeys {
            lines.append("  \(journey.id)  \(journey.title)  [\(journey.path)]")
            lines.append("    \(journey.stages) stages, \(journey.touchpoints) touchpoints; \(PortfolioWords.findings(journey))")
        }
        lines.append("")
        lines.append("Channels (\(portfolio.channels.count))")
        for channel in portfolio.channels where !channel.journeys.isEmpty {
            let uses = channel.journeys.map { "\($0.journey) (\($0.touchpoints))" }.joined(separator: ", ")
            lines.append("  \(channel.id)  \(channel.name), \(channel.status.rawValue): \(uses)")
        }
        let unusedChannels = portfolio.channels.filter(\.journeys.isEmpty)
        if !unusedChannels.isEmpty {
            lines.append("  used by no journey: " + unusedChannels.map { "\($0.id) (\($0.status.rawValue))" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("Personas (\(portfolio.personas.count))")
        for persona in portfolio.personas where !persona.journeys.isEmpty {
            let uses = persona.journeys.map { "\($0.journey) (\($0.stages.joined(separator: ", ")))" }.joined(separator: "; ")
            lines.append("  \(persona.id)  \(persona.name): \(uses)")
        }
        let unreached = portfolio.personas.filter(\.journeys.isEmpty)
        if !unreached.isEmpty {
            lines.append("  reached by no journey: " + unreached.map(\.id).joined(separator: ", "))
        }
        lines.append("")
        lines.append("Owners (\(portfolio.owners.count))")
        for owner in portfolio.owners {
            lines.append("  \(owner.owner): \(PortfolioWords.count(owner.touchpoints, "touchpoint")), \(PortfolioWords.count(owner.momentsOfTruth, "moment of truth", plural: "moments of truth"))")
        }
        if let whatIf = portfolio.whatIf {
            lines.append("")
            lines.append("What if " + PortfolioWords.changes(whatIf) + "?")
            for journey in whatIf.journeys {
                guard !journey.introduced.isEmpty || !journey.resolved.isEmpty else {
                    lines.append("  \(journey.id): no change")
                    continue
                }
                lines.append("  \(journey.id):")
                for finding in journey.introduced { lines.append("    + \(finding.severity.rawValue): \(finding.message) [\(finding.rule ?? "")]") }
                for finding in journey.resolved { lines.append("    - \(finding.severity.rawValue): \(finding.message) [\(finding.rule ?? "")]") }
            }
            lines.append("  " + PortfolioWords.totals(whatIf))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `cjm portfolio --format markdown`: tables ready to paste into a pull request or a wiki.
public struct PortfolioMarkdownReporter: Reporter {
    public let id = "markdown"

    /// The Markdown reporter.
    public init() {}

    public func report(_ portfolio: PortfolioReport) -> String {
        var lines: [String] = ["## Journeys", "", "| Journey | Title | File | Stages | Touchpoints | Errors | Warnings | Info |", "|---|---|---|---:|---:|---:|---:|---:|"]
        for journey in portfolio.journeys {
            lines.append("| `\(journey.id)` | \(MarkdownText.tableCell(journey.title)) | `\(journey.path)` | \(journey.stages) | \(journey.touchpoints) | \(journey.errors) | \(journey.warnings) | \(journey.infos) |")
        }
        lines += ["", "## Channels", "", "| Channel | Name | Status | Journeys (touchpoints) |", "|---|---|---|---|"]
        for channel in portfolio.channels {
            let uses = channel.journeys.isEmpty ? "*none*" : channel.journeys.map { "`\($0.journey)` (\($0.touchpoints))" }.joined(separator: ", ")
            lines.append("| `\(channel.id)` | \(MarkdownText.tableCell(channel.name)) | \(channel.status.rawValue) | \(uses) |")
        }
        lines += ["", "## Personas", "", "| Persona | Name | Journeys (stages) |", "|---|---|---|"]
        for persona in portfolio.personas {
            let uses = persona.journeys.isEmpty ? "*none*"
                : persona.journeys.map { "`\($0.journey)` (\($0.stages.joined(separator: ", ")))" }.joined(separator: "; ")
            lines.append("| `\(persona.id)` | \(MarkdownText.tableCell(persona.name)) | \(uses) |")
        }
        lines += ["", "## Owners", "", "| Owner | Touchpoints | Moments of truth |", "|---|---:|---:|"]
        for owner in portfolio.owners {
            lines.append("| \(MarkdownText.tableCell(owner.owner)) | \(owner.touchpoints) | \(owner.momentsOfTruth) |")
        }
        if let whatIf = portfolio.whatIf {
            lines += ["", "## What if \(PortfolioWords.changes(whatIf))?", "", "| Journey | | Severity | Rule | Finding |", "|---|---|---|---|---|"]
            for journey in whatIf.journeys {
                for finding in journey.introduced {
                    lines.append("| `\(journey.id)` | introduced | \(finding.severity.rawValue) | `\(finding.rule ?? "")` | \(MarkdownText.tableCell(finding.message)) |")
                }
                for finding in journey.resolved {
                    lines.append("| `\(journey.id)` | resolved | \(finding.severity.rawValue) | `\(finding.rule ?? "")` | \(MarkdownText.tableCell(finding.message)) |")
                }
            }
            lines += ["", PortfolioWords.totals(whatIf)]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Phrases the text and Markdown reports share.
enum PortfolioWords {
    /// "1 touchpoint", "3 touchpoints".
    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    static func findings(_ journey: PortfolioReport.JourneySummary) -> String {
        let parts = [(journey.errors, "error"), (journey.warnings, "warning"), (journey.infos, "info")].filter { $0.0 > 0 }
        return parts.isEmpty ? "no findings" : parts.map { $0.1 == "info" ? "\($0.0) info" : PortfolioWords.count($0.0, $0.1) }.joined(separator: ", ")
    }

    static func changes(_ whatIf: PortfolioReport.WhatIf) -> String {
        whatIf.changes.map { "\($0.channel) is \($0.status.rawValue)" }.joined(separator: " and ")
    }

    static func totals(_ whatIf: PortfolioReport.WhatIf) -> String {
        "Total: \(whatIf.introduced.count) introduced, \(whatIf.resolved.count) resolved."
    }
}
