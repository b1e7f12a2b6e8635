import Foundation
import JourneyKit
import Testing

/// The rows of docs/robustness.md about writing and faults (issue 17): each runs the built
/// `cjm` the way a user would, through a shell where redirections matter.
extension RobustnessTests {
    /// Runs `script` with `sh -c` in `folder`, with `$CJM` the built cjm and `NO_COLOR` set.
    static func shell(_ script: String, in folder: URL, environment extra: [String: String] = [:]) throws -> Subprocess.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["CJM"] = CLI.executable.path
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        return try Subprocess.run("/bin/sh", ["-c", script], currentDirectory: folder, environment: environment, timeLimit: CLI.timeLimit)
    }

    /// Item 1: `-o /dev/stdout` (and `/proc/self/fd/1`) writes to the descriptor the shell set
    /// up, so the output lands between what came before and after, and `>>` appends.
    func writeToOwnDescriptors() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.minimalJSON, to: "j.journey.json")
        for target in ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"] {
            let result = try Self.shell("{ echo H; \"$CJM\" export j.journey.json --format mermaid -o \(target); echo F; } > g.txt", in: folder.url)
            #expect(result.status == 0, "\(target): \(result.standardError)")
            let written = try folder.read("g.txt")
            #expect(written.hasPrefix("H\n") && written.hasSuffix("F\n") && written.contains("journey"), "\(target): \(written)")
        }
        try "log line\n".write(to: folder.url.appendingPathComponent("log"), atomically: true, encoding: .utf8)
        let appended = try Self.shell("\"$CJM\" export j.journey.json --format mermaid -o /dev/stdout >> log", in: folder.url)
        #expect(appended.status == 0)
        let log = try folder.read("log")
        #expect(log.hasPrefix("log line\n") && log.contains("journey"), "\(log)")
        // The same through standard error.
        let viaError = try Self.shell("{ echo H >&2; \"$CJM\" export j.journey.json -o /dev/stderr; echo F >&2; } 2> e.txt", in: folder.url)
        #expect(viaError.status == 0)
        let errors = try folder.read("e.txt")
        #expect(errors.hasPrefix("H\n") && errors.hasSuffix("F\n") && errors.contains("digraph"), "\(errors)")
    }

    /// Item 2: a failed write to standard output is an error, exit 2, for every command that
    /// writes there, whatever it found.
    func standardOutputWriteFails() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.minimalJSON, to: "j.journey.json")
        let commands = [
            "convert j.journey.json --to xml", "check j.journey.json", "check --format sarif j.journey.json",
            "export j.journey.json", "export j.journey.json --format mermaid", "matrix j.journey.json",
            "textconv j.journey.json", "rules", "diff j.journey.json j.journey.json",
        ]
        for command in commands {
            let result = try Self.shell("\"$CJM\" \(command) > /dev/full", in: folder.url)
            #expect(result.status == 2, "\(command): exit \(result.status)")
            #expect(result.standardError.contains("cannot write to standard output: No space left on device"), "\(command): \(result.standardError)")
        }
    }

    /// Item 3: a replaced file keeps its owner and group (root may set them), a read-only file
    /// is refused unless --force, and a file with several hard links is refused (or, with
    /// --force, rewritten in place so the links stay).
    func writeKeepsOwner() throws {
        let folder = try TemporaryFolder()
        let messy = try folder.write(Self.minimalJSON.edited("\n", "\n  "), to: "messy.journey.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: messy.path)
        // As root the file is given to another user, as its owner would have it; otherwise
        // the file is ours and the check is that nothing changes.
        let owner: uid_t = getuid() == 0 ? 4321 : getuid()
        let group: gid_t = getuid() == 0 ? 4322 : getgid()
        try #require(chown(messy.path, owner, group) == 0)
        let result = try CLI.run(["fmt", messy.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try folder.read("messy.journey.json") == Self.minimalJSON)
        var status = stat()
        try #require(stat(messy.path, &status) == 0)
        #expect(status.st_uid == owner && status.st_gid == group)
        #expect(status.st_mode & 0o7777 == 0o640)
    }

    func writeReadOnlyTarget() throws {
        let folder = try TemporaryFolder()
        let messyText = Self.minimalJSON.edited("\n", "\n  ")
        let messy = try folder.write(messyText, to: "messy.journey.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: messy.path)
        let refused = try CLI.run(["fmt", messy.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("cannot write: the file is read-only"), "\(refused.standardError)")
        #expect(try folder.read("messy.journey.json") == messyText)
        let converted = try CLI.run(["convert", messy.path, "--to", "json", "-o", messy.path])
        #expect(converted.status == 2)
        #expect(converted.standardError.contains("the file is read-only"), "\(converted.standardError)")
        let forced = try CLI.run(["fmt", "--force", messy.path])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try folder.read("messy.journey.json") == Self.minimalJSON)
        #expect((try FileManager.default.attributesOfItem(atPath: messy.path)[.posixPermissions] as? Int) == 0o444)
        #expect(Self.contents(folder.url) == ["messy.journey.json"])
    }

    func writeHardLinkedTarget() throws {
        let folder = try TemporaryFolder()
        let messyText = Self.minimalJSON.edited("\n", "\n  ")
        let messy = try folder.write(messyText, to: "messy.journey.json")
        let other = folder.url.appendingPathComponent("other.journey.json")
        try #require(link(messy.path, other.path) == 0)
        let refused = try CLI.run(["fmt", messy.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("the file has 2 hard links; replacing it would cut it off from the others"), "\(refused.standardError)")
        #expect(try folder.read("other.journey.json") == messyText)
        let forced = try CLI.run(["fmt", "--force", messy.path])
        #expect(forced.status == 0, "\(forced.standardError)")
        // Still one file under two names, now canonical.
        #expect(try folder.read("other.journey.json") == Self.minimalJSON)
        var first = stat(), second = stat()
        try #require(stat(messy.path, &first) == 0 && stat(other.path, &second) == 0)
        #expect(first.st_ino == second.st_ino && first.st_nlink == 2)
    }

    /// Item 6: a signal while the temporary file exists removes it, and cjm dies of the signal.
    /// `CJM_TEST_HOLD_TEMPORARY_FILE` makes cjm wait at that moment, so the test is not a race.
    func writeInterrupted() throws {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            let folder = try TemporaryFolder()
            let messyText = Self.minimalJSON.edited("\n", "\n  ")
            try folder.write(messyText, to: "messy.journey.json")
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["fmt", "messy.journey.json"]
            process.currentDirectoryURL = folder.url
            var environment = ProcessInfo.processInfo.environment
            environment["CJM_TEST_HOLD_TEMPORARY_FILE"] = "1"
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // Should cjm never get there, the test fails rather than hangs.
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
            // Wait for cjm to say it holds the temporary file.
            var said = Data()
            while !String(decoding: said, as: UTF8.self).contains("\n") {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                said += chunk
            }
            let line = String(decoding: said, as: UTF8.self)
            #expect(line.hasPrefix("holding ./.messy.journey.json.cjm-"), "\(line)")
            #expect(Self.contents(folder.url).count == 2, "the temporary file exists while cjm waits")
            kill(process.processIdentifier, signalNumber)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signalNumber)
            #expect(Self.contents(folder.url) == ["messy.journey.json"], "signal \(signalNumber)")
            #expect(try folder.read("messy.journey.json") == messyText)
        }
    }

    /// Item 7: `-o /NAME` makes its temporary file in `/`, not in the current folder (which
    /// may be another file system, or, here, one where no file can be made).
    func writeAtRootFolder() throws {
        let temporary = try TemporaryFolder()
        let files = try WritingFolder(in: temporary)
        let target = "/cjm-test-\(UUID().uuidString).journey.json"
        defer { unlink(target) }
        let result = try CLI.run(["convert", files.input.path, "--to", "json", "-o", target], in: URL(fileURLWithPath: "/proc"))
        if access("/", W_OK) == 0 {
            #expect(result.status == 0, "\(result.standardError)")
            #expect(FileManager.default.contents(atPath: target) == files.original)
        } else {
            #expect(result.status == 2)
            #expect(result.standardError.contains("cannot create a file in /: "), "\(result.standardError)")
        }
        let leftovers = (try FileManager.default.contentsOfDirectory(atPath: "/")).filter { $0.contains(".cjm-") }
        #expect(leftovers.isEmpty)
    }

    /// Item 8: git hands over paths as they are; one that starts with `-` is not an option.
    func gitDriverDashNames() throws {
        let folder = try TemporaryFolder()
        for name in ["-notes.journey.json", "--help.journey.json"] {
            try folder.write(Self.minimalJSON, to: name)
            let changed = Self.minimalJSON.edited("\"Commuter\"", "\"Walker\"")
            try folder.write(changed, to: "new-" + name)
            let diff = try CLI.run(["git-diff", name, name, "0000000", "100644", "new-" + name, "0000000", "100644"], in: folder.url)
            #expect(diff.status == 0, "\(diff.standardError)")
            #expect(diff.standardOutput.hasPrefix("diff --cjm a/\(name) b/\(name)\n"), "\(diff.standardOutput)")
            #expect(diff.standardOutput.contains("Walker"), "\(diff.standardOutput)")
            let outline = try CLI.run(["textconv", name], in: folder.url)
            #expect(outline.status == 0, "\(outline.standardError)")
            #expect(outline.standardOutput.contains("Commuter"), "\(outline.standardOutput)")
        }
    }

    /// Item 12: numbers out of range are usage errors, never an overflow trap.
    func numericOptionsOutOfRange() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.minimalJSON, to: "j.journey.json")
        try folder.write("```mermaid\njourney\n  title T\n  section S\n    Task: 3: Me\n```\n", to: "d.md")
        let cases: [([String], String)] = [
            (["check", "--max-file-size", "8796093022208", "j.journey.json"], "--max-file-size must be a whole number of megabytes from 1 to"),
            (["check", "--max-file-size=-1", "j.journey.json"], "--max-file-size must be a whole number of megabytes from 1 to"),
            (["check", "--max-file-size", "0", "j.journey.json"], "--max-file-size must be"),
            (["import", "d.md", "--diagram=-9223372036854775808"], "--diagram counts from 1"),
            (["import", "d.md", "--diagram", "0"], "--diagram counts from 1"),
            (["check", "--jobs", "0", "j.journey.json"], "--jobs must be at least 1"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 2, "\(arguments): exit \(result.status)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        // The largest allowed limit works.
        let largest = try CLI.run(["check", "--max-file-size", "1048576", "j.journey.json"], in: folder.url)
        #expect(largest.status == 0, "\(largest.standardOutput)\(largest.standardError)")
    }
}

extension RobustnessTests {
    /// Item 11: `render` killed while `dot` runs passes the signal on; no `dot` is left running.
    /// A stand-in for `dot` writes its process id and sleeps, so the test needs no Graphviz.
    func renderKilled() throws {
        let folder = try TemporaryFolder()
        let journey = try folder.write(Self.minimalJSON, to: "j.journey.json")
        let pidFile = folder.url.appendingPathComponent("dot.pid").path
        let fakeDot = try folder.write("#!/bin/sh\necho $$ > '\(pidFile)'\nexec sleep 120\n", to: "slow-dot")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fakeDot.path)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["render", journey.path, "-o", folder.url.appendingPathComponent("j.svg").path, "--dot", fakeDot.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var dotProcess: pid_t = 0
        for _ in 0..<600 where dotProcess == 0 {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                dotProcess = pid
            } else {
                usleep(50_000)
            }
        }
        try #require(dotProcess > 0, "the stand-in for dot did not start")
        defer { kill(dotProcess, SIGKILL) }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        // Gone, or at most a zombie waiting for whoever adopted it: not running.
        let state = (try? String(contentsOfFile: "/proc/\(dotProcess)/stat", encoding: .utf8))?
            .split(separator: ")").last?.split(separator: " ").first
        #expect(state == nil || state == "Z", "dot is still running (state \(state.map(String.init) ?? "?"))")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("j.svg").path))
    }

    /// Items 9 and 10: a directory walk reports a folder it cannot read, checks a journey
    /// whose name is not UTF-8 (showing the name escaped), and does not follow a link that
    /// leads outside the folder named.
    func directoryWalkProblems() throws {
        let outside = try TemporaryFolder()
        let secret = try outside.write("{\"secret\": \"do not print\"}", to: "secret.journey.json")
        let folder = try TemporaryFolder()
        try folder.write(Self.minimalJSON, to: "tree/good.journey.json")
        try folder.write(Self.minimalJSON, to: "tree/inner/other.journey.json")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("tree/escape.journey.json").path,
                                                   withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("tree/alias.journey.json").path,
                                                   withDestinationPath: "inner/other.journey.json")
        // A name with the byte 0xFF, which is not UTF-8.
        var badName = Array(folder.url.appendingPathComponent("tree/caf").path.utf8) + [0xFF] + Array(".journey.json".utf8) + [0]
        let descriptor = badName.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        try #require(descriptor >= 0)
        _ = Self.minimalJSON.utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count - 1) }
        close(descriptor)

        let tree = folder.url.appendingPathComponent("tree").path
        let result = try CLI.run(["check", tree])
        let output = result.standardOutput + result.standardError
        #expect(result.status == 2, "\(output)")
        #expect(output.contains("\(tree)/escape.journey.json:1:1: error: the link points outside \(tree); it is not followed"), "\(output)")
        #expect(!output.contains(secret.lastPathComponent), "\(output)")
        #expect(!output.contains("do not print"))
        #expect(output.contains("caf\\x{FF}.journey.json"), "the file with the name that is not UTF-8 is checked: \(output)")
        #expect(output.contains("alias.journey.json"), "a link inside the folder is checked: \(output)")

        // A folder cjm may not read: as root, run cjm as nobody, for whom mode 000 counts.
        let locked = folder.url.appendingPathComponent("tree/locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        unlink(folder.url.appendingPathComponent("tree/escape.journey.json").path)
        var arguments = [CLI.executable.path, "check", tree]
        if getuid() == 0 {
            // nobody must be able to reach the tree and the binary.
            chmod(folder.url.path, 0o755)
            arguments = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + arguments
        }
        let unreadable = try Subprocess.run(arguments[0], Array(arguments.dropFirst()), environment: ["NO_COLOR": "1"], timeLimit: CLI.timeLimit)
        let unreadableOutput = unreadable.standardOutput + unreadable.standardError
        #expect(unreadable.status == 2, "\(unreadableOutput)")
        #expect(unreadableOutput.contains("\(locked.path):1:1: error: cannot read the folder: Permission denied"), "\(unreadableOutput)")
    }
}

