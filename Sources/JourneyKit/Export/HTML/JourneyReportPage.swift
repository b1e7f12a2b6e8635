/// Writes journeys as one self-contained HTML page: the journey map (the map view's SVG) with a
/// persona and a scenario switcher, touchpoint details, findings, the coverage matrix and the
/// personas; an index when there are several files; the located errors of invalid files.
///
/// Everything is inline (style sheet, script, pictures), so the file opens from disk with no
/// network at all. Same input, same bytes. See docs/report.md for what the page holds.
public struct JourneyReportPage: Sendable {
    /// The page's initial state and how it links.
    public var options: JourneyReportOptions

    public init(_ options: JourneyReportOptions = JourneyReportOptions()) {
        self.options = options
    }

    /// How many pages of each map are inline SVG from the start; the others are built by the
    /// page's script when needed, so that a journey of thousands of touchpoints opens quickly.
    static let mapPagesBuiltAtOnce = 8

    /// The whole page: an index when there is more than one file, then a section per journey
    /// (or, with `.pages` links, only the index).
    public func html(_ files: [ReportedJourney]) -> String {
        let pageWords = DiagramWords.forLanguage(options.language ?? files.first?.journey?.lang)
        var out = ""
        let title = files.count == 1 ? (files[0].journey?.title ?? files[0].path) : pageWords.report.journeys
        head(title: title, language: pageWords.language, into: &out)
        out += "<main>\n"
        let showsSections: Bool
        switch options.links {
        case .sections: showsSections = true
        case .pages: showsSections = false
        }
        if files.count != 1 || !showsSections {
            index(files, words: pageWords, into: &out)
        }
        if showsSections {
            let links = linkTargets(files)
            for (number, file) in files.enumerated() {
                section(file, number: number + 1, links: links, into: &out)
            }
        }
        out += "</main>\n"
        foot(into: &out)
        return out
    }

    /// A page with one journey's section (`cjm serve`'s `/journeys/ID`); touchpoints that
    /// continue in one of the journeys of `portfolio` (the served ones) link to its page.
    public func journeyPage(_ file: ReportedJourney, portfolio: [ReportedJourney] = []) -> String {
        let words = DiagramWords.forLanguage(options.language ?? file.journey?.lang)
        var out = ""
        head(title: file.journey?.title ?? file.path, language: words.language, into: &out)
        out += "<main>\n"
        if case .pages = options.links {
            // Served pages: the index is the server's root.
            out += "<p class=\"up\"><a href=\"/\">← \(HTMLText.text(words.report.journeys))</a></p>\n"
        }
        section(file, number: 1, links: linkTargets(portfolio), into: &out)
        out += "</main>\n"
        foot(into: &out)
        return out
    }

    // MARK: Page frame

    private func head(title: String, language: String, into out: inout String) {
        out += "<!DOCTYPE html>\n<html lang=\"\(HTMLText.attribute(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"cjm \(JourneyKit.version)\">\n"
        out += "<title>\(HTMLText.text(title))</title>\n<style>\n\(ReportAssets.styleSheet)</style>\n</head>\n"
        out += "<body data-live-reload=\"\(options.liveReload ? "true" : "false")\">\n"
        out += "<div id=\"script-errors\" hidden></div>\n"
    }

    private func foot(into out: inout String) {
        out += "<script>\n\(ReportAssets.script)</script>\n</body>\n</html>\n"
    }

    // MARK: Index

