import Foundation
import JourneyKit

/// Issue 19's end-to-end targets on the findings-heavy family (`SyntheticJourney.makeFindingsHeavy`,
/// about two findings per touchpoint): `cjm check` of the XML at most 2.5× `xmllint --noout` of the
/// same bytes, of the JSON at most 1.0× Python's `json.load`, and its peak memory at most 3× the JSON
/// file and 5× the XML file, however many findings it prints.
struct FindingsResult {
    var touchpoints: Int
    var format: JourneyFormat
    var fileBytes: Int
    var findings: Int
    /// `cjm check --fail-on none FILE`, as a process, printing every finding.
    var check: Timing
    /// The same with every rule disabled: reading, validating and the summary line, no findings.
    /// What the import alone costs bounds what the findings' work can win against the floor.
    var importAlone: Timing?
    /// `xmllint --noout` (XML) or `python3 -c 'json.load(…)'` (JSON) of the same file; nil when missing.
    var floor: Timing?
    var floorName: String
    var peakMemoryBytes: Int?

    var ratio: Double? { floor.flatMap { $0.median > 0 ? check.median / $0.median : nil } }
    /// `importAlone` against the floor.
    var importRatio: Double? { floor.flatMap { floor in importAlone.flatMap { floor.median > 0 ? $0.median / floor.median : nil } } }
    /// The ratio the target allows: 2.5× xmllint, 1.0× json.load.
    var allowedRatio: Double { format == .xml ? 2.5 : 1.0 }
    /// The peak memory the target allows, in file sizes: 5× for XML (it says the same in fewer bytes), 3× for JSON.
    var allowedMemory: Double { format == .xml ? 5 : 3 }
}

