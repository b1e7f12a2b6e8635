import Foundation
import Testing

@Suite("cjm import")
struct ImportCommandTests {

    @Test("a Mermaid file becomes canonical JSON on standard output that cjm check accepts")
    func importToStandardOutput() throws {
        let result = try CLI.run(["import", "Tests/JourneyKitTests/Fixtures/mermaid/my-working-day.mmd"])
        #expect(result.status == 0, "\(result.standardError)")
        // Standard error only says which actors became personas (issue 16 item 4).
        #expect(result.standardError.hasPrefix("note: the diagram's actors became personas: "), "\(result.standardError)")
        #expect(!result.standardError.contains("warning"))
        let json = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
        #expect(json["id"] as? String == "my-working-day")
        #expect((json["stages"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Go to work", "Go home"])

        let temporary = try TemporaryFolder()

        let folder = temporary.url
        let file = folder.appendingPathComponent("day.journey.json")
        try result.outputBytes.write(to: file)
        // Valid, and the analyser says what the team has to fill in: channels, in one finding.
        let check = try CLI.run(["check", file.path])
        #expect(check.status == 1, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("1 valid, 0 invalid"))
        #expect(check.standardOutput.components(separatedBy: "[no-channels]").count == 2)
        #expect(!check.standardOutput.contains("[unserved-touchpoint]"))
    }

    @Test("-o writes the file; --to json is the default")
    func importToFile() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let output = folder.appendingPathComponent("checkout.journey.json")
        let result = try CLI.run(["import", "Tests/JourneyKitTests/Fixtures/mermaid/notes.md", "--to", "json", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let written = try String(contentsOf: output, encoding: .utf8)
        #expect(written.contains("\"title\": \"Checkout: first purchase\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["checkout.journey.json"])
    }

    @Test("errors are located on standard error, exit 2, and nothing is written")
    func errorsWriteNothing() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let output = folder.appendingPathComponent("out.journey.json")
        try "previous content\n".write(to: output, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "Tests/JourneyKitTests/Fixtures/mermaid/bad-score.mmd", "-o", output.path])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix(
            "Tests/JourneyKitTests/Fixtures/mermaid/bad-score.mmd:5:29: error: score 0 of \"Waits for the refund\" is outside 1…5\n  hint: "))
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous content\n")
    }

    @Test("warnings are printed and the journey is still imported")
    func warnings() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let input = folder.appendingPathComponent("early.mmd")
        try "journey\n  Wakes up: 2: Me\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", input.path])
        #expect(result.status == 0)
        #expect(result.standardError.contains("early.mmd:2:3: warning: the task \"Wakes up\" comes before any section"))
        #expect(result.standardOutput.contains("\"name\": \"(no section)\""))
    }

    @Test("a Markdown file with several journeys needs --diagram")
    func severalJourneys() throws {
        let path = "Tests/JourneyKitTests/Fixtures/mermaid/two-journeys.md"
        let refused = try CLI.run(["import", path])
        #expect(refused.status == 2)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("\(path):1:1: error: the file holds 2 journey diagrams (lines 4, 11); cjm imports one at a time"))
        #expect(refused.standardError.contains("hint: choose one with --diagram N, N from 1 to 2"))

        let second = try CLI.run(["import", path, "--diagram", "2"])
        #expect(second.status == 0)
        #expect(second.standardOutput.contains("\"title\": \"Second\""))

        let missing = try CLI.run(["import", path, "--diagram", "3"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("there is no journey diagram 3: the file holds 2"))
    }

    @Test("unreadable files, other diagrams and bad options exit 2 with a message")
    func badInput() throws {
        let missing = try CLI.run(["import", "nope.mmd"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("nope.mmd:1:1: error: cannot read the diagram: no such file"))

        let temporary = try TemporaryFolder()

        let folder = temporary.url
        let flowchart = folder.appendingPathComponent("flow.mmd")
        try "flowchart LR\n  A --> B\n".write(to: flowchart, atomically: true, encoding: .utf8)
        let other = try CLI.run(["import", flowchart.path])
        #expect(other.status == 2)
        #expect(other.standardError.contains("flow.mmd:1:1: error: not a Mermaid journey diagram: it starts with \"flowchart\""))

        let xml = try CLI.run(["import", "Tests/JourneyKitTests/Fixtures/mermaid/my-working-day.mmd", "--to", "yaml"])
        #expect(xml.status == 2)
        #expect(xml.standardError.contains("yaml"))
    }

    @Test("cjm import --help explains the arguments, the options and the mapping")
    func help() throws {
        let result = try CLI.run(["import", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: cjm import <file>"))
        #expect(result.standardOutput.contains("--to <format>"))
        #expect(result.standardOutput.contains("-o, --output <path>"))
        #expect(result.standardOutput.contains("--diagram <n>"))
        // The prose is wrapped to the terminal: compared with its line breaks as spaces.
        let words = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Sections become stages"))
        #expect(words.contains("Exit codes"))
        let root = try CLI.run(["--help"])
        #expect(root.status == 0)
        #expect(root.standardOutput.contains("import"))
    }
}

/// Tests of the Mermaid forms of `cjm export`.
@Suite("cjm export --format mermaid|markdown")
struct ExportMermaidCommandTests {
    static let command = ["export"]

    @Test("--format mermaid prints the diagram of the golden file")
    func mermaid() throws {
        let result = try CLI.run(Self.command + ["samples/minimal.journey.json", "--format", "mermaid"])
        #expect(result.status == 0, "\(result.standardError)")
        let golden = try String(contentsOf: Paths.golden.appendingPathComponent("mermaid/minimal.mmd"), encoding: .utf8)
        #expect(result.standardOutput == golden)
    }

    @Test("--format markdown with --persona and -o writes the page")
    func markdownToFile() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let output = folder.appendingPathComponent("law.md")
        let result = try CLI.run(Self.command + ["samples/law-firm-seo.journey.json", "--format", "markdown",
                                                 "--persona", "injured", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let page = try String(contentsOf: output, encoding: .utf8)
        #expect(page.hasPrefix("# Finding a lawyer online\n\n```mermaid\njourney\n    title Finding a lawyer online (Dana, hurt in a car accident)\n"))
        #expect(!page.contains("Looks the firm up on Facebook"))
    }

    @Test("an unknown persona and an invalid journey exit 2 with a message")
    func errors() throws {
        let persona = try CLI.run(Self.command + ["samples/law-firm-seo.journey.json", "--persona", "injred"])
        #expect(persona.status == 2)
        #expect(persona.standardOutput.isEmpty)
        #expect(persona.standardError == "samples/law-firm-seo.journey.json:1:1: error: the journey has no persona \"injred\"\n  hint: did you mean \"injured\"?\n")

        let broken = try CLI.run(Self.command + ["Tests/JourneyKitTests/Fixtures/four-errors.journey.json"])
        #expect(broken.status == 2)
        #expect(broken.standardOutput.isEmpty)
        #expect(broken.standardError.contains("four-errors.journey.json:18:11: error: unknown key \"chanels\""))
    }

    @Test("the help of the Mermaid export explains the options")
    func help() throws {
        let result = try CLI.run(Self.command + ["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("--format <format>"))
        #expect(result.standardOutput.contains("--persona <id>"))
        #expect(result.standardOutput.contains("-o, --output <file>"))
        #expect(result.standardOutput.contains("--format mermaid writes a Mermaid `journey` diagram"))
    }
}