    private func index(_ files: [ReportedJourney], words: DiagramWords, into out: inout String) {
        let w = words.report
        out += "<header class=\"page-header\"><h1>\(HTMLText.text(w.journeys))</h1></header>\n"
        out += "<nav class=\"index\" aria-label=\"\(HTMLText.attribute(w.journeys))\">\n<table>\n"
        out += "<thead><tr><th scope=\"col\">\(HTMLText.text(w.journeys))</th><th scope=\"col\">\(HTMLText.text(words.title(of: .touchpoints)))</th>"
        out += "<th scope=\"col\">\(HTMLText.text(w.errors))</th><th scope=\"col\">\(HTMLText.text(w.warnings))</th><th scope=\"col\">\(HTMLText.text(w.infos))</th></tr></thead>\n<tbody>\n"
        for (number, file) in files.enumerated() {
            let href = href(of: file, number: number + 1)
            let shown = file.isValid ? file.findings : file.diagnostics
            let count = { (severity: Diagnostic.Severity) in shown.filter { $0.severity == severity }.count }
            let touchpoints = file.journey.map { String($0.touchpoints.reduce(0) { count, _ in count + 1 }) } ?? "–"
            out += "<tr class=\"\(file.isValid ? "valid" : "invalid")\" data-key=\"\(HTMLText.attribute(file.key))\">"
            out += "<td><a href=\"\(HTMLText.attribute(href))\">\(HTMLText.text(file.journey?.title ?? file.path))</a>"
            out += "<br><small>\(HTMLText.text(file.path))</small></td>"
            out += "<td>\(touchpoints)</td><td>\(count(.error))</td><td>\(count(.warning))</td><td>\(count(.info))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</nav>\n"
    }

    private func sectionID(_ number: Int) -> String { "j\(number)" }

    /// Where the page links to for the `number`th file: its section, or its own page.
    private func href(of file: ReportedJourney, number: Int) -> String {
        switch options.links {
        case .sections: "#" + sectionID(number)
        case .pages(let prefix): prefix + HTMLText.urlPathComponent(file.key)
        }
    }

    /// A journey a touchpoint can continue in: where it is and its title.
    private struct LinkTarget {
        var href: String
        var title: String
    }

    /// The valid journeys of `files` by id (the first file of an id, as the index lists it).
    private func linkTargets(_ files: [ReportedJourney]) -> [String: LinkTarget] {
        var targets: [String: LinkTarget] = [:]
        for (number, file) in files.enumerated() {
            guard let journey = file.journey, targets[journey.id] == nil else { continue }
            targets[journey.id] = LinkTarget(href: href(of: file, number: number + 1), title: journey.title)
        }
        return targets
    }

    // MARK: One journey

    private func section(_ file: ReportedJourney, number: Int, links: [String: LinkTarget], into out: inout String) {
        let prefix = sectionID(number)
        guard let journey = file.journey else {
            invalidSection(file, prefix: prefix, into: &out)
            return
        }
        let words = DiagramWords.forLanguage(options.language ?? journey.lang)
        let w = words.report
        let analyzed = AnalyzedJourney(journey)
        let persona = options.persona.flatMap { id in journey.personas.contains { $0.id == id } ? id : nil }
        let scenario = options.scenario.flatMap { id in journey.scenarios.contains { $0.id == id } ? id : nil }
        out += "<section class=\"journey\" id=\"\(prefix)\" lang=\"\(HTMLText.attribute(words.language))\""
        out += " data-key=\"\(HTMLText.attribute(file.key))\" data-persona=\"\(HTMLText.attribute(persona ?? ""))\""
        out += " data-scenario=\"\(HTMLText.attribute(scenario ?? ""))\" aria-labelledby=\"\(prefix)-title\">\n"
        out += "<header class=\"journey-header\"><h1 id=\"\(prefix)-title\">\(HTMLText.text(journey.title))</h1>"
        if let description = journey.description { out += "<p>\(HTMLText.text(description))</p>" }
        out += "<p class=\"path\"><small>\(HTMLText.text(file.path))</small></p>"
        if options.liveReload { out += "<p class=\"live\" role=\"status\">\(HTMLText.text(w.liveReload))</p>" }
        out += "</header>\n"

        // Switchers: plain form controls, so Tab and the arrow keys work without any script of ours.
        out += "<div class=\"controls\">\n<label>\(HTMLText.text(w.personas)) <select class=\"persona-switch\" aria-controls=\"\(prefix)-map\">"
        out += "<option value=\"\"\(persona == nil ? " selected" : "")>\(HTMLText.text(w.allPersonas))</option>"
        for candidate in journey.personas {
            out += "<option value=\"\(HTMLText.attribute(candidate.id))\"\(candidate.id == persona ? " selected" : "")>\(HTMLText.text(candidate.name))</option>"
        }
        out += "</select></label>\n"
        if !journey.scenarios.isEmpty {
            out += "<label>\(HTMLText.text(w.scenario)) <select class=\"scenario-switch\" aria-controls=\"\(prefix)-map\">"
            out += "<option value=\"\"\(scenario == nil ? " selected" : "")>\(HTMLText.text(w.baseJourney))</option>"
            for candidate in journey.scenarios {
                out += "<option value=\"\(HTMLText.attribute(candidate.id))\"\(candidate.id == scenario ? " selected" : "")>\(HTMLText.text(candidate.name))</option>"
            }
            out += "</select></label>\n"
        }
        out += "<p class=\"reach\" role=\"status\" aria-live=\"polite\" data-template=\"\(HTMLText.attribute(w.reachSummary))\"></p>\n</div>\n"

        // The map, once as written and once per scenario; the switcher shows one of them.
        out += "<div class=\"map\" id=\"\(prefix)-map\">\n"
        var variants: [(id: String, journey: Journey, findings: [Diagnostic], name: String?)] = [("", journey, file.findings, nil)]
        for candidate in journey.scenarios {
            variants.append((candidate.id, journey.applying(candidate), file.scenarioFindings[candidate.id] ?? file.findings, candidate.name))
        }
        for variant in variants {
            var mapOptions = JourneyMapOptions(scenarioName: variant.name, language: options.language)
            mapOptions.linkedJourneyTitles = links.mapValues(\.title)
            mapOptions.kpiReadings = file.kpiReadings
            mapOptions.observed = file.observed
            let pages = (try? JourneyMapRenderer(mapOptions).layout(variant.journey, findings: variant.findings, keepingBoxes: false)) ?? []
            out += "<div class=\"map-variant\" data-scenario=\"\(HTMLText.attribute(variant.id))\"\(variant.id == (scenario ?? "") ? "" : " hidden")>\n"
            for (index, page) in pages.enumerated() {
                let svg = HTMLText.inlineSVG(page.svg)
                guard index >= Self.mapPagesBuiltAtOnce else {
                    out += svg
                    continue
                }
                // Later pages wait as text in a placeholder of their shape; the script builds them
                // when they come near the screen, are looked for, or are printed. The SVG escapes
                // every `<` of the journey's text, so nothing in it can end the script element.
                out += "<div class=\"map-page deferred\" style=\"aspect-ratio: \(MapSVGWriter.number(page.width)) / \(MapSVGWriter.number(page.height))\">"
                out += "<script type=\"text/html\">" + svg + "</script></div>\n"
            }
            out += "</div>\n"
        }
        out += "</div>\n"

        mapTable(journey, analyzed: analyzed, prefix: prefix, words: words, into: &out)
        details(journey, file: file, analyzed: analyzed, prefix: prefix, words: words, links: links, into: &out)
        findingsList(file, journey: journey, prefix: prefix, words: words, into: &out)
        coverage(journey, words: words, into: &out)
        personas(journey, prefix: prefix, words: words, into: &out)
        out += "</section>\n"
    }

    private func invalidSection(_ file: ReportedJourney, prefix: String, into out: inout String) {
        let w = DiagramWords.forLanguage(options.language).report
        out += "<section class=\"journey invalid\" id=\"\(prefix)\" data-key=\"\(HTMLText.attribute(file.key))\" aria-labelledby=\"\(prefix)-title\">\n"
        out += "<header class=\"journey-header\"><h1 id=\"\(prefix)-title\">\(HTMLText.text(file.path))</h1></header>\n"
        out += "<p>\(HTMLText.text(w.invalidFile))</p>\n<pre class=\"errors\">"
        for diagnostic in file.diagnostics.sorted() {
            out += HTMLText.text(Self.checkLine(diagnostic)) + "\n"
        }
        out += "</pre>\n</section>\n"
    }

    /// A diagnostic in the words of `cjm check`: `path:line:column: severity: message [rule]` and its hint.
    static func checkLine(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.location.description + ": " + diagnostic.severity.rawValue + ": " + diagnostic.message
        if let rule = diagnostic.rule { text += " [\(rule)]" }
        if let hint = diagnostic.hint { text += "\n  hint: " + hint }
        return text
    }

    /// The text alternative of the map: a table of stages and touchpoints, each opening its details.
    private func mapTable(_ journey: Journey, analyzed: AnalyzedJourney, prefix: String, words: DiagramWords, into out: inout String) {
        let w = words.report
        let channels = Dictionary(journey.channels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The browser skips the table while it is off screen (`content-visibility: auto`, see the
        // style sheet) and reserves this height for it meanwhile, so that the scroll bar holds still.
        let rowCount = journey.stages.reduce(0) { $0 + max(1, $1.touchpoints.count) }
        out += "<details class=\"map-table\" open style=\"contain-intrinsic-size: auto \(Self.estimatedTableHeight(rows: rowCount))px\">\n<summary>\(HTMLText.text(w.mapAsTable))</summary>\n<table>\n"
        out += "<thead><tr><th scope=\"col\">\(HTMLText.text(w.stage))</th><th scope=\"col\">\(HTMLText.text(w.touchpoint))</th>"
        out += "<th scope=\"col\">\(HTMLText.text(w.channels))</th><th scope=\"col\">\(HTMLText.text(w.emotion))</th>"
        out += "<th scope=\"col\">\(HTMLText.text(w.audience))</th></tr></thead>\n"
        for stage in journey.stages {
            out += "<tbody data-stage=\"\(HTMLText.attribute(stage.id))\">\n"
            if stage.touchpoints.isEmpty {
                out += "<tr><th scope=\"row\">\(HTMLText.text(stage.name))</th><td colspan=\"4\"><em>\(HTMLText.text(words.noTouchpoints))</em></td></tr>\n"
            }
            for (position, touchpoint) in stage.touchpoints.enumerated() {
                let reached = journey.personas.filter { analyzed.touchpoint(touchpoint, reaches: $0.id) }.map(\.id)
                out += "<tr data-tp=\"\(HTMLText.attribute(touchpoint.id))\" data-personas=\"\(HTMLText.attribute(touchpoint.personas.joined(separator: " ")))\""
                out += " data-reach=\"\(HTMLText.attribute(reached.joined(separator: " ")))\">"
                if position == 0 {
                    out += "<th scope=\"rowgroup\" rowspan=\"\(stage.touchpoints.count)\">\(HTMLText.text(stage.name))</th>"
                }
                out += "<td><a href=\"#\(prefix)-tp-\(HTMLText.attribute(touchpoint.id))\" class=\"open-details\" data-tp=\"\(HTMLText.attribute(touchpoint.id))\">\(HTMLText.text(touchpoint.name))</a></td>"
                let channelNames = touchpoint.channels.map { id in channels[id].map { Self.channelLabel($0, words: words) } ?? id }
                out += "<td>\(HTMLText.text(channelNames.isEmpty ? w.noChannel : channelNames.joined(separator: ", ")))</td>"
                out += "<td>\(touchpoint.emotion.map { HTMLText.text(words.emotionLevel($0) + " (\($0 > 0 ? "+" : "")\($0))") } ?? "")</td>"
                let audience = touchpoint.personas.isEmpty ? w.everyone
                    : touchpoint.personas.map { id in journey.personas.first { $0.id == id }?.name ?? id }.joined(separator: ", ")
                out += "<td>\(HTMLText.text(audience))</td></tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n</details>\n"
    }

    /// Roughly how tall the map-as-table is, in CSS pixels: a row of one line of text with its
    /// padding and border, plus the summary and the header.
    static func estimatedTableHeight(rows: Int) -> Int { 80 + 33 * rows }

    private static func channelLabel(_ channel: Channel, words: DiagramWords) -> String {
        switch channel.status {
        case .live: channel.name
        case .planned: channel.name + " (" + words.planned + ")"
        case .retired: channel.name + " (" + words.retired + ")"
        }
    }

    /// Every touchpoint's details, hidden until it is opened (by a click on the map, the table or a finding).
    private func details(_ journey: Journey, file: ReportedJourney, analyzed: AnalyzedJourney, prefix: String,
                         words: DiagramWords, links: [String: LinkTarget], into out: inout String) {
        let w = words.report
        var findingsByTouchpoint: [String: [(scenario: String, finding: Diagnostic)]] = [:]
        for finding in file.findings {
            if let id = finding.references[.touchpoint] { findingsByTouchpoint[id, default: []].append(("", finding)) }
        }
        for scenarioID in file.scenarioFindings.keys.sorted() {
            for finding in file.scenarioFindings[scenarioID] ?? [] {
                if let id = finding.references[.touchpoint] { findingsByTouchpoint[id, default: []].append((scenarioID, finding)) }
            }
        }
        let channels = Dictionary(journey.channels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(journey.touchpoints.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var readings: [String: [String: KPIReading]] = [:]
        for reading in file.kpiReadings { readings[reading.touchpoint, default: [:]][reading.kpi] = reading }
        let visits = file.observed?.visitsByTouchpoint ?? [:]
        out += "<aside class=\"details-panel\" aria-label=\"\(HTMLText.attribute(w.details))\" hidden>\n"
        out += "<div class=\"panel-bar\"><button type=\"button\" class=\"close-details\">\(HTMLText.text(w.close))</button></div>\n"
        for stage in journey.stages {
            for touchpoint in stage.touchpoints {
                // Text until first opened (a large journey has thousands): the script builds it. All
                // text inside is escaped, so nothing in it can end the script element.
                out += "<script type=\"text/html\" class=\"deferred-details\" data-tp=\"\(HTMLText.attribute(touchpoint.id))\">"
                out += "<article class=\"tp-details\" id=\"\(prefix)-tp-\(HTMLText.attribute(touchpoint.id))\" data-tp=\"\(HTMLText.attribute(touchpoint.id))\" tabindex=\"-1\" hidden>\n"
                out += "<h2>\(HTMLText.text(touchpoint.name))</h2>\n<p class=\"meta\">\(HTMLText.text(w.stage)): \(HTMLText.text(stage.name))"
                if touchpoint.entry { out += " · \(HTMLText.text(w.entry))" }
                if touchpoint.momentOfTruth { out += " · ★ \(HTMLText.text(w.momentOfTruth))" }
                out += "</p>\n<dl>\n"
                func field(_ label: String, _ value: String?) {
                    guard let value, !value.isEmpty else { return }
                    out += "<dt>\(HTMLText.text(label))</dt><dd>\(HTMLText.text(value))</dd>\n"
                }
                func list(_ label: String, _ values: [String]) {
                    guard !values.isEmpty else { return }
                    out += "<dt>\(HTMLText.text(label))</dt><dd><ul>"
                    for value in values { out += "<li>\(HTMLText.text(value))</li>" }
                    out += "</ul></dd>\n"
                }
                field(w.description, touchpoint.description)
                list(w.channels, touchpoint.channels.map { id in channels[id].map { Self.channelLabel($0, words: words) } ?? id })
                if touchpoint.personas.isEmpty {
                    field(w.audience, w.everyone)
                } else {
                    list(w.audience, touchpoint.personas.map { id in journey.personas.first { $0.id == id }?.name ?? id })
                }
                field(w.initiator, touchpoint.initiator == .customer ? words.customer : words.business)
                field(w.owner, touchpoint.owner)
                field(w.emotion, touchpoint.emotion.map { words.emotionLevel($0) + " (\($0 > 0 ? "+" : "")\($0))" })
                list(w.pains, touchpoint.pains + touchpoint.experiences.flatMap { experience in
                    experience.pains.map { (journey.personas.first { $0.id == experience.persona }?.name ?? experience.persona) + ": " + $0 }
                })
                list(w.opportunities, touchpoint.opportunities)
                list(w.kpis, touchpoint.kpis.map { words.kpi($0, reading: readings[touchpoint.id]?[$0.name]) })
                field(w.observed, visits[touchpoint.id].map { words.reached(share: $0.share, cases: $0.cases) })
                list(w.evidence, touchpoint.evidence.map { evidence in
                    var text = evidence.kind.rawValue + ": " + evidence.source
                    if let date = evidence.date { text += " (\(date))" }
                    if let note = evidence.note { text += " — " + note }
                    return text
                })
                list(w.backstage, touchpoint.backstage.map { step in
                    var text = (words.backstageKinds[step.lane.rawValue] ?? step.lane.rawValue) + ": " + step.name
                    if let owner = step.owner { text += " (\(owner))" }
                    if let description = step.description { text += " — " + description }
                    return text
                })
                field(w.handoff, touchpoint.handoff)
                if let linked = touchpoint.journey {
                    // The sub-journey's section or page when it is part of the report; else its id.
                    let shown = links[linked].map { "<a class=\"journey-link\" href=\"\(HTMLText.attribute($0.href))\">\(HTMLText.text($0.title))</a>" }
                        ?? HTMLText.text(linked)
                    out += "<dt>\(HTMLText.text(w.continuesIn))</dt><dd>↪ \(shown)</dd>\n"
                }
                list(w.next, touchpoint.next.map { names[$0] ?? $0 })
                field(w.tags, touchpoint.tags.joined(separator: ", "))
                list(w.properties, touchpoint.properties.map { $0.name + ": " + $0.value })
                out += "</dl>\n"
                if let found = findingsByTouchpoint[touchpoint.id], !found.isEmpty {
                    out += "<h3>\(HTMLText.text(w.aboutThis))</h3>\n<ul class=\"findings\">"
                    for (scenario, finding) in found {
                        findingItem(finding, scenario: scenario, prefix: prefix, into: &out)
                    }
                    out += "</ul>\n"
                }
                out += "</article></script>\n"
            }
        }
        out += "</aside>\n"
    }

    private func findingItem(_ finding: Diagnostic, scenario: String, prefix: String, showsRule: Bool = true, into out: inout String) {
        out += "<li class=\"finding \(finding.severity.rawValue)\" data-scenario=\"\(HTMLText.attribute(scenario))\""
        out += " data-persona=\"\(HTMLText.attribute(finding.references[.persona] ?? ""))\">"
        out += "<span class=\"severity\">\(finding.severity.rawValue)</span> "
        if let touchpoint = finding.references[.touchpoint] {
            out += "<a href=\"#\(prefix)-tp-\(HTMLText.attribute(touchpoint))\" class=\"open-details\" data-tp=\"\(HTMLText.attribute(touchpoint))\">\(HTMLText.text(finding.message))</a>"
        } else if let stage = finding.references[.stage] {
            out += "<a href=\"#\(prefix)-map\" class=\"show-stage\" data-stage=\"\(HTMLText.attribute(stage))\">\(HTMLText.text(finding.message))</a>"
        } else {
            out += HTMLText.text(finding.message)
        }
        if showsRule, let rule = finding.rule { out += " <code>\(HTMLText.text(rule))</code>" }
        if let hint = finding.hint { out += "<br><small>\(HTMLText.text(hint))</small>" }
        out += "</li>"
    }

    /// The findings, by severity (most serious first) and then by rule.
    private func findingsList(_ file: ReportedJourney, journey: Journey, prefix: String, words: DiagramWords, into out: inout String) {
        let w = words.report
        out += "<section class=\"findings-section\" aria-labelledby=\"\(prefix)-findings\">\n"
        out += "<h2 id=\"\(prefix)-findings\">\(HTMLText.text(w.findings)) <span class=\"count\"></span></h2>\n"
        var tagged: [(scenario: String, finding: Diagnostic)] = file.findings.map { ("", $0) }
        for scenarioID in file.scenarioFindings.keys.sorted() {
            tagged += (file.scenarioFindings[scenarioID] ?? []).map { (scenarioID, $0) }
        }
        out += "<p class=\"no-findings\"\(tagged.isEmpty ? "" : " hidden")>\(HTMLText.text(w.noFindings))</p>\n"
        for severity in Diagnostic.Severity.allCases.reversed() {
            let ofSeverity = tagged.filter { $0.finding.severity == severity }
            guard !ofSeverity.isEmpty else { continue }
            let rules = Set(ofSeverity.map { $0.finding.rule ?? "" }).sorted()
            for rule in rules {
                out += "<div class=\"finding-group\"><h3><span class=\"severity \(severity.rawValue)\">\(severity.rawValue)</span> \(HTMLText.text(rule))</h3>\n<ul class=\"findings\">"
                for entry in ofSeverity where (entry.finding.rule ?? "") == rule {
                    findingItem(entry.finding, scenario: entry.scenario, prefix: prefix, showsRule: false, into: &out)
                }
                out += "</ul></div>\n"
            }
        }
        out += "</section>\n"
    }

    private func coverage(_ journey: Journey, words: DiagramWords, into out: inout String) {
        guard let matrix = try? CoverageMatrix(journey) else { return }
        out += "<section class=\"coverage\"><h2>\(HTMLText.text(words.report.coverage))</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th></th>"
        for stage in matrix.stages { out += "<th scope=\"col\">\(HTMLText.text(stage))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in matrix.rows {
            out += "<tr><th scope=\"row\">\(HTMLText.text(row.channelID == nil ? words.report.noChannel : row.label))</th>"
            for cell in row.cells {
                out += "<td>\(HTMLText.text(cell.map(\.name).joined(separator: ", ")))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div></section>\n"
    }

    private func personas(_ journey: Journey, prefix: String, words: DiagramWords, into out: inout String) {
        guard !journey.personas.isEmpty else { return }
        let w = words.report
        let channels = Dictionary(journey.channels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        out += "<section class=\"personas\"><h2>\(HTMLText.text(w.personas))</h2>\n<div class=\"cards\">\n"
        for persona in journey.personas {
            out += "<article class=\"persona\" data-persona=\"\(HTMLText.attribute(persona.id))\"><h3>\(HTMLText.text(persona.name))</h3>"
            if let description = persona.description { out += "<p>\(HTMLText.text(description))</p>" }
            if !persona.goals.isEmpty {
                out += "<h4>\(HTMLText.text(w.goals))</h4><ul>"
                for goal in persona.goals { out += "<li>\(HTMLText.text(goal))</li>" }
                out += "</ul>"
            }
            let used = persona.channels.isEmpty ? journey.channels : persona.channels.compactMap { channels[$0] }
            out += "<h4>\(HTMLText.text(w.channels))</h4><p>\(HTMLText.text(used.map { Self.channelLabel($0, words: words) }.joined(separator: ", ")))</p>"
            out += "</article>\n"
        }
        out += "</div></section>\n"
    }
}
