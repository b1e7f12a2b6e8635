import Foundation
import JourneyKit

/// Issue 17's last blow-up: a journey of a million personas (each an id and a name, about
/// 34 MB of JSON) checks within the memory bound of the other journeys, 3× its file, and
/// without taking seconds per MB.
struct PersonasResult {
    var personas: Int
    var fileBytes: Int
    /// `cjm check` of the file, as a user runs it.
    var check: Timing
    /// nil when GNU time is not installed.
    var peakMemoryBytes: Int?
    /// The heap held by the imported journey (model and source map), in-process.
    var modelHeapBytes: Int

    var megabytes: Double { Double(fileBytes) / 1_048_576 }
}

enum PersonasBench {
    /// A valid journey of `count` personas, one a line, with the one channel, stage and touchpoint it needs.
    static func journey(personas count: Int) -> [UInt8] {
        var bytes = Array(#"{"id":"many-personas","title":"Many personas","personas":["#.utf8)
        bytes.reserveCapacity(count * 36 + 200)
        for index in 1...max(1, count) {
            if index > 1 { bytes += Array(",\n".utf8) }
            bytes += Array(#"{"id":"p\#(index)","name":"P\#(index)"}"#.utf8)
        }
        bytes += Array(#"],"channels":[{"id":"web","name":"Web"}],"stages":[{"id":"s","name":"S","touchpoints":[{"id":"t","name":"T","channels":["web"]}]}]}"#.utf8)
        bytes += Array("\n".utf8)
        return bytes
    }

    static func run(personas count: Int, runs: Int, scratch: URL, binary: String) throws -> PersonasResult? {
        let bytes = journey(personas: count)
        let file = scratch.appendingPathComponent("personas-\(count).journey.json")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let heapBefore = Machine.heapInUse
        let imported = JourneyImporter.importJourney(from: bytes, path: file.path, format: .json)
        let modelHeap = max(0, Machine.heapInUse - heapBefore)
        guard imported.isValid else {
            print("cjm-bench: the journey of \(count) personas is invalid: \(imported.diagnostics.prefix(3))")
            return nil
        }
        var samples: [Double] = []
        for _ in 0..<max(3, runs / 2) {
            guard let run = ChildProcess.run(binary, ["check", "--fail-on", "none", file.path]), run.status == 0 else {
                print("cjm-bench: `cjm check` of the journey of \(count) personas failed")
                return nil
            }
            samples.append(run.seconds)
        }
        return PersonasResult(personas: count, fileBytes: bytes.count, check: Timing(samples: samples),
                              peakMemoryBytes: ChildProcess.peakMemory(binary, ["check", "--fail-on", "none", file.path], scratch: scratch.path),
                              modelHeapBytes: modelHeap)
    }

    /// The lines printed after the run and written under the phases.
    static func markdown(_ result: PersonasResult) -> String {
        var line = "`cjm check` of \(result.personas) personas (\(String(format: "%.1f", result.megabytes)) MB of JSON): "
            + "\(milliseconds(result.check.median)) ms median (\(String(format: "%.2f", result.check.median / result.megabytes)) s per MB"
        if let peak = result.peakMemoryBytes {
            line += ", peak memory \(String(format: "%.1f", Double(peak) / 1_048_576)) MB = \(String(format: "%.2f", Double(peak) / Double(result.fileBytes)))× the file"
        }
        line += "); heap held by the imported journey \(String(format: "%.1f", Double(result.modelHeapBytes) / 1_048_576)) MB "
            + "(\(String(format: "%.2f", Double(result.modelHeapBytes) / Double(result.fileBytes)))× the file)."
        return line
    }
}
