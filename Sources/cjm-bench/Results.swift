import CBenchSupport
import Foundation
import JourneyKit

/// What is timed: a parser underneath cjm, or one of cjm's phases.
enum Measured: Hashable {
    case floor(String)
    case phase(String)

    var name: String {
        switch self {
        case .floor(let name), .phase(let name): name
        }
    }
}

/// The timings for one synthetic journey in one format.
struct PhaseSet {
    var size: Int
    var format: JourneyFormat
    var bytes: Int
    var timings: [(Measured, Timing)] = []
    /// nil when GNU time is not installed.
    var peakMemoryBytes: Int?
    /// Peak memory of `cjm export --view flow` of the file; nil when not measured.
    var exportPeakMemoryBytes: Int?
    /// The heap held by the imported journey.
    var modelHeapBytes = 0
    /// The HTML report's size beside its SVG map's and its JSON's (10k JSON only).
    var reportSize: (report: Int, map: Int, json: Int)?

    mutating func add(_ measured: Measured, _ timing: Timing) {
        timings.append((measured, timing))
    }

    func timing(_ name: String) -> Timing? {
        timings.first { $0.0.name == name }?.1
    }

    /// The floor every phase is compared with: libxml2's tree for XML, JSONSerialization for JSON.
    var floor: Timing? { timing(format == .xml ? "libxml2 tree" : "JSONSerialization") }

    var megabytes: Double { Double(bytes) / 1_048_576 }

    /// A Markdown table: one row per floor and phase.
    func table() -> String {
        var lines = [
            "#### \(size.formatted) touchpoints, \(format.rawValue.uppercased()) (\(String(format: "%.2f", megabytes)) MB)",
            "",
            "| phase | median ms | min–max ms | spread | MB/s | × floor |\(format == .xml ? " × reader |" : "")",
            "| --- | ---: | ---: | ---: | ---: | ---: |\(format == .xml ? " ---: |" : "")",
        ]
        let reader = timing("libxml2 reader")
        for (measured, timing) in timings {
            let label = if case .floor = measured { "*\(measured.name)* (floor)" } else { measured.name }
            var row = "| \(label) | \(milliseconds(timing.median)) | \(milliseconds(timing.minimum))–\(milliseconds(timing.maximum)) | "
                + "\(Int((timing.spread * 100).rounded()))% | \(String(format: "%.0f", megabytes / timing.median)) | "
                + "\(ratio(timing.median, floor?.median)) |"
            if format == .xml { row += " \(ratio(timing.median, reader?.median)) |" }
            lines.append(row)
        }
        lines.append("")
        lines.append("Heap held by the imported journey (model and source map): "
            + "\(String(format: "%.1f", Double(modelHeapBytes) / 1_048_576)) MB (\(String(format: "%.2f", Double(modelHeapBytes) / Double(bytes)))× the file).")
        if let peakMemoryBytes {
            lines.append("Peak memory of `cjm check` on this file: \(String(format: "%.1f", Double(peakMemoryBytes) / 1_048_576)) MB "
                + "(\(String(format: "%.2f", Double(peakMemoryBytes) / Double(bytes)))× the file).")
        } else if !FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
            lines.append("Peak memory not measured: /usr/bin/time (Debian package `time`) is not installed.")
        }
        if let exportPeakMemoryBytes {
            lines.append("Peak memory of `cjm export --view flow` of this file: \(String(format: "%.1f", Double(exportPeakMemoryBytes) / 1_048_576)) MB "
                + "(\(String(format: "%.2f", Double(exportPeakMemoryBytes) / Double(bytes)))× the file).")
        }
        return lines.joined(separator: "\n")
    }
}

struct BatchResult {
    var files: Int
    var sequential: Timing
    var parallel: Timing
    var speedup: Double { parallel.median > 0 ? sequential.median / parallel.median : 0 }
}

