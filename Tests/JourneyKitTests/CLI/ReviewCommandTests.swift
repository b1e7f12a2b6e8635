import Foundation
import Testing

@Suite("cjm diff, fmt and git integration")
struct ReviewCommandTests {
    /// The minimal sample with an emotion changed, a touchpoint moved and one added.
    static func editedMinimal() throws -> String {
        var text = try String(contentsOf: Paths.samples.appendingPathComponent("minimal.journey.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\": \"Browses the menu\",", with: "\"name\": \"Browses the menu\",\n          \"emotion\": 1,")
        text = text.replacingOccurrences(of: "\"title\": \"Ordering coffee ahead\"", with: "\"title\": \"Ordering coffee ahead, v2\"")
        return text
    }

    @Test("cjm diff: exit 0 when equal, 1 when different, 2 on error")
    func exitCodes() throws {
        let folder = try TemporaryFolder()
        let edited = try folder.write(try Self.editedMinimal(), to: "minimal.journey.json")
        let same = try CLI.run(["diff", "samples/minimal.journey.json", "samples/minimal.journey.json"])
        #expect(same.status == 0)
        #expect(same.standardOutput.contains("no changes to the journey"))
        let different = try CLI.run(["diff", "samples/minimal.journey.json", edited.path])
        #expect(different.status == 1)
        #expect(different.standardOutput.contains("~ changed touchpoint \"Browses the menu\" (menu)\n      emotion: (none) → 1"))
        let broken = try CLI.run(["diff", "samples/minimal.journey.json", "Tests/JourneyKitTests/Fixtures/four-errors.journey.json"])
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("four-errors.journey.json:18:11: error: unknown key \"chanels\""))
    }

    @Test("cjm diff --format json lists changes with their fields")
    func jsonFormat() throws {
        let folder = try TemporaryFolder()
        let edited = try folder.write(try Self.editedMinimal(), to: "minimal.journey.json")
        let result = try CLI.run(["diff", "--format", "json", "samples/minimal.journey.json", edited.path])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
        let changes = try #require(report["changes"] as? [[String: Any]])
        try #require(changes.map { $0["id"] as? String } == ["coffee-order-ahead", "menu"])
        #expect(changes[1]["fields"] as? [String] == ["emotion"])
        #expect(changes[1]["change"] as? String == "changed")
        #expect(changes[1]["entity"] as? String == "touchpoint")
        let findings = try #require(report["findings"] as? [String: Any])
        #expect(findings["introduced"] is [Any] && findings["resolved"] is [Any])
    }

    @Test("cjm fmt --check passes on every sample, and fmt leaves canonical files byte-identical")
    func formatSamples() throws {
        let samples = (Paths.samples("journey.json") + Paths.samples("journey.xml")).map(Paths.relative)
        #expect(samples.count >= 6)
        let check = try CLI.run(["fmt", "--check"] + samples)
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.isEmpty)

