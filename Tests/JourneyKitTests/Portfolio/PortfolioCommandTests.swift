import Foundation
import JourneyKit
import Testing

@Suite("cjm portfolio")
struct PortfolioCommandTests {
    static let whatIf = ["--retire", "whatsapp", "--launch", "whatsapp-api"]

    @Test("the sample portfolio in every format, with and without a what-if, matches its golden file",
          arguments: ["text", "json", "markdown"], [false, true])
    func golden(format: String, withWhatIf: Bool) throws {
        let result = try CLI.run(["portfolio", "samples/portfolio", "--format", format] + (withWhatIf ? Self.whatIf : []))
        // Retiring WhatsApp breaks every journey: the what-if is a failing CI gate.
        #expect(result.status == (withWhatIf ? 1 : 0), "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let suffix = format == "markdown" ? "md" : format == "json" ? "json" : "txt"
        try Golden.assertMatches(result.standardOutput, "portfolio/tienda\(withWhatIf ? "-what-if" : "").\(suffix)")
    }

    @Test("the JSON has exactly the documented shape")
    func jsonShape() throws {
        let result = try CLI.run(["portfolio", "samples/portfolio", "--format", "json"] + Self.whatIf)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["journeys", "channels", "personas", "owners", "whatIf"])
        let journeys = try #require(object["journeys"] as? [[String: Any]])
        try #require(journeys.count == 3)
        #expect(Set(journeys[0].keys) == ["id", "title", "path", "stages", "touchpoints", "findings"])
        #expect(journeys.map { $0["id"] as? String } == ["campanas-difusion", "compra-whatsapp", "devoluciones-garantia"])
        let channels = try #require(object["channels"] as? [[String: Any]])
        let whatsapp = try #require(channels.first { $0["id"] as? String == "whatsapp" })
        #expect(Set(whatsapp.keys) == ["id", "name", "status", "journeys"])
        #expect((whatsapp["journeys"] as? [[String: Any]])?.map { $0["touchpoints"] as? Int } == [3, 4, 2])
        let unused = channels.filter { ($0["journeys"] as? [Any])?.isEmpty == true }.compactMap { $0["id"] as? String }
        #expect(unused == ["email", "whatsapp-pagos"])
        let personas = try #require(object["personas"] as? [[String: Any]])
        let maria = try #require(personas.first { $0["id"] as? String == "maria" })
        // María is not in the campaign journey's audience.
        #expect((maria["journeys"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["compra-whatsapp", "devoluciones-garantia"])
        let owners = try #require(object["owners"] as? [[String: Any]])
        #expect(owners.map { Set($0.keys) } == [["owner", "touchpoints", "momentsOfTruth"], ["owner", "touchpoints", "momentsOfTruth"]])
        let whatIf = try #require(object["whatIf"] as? [String: Any])
        #expect((whatIf["changes"] as? [[String: String]]) == [["channel": "whatsapp", "status": "retired"], ["channel": "whatsapp-api", "status": "live"]])
        let effects = try #require(whatIf["journeys"] as? [[String: Any]])
        let introduced = try #require(effects.first?["introduced"] as? [[String: Any]])
        try #require(!introduced.isEmpty)
        #expect(Set(introduced[0].keys) == ["rule", "severity", "message", "line", "column", "hint", "refs"])
    }

    @Test("--fail-on none never fails; an unknown channel and an empty folder are errors (exit 2)")
    func exitCodes() throws {
        #expect(try CLI.run(["portfolio", "samples/portfolio", "--fail-on", "none"] + Self.whatIf).status == 0)
        #expect(try CLI.run(["portfolio", "samples/portfolio", "--launch", "whatsapp-api"]).status == 0)
        let unknown = try CLI.run(["portfolio", "samples/portfolio", "--retire", "telegram"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("no journey or catalogue of the portfolio defines channel \"telegram\""))
        let empty = try TemporaryFolder()
        let result = try CLI.run(["portfolio", empty.url.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("the directory holds no journey files"))
    }

    @Test("cjm check samples/portfolio/ passes")
    func samplePasses() throws {
        let result = try CLI.run(["check", "samples/portfolio/"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("3 files checked: 3 valid, 0 invalid; no findings"))
    }
}

@Suite("Links between journeys")
struct JourneyLinkTests {
    static func journey(id: String, link: String?) -> String {
        """
        {
          "id": "\(id)",
          "title": "\(id)",
          "personas": [ { "id": "p", "name": "P" } ],
          "channels": [ { "id": "c", "name": "C" } ],
          "stages": [ { "id": "s", "name": "S", "touchpoints": [
            { "id": "t", "name": "T", "channels": ["c"], "owner": "o", "entry": true\(link.map { ", \"journey\": \"\($0)\"" } ?? ""), "kpis": [ { "name": "k" } ] } ] } ]
        }

        """
    }

    @Test("in a directory, a link to a journey no file defines is a broken-journey-link warning; a file checked alone is not a portfolio")
    func brokenLink() throws {
        let folder = try TemporaryFolder()
        let buy = try folder.write(Self.journey(id: "buy", link: "returns"), to: "p/buy.journey.json")
        let alone = try CLI.run(["check", buy.path])
        #expect(alone.status == 0, "\(alone.standardOutput)")
        let portfolio = try CLI.run(["check", folder.url.appendingPathComponent("p").path])
        #expect(portfolio.status == 1)
        #expect(portfolio.standardOutput.contains("\(buy.path):7:5: warning: Touchpoint \"T\" links to journey \"returns\", which no file of the portfolio defines [broken-journey-link]"),
                "\(portfolio.standardOutput)")
        try folder.write(Self.journey(id: "returns", link: nil), to: "p/returns.journey.json")
        let fixed = try CLI.run(["check", folder.url.appendingPathComponent("p").path])
        #expect(fixed.status == 0, "\(fixed.standardOutput)")
        let disabled = try CLI.run(["check", "--disable", "broken-journey-link", folder.url.appendingPathComponent("p").path])
        #expect(disabled.status == 0)
    }

    @Test("--portfolio DIR checks a single file as part of the portfolio below DIR")
    func singleFileInPortfolio() throws {
        let folder = try TemporaryFolder()
        let buy = try folder.write(Self.journey(id: "buy", link: "returns"), to: "p/buy.journey.json")
        let portfolio = folder.url.appendingPathComponent("p").path
        let broken = try CLI.run(["check", "--portfolio", portfolio, buy.path])
        #expect(broken.status == 1)
        #expect(broken.standardOutput.contains("[broken-journey-link]"), "\(broken.standardOutput)")
        #expect(broken.standardOutput.contains("1 file checked"), "\(broken.standardOutput)")
        try folder.write(Self.journey(id: "returns", link: nil), to: "p/sub/returns.journey.json")
        let fixed = try CLI.run(["check", "--portfolio", portfolio, buy.path])
        #expect(fixed.status == 0, "\(fixed.standardOutput)")
        try folder.write(Self.journey(id: "buy", link: nil), to: "p/copy.journey.json")
        let duplicate = try CLI.run(["check", "--portfolio", portfolio, buy.path])
        #expect(duplicate.status == 2)
        #expect(duplicate.standardOutput.contains("journey id \"buy\" is defined by another file of the portfolio too"), "\(duplicate.standardOutput)")
        #expect(try CLI.run(["check", "--portfolio", "/no/such/folder", buy.path]).status == 2)
    }

    @Test("two files of a portfolio defining the same journey id is an error in both")
    func duplicateIDs() throws {
        let folder = try TemporaryFolder()
        let first = try folder.write(Self.journey(id: "same", link: nil), to: "p/a.journey.json")
        let second = try folder.write(Self.journey(id: "same", link: nil), to: "p/b/c.journey.json")
        for command in ["check", "portfolio"] {
            let result = try CLI.run([command, folder.url.appendingPathComponent("p").path])
            #expect(result.status == 2, "\(command)")
            let output = result.standardOutput + result.standardError
            #expect(output.contains("\(first.path):1:1: error: journey id \"same\" is defined by another file of the portfolio too: \(second.path):1:1"), "\(output)")
            #expect(output.contains("\(second.path):1:1: error: journey id \"same\" is defined by another file of the portfolio too: \(first.path):1:1"), "\(output)")
        }
    }

    @Test("with three files defining one journey id, each file's error names the other two, on one or two workers alike")
    func duplicateIDsInThreeFiles() throws {
        let folder = try TemporaryFolder()
        let paths = try ["p/a.journey.json", "p/b.journey.json", "p/c.journey.json"].map {
            try folder.write(Self.journey(id: "same", link: nil), to: $0).path
        }
        var outputs: [String] = []
        for jobs in ["1", "2"] {
            let result = try CLI.run(["check", "--jobs", jobs, folder.url.appendingPathComponent("p").path])
            #expect(result.status == 2, "--jobs \(jobs)")
            outputs.append(result.standardOutput)
        }
        for (index, path) in paths.enumerated() {
            let others = paths.indices.filter { $0 != index }.map { "\(paths[$0]):1:1" }.joined(separator: ", ")
            #expect(outputs[0].contains("\(path):1:1: error: journey id \"same\" is defined by another file of the portfolio too: \(others)\n"), "\(outputs[0])")
        }
        #expect(outputs[0] == outputs[1])
    }
}
