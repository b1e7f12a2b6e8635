import ArgumentParser
import JourneyKit

/// The pictures `export` and `render` draw.
enum DiagramView: String, ExpressibleByArgument, CaseIterable {
    /// Touchpoints and their next steps, stage by stage (Graphviz).
    case flow
    /// Channels × stages (Graphviz).
    case matrix
    /// The journey map: stage columns, lanes and the emotion curve (SVG drawn by cjm).
    case map

    /// The Graphviz view, for flow and matrix.
    var dotView: DOTExporter.View? {
        switch self {
        case .flow: .flow
        case .matrix: .matrix
        case .map: nil
        }
    }
}

/// The options `cjm export` and `cjm render` share: which journey, which view, whose view.
struct DiagramOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The journey file (.journey.json or .journey.xml; - reads standard input).", valueName: "file"))
    var file: String

    @Option(name: .customLong("view"), help: ArgumentHelp(
        "What to draw: flow (touchpoints and their next steps, stage by stage), matrix (channels × stages) or map (the journey map: stage columns, lanes, emotion curve).",
        valueName: "view"))
    var requestedView: DiagramView?

    /// The view asked for; flow unless `--view` says otherwise.
    var view: DiagramView { requestedView ?? .flow }

    @Option(help: ArgumentHelp("Only the touchpoints aimed at this persona, and only its findings.", valueName: "id"))
    var persona: String?

    @Option(help: ArgumentHelp("Map only: the lanes to draw, in order, e.g. touchpoints,emotion,pains (default: every lane with content).",
                               valueName: "list"))
    var lanes: String?

    @Option(help: ArgumentHelp("Map only: the page size in units, WIDTHxHEIGHT (default 1920x1080, 16:9).", valueName: "size"))
    var page: String?

    @Option(help: ArgumentHelp("The language of the words cjm adds to the picture (en, es; others fall back to English); default: the journey's lang.", valueName: "tag"))
    var lang: String?

    @Option(help: ArgumentHelp("The portfolio folder the journey belongs to: a touchpoint that continues in one of its journeys shows that journey's title (else its id).",
                               valueName: "dir"))
    var portfolio: String?

    @Flag(name: .customLong("no-findings"), help: "Do not draw the analyser's findings (unserved touchpoints, broken handoffs, channel gaps).")
    var noFindings = false

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var observed: ObservedOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let portfolio, !JourneyFileWalker.isDirectory(portfolio) {
            throw ValidationError("--portfolio names no folder: \(portfolio)")
        }
        if view != .map, lanes != nil || page != nil {
            throw ValidationError("--lanes and --page apply to the map: add --view map")
        }
        do {
            _ = try mapOptions()
        } catch {
            throw ValidationError(error.message + "; " + error.hint)
        }
    }

    /// The Graphviz exporter these options describe (flow or matrix).
    var exporter: DOTExporter {
        var exporter = DOTExporter(view: view.dotView ?? .flow, persona: persona, showsFindings: !noFindings, language: lang)
        exporter.linkedJourneyTitles = linkedJourneyTitles
        return exporter
    }

    /// The titles of the `--portfolio` folder's valid journeys by id; empty without the option.
    var linkedJourneyTitles: [String: String] {
        guard let portfolio else { return [:] }
        let members = PortfolioCheck.members(of: portfolio, besides: [], checker: analysis.checker, maxFileSize: input.maxFileSize)
        return Dictionary(members.map { ($0.journey.id, $0.journey.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// The map's options, from `--persona`, `--no-findings`, `--lanes`, `--page` and `--lang`.
    func mapOptions() throws(MapOptionError) -> JourneyMapOptions {
        JourneyMapOptions(persona: persona, showsFindings: !noFindings, language: lang,
                          lanes: try lanes.map(MapLane.list(from:)), page: try page.map(MapPageSize.parse) ?? .widescreen)
    }

    /// The map's pages (SVG documents) for the journey these options describe.
    func mapPages() throws(ExitCode) -> [String] {
        let loaded = try loadWithReadings()
        let (journey, findings) = (loaded.journey, loaded.findings)
        let traffic = try observed.traffic(for: journey)
        do {
            var options = try mapOptions()
            // The subtitle names the scenario the map is drawn in.
            options.scenarioName = analysis.scenario.flatMap { id in journey.scenarios.first { $0.id == id }?.name }
            options.linkedJourneyTitles = linkedJourneyTitles
            options.kpiReadings = loaded.kpiReadings
            options.observed = traffic
            return try JourneyMapRenderer(options).pages(journey, findings: findings)
        } catch {
            // `load()` checked the persona and `validate()` the options, so this cannot happen.
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    /// Reads, validates and analyses the journey through the one pipeline (so `--disable`
    /// applies), and checks `--persona`; `--no-findings` leaves the findings out.
    ///
    /// Problems are printed to standard error as located diagnostics and end the command with
    /// exit code 2, before anything is written.
    func load() throws(ExitCode) -> (journey: Journey, findings: [Diagnostic]) {
        let loaded = try loadWithReadings()
        return (loaded.journey, loaded.findings)
    }

    /// `load()`, with the latest KPI actuals of `--actuals` compared with their targets.
    func loadWithReadings() throws(ExitCode) -> (journey: Journey, findings: [Diagnostic], kpiReadings: [KPIReading]) {
        // The file is released once read: a diagram needs only the model.
        let loaded = try JourneyFiles.loadValid(file, input: input, checker: analysis.checker(for: file), keepingBytes: false)
        let journey = loaded.journey
        if let persona {
            do {
                _ = try journey.persona(withID: persona)
            } catch {
                DiagnosticOutput.printToStandardError([error.diagnostic(in: journey)])
                throw ExitCode(ExitStatus.invalidInput)
            }
        }
        return (journey, noFindings ? [] : loaded.findings, loaded.kpiReadings)
    }

    /// The DOT source of the diagram these options describe, as the exporter wrote it (UTF-8).
    func dotSource() throws(ExitCode) -> [UInt8] {
        let (journey, findings) = try load()
        return try exporter(for: journey).exportUTF8(journey, findings: findings)
    }

    /// The Graphviz exporter for `journey`, with the observed traffic of `--events` or `--transitions`.
    func exporter(for journey: Journey) throws(ExitCode) -> DOTExporter {
        var exporter = exporter
        exporter.observed = try observed.traffic(for: journey)
        return exporter
    }
}
