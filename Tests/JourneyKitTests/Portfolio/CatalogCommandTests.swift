import Foundation
import JourneyKit
import Testing

/// Commands given a catalogue, or a journey that uses one, that once read them wrongly.
@Suite("Catalogues on the command line")
struct CatalogCommandTests {
    @Test("cjm check of a catalogue file validates it as a catalogue: no journey findings, located errors")
    func checkCatalogue() throws {
        let folder = try TemporaryFolder()
        try CatalogTests.portfolio(folder)
        let good = folder.url.appendingPathComponent("root/shared/people.catalog.json").path
        let result = try CLI.run(["check", good])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        // A catalogue has no stages or touchpoints: journey rules have nothing to say about it.
        #expect(!result.standardOutput.contains("["), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("error"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("1 file checked: 1 valid, 0 invalid; no findings"), "\(result.standardOutput)")

        let broken = try folder.write("""
            {
              "id": "shared",
              "title": "Shared",
              "personas": [ { "id": "buyer", "name": "Buyer" }, { "id": "buyer", "name": "Again" } ]
            }

            """, to: "root/shared/broken.catalog.json")
        let invalid = try CLI.run(["check", broken.path])
        #expect(invalid.status == 2, "\(invalid.standardOutput)")
        #expect(invalid.standardOutput.contains(broken.path + ":4:"), "\(invalid.standardOutput)")
        #expect(invalid.standardOutput.contains("buyer"))

        // Next to journeys, in any order: each file is read as what it is.
        let journey = try folder.write(CatalogTests.journey(uses: ["../shared/people.catalog.json"]), to: "root/journeys/j.journey.json")
        let both = try CLI.run(["check", good, journey.path, "--format", "json"])
        #expect(both.status == 0, "\(both.standardOutput)\(both.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(both.standardOutput.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        try #require(files.count == 2)
        #expect((files[0]["findings"] as? [Any])?.isEmpty == true)
    }

    @Test("cjm textconv reads a journey's catalogues like every other command, and outlines it as written")
    func textconvResolves() throws {
        let folder = try TemporaryFolder()
        try CatalogTests.portfolio(folder)
        let journey = try folder.write(CatalogTests.journey(uses: ["../shared/people.catalog.json"]), to: "root/journeys/j.journey.json")
        let result = try CLI.run(["textconv", journey.path])
        #expect(result.status == 0, "\(result.standardError)")
        // An outline, not the file as it is (which is what an invalid journey gives).
        #expect(result.standardOutput.hasPrefix("journey j: J\n"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("  uses: ../shared/people.catalog.json\n"))
        #expect(result.standardOutput.contains("    channels: chat\n"))
        // As written: the catalogue's personas are the catalogue's diff, not the journey's.
        #expect(!result.standardOutput.contains("Buyer"))
    }
}
