import Foundation
import JourneyKit

/// Issue 19 item 4: `cjm diff` of two versions of a journey costs at most 2.5× importing both,
/// and grows with the size of the journeys, not with changes × stages; item 5: its peak memory
/// stays within 3× the JSON files.
struct DiffResult {
    /// One pair of versions compared.
    struct Pair {
        var label: String
        /// Importing both files (`JourneyImporter`, as every command does first).
        var importBoth: Timing
        /// All of `cjm diff` in-process: checking both files (import, validation, analysis),
        /// comparing them and printing the text report.
        var diff: Timing
        /// Comparing the checked journeys and printing the text report, without the checks.
        var compareAndReport: Timing
        var changes: Int
        var ratio: Double { importBoth.median > 0 ? diff.median / importBoth.median : 0 }
    }

    var size: Int
    var pairs: [Pair] = []
    /// Peak memory of the `cjm diff` process on the JSON file and its edited copy, against the
    /// two files' bytes; nil without GNU time or below 100k.
    var peakMemory: (bytes: Int, files: Int)?
}

enum DiffBench {
    /// Times both pairs of one size: the journey's JSON against its XML (no change), and its
    /// JSON against an edited copy (`edited(_:)`).
    static func run(journey: Journey, size: Int, runs: Int, scratch: URL, binary: String) throws -> DiffResult? {
        guard let json = try? JourneyWriter.write(journey, as: .json), let xml = try? JourneyWriter.write(journey, as: .xml),
              let editedJSON = try? JourneyWriter.write(edited(journey), as: .json) else {
            print("cjm-bench: the journeys to diff cannot be written")
            return nil
        }
        var result = DiffResult(size: size)
        let versions = [("JSON against the same journey as XML", Array(json.utf8), JourneyFormat.json, Array(xml.utf8), JourneyFormat.xml),
                        ("JSON against an edited copy", Array(json.utf8), .json, Array(editedJSON.utf8), .json)]
        for (label, oldBytes, oldFormat, newBytes, newFormat) in versions {
            let checker = JourneyChecker()
            let oldPath = "old.journey.\(oldFormat.fileExtension)", newPath = "new.journey.\(newFormat.fileExtension)"
            let old = checker.check(bytes: oldBytes, path: oldPath, format: oldFormat)
            let new = checker.check(bytes: newBytes, path: newPath, format: newFormat)
            guard let oldJourney = old.journey, let newJourney = new.journey else {
                print("cjm-bench: a journey to diff is invalid: \((old.report.diagnostics + new.report.diagnostics).prefix(3))")
                return nil
            }
            let importBoth = Timing.measure(runs: runs) {
                _ = JourneyImporter.importJourney(from: oldBytes, path: oldPath, format: oldFormat)
                _ = JourneyImporter.importJourney(from: newBytes, path: newPath, format: newFormat)
            }
            // What DiffCommand does between reading the files and writing to standard output.
            func compareAndReport(_ old: CheckedJourney, _ oldFindings: consuming [Diagnostic],
                                  _ new: CheckedJourney, _ newFindings: consuming [Diagnostic]) -> JourneyComparison {
                let comparison = JourneyComparison(old: old.journey, oldFindings: oldFindings, oldPath: oldPath,
                                                   new: new.journey, newFindings: newFindings, newPath: newPath)
                // Written in pieces as `cjm diff` writes them; a piece is dropped as it comes.
                DiffTextReporter().report(comparison, chunkSize: 1 << 16) { _ = $0 }
                return comparison
            }
            let diff = Timing.measure(runs: runs) {
                var old = checker.check(bytes: oldBytes, path: oldPath, format: oldFormat)
                var new = checker.check(bytes: newBytes, path: newPath, format: newFormat)
                // Handed over as `cjm diff`'s loader hands them over: not shared, so not copied.
                let oldFindings = old.report.findings, newFindings = new.report.findings
                old.report.findings = []
                new.report.findings = []
                _ = compareAndReport(old, oldFindings, new, newFindings)
            }
            // `cjm diff` hands both findings arrays over, and the comparison keeps the unmatched
            // ones in their own storage; arrays shared with `old` and `new` would be copied first,
            // inside the timing (130,000 findings at 100k). Each run gets copies made beforehand.
            var findingCopies = (0...runs).map { _ in (Self.copy(old.findings), Self.copy(new.findings)) }
            let alone = Timing.measure(runs: runs) {
                let (oldFindings, newFindings) = findingCopies.removeLast()
                _ = compareAndReport(old, oldFindings, new, newFindings)
            }
            let changes = JourneyDiff.compare(old: oldJourney, oldFindings: old.findings, new: newJourney, newFindings: new.findings).changes.count
            result.pairs.append(.init(label: label, importBoth: importBoth, diff: diff, compareAndReport: alone, changes: changes))
        }
        if size >= 100_000 {
            let oldFile = scratch.appendingPathComponent("diff-old-\(size).journey.json")
            let newFile = scratch.appendingPathComponent("diff-new-\(size).journey.json")
            try Data(json.utf8).write(to: oldFile)
            try Data(editedJSON.utf8).write(to: newFile)
            // Exit 1: the journeys differ.
            if let peak = ChildProcess.peakMemory(binary, ["diff", oldFile.path, newFile.path], scratch: scratch.path, acceptedStatuses: [1]) {
                result.peakMemory = (peak, json.utf8.count + editedJSON.utf8.count)
            }
            try? FileManager.default.removeItem(at: oldFile)
            try? FileManager.default.removeItem(at: newFile)
        }
        return result
    }

