@testable import cjm_bench
import Foundation
import JourneyKit
import Testing

@Suite("cjm-bench's event log")
struct EventsBenchTests {
    @Test("a small generated log is deterministic, every kind of deviation is in it, and cjm conform reads it")
    func smallLog() throws {
        let folder = try TemporaryFolder()
        let journey = try folder.write(JourneyJSONWriter.write(SyntheticJourney.make(touchpoints: 1_000)), to: "j.journey.json")
        let log = folder.url.appendingPathComponent("events.csv").path
        let cases = try EventsBench.writeLog(events: 4_000, touchpoints: 1_000, to: log)
        #expect(cases == 200)
        let again = folder.url.appendingPathComponent("again.csv").path
        try EventsBench.writeLog(events: 4_000, touchpoints: 1_000, to: again)
        #expect(FileManager.default.contents(atPath: log) == FileManager.default.contents(atPath: again))

        let result = try CLI.run(["conform", journey.path, "--events", log, "--format", "json", "--max-deviations", "0"])
        #expect(result.status == 1, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["events"] as? Int == 4_000)
        #expect(object["cases"] as? Int == 200)
        let counts = try #require(object["deviationCounts"] as? [String: Int])
        for kind in ["ad-hoc", "failing", "missing"] {
            #expect((counts[kind] ?? 0) > 0, "no \(kind) deviation in the generated log: \(counts)")
        }
        // Most cases walk the flows as planned.
        #expect((object["conforming"] as? Int ?? 0) > 150)
    }
}
