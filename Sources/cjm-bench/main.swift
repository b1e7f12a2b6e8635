import Foundation
import JourneyKit

#if canImport(Glibc)
import Glibc
#endif

// cjm-bench: times cjm against the parsers underneath it on synthetic journeys, checks the
// performance targets of docs/benchmarks.md, and (with --output) rewrites that file's
// measured section. Run it with `swift run -c release cjm-bench --output docs/benchmarks.md`.

let usage = """
    USAGE: cjm-bench [--sizes 1000,10000,100000] [--runs N] [--batch-files N] [--output FILE] [--only PARTS]

      --sizes        touchpoint counts of the synthetic journeys (default 1000,10000,100000)
      --runs         timed runs per measurement, after one untimed warm-up (default 5)
      --batch-files  sample-sized files in the --jobs 1 vs --jobs 2 batch (default 200)
      --output       write the results into this Markdown file, between the
                     cjm-bench markers (the rest of the file is kept)
      --portfolio-journeys N
                     journeys in the shared-catalogue against inline portfolio check (default 1000)
      --only         run only these parts, comma-separated: floors, import, validation,
                     analysis, dot, exporters, map, report, check, process, diff, startup,
                     batch, portfolio, findings, events, personas (a target's ratio needs
                     both its parts: --only import,exporters); for re-measuring a section
                     by hand, not with --output. `diff` (issue 19) times `cjm diff` of each size. `events` (the
                     event-log conformance, issue 20) runs only when named
      --personas N   personas in the one-journey memory measurement (default 1000000, about 34 MB)
      --events N     events in the generated log of the conformance measurement
                     (default 10000000, about 500 MB in the temporary folder)
      --write-journeys DIR
                     only write the synthetic journeys (both formats, every size, both
                     families: synthetic-N and the findings-heavy findings-N, and the
                     diff's edited copy as JSON) into DIR, for profiling with perf or
                     valgrind, and exit
    Build with -c release: debug numbers mean nothing.
    """

struct Options {
    var sizes = [1_000, 10_000, 100_000]
    var runs = 5
    var batchFiles = 200
    var output: String?
    var journeysDirectory: String?
    var portfolioJourneys = 1_000
    var events = 10_000_000
    var personas = 1_000_000
    /// The parts to run; nil for all.
    var only: Set<String>?
}

/// The parts `--only` can name.
let benchmarkParts: Set<String> = ["floors", "import", "validation", "analysis", "dot", "exporters", "map", "report", "check", "process", "diff", "startup", "batch", "portfolio", "findings", "events", "personas"]

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()[...]
    func value(_ name: String) -> String {
        guard let value = arguments.popFirst() else {
            FileHandle.standardError.write(Data("cjm-bench: \(name) needs a value\n\(usage)\n".utf8))
            exit(2)
        }
        return value
    }
    func number(_ name: String, _ text: String) -> Int {
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")), number > 0 else {
            FileHandle.standardError.write(Data("cjm-bench: \(name) takes positive whole numbers, found \"\(text)\"\n".utf8))
            exit(2)
        }
        return number
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--sizes": options.sizes = value(argument).split(separator: ",").map { number("--sizes", String($0)) }
        case "--runs": options.runs = number(argument, value(argument))
        case "--batch-files": options.batchFiles = number(argument, value(argument))
        case "--output": options.output = value(argument)
        case "--write-journeys": options.journeysDirectory = value(argument)
        case "--portfolio-journeys": options.portfolioJourneys = number(argument, value(argument))
        case "--events": options.events = number(argument, value(argument))
        case "--personas": options.personas = number(argument, value(argument))
        case "--only":
            let parts = Set(value(argument).split(separator: ",").map(String.init))
            guard parts.isSubset(of: benchmarkParts) else {
                FileHandle.standardError.write(Data("cjm-bench: --only takes \(benchmarkParts.sorted().joined(separator: ", ")); found \(parts.subtracting(benchmarkParts).sorted())\n".utf8))
                exit(2)
            }
            options.only = parts
        case "--help", "-h":
            print(usage)
            exit(0)
        default:
            FileHandle.standardError.write(Data("cjm-bench: unknown argument \"\(argument)\"\n\(usage)\n".utf8))
            exit(2)
        }
    }
    return options
}

