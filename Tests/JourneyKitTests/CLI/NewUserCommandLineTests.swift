import Foundation
import JourneyKit
import Testing

/// What a new user expects of the command line (issue 16, items 4, 8–13, 19), each checked on
/// the built binary.
@Suite("The command line a new user expects")
struct NewUserCommandLineTests {
    static let clinicDiagram = """
        journey
          title Clinic
          section Book
            Call the clinic: 3: María, Receptionist
            Get a confirmation: 4: María
          section Visit
            Sit in the waiting room: 2: María
        """

    /// Imports the clinic diagram into `name` in the folder, expecting success.
    static func importClinic(in temporary: borrowing TemporaryFolder, as name: String) throws -> (diagram: URL, journey: URL) {
        let diagram = try temporary.write(clinicDiagram, to: "clinic.mmd")
        let journey = temporary.url.appendingPathComponent(name)
        let imported = try CLI.run(["import", diagram.path, "-o", journey.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        return (diagram, journey)
    }

    // MARK: Item 4: journeys without channels, Mermaid actors

    @Test("a journey without channels gets one no-channels finding instead of the channel rules (item 4)")
    func noChannels() throws {
        let temporary = try TemporaryFolder()
        let journey = try Self.importClinic(in: temporary, as: "clinic.journey.json").journey
        let result = try CLI.run(["check", "--format", "json", journey.path])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        let findings = try #require(files.first?["findings"] as? [[String: Any]])
        let rules = findings.compactMap { $0["rule"] as? String }
        #expect(rules.filter { $0 == "no-channels" }.count == 1)
        #expect(rules.contains("unowned-touchpoint"))
        for channelRule in ["unserved-touchpoint", "channel-gap", "broken-handoff", "unused-channel"] {
            #expect(!rules.contains(channelRule), "\(channelRule)")
        }
        let noChannels = try #require(findings.first { $0["rule"] as? String == "no-channels" })
        #expect(noChannels["severity"] as? String == "warning")
        #expect((noChannels["refs"] as? [String: Any])?.isEmpty ?? true)
        #expect(noChannels["line"] as? Int == 1)
    }

    @Test("cjm import names the personas it made of the actors and warns once about business roles (item 4)")
    func importNamesPersonas() throws {
        let temporary = try TemporaryFolder()
        let diagram = try temporary.write(Self.clinicDiagram, to: "clinic.mmd")
        let result = try CLI.run(["import", diagram.path])
        #expect(result.status == 0)
        #expect(result.standardError.contains("actors became personas: María, Receptionist"))
        let warnings = result.standardError.components(separatedBy: "business role")
        #expect(warnings.count == 2, "\(result.standardError)")
        #expect(result.standardError.contains("warning: Receptionist looks like a business role"))
        let spanish = try temporary.write("journey\n  section Reservar\n    Llama: 3: Lucía, Recepcionista\n", to: "es.mmd")
        #expect(try CLI.run(["import", spanish.path]).standardError.contains("warning: Recepcionista looks like a business role"))
    }

    // MARK: Item 8: the matrix fits the terminal

    @Test("cjm matrix fits COLUMNS (else 100) by wrapping cells and splitting the stages (item 8)",
          arguments: [nil, "60", "80", "160"] as [String?])
    func matrixFitsWidth(columns: String?) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = columns
        let result = try CLI.run(["matrix", "samples/tienda-whatsapp.journey.json", "--persona", "maria"], environment: environment)
        #expect(result.status == 0)
        let width = Int(columns ?? "100") ?? 100
        let lines = result.standardOutput.split(separator: "\n")
        let longest = try #require(lines.map(\.count).max())
        #expect(longest <= width, "longest line \(longest) of \(width)")
        // Every stage is still there (long names wrapped within their heading).
        for stage in ["Descubrimiento", "Consulta", "Compra", "Envío o recogida", "Posventa", "Fidelización"] {
            let words = stage.split(separator: " ").map(String.init)
            #expect(words.allSatisfy(result.standardOutput.contains), "\(stage)")
        }
        if width < 100 { #expect(result.standardOutput.contains("Stages 1–")) }
        // No column is padded to the widest text of the table: the channel column is no wider than its longest line.
        let header = try #require(lines.first { $0.hasPrefix("Channel") })
        #expect(!header.hasPrefix("Channel" + String(repeating: " ", count: 40)))
    }

    // MARK: Item 9: fmt --check says what it would change; fmt DIRECTORY

    @Test("cjm fmt --check prints a short diff per file and finds journeys and catalogues in a folder (item 9)")
    func formatCheckShowsDiff() throws {
        let temporary = try TemporaryFolder()
        let catalogue = try String(contentsOf: Paths.repository.appendingPathComponent("samples/portfolio/clientes.catalog.json"), encoding: .utf8)
        try temporary.write(catalogue.replacingOccurrences(of: "\"id\": \"montador\"", with: "\"id\" :  \"montador\""), to: "deep/clientes.catalog.json")
        let journey = try String(contentsOf: Paths.repository.appendingPathComponent("samples/minimal.journey.json"), encoding: .utf8)
        try temporary.write(journey.replacingOccurrences(of: "  \"title\"", with: "    \"title\""), to: "deep/er/minimal.journey.json")
        let result = try CLI.run(["fmt", "--check", temporary.url.path])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("clientes.catalog.json: not in canonical form"))
        #expect(result.standardOutput.contains("-      \"id\" :  \"montador\","))
        #expect(result.standardOutput.contains("+      \"id\": \"montador\","))
        #expect(result.standardOutput.contains("minimal.journey.json: not in canonical form"))
        #expect(result.standardOutput.contains("@@ -1,"))
        #expect(result.standardOutput.contains("-    \"title\""))
        // Nothing was written.
        #expect(try temporary.read("deep/er/minimal.journey.json").contains("    \"title\""))
    }

    // MARK: Item 10: standard input and pipes

    @Test("- reads a journey from standard input, named by --stdin-name or typed by --format-in (item 10)",
          arguments: ["check", "matrix", "export", "convert", "diff"])
    func standardInput(command: String) throws {
        let xml = try Data(contentsOf: Paths.repository.appendingPathComponent("samples/minimal.journey.xml"))
        let arguments: [String] = switch command {
        case "check": ["check", "-", "--stdin-name", "piped.journey.xml"]
        case "convert": ["convert", "-", "--format-in", "xml", "--to", "json"]
        case "diff": ["diff", "samples/minimal.journey.json", "-", "--format-in", "xml"]
        default: [command, "-", "--format-in", "xml"]
        }
        let result = try CLI.run(arguments, input: xml)
        // diff: the XML sample is the JSON one, so the two do not differ.
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("not a regular file"))
        #expect(!result.standardOutput.isEmpty)
        if command == "check" { #expect(result.standardOutput.contains("piped.journey.xml:")) }
    }

    @Test("a named pipe (bash's <(…)) is read as a file (item 10)")
    func namedPipe() throws {
        let temporary = try TemporaryFolder()
        let fifo = temporary.url.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let source = Paths.repository.appendingPathComponent("samples/minimal.journey.json").path
        // A writer that fills the pipe once cjm opens it, as bash's process substitution does.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$0\" > \"$1\"", source, fifo.path]
        try writer.run()
        let result = try CLI.run(["check", fifo.path])
        writer.waitUntilExit()
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("1 valid, 0 invalid"))
    }