struct BenchmarkResults {
    var runs: Int
    var sets: [PhaseSet] = []
    var startup: [(String, Timing)] = []
    var batch: BatchResult?
    var portfolio: PortfolioResult?
    var diff: [DiffResult] = []
    var findings: [FindingsResult] = []
    var personas: PersonasResult?
    var loadAverages: (before: String, after: String) = ("?", "?")

    func set(_ size: Int, _ format: JourneyFormat) -> PhaseSet? {
        sets.first { $0.size == size && $0.format == format }
    }

    /// The targets of issue 7, each with its measured value.
    func targets() -> [(target: String, measured: String, met: Bool)] {
        var rows: [(String, String, Bool)] = []
        if let xml = set(100_000, .xml), let importTime = xml.timing("import")?.median, let tree = xml.floor?.median,
           let reader = xml.timing("libxml2 reader")?.median, let validating = xml.timing("libxml2 reader + XSD")?.median {
            // Issue 19 measures against the reader that validates the XSD, the least an importer
            // that checks the schema can do (issue 7 measured against the tree).
            let ratio = importTime / validating
            rows.append(("XML import of 100k ≤ 1.5× libxml2 reader + XSD", "\(String(format: "%.2f", ratio))× reader + XSD (\(String(format: "%.2f", importTime / reader))× "
                + "streaming reader, \(String(format: "%.2f", importTime / tree))× tree)", ratio <= 1.5))
        }
        if let json = set(100_000, .json), let importTime = json.timing("import")?.median, let floor = json.floor?.median {
            let ratio = importTime / floor
            rows.append(("JSON import of 100k ≤ 0.35× JSONSerialization", "\(String(format: "%.2f", ratio))×", ratio <= 0.35))
        }
        if let json = set(100_000, .json), let importTime = json.timing("import")?.median, let analysis = json.timing("analysis")?.median, importTime > 0 {
            rows.append(("analysis of 100k ≤ 0.5× its JSON import", "\(String(format: "%.2f", analysis / importTime))×", analysis <= 0.5 * importTime))
        }
        for format in [JourneyFormat.json, .xml] {
            guard let set = set(1_000, format), let importTime = set.timing("import")?.median,
                  let map = set.timing("map render")?.median, importTime > 0 else { continue }
            rows.append(("map of the 1k \(format.rawValue.uppercased()) journey ≤ 10× its import", "\(String(format: "%.2f", map / importTime))×",
                         map <= 10 * importTime))
        }
        if let size = set(10_000, .json)?.reportSize {
            let ratio = Double(size.report) / Double(max(1, size.map + size.json))
            rows.append(("HTML report of the 10k journey < 3× its SVG map plus its JSON",
                         "\(String(format: "%.2f", ratio))× (\(String(format: "%.1f", Double(size.report) / 1_048_576)) MB against "
                            + "\(String(format: "%.1f", Double(size.map) / 1_048_576)) + \(String(format: "%.1f", Double(size.json) / 1_048_576)) MB)", ratio < 3))
        }
        if let set = set(10_000, .json), let opening = set.timing("report opened in Chromium (process)")?.median {
            rows.append(("HTML report of the 10k journey opens in Chromium < 2 s (beyond Chromium's own start)", "\(String(format: "%.2f", opening)) s", opening < 2))
        }
        for format in [JourneyFormat.json, .xml] {
            guard let large = set(100_000, format), let small = set(10_000, format) else { continue }
            var worst = ("", 0.0)
            for (measured, timing) in large.timings {
                guard case .phase(let name) = measured, name != "cjm check (process)", name != "report opened in Chromium (process)", let base = small.timing(name)?.median, base > 0 else { continue }
                let growth = timing.median / base
                if growth > worst.1 { worst = (name, growth) }
            }
            rows.append(("\(format.rawValue.uppercased()) phases: 100k ≤ 12× 10k", "worst \(String(format: "%.1f", worst.1))× (\(worst.0))", worst.1 <= 12))
        }
        // Issue 19: XML says the same journey in fewer bytes, so its bound is 5× the file, JSON's 3×.
        for format in [JourneyFormat.json, .xml] {
            guard let large = set(100_000, format) else { continue }
            let bound: Double = format == .xml ? 5 : 3
            for (command, peak) in [("cjm check", large.peakMemoryBytes), ("cjm export --view flow", large.exportPeakMemoryBytes)] {
                guard let peak else { continue }
                let ratio = Double(peak) / Double(large.bytes)
                rows.append(("peak memory of `\(command)` of the 100k \(format.rawValue.uppercased()) ≤ \(Int(bound))× the file",
                             "\(String(format: "%.1f", Double(peak) / 1_048_576)) MB = \(String(format: "%.2f", ratio))× \(String(format: "%.1f", large.megabytes)) MB", ratio <= bound))
            }
        }
        if let exporters = ExporterBench.target(sets) { rows.append(exporters) }
        rows += DiffBench.targets(diff)
        if startup.count >= 2 {
            // Fastest runs: a process of 10 ms is easily delayed by other work on the machine,
            // never sped up, so the minimum is the least noisy estimate of its own cost.
            let base = startup[0].1.minimum
            let worst = startup.dropFirst().map(\.1.minimum).max() ?? 0
            rows.append(("`cjm check` of a small sample ≤ 1.5× `cjm --version` (process start dominates; fastest of the runs)",
                         "\(String(format: "%.2f", worst / base))× (\(milliseconds(worst)) ms vs \(milliseconds(base)) ms)", worst <= 1.5 * base))
        }
        if let batch {
            rows.append(("\(batch.files) sample files: `--jobs 2` ≥ 1.6× faster than `--jobs 1`", "\(String(format: "%.2f", batch.speedup))×", batch.speedup >= 1.6))
        }
        if let portfolio {
            rows.append(("\(portfolio.journeys) journeys sharing one catalogue: `cjm check` ≤ 1.2× the same journeys with it copied inline",
                         "\(String(format: "%.2f", portfolio.ratio))×", portfolio.ratio <= 1.2))
            rows.append(("\(portfolio.journeys) journeys sharing one catalogue: the catalogue is parsed once",
                         "\(portfolio.catalogParses)", portfolio.catalogParses == 1))
        }
        rows += FindingsBench.targets(findings)
        if let personas, let peak = personas.peakMemoryBytes {
            let ratio = Double(peak) / Double(personas.fileBytes)
            rows.append(("journey of \(personas.personas) personas: peak memory of `cjm check` ≤ 3× the file",
                         "\(String(format: "%.1f", Double(peak) / 1_048_576)) MB = \(String(format: "%.2f", ratio))× \(String(format: "%.1f", personas.megabytes)) MB "
                            + "(\(String(format: "%.2f", personas.check.median / personas.megabytes)) s per MB)", ratio <= 3))
        }
        return rows
    }