let options = parseOptions()
/// Whether `--only` leaves this part in (everything without it).
func measures(_ part: String) -> Bool { options.only?.contains(part) ?? true }
if options.only != nil, options.output != nil {
    print("cjm-bench: --only measures a part by hand; --output rewrites the whole section and needs every part")
    exit(2)
}
if let directory = options.journeysDirectory {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for size in options.sizes {
        let synthetic = SyntheticJourney.make(touchpoints: size)
        for (family, journey) in [("synthetic", synthetic), ("findings", SyntheticJourney.makeFindingsHeavy(touchpoints: size))] {
            for format in JourneyFormat.allCases {
                let path = "\(directory)/\(family)-\(size).\(format.fileExtension)"
                try Data(try JourneyWriter.write(journey, as: format).utf8).write(to: URL(fileURLWithPath: path))
                print(path)
            }
        }
        // The other side of the `diff` part's second pair.
        let edited = "\(directory)/synthetic-\(size)-edited.journey.json"
        try Data(try JourneyWriter.write(DiffBench.edited(synthetic), as: .json).utf8).write(to: URL(fileURLWithPath: edited))
        print(edited)
    }
    exit(0)
}
#if DEBUG
print("warning: cjm-bench is a debug build; run `swift run -c release cjm-bench` for meaningful numbers")
#endif

