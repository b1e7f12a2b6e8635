import Foundation
import JourneyKit
import Testing
@testable import cjm

/// Catalogues: shared personas and channels, the portfolio-root rule, and the errors at `uses` entries.
@Suite("Catalogues")
struct CatalogTests {
    static let catalog = """
        {
          "id": "shared",
          "title": "Shared",
          "personas": [ { "id": "buyer", "name": "Buyer" }, { "id": "other", "name": "Other" } ],
          "channels": [ { "id": "chat", "name": "Chat" }, { "id": "spare", "name": "Spare" } ]
        }

        """

    static func journey(uses: [String], audience: [String] = [], extra: String = "") -> String {
        let list = uses.map { "\"\($0)\"" }.joined(separator: ", ")
        let audienceLine = audience.isEmpty ? "" : "\"audience\": [\(audience.map { "\"\($0)\"" }.joined(separator: ", "))],\n"
        return """
            {
              "id": "j",
              "title": "J",
              "uses": [\(list)],
              \(audienceLine)\(extra)"stages": [ { "id": "s", "name": "S", "touchpoints": [
                { "id": "t", "name": "T", "channels": ["chat"], "owner": "team", "entry": true, "kpis": [ { "name": "k" } ] } ] } ]
            }

            """
    }

    /// A portfolio folder (`root/cjm-portfolio.json`) with the catalogue in `root/shared/`, and a
    /// secret catalogue next to the root, outside it.
    static func portfolio(_ folder: borrowing TemporaryFolder) throws {
        try folder.write("{}\n", to: "root/cjm-portfolio.json")
        try folder.write(catalog, to: "root/shared/people.catalog.json")
        try folder.write(catalog.replacingOccurrences(of: "\"Buyer\"", with: "\"TOPSECRET-42\""), to: "secret.catalog.json")
    }

    @Test("a journey may name its catalogues' personas and channels; fmt and convert keep uses as written")
    func resolves() throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(folder)
        let journey = try folder.write(Self.journey(uses: ["../shared/people.catalog.json"]), to: "root/journeys/j.journey.json")
        let check = try CLI.run(["check", journey.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        // The catalogue's unused channel and persona are for the portfolio to list, not this journey's findings.
        #expect(!check.standardOutput.contains("unused-channel"))
        #expect(!check.standardOutput.contains("unused-persona"))

        let converted = try CLI.run(["convert", journey.path, "--to", "xml"])
        #expect(converted.status == 0, "\(converted.standardError)")
        #expect(converted.standardOutput.contains("<uses href=\"../shared/people.catalog.json\"/>"))
        #expect(!converted.standardOutput.contains("Buyer"), "convert must not inline the catalogue")
        let xml = try folder.write(converted.standardOutput, to: "root/journeys/x.journey.xml")
        let back = try CLI.run(["convert", xml.path, "--to", "json"])
        #expect(back.standardOutput == (try CLI.run(["convert", journey.path, "--to", "json"])).standardOutput)
        #expect(back.standardOutput.contains("\"uses\": [\n    \"../shared/people.catalog.json\"\n  ]"), "\(back.standardOutput)")
    }

    @Test("an XML catalogue reads like a JSON one")
    func xmlCatalog() throws {
        let folder = try TemporaryFolder()
        try folder.write("{}\n", to: "cjm-portfolio.json")
        try folder.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <catalog xmlns="urn:cjm:journey:1" id="shared" title="Shared">
              <persona id="buyer" name="Buyer"/>
              <channel id="chat" name="Chat"/>
            </catalog>

            """, to: "people.catalog.xml")
        let journey = try folder.write(Self.journey(uses: ["people.catalog.xml"]), to: "j.journey.json")
        let check = try CLI.run(["check", journey.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }

    @Test("bad uses entries are errors located at the entry; the secret outside the root shows nowhere",
          arguments: [
            ("/etc/people.catalog.json", "is absolute"),
            ("https://example.com/people.catalog.json", "is a URL"),
            ("../../secret.catalog.json", "leaves the portfolio root"),
            ("../shared/missing.catalog.json", "no catalogue at"),
            ("../shared/cjm-portfolio.json", "no catalogue at"),
            ("../j2.journey.json", "is not a catalogue"),
            ("../link.catalog.json", "links to a file outside the portfolio root"),
          ])
    func badEntries(path: String, message: String) throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(folder)
        try folder.write(Self.journey(uses: []), to: "root/j2.journey.json")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("root/link.catalog.json").path,
                                                   withDestinationPath: folder.url.appendingPathComponent("secret.catalog.json").path)
        let journey = try folder.write(Self.journey(uses: ["../shared/people.catalog.json", path]), to: "root/journeys/j.journey.json")
        for arguments in [["check", journey.path], ["check", journey.path, "--format", "json"], ["export", journey.path],
                          ["portfolio", folder.url.appendingPathComponent("root").path], ["convert", journey.path, "--to", "xml"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            let output = result.standardOutput + result.standardError
            #expect(output.contains(message), "\(arguments): \(output)")
            #expect(!output.contains("TOPSECRET"), "\(arguments) showed the secret")
        }
        let text = try CLI.run(["check", journey.path]).standardOutput
        // The second entry of "uses": line 4, after `  "uses": ["../shared/people.catalog.json", `.
        #expect(text.contains("\(journey.path):4:45: error:"), "\(text)")
    }

    @Test("an id defined in the journey and in a catalogue, or in two catalogues, is an error at both definitions")
    func duplicates() throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(folder)
        try folder.write(Self.catalog.replacingOccurrences(of: "\"id\": \"shared\"", with: "\"id\": \"more\""), to: "root/shared/more.catalog.json")
        let journey = try folder.write(Self.journey(uses: ["../shared/people.catalog.json", "../shared/more.catalog.json"]),
                                       to: "root/journeys/j.journey.json")
        let result = try CLI.run(["check", journey.path])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("shared/people.catalog.json:4:17: error: persona id \"buyer\" is defined twice"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("shared/more.catalog.json:4:17: error: persona id \"buyer\" is defined twice"), "\(result.standardOutput)")

        let own = try folder.write(Self.journey(uses: ["../shared/people.catalog.json"],
                                                extra: "\"channels\": [ { \"id\": \"chat\", \"name\": \"Own chat\" } ],\n"),
                                   to: "root/journeys/own.journey.json")
        let second = try CLI.run(["check", own.path])
        #expect(second.status == 2)
        #expect(second.standardOutput.contains("\(own.path):5:25: error: channel id \"chat\" is defined twice"), "\(second.standardOutput)")
        #expect(second.standardOutput.contains("shared/people.catalog.json:5:17: error: channel id \"chat\" is defined twice"), "\(second.standardOutput)")
    }

    @Test("the audience limits the persona rules to the journey's personas; an unknown audience id is an error")
    func audience() throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(folder)
        let journey = try folder.write(Self.journey(uses: ["../shared/people.catalog.json"], audience: ["buyer"]), to: "root/journeys/j.journey.json")
        let checker = JourneyChecker().readingCatalogs(from: CatalogResolver())
        let checked = checker.check(bytes: Array(try Data(contentsOf: journey)), path: journey.path)
        let resolved = try #require(checked.journey)
        #expect(resolved.personas.map(\.id) == ["buyer"])
        #expect(resolved.channels.map(\.id) == ["chat", "spare"])
        #expect(checked.asWritten?.personas.isEmpty == true)

        let unknown = try folder.write(Self.journey(uses: ["../shared/people.catalog.json"], audience: ["nobody"]), to: "root/journeys/u.journey.json")
        let result = try CLI.run(["check", unknown.path])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("the journey's audience refers to unknown persona \"nobody\""), "\(result.standardOutput)")
    }

    @Test("checking many journeys parses their shared catalogue once")
    func parsedOnce() throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(folder)
        let resolver = CatalogResolver()
        let checker = JourneyChecker().readingCatalogs(from: resolver)
        for index in 0..<5 {
            let journey = try folder.write(Self.journey(uses: ["../shared/people.catalog.json"]), to: "root/journeys/j\(index).journey.json")
            let report = checker.report(bytes: Array(try Data(contentsOf: journey)), path: journey.path)
            #expect(report.isValid)
        }
        #expect(resolver.parseCount == 1)
    }

    @Test("a catalogue changed on disk is parsed again, however the change keeps its size")
    func changedCatalogue() throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(folder)
        let resolver = CatalogResolver()
        let journey = try folder.write(Self.journey(uses: ["../shared/people.catalog.json"]), to: "root/journeys/j.journey.json")
        let checker = JourneyChecker().readingCatalogs(from: resolver)
        let before = try #require(checker.check(bytes: Array(try Data(contentsOf: journey)), path: journey.path).journey)
        #expect(before.personas.map(\.name) == ["Buyer", "Other"])
        // Rewritten in place at the same length: only the modification time tells the change.
        let catalogue = folder.url.appendingPathComponent("root/shared/people.catalog.json")
        try Data(Self.catalog.replacingOccurrences(of: "\"Buyer\"", with: "\"Payer\"").utf8).write(to: catalogue)
        let after = try #require(checker.check(bytes: Array(try Data(contentsOf: journey)), path: journey.path).journey)
        #expect(after.personas.map(\.name) == ["Payer", "Other"])
        #expect(resolver.parseCount == 2)
    }

    @Test("journeys in one folder resolve a uses entry once; cjm serve resolves it each time, so a link changed meanwhile counts")
    func resolvedOncePerFolder() throws {
        let folder = try TemporaryFolder()
        try Self.portfolio(folder)
        let journeys = try (0..<3).map { try folder.write(Self.journey(uses: ["../shared/people.catalog.json"]), to: "root/journeys/j\($0).journey.json") }
        let remembering = CatalogResolver()
        for journey in journeys {
            #expect(JourneyChecker().readingCatalogs(from: remembering).report(bytes: Array(try Data(contentsOf: journey)), path: journey.path).isValid)
        }
        #expect(remembering.resolutionCount == 1)
        #expect(remembering.parseCount == 1)
        let expected = [folder.url.appendingPathComponent("root/shared/people.catalog.json").resolvingSymlinksInPath().path]
        #expect(remembering.catalogPaths(usedBy: journeys[2].path) == expected)

        let serving = CatalogResolver()
        serving.remembersResolutions = false
        let first = JourneyChecker().readingCatalogs(from: serving).report(bytes: Array(try Data(contentsOf: journeys[0])), path: journeys[0].path)
        #expect(first.isValid)
        // The catalogue replaced by a link to the one outside the portfolio root.
        let catalogue = folder.url.appendingPathComponent("root/shared/people.catalog.json")
        try FileManager.default.removeItem(at: catalogue)
        try FileManager.default.createSymbolicLink(at: catalogue, withDestinationURL: folder.url.appendingPathComponent("secret.catalog.json"))
        let second = JourneyChecker().readingCatalogs(from: serving).report(bytes: Array(try Data(contentsOf: journeys[1])), path: journeys[1].path)
        #expect(!second.isValid)
        #expect(second.diagnostics.contains { $0.message.contains("links to a file outside the portfolio root") }, "\(second.diagnostics)")
        #expect(serving.resolutionCount > 2)
    }

    @Test("a catalogue holds no stages, and a <catalog> is not a journey")
    func notJourneys() throws {
        let withStages = CatalogImporter.importCatalog(
            from: Array(#"{ "id": "c", "title": "C", "stages": [ { "id": "s", "name": "S" } ] }"#.utf8), path: "c.catalog.json")
        #expect(withStages.catalog == nil)
        #expect(withStages.diagnostics.map(\.message) == ["a catalogue has no \"stages\""])
        let catalogAsJourney = JourneyImporter.importJourney(
            from: Array(#"<catalog xmlns="urn:cjm:journey:1" id="c" title="C"/>"#.utf8), path: "c.journey.xml")
        #expect(catalogAsJourney.journey == nil)
        #expect(catalogAsJourney.diagnostics.map(\.message) == ["this is a catalogue (<catalog>), not a journey"])
    }

    @Test("fmt and convert write catalogues canonically, JSON to <catalog> and back")
    func formatAndConvert() throws {
        let folder = try TemporaryFolder()
        let json = try folder.write(Self.catalog, to: "people.catalog.json")
        let formatted = try CLI.run(["fmt", json.path])
        #expect(formatted.status == 0, "\(formatted.standardError)")
        let canonical = try folder.read("people.catalog.json")
        #expect(try CLI.run(["fmt", "--check", json.path]).status == 0)
        let xml = try CLI.run(["convert", json.path, "--to", "xml"])
        #expect(xml.status == 0, "\(xml.standardError)")
        #expect(xml.standardOutput.contains("<catalog xmlns=\"urn:cjm:journey:1\" id=\"shared\" title=\"Shared\">"), "\(xml.standardOutput)")
        let xmlFile = try folder.write(xml.standardOutput, to: "people.catalog.xml")
        #expect(try CLI.run(["fmt", "--check", xmlFile.path]).status == 0)
        let back = try CLI.run(["convert", xmlFile.path, "--to", "json"])
        #expect(back.standardOutput == canonical)
        try folder.write(#"{ "id": "c", "title": "C", "stages": [] , "lang": "es" }"#, to: "bad.catalog.json")
        let bad = try CLI.run(["fmt", folder.url.appendingPathComponent("bad.catalog.json").path])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("a catalogue has no \"lang\""), "\(bad.standardError)")
    }
}