    /// A copy of `findings` in storage of its own.
    private static func copy(_ findings: [Diagnostic]) -> [Diagnostic] {
        var copy: [Diagnostic] = []
        copy.reserveCapacity(findings.count)
        copy.append(contentsOf: findings)
        return copy
    }

    /// A deterministic edit of the synthetic journey touching about a quarter of its
    /// touchpoints: every tenth renamed, every tenth (another one) with a new emotion and pain,
    /// every fortieth moved to the next stage, every fiftieth removed, every hundredth followed
    /// by a new touchpoint, every five hundredth given a new id (a rename of its id).
    /// References to removed and re-identified touchpoints follow, so the copy stays valid.
    static func edited(_ journey: Journey) -> Journey {
        var copy = journey
        var newIDs: [String: String] = [:]
        var removed: Set<String> = []
        var index = 0
        var movedToNext: [Touchpoint] = []
        for stageIndex in copy.stages.indices {
            var touchpoints: [Touchpoint] = movedToNext
            movedToNext = []
            for var touchpoint in copy.stages[stageIndex].touchpoints {
                defer { index += 1 }
                if index % 50 == 7 {
                    removed.insert(touchpoint.id)
                    continue
                }
                if index % 500 == 17 {
                    newIDs[touchpoint.id] = "renamed-\(index)"
                    touchpoint.id = "renamed-\(index)"
                }
                if index % 10 == 1 { touchpoint.name += " (edited)" }
                if index % 10 == 3 {
                    touchpoint.emotion = ((touchpoint.emotion ?? 0) + 3) % 5 - 2
                    touchpoint.pains.append("Waits too long")
                }
                if index % 40 == 5, stageIndex + 1 < copy.stages.count { movedToNext.append(touchpoint) } else { touchpoints.append(touchpoint) }
                if index % 100 == 9 {
                    touchpoints.append(Touchpoint(id: "added-\(index)", name: "Added step after \(touchpoint.id)", channels: touchpoint.channels,
                                                  owner: "team-new", next: [touchpoint.next.first].compactMap { $0 }))
                }
            }
            copy.stages[stageIndex].touchpoints = touchpoints
        }
        for stageIndex in copy.stages.indices {
            for touchpointIndex in copy.stages[stageIndex].touchpoints.indices {
                copy.stages[stageIndex].touchpoints[touchpointIndex].next = copy.stages[stageIndex].touchpoints[touchpointIndex].next
                    .filter { !removed.contains($0) }.map { newIDs[$0] ?? $0 }
            }
        }
        return copy
    }

    static func markdown(_ results: [DiffResult]) -> [String] {
        guard !results.isEmpty else { return [] }
        var lines = [
            "",
            "### Diff",
            "",
            "*import both*: importing the two files; *cjm diff*: checking both (import, validation, analysis), comparing and "
                + "printing the text report, in-process; *compare + report*: the last two alone, on the checked journeys.",
            "",
            "| touchpoints | pair | changes | import both ms | cjm diff ms | × import both | compare + report ms | × import both |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for result in results {
            for pair in result.pairs {
                lines.append("| \(result.size.formatted) | \(pair.label) | \(pair.changes) | \(milliseconds(pair.importBoth.median)) | "
                    + "\(milliseconds(pair.diff.median)) | \(String(format: "%.2f", pair.ratio)) | \(milliseconds(pair.compareAndReport.median)) | "
                    + "\(ratio(pair.compareAndReport.median, pair.importBoth.median)) |")
            }
        }
        for result in results {
            guard let peak = result.peakMemory else { continue }
            lines.append("")
            lines.append("Peak memory of `cjm diff` of the \(result.size.formatted) JSON and its edited copy: "
                + "\(String(format: "%.1f", Double(peak.bytes) / 1_048_576)) MB (\(String(format: "%.2f", Double(peak.bytes) / Double(peak.files)))× the two files).")
        }
        return lines
    }

    static func targets(_ results: [DiffResult]) -> [(String, String, Bool)] {
        var rows: [(String, String, Bool)] = []
        if let large = results.first(where: { $0.size == 100_000 }), !large.pairs.isEmpty {
            let worst = large.pairs.max { $0.ratio < $1.ratio }!
            rows.append(("`cjm diff` of two 100k versions ≤ 2.5× importing both", "worst \(String(format: "%.2f", worst.ratio))× (\(worst.label))", worst.ratio <= 2.5))
            if let small = results.first(where: { $0.size == 10_000 }) {
                let growths = zip(small.pairs, large.pairs).map { $1.compareAndReport.median / max($0.compareAndReport.median, 1e-9) }
                let worstGrowth = growths.max() ?? 0
                rows.append(("diff compare + report: 100k ≤ 12× 10k", "worst \(String(format: "%.1f", worstGrowth))×", worstGrowth <= 12))
            }
            if let peak = large.peakMemory {
                let ratio = Double(peak.bytes) / Double(peak.files)
                rows.append(("peak memory of `cjm diff` of two 100k JSON versions ≤ 3× the files",
                             "\(String(format: "%.1f", Double(peak.bytes) / 1_048_576)) MB = \(String(format: "%.2f", ratio))× "
                                + "\(String(format: "%.1f", Double(peak.files) / 1_048_576)) MB", ratio <= 3))
            }
        }
        return rows
    }
}