    func markdown() -> String {
        var lines: [String] = []
        lines.append("### Machine")
        lines.append("")
        lines.append(contentsOf: Machine.description.map { "- \($0)" })
        lines.append("- load average (1, 5, 15 min) before the run: \(loadAverages.before); after: \(loadAverages.after)")
        lines.append("- \(runs) timed runs per measurement after one warm-up (process measurements: at least 3; start-up: at least 20)")
        lines.append("")
        lines.append("### Targets")
        lines.append("")
        lines.append("| target | measured | met |")
        lines.append("| --- | --- | --- |")
        for row in targets() {
            lines.append("| \(row.target) | \(row.measured) | \(row.met ? "yes" : "**no**") |")
        }
        lines.append("")
        lines.append("### Phases")
        lines.append("")
        lines.append("*floor*: libxml2 building its tree (`xmlReadMemory` + `xmlFreeDoc`) for XML, `JSONSerialization` for JSON; "
            + "*reader*: libxml2's streaming reader visiting every node; *reader + XSD*: the same, validating against the journey schema "
            + "(the least an importer that checks the schema can do). *import* includes id and reference validation "
            + "(as `cjm` always runs it); *validation* is that part alone. *check* is `JourneyChecker` (import, validation, analysis) "
            + "in-process; *cjm check (process)* is the release binary run on the file, with process start, reading and printing. "
            + "*spread* is (max − min) / median.")
        for set in sets {
            lines.append("")
            lines.append(set.table())
        }
        lines += DiffBench.markdown(diff)
        if !findings.isEmpty {
            lines.append("")
            lines.append(FindingsBench.markdown(findings))
        }
        lines.append("")
        lines.append("### Start-up and batches")
        lines.append("")
        lines.append("| command | median ms | min–max ms |")
        lines.append("| --- | ---: | ---: |")
        for (name, timing) in startup {
            lines.append("| `\(name)` | \(milliseconds(timing.median)) | \(milliseconds(timing.minimum))–\(milliseconds(timing.maximum)) |")
        }
        if let batch {
            for (jobs, timing) in [(1, batch.sequential), (2, batch.parallel)] {
                lines.append("| `cjm check --jobs \(jobs)` of \(batch.files) sample files | \(milliseconds(timing.median)) | "
                    + "\(milliseconds(timing.minimum))–\(milliseconds(timing.maximum)) |")
            }
        }
        if let portfolio {
            for (label, timing) in [("sharing one catalogue", portfolio.shared), ("with the catalogue copied inline", portfolio.inline)] {
                lines.append("| `cjm check --jobs 1` of \(portfolio.journeys) journeys \(label) | \(milliseconds(timing.median)) | "
                    + "\(milliseconds(timing.minimum))–\(milliseconds(timing.maximum)) |")
            }
        }
        if let personas {
            lines.append("")
            lines.append(PersonasBench.markdown(personas))
        }
        return lines.joined(separator: "\n")
    }
}