    // MARK: Items 12 and 13: formats said and inferred

    @Test("--view with --format mermaid is a usage error (item 12)")
    func viewWithMermaid() throws {
        let result = try CLI.run(["export", "samples/minimal.journey.json", "--format", "mermaid", "--view", "matrix"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--view does not apply to --format mermaid"))
    }

    @Test("docs/mermaid.md does not document the removed cjm export-mermaid (item 12)")
    func mermaidDocs() throws {
        let text = try String(contentsOf: Paths.repository.appendingPathComponent("docs/mermaid.md"), encoding: .utf8)
        #expect(!text.contains("export-mermaid"))
    }

    @Test("cjm import infers --to from the -o name and refuses a contradiction (item 13)")
    func importInfersFormat() throws {
        let temporary = try TemporaryFolder()
        let diagram = try Self.importClinic(in: temporary, as: "clinic.journey.xml").diagram
        #expect(try temporary.read("clinic.journey.xml").hasPrefix("<?xml"))
        let contradiction = try CLI.run(["import", diagram.path, "-o", temporary.url.appendingPathComponent("other.journey.xml").path, "--to", "json"])
        #expect(contradiction.status == 2)
        #expect(contradiction.standardError.contains("the output is named as XML but --to json writes JSON"))
        #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("other.journey.xml").path))
    }

    // MARK: Item 19: .cjm.json

    /// A portfolio root (marked by cjm-portfolio.json) with a journey two folders below it.
    @discardableResult
    static func project(in temporary: borrowing TemporaryFolder, configuration: String) throws -> URL {
        try temporary.write("{}\n", to: "cjm-portfolio.json")
        try temporary.write(configuration, to: ".cjm.json")
        let journey = try String(contentsOf: Paths.repository.appendingPathComponent("samples/minimal.journey.json"), encoding: .utf8)
        let file = try temporary.write(journey, to: "journeys/coffee/minimal.journey.json")
        return file
    }

    @Test("the nearest .cjm.json up to the portfolio root sets severities and failOn; SARIF follows (item 19)")
    func configurationSetsSeverities() throws {
        let temporary = try TemporaryFolder()
        let file = try Self.project(in: temporary, configuration: #"{ "rules": { "unaddressed-pain": "error" }, "failOn": "error" }"#)
        let result = try CLI.run(["check", file.path])
        #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("error: \"Picks up at the counter\" has a pain"))
        let sarif = try CLI.run(["check", "--format", "sarif", file.path])
        let results = try #require(((try JSONSerialization.jsonObject(with: sarif.outputBytes) as? [String: Any])?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "unaddressed-pain" && $0["level"] as? String == "error" })
        // The command line wins.
        #expect(try CLI.run(["check", "--fail-on", "none", file.path]).status == 0)
        // A rule turned off is not run.
        try temporary.write(#"{ "rules": { "unaddressed-pain": "off" }, "failOn": "info" }"#, to: ".cjm.json")
        let off = try CLI.run(["check", file.path])
        #expect(off.status == 0, "\(off.standardOutput)")
        #expect(!off.standardOutput.contains("unaddressed-pain"))
    }

    @Test("--config FILE is used instead, and asOf sets the check date unless --as-of is given (item 19)")
    func configurationOption() throws {
        let temporary = try TemporaryFolder()
        let file = try Self.project(in: temporary, configuration: "{}")
        let other = try temporary.write(#"{ "rules": { "unaddressed-pain": "warning" } }"#, to: "elsewhere/strict.json")
        let result = try CLI.run(["check", "--config", other.path, file.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("warning: \"Picks up at the counter\""))
        let law = Paths.repository.appendingPathComponent("samples/law-firm-seo.journey.json").path
        try temporary.write(#"{ "asOf": "2040-01-01" }"#, to: "late.json")
        let late = try CLI.run(["check", "--config", temporary.url.appendingPathComponent("late.json").path, law])
        let early = try CLI.run(["check", "--config", temporary.url.appendingPathComponent("late.json").path, "--as-of", "2026-01-01", law])
        #expect(late.standardOutput.components(separatedBy: "[stale-evidence]").count > early.standardOutput.components(separatedBy: "[stale-evidence]").count)
    }

    /// `project` plus an older version of its journey without the pain and emotion that make
    /// the `unaddressed-pain` finding, and an empty configuration elsewhere to compare with.
    static func projectWithHistory(in temporary: borrowing TemporaryFolder, configuration: String) throws
        -> (journey: URL, old: URL, empty: URL) {
        let journey = try project(in: temporary, configuration: configuration)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: journey)) as? [String: Any])
        let stages = try #require(object["stages"] as? [[String: Any]])
        object["stages"] = stages.map { stage in
            var stage = stage
            stage["touchpoints"] = (stage["touchpoints"] as? [[String: Any]] ?? []).map {
                $0.filter { $0.key != "pains" && $0.key != "emotion" }
            }
            return stage
        }
        let old = try temporary.write(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self),
                                      to: "old.journey.json")
        let empty = try temporary.write("{}", to: "elsewhere/empty.json")
        return (journey, old, empty)
    }

    @Test("diff judges the change under the new file's .cjm.json (item 19)")
    func diffFindsConfiguration() throws {
        let temporary = try TemporaryFolder()
        let files = try Self.projectWithHistory(in: temporary, configuration: #"{ "rules": { "unaddressed-pain": "error" } }"#)
        let configured = try CLI.run(["diff", files.old.path, files.journey.path])
        #expect(configured.standardOutput.contains("+ introduced: "), "\(configured.standardOutput)")
        #expect(configured.standardOutput.contains(": error: \"Picks up at the counter\" has a pain"), "\(configured.standardOutput)")
        let plain = try CLI.run(["diff", "--config", files.empty.path, files.old.path, files.journey.path])
        #expect(plain.standardOutput.contains(": info: \"Picks up at the counter\" has a pain"), "\(plain.standardOutput)")
    }

    @Test("render --since draws the change under the new file's .cjm.json (item 19)", .requires(.dot))
    func renderSinceFindsConfiguration() throws {
        let temporary = try TemporaryFolder()
        let files = try Self.projectWithHistory(in: temporary, configuration: #"{ "rules": { "unaddressed-pain": "off" } }"#)
        let configured = temporary.url.appendingPathComponent("configured.svg")
        let plain = temporary.url.appendingPathComponent("plain.svg")
        let first = try CLI.run(["render", files.journey.path, "--since", files.old.path, "-o", configured.path])
        let second = try CLI.run(["render", "--config", files.empty.path, files.journey.path, "--since", files.old.path, "-o", plain.path])
        try #require(first.status == 0 && second.status == 0, "\(first.standardError)\(second.standardError)")
        #expect(!(try String(contentsOf: configured, encoding: .utf8)).contains("has a pain"))
        #expect(try String(contentsOf: plain, encoding: .utf8).contains("has a pain"))
    }

    /// `project` with a second journey in a folder whose own .cjm.json turns the rule off again.
    static func projectWithTwoFolders(in temporary: borrowing TemporaryFolder) throws -> URL {
        let coffee = try project(in: temporary, configuration: #"{ "rules": { "unaddressed-pain": "error" } }"#)
        try temporary.write(String(contentsOf: coffee, encoding: .utf8), to: "journeys/tea/minimal.journey.json")
        try temporary.write(#"{ "rules": { "unaddressed-pain": "off" } }"#, to: "journeys/tea/.cjm.json")
        return temporary.url.appendingPathComponent("journeys")
    }

    @Test("report DIRECTORY reads each journey under its own .cjm.json (item 19)")
    func reportFindsConfigurationPerFile() throws {
        let temporary = try TemporaryFolder()
        let journeys = try Self.projectWithTwoFolders(in: temporary)
        let page = temporary.url.appendingPathComponent("report.html")
        let result = try CLI.run(["report", journeys.path, "-o", page.path])
        try #require(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Coffee's finding is an error; tea has none.
        #expect(html.components(separatedBy: "<code>unaddressed-pain</code>").count == 2)
        #expect(html.contains("<li class=\"finding error\""))
        #expect(!html.contains("<li class=\"finding info\""))
    }

    @Test("serve DIRECTORY reads each journey under its own .cjm.json (item 19)")
    func serveFindsConfigurationPerFile() throws {
        let temporary = try TemporaryFolder()
        let journeys = try Self.projectWithTwoFolders(in: temporary)
        let server = try ServedProcess([journeys.path], in: temporary.url)
        defer { _ = server.stop() }
        let index = try server.get("/")
        try #require(index.status == 200)
        let links = index.body.components(separatedBy: "href=\"/journeys/").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        try #require(links.count == 2, "\(index.body)")
        let pages = try links.map { try server.get("/journeys/" + $0).body }
        #expect(pages.filter { $0.contains("<li class=\"finding error\"") }.count == 1)
        #expect(pages.allSatisfy { !$0.contains("<li class=\"finding info\"") })
    }

    @Test("portfolio DIRECTORY uses the .cjm.json nearest the directory, starting in it (item 19)")
    func portfolioFindsConfiguration() throws {
        let temporary = try TemporaryFolder()
        try Self.project(in: temporary, configuration: "{}")
        // In the directory itself, not only above it.
        try temporary.write(#"{ "rules": { "unaddressed-pain": "error" } }"#, to: "journeys/.cjm.json")
        let journeys = temporary.url.appendingPathComponent("journeys").path
        let result = try CLI.run(["portfolio", journeys])
        #expect(result.standardOutput.contains("1 error"), "\(result.standardOutput)")
        let plain = try CLI.run(["portfolio", "--config", temporary.url.appendingPathComponent(".cjm.json").path, journeys])
        #expect(plain.standardOutput.contains("1 info"), "\(plain.standardOutput)")
    }

    @Test("an invalid .cjm.json is reported with located errors and hints, exit 2 (item 19)")
    func invalidConfiguration() throws {
        let temporary = try TemporaryFolder()
        let file = try Self.project(in: temporary, configuration: """
            {
              "rules": { "unused-chanel": "off", "dead-end": "fatal" },
              "failOn": "eror",
              "asof": "2026-01-01"
            }
            """)
        let result = try CLI.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains(".cjm.json:2:14: error: unknown rule \"unused-chanel\""))
        #expect(result.standardError.contains("did you mean \"unused-channel\"?"))
        #expect(result.standardError.contains(".cjm.json:2:50: error: \"dead-end\" must be error, warning, info or off, found \"fatal\""))
        #expect(result.standardError.contains(".cjm.json:3:13: error: \"failOn\" must be error, warning, info or none, found \"eror\""))
        #expect(result.standardError.contains(".cjm.json:4:3: error: unknown key \"asof\""))
        #expect(result.standardError.contains("did you mean \"asOf\"?"))
    }

    @Test("cjm rules shows the effective severity and the file that set it (item 19)")
    func rulesShowConfiguration() throws {
        let temporary = try TemporaryFolder()
        try Self.project(in: temporary, configuration: #"{ "rules": { "unaddressed-pain": "error", "dead-end": "off" } }"#)
        let result = try CLI.run(["rules"], in: temporary.url.appendingPathComponent("journeys/coffee"))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("unaddressed-pain (error, set by ../../.cjm.json; default info)"))
        #expect(result.standardOutput.contains("dead-end (off, set by ../../.cjm.json; default info)"))
        #expect(result.standardOutput.contains("unserved-touchpoint (warning)\n"))
    }

    @Test("schema/cjm-config.schema.json lists exactly the rule ids, and accepts a valid file", .requires(.jsonSchema))
    func configurationSchema() throws {
        let url = Paths.repository.appendingPathComponent("schema/cjm-config.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let rules = try #require((schema["properties"] as? [String: Any])?["rules"] as? [String: Any])
        let ids = try #require((rules["propertyNames"] as? [String: Any])?["enum"] as? [String])
        #expect(ids == Analyzer.allRuleIDs)
        let temporary = try TemporaryFolder()
        let good = try temporary.write(#"{ "rules": { "dead-end": "off" }, "failOn": "error", "asOf": "2026-03-14" }"#, to: "good.json")
        let bad = try temporary.write(#"{ "rules": { "dead-ends": "off" } }"#, to: "bad.json")
        let python = try ExternalTool.jsonSchema.path()
        let script = Paths.repository.appendingPathComponent("scripts/validate-json-schema.py").path
        let accepted = try Subprocess.run(python, [script, url.path, good.path])
        #expect(accepted.status == 0, "\(accepted.standardOutput)\(accepted.standardError)")
        let refused = try Subprocess.run(python, [script, url.path, bad.path])
        #expect(refused.status == 1, "\(refused.standardOutput)\(refused.standardError)")
        #expect(refused.standardOutput.contains("dead-ends"))
    }
}
