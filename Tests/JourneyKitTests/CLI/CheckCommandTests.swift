import Foundation
import Testing

@Suite("cjm check")
struct CheckCommandTests {
    @Test("every sample is valid; the exit code reflects their findings (warnings fail by default)")
    func samplesAreValid() throws {
        let samples = Paths.samples().map(Paths.relative)
        #expect(samples.count >= 3)
        let result = try CLI.run(["check", "--as-of", "2026-11-29"] + samples)
        #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("\(samples.count) files checked: \(samples.count) valid, 0 invalid; 27 findings (11 warnings, 16 info)\n"))
        #expect(!result.standardOutput.contains(": error: "))
        let lenient = try CLI.run(["check", "--fail-on", "error"] + samples)
        #expect(lenient.status == 0, "\(lenient.standardOutput)\(lenient.standardError)")
    }

    @Test("a broken file: four located errors, exit 2")
    func brokenFile() throws {
        let result = try CLI.run(["check", "Tests/JourneyKitTests/Fixtures/four-errors.journey.json"])
        #expect(result.status == 2)
        let lines = result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("  ") }
        #expect(lines == [
            "Tests/JourneyKitTests/Fixtures/four-errors.journey.json:18:11: error: unknown key \"chanels\" in this touchpoint",
            "Tests/JourneyKitTests/Fixtures/four-errors.journey.json:21:22: error: emotion 4 is out of range",
            "Tests/JourneyKitTests/Fixtures/four-errors.journey.json:23:13: error: touchpoint \"Searches the web\" refers to unknown touchpoint \"landing-page\"",
            "Tests/JourneyKitTests/Fixtures/four-errors.journey.json:25:11: error: duplicate key \"emotion\" in this touchpoint; the first is on line 21",
            "1 file checked: 0 valid, 1 invalid (4 errors)",
        ])
        #expect(result.standardOutput.contains("  hint: did you mean \"channels\"?"))
    }

    @Test("--format json prints the documented report shape")
    func jsonReport() throws {
        let result = try CLI.run(["check", "--format", "json", "samples/minimal.journey.json", "Tests/JourneyKitTests/Fixtures/four-errors.journey.json"])
        #expect(result.status == 2)
        let report = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        try #require(files.count == 2)
        #expect(files[0]["path"] as? String == "samples/minimal.journey.json")
        #expect(files[0]["valid"] as? Bool == true)
        #expect(files[1]["journey"] as? String == "broken")
        #expect(files[1]["valid"] as? Bool == false)
        let diagnostics = try #require(files[1]["diagnostics"] as? [[String: Any]])
        try #require(diagnostics.count == 4)
        // The misspelt key has a "did you mean" hint, which JSON carries as text does (issue 16, item 7).
        #expect(Set(diagnostics[0].keys) == ["severity", "message", "line", "column", "hint"])
        #expect(diagnostics[0]["hint"] as? String == "did you mean \"channels\"?")
        #expect(diagnostics[0]["line"] as? Int == 18)
        #expect(diagnostics[0]["column"] as? Int == 11)
        #expect(diagnostics[0]["severity"] as? String == "error")
    }

    @Test("files that cannot be read are reported, not crashed on")
    func unreadableFiles() throws {
        let empty = try TemporaryFolder()
        try empty.write("not a journey", to: "notes.txt")
        let result = try CLI.run(["check", "does-not-exist.journey.json", empty.url.path])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("does-not-exist.journey.json:1:1: error: cannot read the journey: no such file"))
        #expect(result.standardOutput.contains("\(empty.url.path):1:1: error: the directory holds no journey files"))
        #expect(result.standardError.isEmpty)
    }

    @Test("usage errors exit 2 with a message, not a stack trace")
    func usageErrors() throws {
        let noFiles = try CLI.run(["check"])
        #expect(noFiles.status == 2)
        #expect(noFiles.standardError.contains("Missing expected argument"))
        let badFormat = try CLI.run(["check", "--format", "yaml", "samples/minimal.journey.json"])
        #expect(badFormat.status == 2)
        #expect(badFormat.standardError.contains("yaml"))
        let unknownCommand = try CLI.run(["chek"])
        #expect(unknownCommand.status == 2)
    }

    @Test("a directory is walked recursively for journey files, in sorted order, hidden entries and other files skipped")
    func directoryWalk() throws {
        let folder = try TemporaryFolder()
        let minimalJSON = try String(contentsOfFile: Paths.repository.appendingPathComponent("samples/minimal.journey.json").path, encoding: .utf8)
        let minimalXML = try String(contentsOfFile: Paths.repository.appendingPathComponent("samples/minimal.journey.xml").path, encoding: .utf8)
        // A directory is a portfolio, where two files may not define the same journey id.
        func renamed(_ text: String, _ id: String) -> String { text.replacingOccurrences(of: "coffee-order-ahead", with: id) }
        try folder.write(renamed(minimalJSON, "second"), to: "b/second.journey.json")
        try folder.write(renamed(minimalXML, "a"), to: "a.journey.xml")
        try folder.write(renamed(minimalJSON, "first"), to: "b/a/first.journey.json")
        try folder.write(renamed(minimalJSON, "z"), to: "z.journey.json")
        try folder.write("{ broken", to: ".hidden/broken.journey.json")
        try folder.write("{ broken", to: "notes.json")
        try folder.write("{ broken", to: "journey.json.bak")
        let root = folder.url.path
        let result = try CLI.run(["check", "--fail-on", "none", "samples/minimal.journey.json", root])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let json = try CLI.run(["check", "--format", "json", "--fail-on", "none", "samples/minimal.journey.json", root])
        #expect(json.status == 0, "\(json.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: json.outputBytes) as? [String: Any])
        let paths = try #require(report["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(paths == [
            "samples/minimal.journey.json",
            "\(root)/a.journey.xml", "\(root)/b/a/first.journey.json", "\(root)/b/second.journey.json", "\(root)/z.journey.json",
        ])
        #expect(result.standardOutput.hasSuffix("5 files checked: 5 valid, 0 invalid; 5 findings (5 info)\n"), "\(result.standardOutput)")
    }

    @Test("the output is byte-identical whatever the number of jobs")
    func jobsDoNotChangeOutput() throws {
        let folder = try TemporaryFolder()
        let samples = Paths.samples() + Paths.samples("journey.xml")
        try #require(samples.count >= 6)
        for sample in samples {
            let text = try String(contentsOf: sample, encoding: .utf8)
            for copy in 0..<8 {
                try folder.write(text, to: "copy-\(copy)/\(sample.lastPathComponent)")
            }
        }
        try folder.write("{ \"id\": \"broken\" ", to: "copy-3/broken.journey.json")
        try folder.write("<journey xmlns=\"urn:cjm:journey:1\" id=\"x\">", to: "copy-5/broken.journey.xml")
        for format in ["text", "json", "sarif"] {
            let arguments = ["check", "--format", format, folder.url.path, "samples/minimal.journey.xml"]
            let sequential = try CLI.run(arguments + ["--jobs", "1"])
            #expect(sequential.status == 2)
            for _ in 0..<2 {
                let parallel = try CLI.run(arguments + ["--jobs", "2"])
                #expect(parallel.status == sequential.status)
                #expect(parallel.outputBytes == sequential.outputBytes, "\(format) output differs between --jobs 1 and --jobs 2")
            }
            let byDefault = try CLI.run(arguments)
            #expect(byDefault.status == sequential.status)
            #expect(byDefault.outputBytes == sequential.outputBytes)
        }
    }

    @Test("--jobs 0 is a usage error")
    func zeroJobs() throws {
        let result = try CLI.run(["check", "--jobs", "0", "samples/minimal.journey.json"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--jobs must be at least 1"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("the size cap refuses larger files with a hint")
    func sizeCap() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let big = folder.appendingPathComponent("big.journey.json")
        try Data(repeating: 0x20, count: 2 * 1_048_576 + 10).write(to: big)
        let result = try CLI.run(["check", "--max-file-size", "2", big.path])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("over the 2 MB limit"))
        #expect(result.standardOutput.contains("--max-file-size"))
    }
}