/// The release `cjm` binary next to this one (SwiftPM builds it, cjm-bench depends on it).
let cjmBinary: String = {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("cjm").path
}()
guard FileManager.default.isExecutableFile(atPath: cjmBinary) else {
    print("cjm-bench: no cjm binary at \(cjmBinary); build it with `swift build -c release`")
    exit(2)
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

let loadBefore = Machine.loadAverage
if options.only?.contains("events") == true {
    // Issue 20's conformance target runs on its own: its 500 MB log takes minutes to make and read.
    if let events = try EventsBench.run(events: max(1, options.events), runs: options.runs, scratch: scratch, binary: cjmBinary) {
        print(EventsBench.markdown(events))
    }
    try? FileManager.default.removeItem(at: scratch)
    exit(0)
}
var results = BenchmarkResults(runs: options.runs)

/// The parts measured on the first family, per size and format; `--only findings` skips them.
let standardFamilyParts: Set<String> = ["floors", "import", "validation", "analysis", "dot", "map", "report", "check", "process", "diff"]
for size in options.sizes where standardFamilyParts.contains(where: measures) {
    let journey = SyntheticJourney.make(touchpoints: size)
    for format in [JourneyFormat.json, .xml] {
        guard let text = try? JourneyWriter.write(journey, as: format) else {
            print("cjm-bench: the synthetic journey cannot be written as \(format.rawValue)")
            exit(2)
        }
        let bytes = Array(text.utf8)
        let path = "synthetic-\(size).\(format.fileExtension)"
        let file = scratch.appendingPathComponent(path)
        try Data(bytes).write(to: file)
        var set = PhaseSet(size: size, format: format, bytes: bytes.count)
        let runs = options.runs

        switch format {
        case _ where !measures("floors"): break
        case .json:
            let data = Data(bytes)
            set.add(.floor("JSONSerialization"), Timing.measure(runs: runs) { Floors.jsonSerialization(data) })
        case .xml:
            set.add(.floor("libxml2 tree"), Timing.measure(runs: runs) { Floors.libxml2Tree(bytes) })
            set.add(.floor("libxml2 reader"), Timing.measure(runs: runs) { Floors.libxml2Reader(bytes) })
            set.add(.floor("libxml2 reader + XSD"), Timing.measure(runs: runs) { Floors.libxml2ReaderWithSchema(bytes) })
        }
        // The heap the imported journey holds (model, source map, diagnostics): what bounds the
        // peak memory of a check from below, beside the file's bytes.
        let heapBefore = Machine.heapInUse
        let imported = JourneyImporter.importJourney(from: bytes, path: path, format: format)
        set.modelHeapBytes = max(0, Machine.heapInUse - heapBefore)
        guard imported.isValid, let model = imported.journey else {
            print("cjm-bench: the synthetic \(format.rawValue) journey is invalid: \(imported.diagnostics.prefix(3))")
            exit(2)
        }
        let validator = JourneyValidator()
        let analyzer = Analyzer()
        let findings = analyzer.analyze(model)
        if measures("import") { set.add(.phase("import"), Timing.measure(runs: runs) { _ = JourneyImporter.importJourney(from: bytes, path: path, format: format) }) }
        if measures("validation") { set.add(.phase("validation"), Timing.measure(runs: runs) { _ = validator.validate(model, sourceMap: imported.sourceMap) }) }
        if measures("analysis") { set.add(.phase("analysis"), Timing.measure(runs: runs) { _ = analyzer.analyze(model) }) }
        // As `cjm export` writes it: handed on in 64 kB pieces (here dropped), not made one String.
        if measures("dot") { set.add(.phase("DOT export"), Timing.measure(runs: runs) { DOTExporter().export(model, findings: findings, chunkSize: 1 << 16) { _ in } }) }
        if format == .json, measures("exporters") {
            // Issue 19: every exporter within 1× the import of the same journey (measured once, on
            // the JSON set: the model is the same whichever file it came from).
            ExporterBench.measure(model, findings: findings, runs: runs, into: &set)
        }
        if size <= 10_000, measures("map") {
            // The journey map: content, layout of every page, SVG (issue 13: ≤ 10× import at 1,000).
            set.add(.phase("map render"), Timing.measure(runs: runs) { _ = try? JourneyMapRenderer().pages(model, findings: findings) })
            ExporterBench.measureMap(model, findings: findings, runs: runs, into: &set)
        }
        if size == 10_000, format == .json, measures("report") {
            // The HTML report (issue 14): building the page, and Chromium opening it from disk.
            let reported = ReportedJourney(path: path, journey: model, findings: findings)
            set.add(.phase("HTML report"), Timing.measure(runs: runs) { _ = JourneyReportPage().html([reported]) })
            let page = scratch.appendingPathComponent("report-\(size).html")
            let html = JourneyReportPage().html([reported])
            try Data(html.utf8).write(to: page)
            // Issue 14: the report stays under 3× its SVG map plus its JSON.
            let mapBytes = ((try? JourneyMapRenderer().pages(model, findings: findings)) ?? []).reduce(0) { $0 + $1.utf8.count }
            let jsonBytes = format == .json ? bytes.count : (try? JourneyWriter.write(journey, as: .json))?.utf8.count ?? 0
            set.reportSize = (report: html.utf8.count, map: mapBytes, json: jsonBytes)
            if let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
                .first(where: FileManager.default.isExecutableFile(atPath:)) {
                // A screenshot is taken once the page has loaded, run its script and painted; an
                // empty page's run is Chromium's own start, taken off so that the page's cost remains.
                func screenshot(_ url: URL) -> Double? {
                    let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                                     "--window-size=1400,900", "--screenshot=" + scratch.appendingPathComponent("shot.png").path, url.absoluteString]
                    return ChildProcess.run(chromium, arguments).flatMap { $0.status == 0 ? $0.seconds : nil }
                }
                let empty = scratch.appendingPathComponent("empty.html")
                try Data("<!DOCTYPE html><title>empty</title>".utf8).write(to: empty)
                _ = screenshot(page)
                let opens = (0..<3).compactMap { _ -> Double? in
                    guard let start = screenshot(empty), let opened = screenshot(page) else { return nil }
                    return max(0, opened - start)
                }
                if !opens.isEmpty { set.add(.phase("report opened in Chromium (process)"), Timing(samples: opens)) }
            } else {
                print("cjm-bench: no chromium; the report's opening time is not measured (apt-get install chromium)")
            }
            try? FileManager.default.removeItem(at: page)
        }
        let checker = JourneyChecker()
        if measures("check") { set.add(.phase("check"), Timing.measure(runs: runs) { _ = checker.check(bytes: bytes, path: path, format: format) }) }

        // The whole command as a user runs it: process start, reading the file, printing.
        var processRuns: [ChildRun] = []
        for _ in 0..<(measures("process") ? max(3, runs / 2) : 0) {
            guard let run = ChildProcess.run(cjmBinary, ["check", "--fail-on", "none", file.path]), run.status == 0 else {
                print("cjm-bench: `cjm check \(file.path)` failed")
                exit(2)
            }
            processRuns.append(run)
        }
        if measures("process") {
            set.add(.phase("cjm check (process)"), Timing(samples: processRuns.map(\.seconds)))
            set.peakMemoryBytes = ChildProcess.peakMemory(cjmBinary, ["check", "--fail-on", "none", file.path], scratch: scratch.path)
            set.exportPeakMemoryBytes = ExporterBench.exportPeakMemory(file: file.path, binary: cjmBinary, scratch: scratch.path)
        }
        results.sets.append(set)
        print(set.table(), terminator: "\n\n")
        fflush(nil)
        try? FileManager.default.removeItem(at: file)
    }
    // Issue 19 item 4: `cjm diff` of this journey against itself as XML and against an edited copy.
    if measures("diff"), let diff = try DiffBench.run(journey: journey, size: size, runs: options.runs, scratch: scratch, binary: cjmBinary) {
        results.diff.append(diff)
        print(DiffBench.markdown([diff]).joined(separator: "\n"), terminator: "\n\n")
    }
}

