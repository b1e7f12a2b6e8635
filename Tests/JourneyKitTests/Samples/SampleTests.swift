import Foundation
import JourneyKit
import Testing

@Suite("Samples")
struct SampleTests {
    static let jsonSamples = Paths.samples("journey.json")

    @Test("there are samples to check: the tests below run once per sample")
    func samplesExist() {
        #expect(Self.jsonSamples.count >= 3)
    }

    @Test("every JSON sample is in canonical form: reading and writing it back gives the same bytes",
          arguments: jsonSamples)
    func canonicalJSON(sample: URL) throws {
        let bytes = try Paths.bytes(sample)
        let imported = JSONJourneyImporter.importJourney(from: bytes, path: Paths.relative(sample))
        #expect(imported.diagnostics.isEmpty)
        let journey = try #require(imported.journey)
        #expect(JourneyJSONWriter.write(journey) == String(decoding: bytes, as: UTF8.self))
    }

    @Test("every JSON sample validates against schema/journey.schema.json with Python's jsonschema", .requires(.jsonSchema))
    func jsonSchema() throws {
        let python = try ExternalTool.jsonSchema.path()
        let samples = Self.jsonSamples.map(\.path)
        try #require(samples.count >= 3)
        let result = try Subprocess.run(python, [
            Paths.repository.appendingPathComponent("scripts/validate-json-schema.py").path,
            Paths.schema.appendingPathComponent("journey.schema.json").path,
        ] + samples)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.components(separatedBy: ": ok").count - 1 == samples.count)
    }

    @Test("the schema rejects a misspelt key as cjm does", .requires(.jsonSchema))
    func schemaRejectsMistakes() throws {
        let python = try ExternalTool.jsonSchema.path()
        let result = try Subprocess.run(python, [
            Paths.repository.appendingPathComponent("scripts/validate-json-schema.py").path,
            Paths.schema.appendingPathComponent("journey.schema.json").path,
            Paths.fixtures.appendingPathComponent("four-errors.journey.json").path,
        ])
        #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("chanels"))
    }
}
