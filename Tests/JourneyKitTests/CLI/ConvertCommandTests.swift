import Foundation
import JourneyKit
import Testing

@Suite("cjm convert")
struct ConvertCommandTests {

    @Test("JSON → XML on standard output is the XML sample, byte for byte")
    func jsonToXML() throws {
        let result = try CLI.run(["convert", "samples/law-firm-seo.journey.json", "--to", "xml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputBytes == (try Data(contentsOf: Paths.samples.appendingPathComponent("law-firm-seo.journey.xml"))))
        #expect(result.standardError.isEmpty)
    }

    @Test("XML → JSON on standard output is the JSON sample, byte for byte")
    func xmlToJSON() throws {
        let result = try CLI.run(["convert", "samples/tienda-whatsapp.journey.xml", "--to", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputBytes == (try Data(contentsOf: Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json"))))
    }

    @Test("-o writes the file atomically, replacing an older one and leaving no temporary file")
    func writesFile() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let output = folder.appendingPathComponent("minimal.journey.xml")
        try "old content".write(to: output, atomically: true, encoding: .utf8)
        let result = try CLI.run(["convert", "samples/minimal.journey.json", "--to", "xml", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try Data(contentsOf: output) == (try Data(contentsOf: Paths.samples.appendingPathComponent("minimal.journey.xml"))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["minimal.journey.xml"])
    }

    @Test("invalid input: diagnostics on standard error, exit 2, nothing written and the input untouched")
    func invalidInput() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let input = folder.appendingPathComponent("broken.journey.xml")
        let text = """
            <journey xmlns="urn:cjm:journey:1" id="j" title="T">
              <persona id="p" name="P" chanels="x"/>
            </journey>

            """
        try text.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.journey.json")
        try "previous".write(to: output, atomically: true, encoding: .utf8)
        for arguments in [["convert", input.path, "--to", "json", "-o", output.path], ["convert", input.path, "--to", "json"],
                          ["convert", input.path, "--to", "xml", "-o", input.path]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains("\(input.path):2:28: error: unknown attribute \"chanels\" on this persona"))
            #expect(result.standardError.contains("hint: did you mean \"channels\"?"))
            #expect(result.standardError.contains("not converted"))
        }
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
        #expect(try String(contentsOf: input, encoding: .utf8) == text)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["broken.journey.xml", "out.journey.json"])
    }

    @Test("a JSON $schema is dropped from XML with a warning; text XML cannot hold is refused")
    func notRepresentable() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let withSchema = folder.appendingPathComponent("schema.journey.json")
        try #"{"$schema": "../schema/journey.schema.json", "id": "j", "title": "T"}"#.write(to: withSchema, atomically: true, encoding: .utf8)
        let warned = try CLI.run(["convert", withSchema.path, "--to", "xml"])
        #expect(warned.status == 0)
        #expect(warned.standardError.contains("warning: \"$schema\" is not carried into the XML form"))
        #expect(!warned.standardOutput.contains("schema.json"))

        let bell = folder.appendingPathComponent("bell.journey.json")
        try #"{"id": "j", "title": "Ding\u0007"}"#.write(to: bell, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("bell.journey.xml")
        let refused = try CLI.run(["convert", bell.path, "--to", "xml", "-o", output.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("cannot write the journey as XML: the title of journey contains the control character U+0007"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("unreadable input, a missing output folder, a bad --to and the size cap exit 2 with a message")
    func errors() throws {
        let missing = try CLI.run(["convert", "nope.journey.json", "--to", "xml"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("nope.journey.json:1:1: error: cannot read the journey: no such file"))
        let noFolder = try CLI.run(["convert", "samples/minimal.journey.json", "--to", "xml", "-o", "/nonexistent-folder/x.xml"])
        #expect(noFolder.status == 2)
        #expect(noFolder.standardError.contains("the folder /nonexistent-folder does not exist"))
        let badFormat = try CLI.run(["convert", "samples/minimal.journey.json", "--to", "yaml"])
        #expect(badFormat.status == 2)
        #expect(badFormat.standardError.contains("yaml"))
        let noFormat = try CLI.run(["convert", "samples/minimal.journey.json"])
        #expect(noFormat.status == 2)

        let temporary = try TemporaryFolder()

        let folder = temporary.url
        let big = folder.appendingPathComponent("big.journey.xml")
        try Data(repeating: 0x20, count: 1_048_576 + 10).write(to: big)
        let tooBig = try CLI.run(["convert", "--max-file-size", "1", big.path, "--to", "json"])
        #expect(tooBig.status == 2)
        #expect(tooBig.standardError.contains("over the 1 MB limit"))
        #expect(tooBig.standardError.contains("--max-file-size"))
    }

    @Test("cjm check reads XML journeys and analyses them exactly like their JSON twins")
    func checkReadsXML() throws {
        let samples = Paths.samples("journey.xml").map(Paths.relative)
        try #require(samples.count >= 3)
        let valid = try CLI.run(["check", "--fail-on", "none"] + samples)
        #expect(valid.status == 0, "\(valid.standardOutput)")
        #expect(valid.standardOutput.contains("\(samples.count) files checked: \(samples.count) valid, 0 invalid"))

        /// Each file's findings as `rule message`, without positions (they differ between the formats).
        func findings(_ files: [String]) throws -> [[String]] {
            let result = try CLI.run(["check", "--format", "json", "--fail-on", "none"] + files)
            #expect(result.status == 0, "\(result.standardError)")
            let report = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
            let entries = try #require(report["files"] as? [[String: Any]])
            #expect(entries.count == files.count)
            return entries.map { entry in
                ((entry["findings"] as? [[String: Any]]) ?? []).map { "\($0["rule"] ?? "") \($0["message"] ?? "")" }.sorted()
            }
        }
        let xmlFindings = try findings(samples)
        #expect(xmlFindings.allSatisfy { !$0.isEmpty })
        #expect(xmlFindings == (try findings(samples.map { $0.replacingOccurrences(of: ".journey.xml", with: ".journey.json") })))
    }

    @Test("cjm convert --help explains the arguments, options and exit codes")
    func help() throws {
        let result = try CLI.run(["convert", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: cjm convert <file> --to <format> [--output <path>] [--force] [--max-file-size <MB>]"))
        #expect(result.standardOutput.contains("-o, --output <path>"))
        #expect(result.standardOutput.contains("--to <format>"))
        #expect(result.standardOutput.contains("atomically"))
        #expect(result.standardOutput.contains("Exit codes"))
        let root = try CLI.run(["--help"])
        #expect(root.status == 0)
        #expect(root.standardOutput.contains("convert"))
    }
}

@Suite("cjm check on XML")
struct CheckXMLTests {
    @Test("a broken XML file: five located errors with hints, as docs/format.md shows, exit 2")
    func brokenFile() throws {
        let result = try CLI.run(["check", "Tests/JourneyKitTests/Fixtures/five-errors.journey.xml"])
        #expect(result.status == 2)
        let prefix = "Tests/JourneyKitTests/Fixtures/"
        let documented = try String(contentsOf: Paths.repository.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.last == "1 file checked: 0 valid, 1 invalid (5 errors)")
        #expect(lines.count == 11)
        for line in lines.dropLast() {
            let shown = line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : line
            #expect(documented.contains(shown + "\n"), "docs/format.md lacks: \(shown)")
        }
    }

    @Test("the touchpoint example of docs/format.md is the same in JSON and XML")
    func documentedExample() throws {
        let documented = try String(contentsOf: Paths.repository.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let xmlPart = try #require(documented.components(separatedBy: "## XML form").last)
        let json = try #require(xmlPart.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        let xml = try #require(xmlPart.components(separatedBy: "```xml\n").dropFirst(2).first?.components(separatedBy: "```").first)
        let touchpointJSON = #"{"id": "j", "title": "T", "stages": [{"id": "s", "name": "S", "touchpoints": ["# + json + "]}]}"
        let touchpointXML = #"<journey xmlns="urn:cjm:journey:1" id="j" title="T"><stage id="s" name="S">"# + xml + "</stage></journey>"
        let validator = JourneyValidator(knownRuleIDs: nil)
        let fromJSON = JSONJourneyImporter.importJourney(from: Array(touchpointJSON.utf8), path: "a.json", validator: validator)
        let fromXML = XMLJourneyImporter.importJourney(from: Array(touchpointXML.utf8), path: "a.xml", validator: validator)
        // The example refers to elements it does not show, so only reference errors are expected.
        #expect(fromJSON.diagnostics.allSatisfy { $0.message.contains("refers to unknown") })
        #expect(fromXML.diagnostics.map(\.message) == fromJSON.diagnostics.map(\.message))
        let touchpoint = try #require(fromXML.journey?.stages.first?.touchpoints.first)
        #expect(touchpoint.momentOfTruth && touchpoint.entry && touchpoint.kpis.count == 1)
        #expect(fromXML.journey == fromJSON.journey)
    }
}

@Suite("cjm check help for XML")
struct CheckXMLHelpTests {
    @Test("cjm check --help says it reads XML as well as JSON")
    func help() throws {
        let result = try CLI.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(".journey.xml"))
        #expect(result.standardOutput.contains("schema/journey.xsd"))
    }
}