        let folder = try TemporaryFolder()
        for name in ["tienda-whatsapp.journey.json", "tienda-whatsapp.journey.xml"] {
            let original = try String(contentsOf: Paths.samples.appendingPathComponent(name), encoding: .utf8)
            let copy = try folder.write(original, to: name)
            let format = try CLI.run(["fmt", copy.path])
            #expect(format.status == 0)
            #expect(format.standardOutput.isEmpty, "nothing to rewrite")
            #expect(try folder.read(name) == original)
        }
    }

    @Test("cjm fmt rewrites a non-canonical file, keeps its permissions, and --check lists it")
    func formatRewrites() throws {
        let folder = try TemporaryFolder()
        let messy = #"{"title": "Messy",   "id": "messy", "stages": [{"name": "S", "id": "s"}]}"#
        let file = try folder.write(messy, to: "messy.journey.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)

        let check = try CLI.run(["fmt", "--check", file.path])
        #expect(check.status == 1)
        // The file, then what fmt would change in it (issue 16 item 9).
        #expect(check.standardOutput.hasPrefix(file.path + ": not in canonical form\n--- \(file.path)\n+++ \(file.path) (as cjm fmt writes it)\n@@ -1,1 +1,"))
        #expect(check.standardOutput.contains("\n-" + messy + "\n+{\n+  \"id\": \"messy\","))
        #expect(try folder.read("messy.journey.json") == messy, "--check writes nothing")

        let format = try CLI.run(["fmt", file.path])
        #expect(format.status == 0)
        #expect(try folder.read("messy.journey.json") == "{\n  \"id\": \"messy\",\n  \"title\": \"Messy\",\n  \"stages\": [\n    {\n      \"id\": \"s\",\n      \"name\": \"S\"\n    }\n  ]\n}\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try CLI.run(["fmt", "--check", file.path]).status == 0)
    }

    @Test("cjm fmt leaves an invalid file untouched and exits 2")
    func formatInvalid() throws {
        let folder = try TemporaryFolder()
        let broken = "{\"id\": \"x\", \"title\": \"T\", \"chanels\": []}"
        let file = try folder.write(broken, to: "broken.journey.json")
        let result = try CLI.run(["fmt", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("unknown key \"chanels\""))
        #expect(try folder.read("broken.journey.json") == broken)
    }

    @Test("git diff through the external driver and git log -p through textconv show the semantic change",
          .requires(.git))
    func gitIntegration() throws {
        let git = try ExternalTool.git.path()
        let folder = try TemporaryFolder()
        let repository = folder.url
        let cjm = CLI.executable.path
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = repository.path
        environment["NO_COLOR"] = "1"
        func run(_ arguments: [String]) throws -> Subprocess.Result {
            let result = try Subprocess.run(git, arguments, currentDirectory: repository, environment: environment)
            #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.standardError)")
            return result
        }
        _ = try run(["init", "-q"])
        _ = try run(["config", "user.email", "test@example.com"])
        _ = try run(["config", "user.name", "Test"])
        _ = try run(["config", "diff.cjm.command", "\(cjm) git-diff"])
        _ = try run(["config", "diff.cjm.textconv", "\(cjm) textconv"])
        try folder.write("*.journey.json diff=cjm\n*.journey.xml diff=cjm\n", to: ".gitattributes")
        let original = try String(contentsOf: Paths.samples.appendingPathComponent("minimal.journey.json"), encoding: .utf8)
        try folder.write(original, to: "coffee.journey.json")
        _ = try run(["add", "."])
        _ = try run(["commit", "-q", "-m", "first"])
        try folder.write(try Self.editedMinimal(), to: "coffee.journey.json")

        let driver = try run(["diff"])
        #expect(driver.standardOutput.contains("diff --cjm a/coffee.journey.json b/coffee.journey.json"))
        #expect(driver.standardOutput.contains("~ changed touchpoint \"Browses the menu\" (menu)"))
        #expect(driver.standardOutput.contains("title: \"Ordering coffee ahead\" → \"Ordering coffee ahead, v2\""))

        _ = try run(["commit", "-q", "-am", "second"])
        let log = try run(["log", "-p", "-1", "--no-ext-diff"])
        #expect(log.standardOutput.contains("+    emotion: +1"))
        #expect(log.standardOutput.contains("-journey coffee-order-ahead: Ordering coffee ahead\n+journey coffee-order-ahead: Ordering coffee ahead, v2"))

        // A new file: git passes /dev/null for the old side.
        try folder.write(original, to: "second.journey.json")
        _ = try run(["add", "second.journey.json"])
        let added = try run(["diff", "--cached"])
        #expect(added.standardOutput.contains("--- /dev/null"))
        #expect(added.standardOutput.contains("+ added touchpoint \"Picks up at the counter\" (pick-up)"))
        // A rename: git passes nine arguments.
        _ = try run(["commit", "-q", "-m", "third"])
        _ = try run(["mv", "second.journey.json", "renamed.journey.json"])
        let renamed = try run(["diff", "--cached", "-M"])
        #expect(renamed.standardOutput.contains("diff --cjm a/second.journey.json b/renamed.journey.json"))
        #expect(renamed.standardOutput.contains("no changes to the journey"))
    }

    @Test("cjm textconv prints an outline of a journey, and an invalid file as it is, without terminal escapes")
    func textconv() throws {
        let outline = try CLI.run(["textconv", "samples/minimal.journey.xml"])
        #expect(outline.status == 0)
        #expect(outline.standardOutput.hasPrefix("journey coffee-order-ahead: Ordering coffee ahead\n"))
        #expect(outline.standardOutput.contains("\n  touchpoint pick-up: Picks up at the counter\n    channels: counter\n"))

        let folder = try TemporaryFolder()
        let broken = try folder.write("{\n  \"id\": \"x\u{1B}[31m\",\n  \"chanels\": []\n}\n", to: "broken.journey.json")
        let raw = try CLI.run(["textconv", broken.path])
        #expect(raw.status == 0)
        #expect(raw.standardOutput == "{\n  \"id\": \"x\\u{1B}[31m\",\n  \"chanels\": []\n}\n")
    }

    @Test("cjm git-diff refuses a wrong number of arguments with a usage error")
    func gitDiffArguments() throws {
        let result = try CLI.run(["git-diff", "a", "b"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("git passes 7 arguments"))
    }

    @Test("help of diff, fmt, git-diff and textconv", arguments: ["diff", "fmt", "git-diff", "textconv"])
    func help(command: String) throws {
        let result = try CLI.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: cjm \(command)"))
    }
}
