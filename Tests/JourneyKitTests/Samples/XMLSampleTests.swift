import Foundation
import JourneyKit
import Testing

@Suite("XML samples")
struct XMLSampleTests {
    static let jsonSamples = Paths.samples("journey.json")

    static func xmlSample(for json: URL) -> URL {
        json.deletingPathExtension().appendingPathExtension("xml")
    }

    @Test("every JSON sample has an XML twin, and every XML sample a JSON one")
    func twins() {
        let json = Set(Self.jsonSamples.map { $0.deletingPathExtension().lastPathComponent })
        let xml = Set(Paths.samples("journey.xml").map { $0.deletingPathExtension().lastPathComponent })
        #expect(json.count >= 3)
        #expect(json == xml)
    }

    @Test("both forms of a sample load to equal models", arguments: jsonSamples)
    func equalModels(json: URL) throws {
        let fromJSON = JSONJourneyImporter.importJourney(from: try Paths.bytes(json), path: Paths.relative(json))
        let xml = Self.xmlSample(for: json)
        let fromXML = XMLJourneyImporter.importJourney(from: try Paths.bytes(xml), path: Paths.relative(xml))
        #expect(fromJSON.diagnostics.isEmpty)
        #expect(fromXML.diagnostics.isEmpty)
        let journey = try #require(fromJSON.journey)
        #expect(fromXML.journey == journey)
        // Locations point into each file, so equality must not have compared them.
        #expect(fromXML.journey?.location?.file != journey.location?.file)
    }

    @Test("round trips are byte-identical: JSON → XML → JSON and XML → JSON → XML", arguments: jsonSamples)
    func roundTrips(json: URL) throws {
        let jsonText = String(decoding: try Paths.bytes(json), as: UTF8.self)
        let xmlText = String(decoding: try Paths.bytes(Self.xmlSample(for: json)), as: UTF8.self)

        let fromJSON = try #require(JSONJourneyImporter.importJourney(from: Array(jsonText.utf8), path: "a.journey.json").journey)
        let asXML = try JourneyXMLWriter.write(fromJSON)
        #expect(asXML == xmlText)
        let back = try #require(XMLJourneyImporter.importJourney(from: Array(asXML.utf8), path: "b.journey.xml").journey)
        #expect(JourneyJSONWriter.write(back) == jsonText)

        let fromXML = try #require(XMLJourneyImporter.importJourney(from: Array(xmlText.utf8), path: "c.journey.xml").journey)
        let asJSON = JourneyJSONWriter.write(fromXML)
        #expect(asJSON == jsonText)
        let again = try #require(JSONJourneyImporter.importJourney(from: Array(asJSON.utf8), path: "d.journey.json").journey)
        #expect(try JourneyXMLWriter.write(again) == xmlText)
    }

    @Test("xmllint accepts every XML sample against schema/journey.xsd",
          .requires(.xmllint))
    func xmllint() throws {
        let xmllint = try ExternalTool.xmllint.path()
        let samples = Paths.samples("journey.xml").map(\.path)
        try #require(samples.count >= 3)
        let result = try Subprocess.run(xmllint, ["--noout", "--schema", Paths.schema.appendingPathComponent("journey.xsd").path] + samples)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardError.components(separatedBy: " validates").count - 1 == samples.count)
    }

    @Test("xmllint rejects what cjm rejects: the schema is the one cjm uses",
          .requires(.xmllint))
    func xmllintRejects() throws {
        let xmllint = try ExternalTool.xmllint.path()
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let file = folder.appendingPathComponent("bad.journey.xml")
        try #"<journey xmlns="urn:cjm:journey:1" id="j" title="T"><channel id="c" name="C" chanels="x"/></journey>"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try Subprocess.run(xmllint, ["--noout", "--schema", Paths.schema.appendingPathComponent("journey.xsd").path, file.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("chanels"))
    }
}
