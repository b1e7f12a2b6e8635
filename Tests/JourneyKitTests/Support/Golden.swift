import Foundation
import Testing

/// Compares output with a golden file under `Tests/JourneyKitTests/Golden`.
///
/// Run with `CJM_RECORD_GOLDEN=1 swift test` to write the current output as the new golden
/// files; review them with `git diff` before committing. On a mismatch the test fails with a
/// unified diff of expected against actual. A recording run still compares: a golden file it
/// had to write fails the test ("re-recorded"), so that no run passes without having compared
/// the output with what was reviewed — run the tests again after reviewing the diff.
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["CJM_RECORD_GOLDEN"] == "1" }

    static func assertMatches(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = Paths.golden.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return }
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded golden file \(name): review it with git diff, then run the tests again without CJM_RECORD_GOLDEN",
                         sourceLocation: sourceLocation)
            return
        }
        guard let expected else {
            Issue.record("golden file \(name) is missing; record it with CJM_RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let diff = unifiedDiff(expected, actual)
        Issue.record("output differs from golden file \(name) (re-record with CJM_RECORD_GOLDEN=1):\n\(diff)",
                     sourceLocation: sourceLocation)
    }

    /// A unified diff made by `diff -u`, or a simple first-difference report where diff is missing.
    static func unifiedDiff(_ expected: String, _ actual: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let expectedURL = folder.appendingPathComponent("expected")
            let actualURL = folder.appendingPathComponent("actual")
            try expected.write(to: expectedURL, atomically: true, encoding: .utf8)
            try actual.write(to: actualURL, atomically: true, encoding: .utf8)
            let result = try Subprocess.run("/usr/bin/diff", ["-u", expectedURL.path, actualURL.path])
            return result.standardOutput
        } catch {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let index = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            return "first difference at line \(index + 1):\n- \(index < expectedLines.count ? expectedLines[index] : "<end>")\n+ \(index < actualLines.count ? actualLines[index] : "<end>")"
        }
    }
}
