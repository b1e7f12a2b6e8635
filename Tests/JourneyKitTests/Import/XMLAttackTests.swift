import Foundation
import JourneyKit
import Testing

/// Classic XML attacks: each file must be refused with an error, quickly, without the
/// content of any other file appearing anywhere.
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

    @Test("each attack is refused with an error in well under a second, leaking nothing", arguments: attacks)
    func refused(attack: URL) throws {
        let bytes = try Paths.bytes(attack)
        let clock = ContinuousClock()
        var imported: ImportedJourney?
        let elapsed = clock.measure {
            imported = JourneyImporter.importJourney(from: bytes, path: attack.lastPathComponent)
        }
        let result = try #require(imported)
        #expect(elapsed < .milliseconds(500))
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