// Start-up: a small sample against the process start alone.
let startupRuns = max(20, options.runs * 4)
func processTiming(_ arguments: [String]) -> Timing {
    _ = ChildProcess.run(cjmBinary, arguments)
    return Timing(samples: (0..<startupRuns).compactMap { _ in ChildProcess.run(cjmBinary, arguments)?.seconds })
}
if measures("startup") { results.startup = [
    ("cjm --version", processTiming(["--version"])),
    ("cjm check samples/minimal.journey.json", processTiming(["check", "--fail-on", "none", "samples/minimal.journey.json"])),
    ("cjm check samples/minimal.journey.xml", processTiming(["check", "--fail-on", "none", "samples/minimal.journey.xml"])),
] }

// Batches: sample-sized files, one after another and on two cores.
let samples = ((try? FileManager.default.contentsOfDirectory(atPath: "samples")) ?? [])
    .filter { $0.hasSuffix(".journey.json") || $0.hasSuffix(".journey.xml") }.sorted()
if !measures("batch") {
    // Left out with --only.
} else if samples.isEmpty {
    print("cjm-bench: run from the repository root (no samples/ here); skipping start-up and batch measurements")
} else {
    let batch = scratch.appendingPathComponent("batch")
    try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
    for index in 0..<options.batchFiles {
        let sample = samples[index % samples.count]
        try FileManager.default.copyItem(atPath: "samples/" + sample, toPath: batch.appendingPathComponent("\(index)-\(sample)").path)
    }
    var sequential: [Double] = []
    var parallel: [Double] = []
    _ = ChildProcess.run(cjmBinary, ["check", "--fail-on", "none", batch.path])
    // Alternating, so that a burst of load from elsewhere hits both alike.
    for _ in 0..<max(5, options.runs) {
        if let run = ChildProcess.run(cjmBinary, ["check", "--fail-on", "none", "--jobs", "1", batch.path]) { sequential.append(run.seconds) }
        if let run = ChildProcess.run(cjmBinary, ["check", "--fail-on", "none", "--jobs", "2", batch.path]) { parallel.append(run.seconds) }
    }
    results.batch = BatchResult(files: options.batchFiles, sequential: Timing(samples: sequential), parallel: Timing(samples: parallel))
}
// Issue 15: journeys sharing one catalogue against the same journeys with it copied inline.
if options.portfolioJourneys > 0, measures("portfolio") {
    results.portfolio = try PortfolioBench.run(journeys: options.portfolioJourneys, runs: options.runs, scratch: scratch, binary: cjmBinary)
    if let portfolio = results.portfolio {
        print("portfolio of \(portfolio.journeys): shared \(milliseconds(portfolio.shared.median)) ms, inline \(milliseconds(portfolio.inline.median)) ms, "
            + "ratio \(String(format: "%.2f", portfolio.ratio)), catalogue parses \(portfolio.catalogParses)")
    }
}
// Issue 19: the findings-heavy family, end to end against xmllint and json.load, on the largest size.
if measures("findings"), let size = options.sizes.max() {
    results.findings = try FindingsBench.run(touchpoints: size, runs: options.runs, scratch: scratch, binary: cjmBinary)
}
// Issue 17: a journey of a million personas within the memory bound.
if measures("personas") {
    results.personas = try PersonasBench.run(personas: options.personas, runs: options.runs, scratch: scratch, binary: cjmBinary)
    if let personas = results.personas { print(PersonasBench.markdown(personas)) }
}
results.loadAverages = (loadBefore, Machine.loadAverage)

let report = results.markdown()
print(report)
if let output = options.output {
    do {
        try Report.write(report, into: output)
        print("cjm-bench: wrote \(output)")
    } catch {
        print("cjm-bench: cannot write \(output): \(error)")
        exit(2)
    }
}
