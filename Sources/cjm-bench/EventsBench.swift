import Foundation
import JourneyKit

/// Issue 20's target: `cjm conform` of a generated log of 10 million events (about 500 MB) for
/// a 1,000-touchpoint journey is no slower than GNU `sort -t, -k1,1 -k2,2` of the same file
/// (the least any tool that orders events per case must do), with peak memory below the
/// file's size.
struct EventsResult {
    var events: Int
    var cases: Int
    var fileBytes: Int
    /// `cjm conform JOURNEY --events LOG --format json --max-deviations 0`, as a process.
    var conform: Timing
    /// `sort -t, -k1,1 -k2,2 -o /dev/null LOG`, as a process (the locale as the bench runs).
    var sort: Timing
    var conformPeakMemoryBytes: Int?
    var ratio: Double { sort.median > 0 ? conform.median / sort.median : 0 }
}

enum EventsBench {
    /// Steps per case: 10 million events are half a million cases.
    static let stepsPerCase = 20

    /// Writes a deterministic log of `events` events for `journey` (touchpoints `touchpoint-N`,
    /// flows N → N+1) to `path`: cases walk twenty steps from a random start; one case in ten
    /// skips a step (missing), one in fifty visits a touchpoint the journey lacks (ad hoc), one
    /// in fifty fails a step. Rows come step by step across all cases, so no case's events are
    /// together: the order a log merged from several systems has. Returns the number of cases.
    @discardableResult
    static func writeLog(events: Int, touchpoints: Int, to path: String) throws -> Int {
        let cases = max(1, events / stepsPerCase)
        var random = SplitMix(seed: 20)
        let starts = (0..<cases).map { _ in Int(random.next() % UInt64(max(1, touchpoints - stepsPerCase * 2))) }
        let kinds = (0..<cases).map { _ in random.next() % 100 }
        guard let file = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func append(_ text: String) { buffer.append(contentsOf: text.utf8) }
        append("case,timestamp,touchpoint,outcome\n")
        var written = 0
        for step in 0..<stepsPerCase {
            for index in 0..<cases where written < events {
                let kind = kinds[index]
                // A skipping case jumps one touchpoint at its fifth step and keeps the shift.
                let position = starts[index] + step + (kind < 10 && step >= 5 ? 1 : 0)
                let touchpoint = kind >= 10 && kind < 12 && step == 7 ? "kiosk-\(index % 13)" : "touchpoint-\(position)"
                let outcome = kind >= 12 && kind < 14 && step == 3 ? "failed" : "ok"
                let minute = step < 10 ? "0\(step)" : "\(step)"
                append("c\(index),2026-10-01T09:\(minute):00Z,\(touchpoint),\(outcome)\n")
                written += 1
                if buffer.count >= 1 << 20 {
                    fwrite(buffer, 1, buffer.count, file)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        fwrite(buffer, 1, buffer.count, file)
        return cases
    }

    static func run(events: Int, runs: Int, scratch: URL, binary: String) throws -> EventsResult? {
        let touchpoints = 1_000
        let journeyPath = scratch.appendingPathComponent("events-journey.journey.json").path
        try Data(JourneyJSONWriter.write(SyntheticJourney.make(touchpoints: touchpoints)).utf8).write(to: URL(fileURLWithPath: journeyPath))
        let logPath = scratch.appendingPathComponent("events.csv").path
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let cases = try writeLog(events: events, touchpoints: touchpoints, to: logPath)
        let size = (try? FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int) ?? 0
        print("events: wrote \(events) events of \(cases) cases, \(size / 1_048_576) MB")
        fflush(nil)
        let conformArguments = ["conform", journeyPath, "--events", logPath, "--format", "json", "--max-deviations", "0"]
        let sortArguments = ["-t", ",", "-k1,1", "-k2,2", "-o", "/dev/null", logPath]
        var conform: [Double] = []
        var sort: [Double] = []
        // Alternating, so that load from elsewhere hits both alike; a log of deviating cases exits 1.
        for _ in 0..<max(1, runs) {
            guard let run = ChildProcess.run(binary, conformArguments), run.status == 0 || run.status == 1 else {
                print("cjm-bench: `cjm conform` of the generated log failed")
                return nil
            }
            conform.append(run.seconds)
            if let run = ChildProcess.run("/usr/bin/sort", sortArguments), run.status == 0 { sort.append(run.seconds) }
            print("events: conform \(String(format: "%.1f", run.seconds)) s, sort \(sort.last.map { String(format: "%.1f", $0) } ?? "–") s")
            fflush(nil)
        }
        let peak = ChildProcess.peakMemory(binary, conformArguments, scratch: scratch.path, acceptedStatuses: [0, 1])
        return EventsResult(events: events, cases: cases, fileBytes: size, conform: Timing(samples: conform), sort: Timing(samples: sort),
                            conformPeakMemoryBytes: peak)
    }

    /// The result as Markdown lines for docs/benchmarks.md and docs/observed.md.
    static func markdown(_ result: EventsResult) -> String {
        let megabytes = Double(result.fileBytes) / 1_048_576
        var lines = ["| event log | cjm conform median s | sort median s | ratio | conform peak memory MB | log MB |",
                     "| --- | ---: | ---: | ---: | ---: | ---: |"]
        lines.append("| \(result.events) events, \(result.cases) cases, 1,000 touchpoints | \(String(format: "%.1f", result.conform.median)) | "
            + "\(String(format: "%.1f", result.sort.median)) | \(String(format: "%.2f", result.ratio))× | "
            + "\(result.conformPeakMemoryBytes.map { String(format: "%.0f", Double($0) / 1_048_576) } ?? "–") | \(String(format: "%.0f", megabytes)) |")
        return lines.joined(separator: "\n")
    }
}