func milliseconds(_ seconds: Double) -> String {
    let value = seconds * 1000
    return value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value)
}

func ratio(_ value: Double, _ base: Double?) -> String {
    guard let base, base > 0 else { return "" }
    return String(format: "%.2f", value / base)
}

extension Int {
    /// 100000 as "100k".
    var formatted: String { self >= 1000 && self % 1000 == 0 ? "\(self / 1000)k" : "\(self)" }
}

/// What the numbers were measured on.
enum Machine {
    static var description: [String] {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memory = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } }
            .map { String(format: "%.0f GiB", Double($0) / 1_048_576) } ?? "unknown"
        let swift = ChildProcess.output("swift --version")?.split(separator: "\n").first.map(String.init) ?? "unknown"
        return [
            "CPU: \(model), \(ProcessInfo.processInfo.activeProcessorCount) cores",
            "memory: \(memory)",
            "\(swift)",
            "libxml2 \(Floors.libxml2Version)",
        ]
    }

    /// Bytes the C heap has handed out and not taken back (glibc's `mallinfo2`).
    static var heapInUse: Int {
        Int(cjm_bench_heap_in_use())
    }

    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return text.split(separator: " ").prefix(3).joined(separator: ", ")
    }
}

/// Writes the measured section into a Markdown file, keeping the hand-written rest.
enum Report {
    static let begin = "<!-- cjm-bench:begin (generated by `swift run -c release cjm-bench --output docs/benchmarks.md`; do not edit by hand) -->"
    static let end = "<!-- cjm-bench:end -->"

    static func write(_ report: String, into path: String) throws {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# Benchmarks\n\n\(begin)\n\(end)\n"
        let generated = "\(begin)\n\(report)\n\(end)"
        let updated: String
        if let start = existing.range(of: "<!-- cjm-bench:begin"), let stop = existing.range(of: end, range: start.upperBound..<existing.endIndex) {
            updated = existing.replacingCharacters(in: start.lowerBound..<stop.upperBound, with: generated)
        } else {
            updated = existing + "\n" + generated + "\n"
        }
        try updated.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
