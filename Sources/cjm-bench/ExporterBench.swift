import Foundation
import JourneyKit

/// Issue 19, target 3: every exporter of a journey within 1× the import of the same journey,
/// each timed in-process on the imported model (the DOT flow view is the `dot` part's row).
enum ExporterBench {
    /// The rows this part adds, in the order of the table.
    static let rows = ["DOT matrix export", "Mermaid export", "CSV sheet export", "JSON write", "XML write"]

    /// The exporters of the target: these rows, the DOT flow view and the map.
    static let targetRows = ["DOT export"] + rows + ["map render"]

    static func measure(_ model: Journey, findings: [Diagnostic], runs: Int, into set: inout PhaseSet) {
        set.add(.phase("DOT matrix export"), Timing.measure(runs: runs) {
            DOTExporter(view: .matrix).export(model, findings: findings, chunkSize: 1 << 16) { _ in }
        })
        set.add(.phase("Mermaid export"), Timing.measure(runs: runs) { _ = try? MermaidJourneyWriter.mermaid(model) })
        set.add(.phase("CSV sheet export"), Timing.measure(runs: runs) { _ = TouchpointSheet.csv(model) })
        set.add(.phase("JSON write"), Timing.measure(runs: runs) { _ = try? JourneyWriter.write(model, as: .json) })
        set.add(.phase("XML write"), Timing.measure(runs: runs) { _ = try? JourneyWriter.write(model, as: .xml) })
    }

    /// Beside the map's row (its pages as Strings, as `cjm export` and the report take them):
    /// the pages as bytes handed on as drawn (`writePages`), and the floor of writing that
    /// much: the finished pages' bytes copied into one buffer, as a sink would take them.
    static func measureMap(_ model: Journey, findings: [Diagnostic], runs: Int, into set: inout PhaseSet) {
        let renderer = JourneyMapRenderer()
        set.add(.phase("map render to bytes"), Timing.measure(runs: runs) { try? renderer.writePages(model, findings: findings) { _ in } })
        var pages: [[UInt8]] = []
        try? renderer.writePages(model, findings: findings) { pages.append($0) }
        let total = pages.reduce(0) { $0 + $1.count }
        set.add(.phase("map bytes copied (floor)"), Timing.measure(runs: runs) {
            var sink: [UInt8] = []
            sink.reserveCapacity(total)
            for page in pages { sink.append(contentsOf: page) }
            precondition(sink.count == total)
        })
    }

    /// Peak memory of `cjm export` (the flow view's DOT) of `file`, written to a scratch file.
    static func exportPeakMemory(file: String, binary: String, scratch: String) -> Int? {
        let output = scratch + "/export-peak.dot"
        defer { unlink(output) }
        return ChildProcess.peakMemory(binary, ["export", "--view", "flow", file, "-o", output], scratch: scratch)
    }

    /// The target row: the worst exporter against the JSON import of the same journey, each on
    /// the largest journey it was measured on.
    static func target(_ sets: [PhaseSet]) -> (target: String, measured: String, met: Bool)? {
        var worst: (name: String, size: Int, ratio: Double)?
        for name in targetRows {
            guard let set = sets.filter({ $0.format == .json && $0.timing(name) != nil }).max(by: { $0.size < $1.size }),
                  let time = set.timing(name)?.median, let importTime = set.timing("import")?.median, importTime > 0 else { continue }
            let ratio = time / importTime
            if ratio > worst?.ratio ?? -1 { worst = (name, set.size, ratio) }
        }
        guard let worst else { return nil }
        return ("every exporter ≤ 1× the JSON import of the same journey (DOT flow and matrix, Mermaid, CSV, JSON, XML at the largest size; the map at 10k)",
                "worst \(worst.name) of the \(worst.size.formatted): \(String(format: "%.2f", worst.ratio))×", worst.ratio <= 1)
    }
}