enum FindingsBench {
    /// The floor of each format, as a process: the program and its arguments before the file's path.
    static func floor(of format: JourneyFormat) -> (name: String, executable: String, arguments: [String])? {
        let (name, program, arguments): (String, String, [String]) = switch format {
        case .xml: ("xmllint --noout", "xmllint", ["--noout"])
        case .json: ("python3 json.load", "python3", ["-c", "import json,sys; json.load(open(sys.argv[1]))"])
        }
        // The system's own first: a version manager's shim on PATH adds its own start-up to every run.
        let directories = ["/usr/bin", "/usr/local/bin"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let executable = directories.map({ $0 + "/" + program }).first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        return (name, executable, arguments)
    }

    /// Writes the findings-heavy journey of `touchpoints` in both formats and times `cjm check` of
    /// each against its floor, alternating runs so that load from elsewhere hits both alike.
    static func run(touchpoints: Int, runs: Int, scratch: URL, binary: String) throws -> [FindingsResult] {
        let journey = SyntheticJourney.makeFindingsHeavy(touchpoints: touchpoints)
        let findings = Analyzer().analyze(journey).count
        var results: [FindingsResult] = []
        for format in [JourneyFormat.json, .xml] {
            let path = scratch.appendingPathComponent("findings-\(touchpoints).\(format.fileExtension)").path
            let text = try JourneyWriter.write(journey, as: format)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let arguments = ["check", "--fail-on", "none", path]
            let importArguments = ["check", "--fail-on", "none"] + Analyzer.allRuleIDs.flatMap { ["--disable", $0] } + [path]
            let floor = floor(of: format)
            if floor == nil { print("cjm-bench: no \(format == .xml ? "xmllint (apt-get install libxml2-utils)" : "python3"); the findings-heavy \(format.rawValue.uppercased()) floor is not measured") }
            var check: [Double] = []
            var floorTimes: [Double] = []
            var importTimes: [Double] = []
            _ = ChildProcess.run(binary, arguments)
            for _ in 0..<max(3, runs) {
                guard let run = ChildProcess.run(binary, arguments), run.status == 0 else {
                    print("cjm-bench: `cjm check \(path)` failed")
                    return results
                }
                check.append(run.seconds)
                if let run = ChildProcess.run(binary, importArguments), run.status == 0 { importTimes.append(run.seconds) }
                if let floor, let run = ChildProcess.run(floor.executable, floor.arguments + [path]), run.status == 0 { floorTimes.append(run.seconds) }
            }
            let result = FindingsResult(
                touchpoints: touchpoints, format: format, fileBytes: text.utf8.count, findings: findings, check: Timing(samples: check),
                importAlone: importTimes.isEmpty ? nil : Timing(samples: importTimes),
                floor: floorTimes.isEmpty ? nil : Timing(samples: floorTimes), floorName: floor?.name ?? "",
                peakMemoryBytes: ChildProcess.peakMemory(binary, arguments, scratch: scratch.path))
            print(markdownRow(result))
            fflush(nil)
            results.append(result)
        }
        return results
    }

    /// The targets' rows for the Targets table.
    static func targets(_ results: [FindingsResult]) -> [(target: String, measured: String, met: Bool)] {
        var rows: [(String, String, Bool)] = []
        for result in results {
            let name = "`cjm check` of the findings-heavy \(result.touchpoints.formatted) \(result.format.rawValue.uppercased()) (\(result.findings) findings)"
            if let ratio = result.ratio {
                rows.append(("\(name) ≤ \(String(format: "%.1f", result.allowedRatio))× `\(result.floorName)`",
                             "\(String(format: "%.2f", ratio))× (\(milliseconds(result.check.median)) ms against \(milliseconds(result.floor?.median ?? 0)) ms)",
                             ratio <= result.allowedRatio))
            }
            if let peak = result.peakMemoryBytes {
                let ratio = Double(peak) / Double(max(1, result.fileBytes))
                rows.append(("peak memory of \(name) ≤ \(Int(result.allowedMemory))× the file",
                             "\(String(format: "%.1f", Double(peak) / 1_048_576)) MB = \(String(format: "%.2f", ratio))× "
                                + "\(String(format: "%.1f", Double(result.fileBytes) / 1_048_576)) MB", ratio <= result.allowedMemory))
            }
        }
        return rows
    }

    /// A table of the measurements, for the Phases section.
    static func markdown(_ results: [FindingsResult]) -> String {
        guard !results.isEmpty else { return "" }
        let lines = ["#### Findings-heavy journey (about two findings per touchpoint)", "",
                     "| file | findings | cjm check median ms | min–max ms | floor | floor median ms | × floor | import alone ms | × floor | peak MB | × file |",
                     "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"] + results.map(markdownRow)
            + ["", "*import alone*: the same `cjm check` with every rule disabled (reading, validating, the summary "
               + "line): the part of the ratio that the findings' analysis and printing do not add."]
        return lines.joined(separator: "\n")
    }

    static func markdownRow(_ result: FindingsResult) -> String {
        let megabytes = Double(result.fileBytes) / 1_048_576
        let peak = result.peakMemoryBytes.map { Double($0) / 1_048_576 }
        return "| \(result.touchpoints.formatted) \(result.format.rawValue.uppercased()) (\(String(format: "%.2f", megabytes)) MB) | \(result.findings) | "
            + "\(milliseconds(result.check.median)) | \(milliseconds(result.check.minimum))–\(milliseconds(result.check.maximum)) | "
            + "\(result.floorName.isEmpty ? "–" : "`\(result.floorName)`") | \(result.floor.map { milliseconds($0.median) } ?? "–") | "
            + "\(result.ratio.map { String(format: "%.2f", $0) } ?? "–") | "
            + "\(result.importAlone.map { milliseconds($0.median) } ?? "–") | \(result.importRatio.map { String(format: "%.2f", $0) } ?? "–") | "
            + "\(peak.map { String(format: "%.1f", $0) } ?? "–") | "
            + "\(peak.map { String(format: "%.2f", $0 / megabytes) } ?? "–") |"
    }
}
