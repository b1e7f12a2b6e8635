import Foundation
import JourneyKit
import Testing

/// Classic XML attacks: each file must be refused with an error, without expanding entities,
/// and without the content of any other file appearing anywhere.
@Suite("XML attack corpus")
struct XMLAttackTests {
    static let attacks: [URL] = {
        let folder = Paths.fixtures.appendingPathComponent("xml-attacks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".journey.xml") }.sorted().map { folder.appendingPathComponent($0) }
    }()

    /// Text of /etc/passwd that must never show up ("root:x:0:0:" on every Linux).
    static let leakMarkers = ["root:", "/bin/sh", "/usr/sbin/nologin"]

    @Test("the corpus holds every attack the issue lists")
    func corpusIsComplete() {
        let names = Set(Self.attacks.map { $0.lastPathComponent })
        #expect(names.isSuperset(of: [
            "xxe-local-file.journey.xml", "external-dtd.journey.xml", "billion-laughs.journey.xml",
            "quadratic-blowup.journey.xml", "xinclude.journey.xml",
        ]))
    }

    /// Expanding an attack's entities would take minutes and gigabytes: the time limit only
    /// catches that, and `expansionIsNeverDone` checks the cost as the attacks grow.
    @Test("each attack is refused with an error, leaking nothing", .timeLimit(.minutes(1)), arguments: attacks)
    func refused(attack: URL) throws {
        let bytes = try Paths.bytes(attack)
        let result = JourneyImporter.importJourney(from: bytes, path: attack.lastPathComponent)
        #expect(!result.isValid)
        #expect(result.diagnostics.containsErrors)
        let text = result.diagnostics.map { "\($0.message) \($0.hint ?? "")" }.joined(separator: "\n")
            + (result.journey.map { "\($0)" } ?? "")
        for marker in Self.leakMarkers {
            #expect(!text.contains(marker))
        }
    }

    @Test("cjm check and cjm convert refuse each attack (exit 2) and print nothing from other files", arguments: attacks)
    func refusedByTheCommandLine(attack: URL) throws {
        let path = Paths.relative(attack)
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let output = folder.appendingPathComponent("out.journey.json")
        for arguments in [["check", path], ["check", "--format", "json", path], ["convert", path, "--to", "json"],
                          ["convert", path, "--to", "xml", "-o", output.path]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            for marker in Self.leakMarkers {
                #expect(!result.standardOutput.contains(marker), "\(arguments)")
                #expect(!result.standardError.contains(marker), "\(arguments)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// A journey whose DOCTYPE declares `declarations` and whose description is `description`.
    static func attack(declaring declarations: [String], description: String) -> [UInt8] {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE journey [\n" + declarations.joined(separator: "\n")
            + "\n]>\n<journey xmlns=\"urn:cjm:journey:1\" id=\"attack\" title=\"Attack\">\n  <description>"
            + description + "</description>\n</journey>\n"
        return Array(text.utf8)
    }

    /// Billion laughs: three levels of entities, each referring `count` times to the one
    /// before; expanded, the description would be `count`³ times "lol".
    static func billionLaughs(count: Int) -> [UInt8] {
        let levels = (1...3).map { level in "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: count) + "\">" }
        return attack(declaring: ["<!ENTITY e0 \"lol\">"] + levels, description: "&e3;")
    }

    /// Quadratic blowup: one entity of `size` characters referred to `size` times.
    static func quadraticBlowup(size: Int) -> [UInt8] {
        attack(declaring: ["<!ENTITY a \"" + String(repeating: "a", count: size) + "\">"],
               description: String(repeating: "&a;", count: size))
    }

    @Test("entities are never expanded: ten times the attack costs about ten times as much, not a hundred or a thousand")
    func expansionIsNeverDone() {
        let attacks: [(name: String, bytes: (Int) -> [UInt8])] = [
            ("quadratic blowup", Self.quadraticBlowup), ("billion laughs", Self.billionLaughs),
        ]
        for (name, attack) in attacks {
            let imported = Growth.expectLinear(name, size: 1_000, input: attack) {
                JourneyImporter.importJourney(from: $0, path: "attack.journey.xml")
            }
            #expect(imported.diagnostics.map(\.message) == ["a <!DOCTYPE> declaration is not allowed in a journey file"], "\(name)")
        }
    }

    @Test("the DOCTYPE error says why, at the DOCTYPE's line")
    func doctypeMessage() throws {
        let attack = Paths.fixtures.appendingPathComponent("xml-attacks/xxe-local-file.journey.xml")
        let result = JourneyImporter.importJourney(from: try Paths.bytes(attack), path: "x.journey.xml")
        #expect(result.diagnostics.map(\.message) == ["a <!DOCTYPE> declaration is not allowed in a journey file"])
        #expect(result.diagnostics.first?.location.line == 2)
        #expect(result.diagnostics.first?.hint?.contains("never reads DTDs") == true)
    }

    @Test("a UTF-16 file is refused with a clear message")
    func utf16() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("<journey/>".utf8).flatMap { [$0, 0] }
        let result = XMLJourneyImporter.importJourney(from: bytes, path: "x.journey.xml")
        #expect(result.diagnostics.map(\.message) == ["the file is UTF-16; save it as UTF-8"])
    }
}