extension RobustnessTests {
    /// A journey where `personas` personas use only WhatsApp and each of `stages` stages has
    /// one e-mail touchpoint for everyone: every persona misses every stage.
    static func gapJourney(personas: Int, stages: Int) -> String {
        let personaList = (0..<personas).map { "{\"id\": \"p\($0)\", \"name\": \"Persona \($0)\", \"channels\": [\"whatsapp\"]}" }
        let stageList = (0..<stages).map { index in
            "{\"id\": \"s\(index)\", \"name\": \"Stage \(index)\", \"touchpoints\": [{\"id\": \"t\(index)\", \"name\": \"Mail \(index)\", \"channels\": [\"email\"], \"personas\": [\"p0\"], \"owner\": \"x\", \"kpis\": [{\"name\": \"k\"}]}]}"
        }
        return """
            {"id": "gaps", "title": "Gaps", "personas": [\(personaList.joined(separator: ",\n"))],
             "channels": [{"id": "whatsapp", "name": "WhatsApp", "owner": "x"}, {"id": "email", "name": "E-mail", "owner": "x"}],
             "stages": [\(stageList.joined(separator: ",\n"))]}
            """
    }

    /// Item 13, `channel-gap` and `unserved-touchpoint`: one finding per stage or touchpoint
    /// naming every persona missed, not one per persona, and work linear in personas.
    func groupedPersonaFindings() throws {
        let journey = try #require(Self.importJSON(Self.gapJourney(personas: 2_000, stages: 20)).journey)
        let findings = Analyzer().analyze(journey)
        let gaps = findings.filter { $0.rule == "channel-gap" }
        let unserved = findings.filter { $0.rule == "unserved-touchpoint" }
        #expect(gaps.count == 20)
        // p0 is the audience of every touchpoint and does not use e-mail either.
        #expect(unserved.count == 20)
        let first = try #require(gaps.first)
        #expect(first.personaIDs == (0..<2_000).map { "p\($0)" })
        #expect(first.message == "No touchpoint of stage \"Stage 0\" reaches Persona 0, Persona 1 and 1,998 more")
        #expect(unserved.first?.personaIDs == ["p0"])
        // Ten times the personas and ten times the stages each cost about ten times as much.
        try Growth.expectLinear("channel-gap, personas growing", size: 200, input: { personas in
            try #require(Self.importJSON(Self.gapJourney(personas: personas, stages: 50)).journey)
        }, work: { Analyzer().analyze($0) })
        try Growth.expectLinear("channel-gap, stages growing", size: 50, input: { stages in
            try #require(Self.importJSON(Self.gapJourney(personas: 200, stages: stages)).journey)
        }, work: { Analyzer().analyze($0) })
        // A persona that ignores the rule is left out; with no one left there is no finding.
        let ignoring = Self.gapJourney(personas: 2, stages: 1)
            .edited("\"name\": \"Persona 1\", \"channels\": [\"whatsapp\"]", "\"name\": \"Persona 1\", \"channels\": [\"whatsapp\"], \"ignore\": [\"channel-gap\"]")
        let partly = Analyzer().analyze(try #require(Self.importJSON(ignoring).journey)).filter { $0.rule == "channel-gap" }
        #expect(partly.map(\.personaIDs) == [["p0"]])
        let allIgnoring = ignoring.edited("\"name\": \"Persona 0\", \"channels\": [\"whatsapp\"]", "\"name\": \"Persona 0\", \"channels\": [\"whatsapp\"], \"ignore\": [\"channel-gap\"]")
        #expect(Analyzer().analyze(try #require(Self.importJSON(allIgnoring).journey)).filter { $0.rule == "channel-gap" }.isEmpty)
        // A view for one persona keeps the grouped findings that name them.
        #expect(gaps.concerning(persona: "p1999", in: journey).count == 20)
    }
}

extension RobustnessTests {
    /// Item 17, the command line's part: `-o ""` says what is wrong without a `:1:1:` on
    /// nothing, a failed write says "cannot write" once, and without /proc cjm fails loudly
    /// instead of ignoring its arguments.
    func commandLineMessages() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.minimalJSON, to: "j.journey.json")
        let empty = try CLI.run(["export", "j.journey.json", "-o", ""], in: folder.url)
        #expect(empty.status == 2)
        #expect(empty.standardError == "cjm: error: cannot write the output: the output path is empty\n  hint: name a file after -o\n", "\(empty.standardError)")
        let full = try CLI.run(["convert", "j.journey.json", "--to", "json", "-o", "/dev/full"], in: folder.url)
        #expect(full.status == 2)
        #expect(full.standardError.contains("cannot write the output: No space left on device"), "\(full.standardError)")
        #expect(!full.standardError.contains("cannot write: cannot write"))
        // Without /proc: a private mount namespace where it is unmounted. Needs root (or user
        // namespaces); where that is not possible the check is skipped with a note.
        let script = "umount -l /proc && \"$CJM\" check /nonexistent.journey.json"
        let probe = try Subprocess.run("/usr/bin/unshare", ["-m", "--propagation", "private", "sh", "-c", "umount -l /proc && echo ok"],
                                       timeLimit: CLI.timeLimit)
        guard probe.standardOutput == "ok\n" else {
            withKnownIssue("cannot unmount /proc in a private mount namespace here: \(probe.standardError)", isIntermittent: true) {}
            return
        }
        let withoutProc = try Subprocess.run("/usr/bin/unshare", ["-m", "--propagation", "private", "sh", "-c", script],
                                             environment: ["CJM": CLI.executable.path, "PATH": "/usr/bin:/bin"], timeLimit: CLI.timeLimit)
        #expect(withoutProc.status == 2)
        #expect(withoutProc.standardError.contains("cjm: error: cannot read the command line: /proc is not mounted"), "\(withoutProc.standardError)")
        #expect(withoutProc.standardOutput.isEmpty)
    }
}

extension RobustnessTests {
    /// Item 9, git's side: `git-diff` and `check` open a file whose name is not UTF-8 when it
    /// is named on the command line (a shell builds the name; Foundation cannot pass such bytes).
    func nonUTF8NamedOnCommandLine() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.minimalJSON, to: "old.journey.json")
        let script = """
            name="$(printf 'caf\\377.journey.json')"
            sed 's/"Commuter"/"Walker"/' old.journey.json > "$name"
            "$CJM" git-diff "$name" old.journey.json 0000000 100644 "$name" 0000000 100644
            echo "exit $?"
            "$CJM" check "$name" > /dev/null
            echo "exit $?"
            """
        let result = try Self.shell(script, in: folder.url)
        #expect(result.standardOutput.contains("Walker"), "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("exit 0\n"))
        #expect(!result.standardOutput.contains("cannot read") && !result.standardError.contains("cannot read"), "\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("exit 0\nexit 0\n") || result.standardOutput.hasSuffix("exit 0\nexit 1\n"), "\(result.standardOutput)")
    }
}