@Suite("cjm help and version")
struct HelpTests {
    @Test("cjm --help names every command and the exit codes")
    func rootHelp() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: cjm <subcommand>"))
        for command in ["check", "rules", "matrix", "export", "render", "convert", "fmt", "diff", "git-diff", "textconv", "import"] {
            #expect(result.standardOutput.contains("\n  \(command) "), "cjm --help lists \(command)")
        }
        #expect(result.standardOutput.contains("rules"))
        #expect(result.standardOutput.contains("matrix"))
        #expect(result.standardOutput.contains("Exit codes"))
    }

    @Test("cjm check --help explains the arguments and options")
    func checkHelp() throws {
        let result = try CLI.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: cjm check"))
        #expect(result.standardOutput.contains("--format <format>"))
        #expect(result.standardOutput.contains("--max-file-size <MB>"))
        #expect(result.standardOutput.contains("--fail-on <level>"))
        #expect(result.standardOutput.contains("--disable <rule>"))
        #expect(result.standardOutput.contains("--jobs <n>"))
        #expect(result.standardOutput.contains("<file-or-directory>"))
        #expect(result.standardOutput.contains("Directories are walked recursively"))
        #expect(result.standardOutput.contains("text, json or sarif"))
        #expect(result.standardOutput.contains("1 such findings remain"))
    }

    @Test("cjm --version prints the version")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "0.1.0\n")
    }
}
