import Foundation
import JourneyKit
import Testing

@Suite("Samples")
struct SampleTests {
    static let jsonSamples = Paths.samples("journey.json")

    @Test("every JSON sample is in canonical form: reading and writing it back gives the same bytes",
          arguments: jsonSamples)
    func canonicalJSON(sample: URL) throws {
        let bytes = try Paths.bytes(sample)
        let imported = JSONJourneyImporter.importJourney(from: bytes, path: Paths.relative(sample))
        #expect(imported.diagnostics.isEmpty)
        let journey = try #require(imported.journey)
        #expect(JourneyJSONWriter.write(journey) == String(decoding: bytes, as: UTF8.self))
    }

    @Test("every JSON sample validates against schema/journey.schema.json with Python's jsonschema",
          .enabled(if: Subprocess.shouldRun(needing: "python3")))
    func jsonSchema() throws {
        let python = try Subprocess.require("python3")
        let samples = Self.jsonSamples.map(\.path)
        let result = try Subprocess.run(python, [
            Paths.repository.appendingPathComponent("scripts/validate-json-schema.py").path,
            Paths.schema.appendingPathComponent("journey.schema.json").path,
        ] + samples)
        if result.status == 3, !Subprocess.isCI {
            // The validator package is missing on this machine; CI installs it and fails instead.
            print("skipped: Python's jsonschema is not installed (pip install jsonschema)")
            return
        }
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.components(separatedBy: ": ok").count - 1 == samples.count)
    }

    @Test("the schema rejects a misspelt key as cjm does",
          .enabled(if: Subprocess.shouldRun(needing: "python3")))
    func schemaRejectsMistakes() throws {
        let python = try Subprocess.require("python3")
        let result = try Subprocess.run(python, [
            Paths.repository.appendingPathComponent("scripts/validate-json-schema.py").path,
            Paths.schema.appendingPathComponent("journey.schema.json").path,
            Paths.fixtures.appendingPathComponent("four-errors.journey.json").path,
        ])
        if result.status == 3, !Subprocess.isCI { return }
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("chanels"))
    }
}
