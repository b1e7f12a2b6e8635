import Foundation
import Testing

/// What a user who mistypes a command or an option is told (issue 16, item 11).
@Suite("Usage errors")
struct UsageErrorTests {
    @Test("a misspelt command gets a did-you-mean and exit 2, not 'unexpected arguments'")
    func misspeltCommand() throws {
        let result = try CLI.run(["chek", "samples/minimal.journey.json"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("unknown command \"chek\""))
        #expect(result.standardError.contains("did you mean \"check\"?"))
        #expect(!result.standardError.contains("unexpected argument"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("a word that is no command at all points at the command list")
    func unknownCommand() throws {
        let result = try CLI.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("`cjm --help` lists the commands"))
    }

    @Test("a misspelt option gets a did-you-mean and exit 2")
    func misspeltOption() throws {
        let result = try CLI.run(["check", "--formt", "json", "samples/minimal.journey.json"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("Did you mean '--format'?"))
    }

    @Test("an unknown --format value names the formats there are, nearest first")
    func unknownFormat() throws {
        let result = try CLI.run(["check", "--format", "sarf", "samples/minimal.journey.json"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("did you mean \"sarif\"?"))
        let diff = try CLI.run(["diff", "--format", "xml", "samples/minimal.journey.json", "samples/minimal.journey.json"])
        #expect(diff.status == 2)
        #expect(diff.standardError.contains("use text, json or dot"))
    }

    @Test("`cjm help COMMAND` still works")
    func helpCommand() throws {
        let result = try CLI.run(["help", "check"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: cjm check"))
    }

    @Test("the help of every command that reads a journey says it reads JSON and XML (issue 16, item 12)",
          arguments: ["matrix", "export", "render", "convert", "check", "conform"])
    func helpNamesBothFormats(command: String) throws {
        let result = try CLI.run([command, "--help"])
        #expect(result.status == 0)
        let words = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains(".journey.json or .journey.xml"), "\(command)")
    }
}
