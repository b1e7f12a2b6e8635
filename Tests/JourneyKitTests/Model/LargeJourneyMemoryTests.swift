import Foundation
@testable import JourneyKit
import Testing

/// A journey of a million personas checks within 3× its file (issue 17 item 13, issue 19
/// item 5): what each persona costs once read, where the ids' positions are kept, and the
/// large file mapped rather than read by `cjm check`.
@Suite("Memory of large journeys")
struct LargeJourneyMemoryTests {
    @Test("a persona read from JSON holds 48 bytes, and every one keeps its own location")
    func personasRead() throws {
        let count = 20_000
        let path = "a-path-longer-than-fifteen-bytes.journey.json"
        let imported = JourneyImporter.importJourney(from: CompactModelTests.personasJourney(count), path: path, format: .json)
        #expect(imported.isValid)
        // Before: 64 bytes, 24 of them the location with its own copy of the path. (The heap
        // held is measured by `cjm-bench --only personas`: tests run in parallel, so a heap
        // count here would include theirs.)
        #expect(MemoryLayout<Persona>.stride == 48)
        let personas = try #require(imported.journey?.personas)
        for index in [1, 2, count / 2, count - 1] {
            #expect(personas[index].location?.description == "\(path):\(index + 1):1")
        }
        #expect(personas[0].location?.line == 1 && personas[0].location?.file == path)
    }

    @Test("cjm check reads a large journey mapped and reports it as when it reads it from a pipe")
    func mappedCheck() throws {
        let folder = try TemporaryFolder()
        // Over the 8 MB from which `cjm check` maps a file: 40,000 personas of 220 bytes.
        var text = #"{"id":"big","title":"Big","personas":["#
        let filler = String(repeating: "x", count: 170)
        for index in 0..<40_000 {
            if index > 0 { text += ",\n" }
            text += #"{"id":"p\#(index % 39_999)","name":"P\#(index)","description":"\#(filler)"}"#
        }
        text += #"],"channels":[{"id":"web","name":"Web"}],"stages":[{"id":"s","name":"S","touchpoints":[{"id":"t","name":"T","channels":["web", "fax"]}]}]}"#
        let file = try folder.write(text, to: "big.journey.json")
        #expect(text.utf8.count > 8 << 20)
        for format in ["text", "json"] {
            let mapped = try CLI.run(["check", "--format", format, file.path])
            let piped = try CLI.run(["check", "--format", format, "--stdin-name", file.path, "-"], input: Data(text.utf8))
            #expect(mapped.status == 2 && piped.status == 2)
            #expect(mapped.standardOutput == piped.standardOutput)
            // The duplicate id at the end and the unknown channel are found, located.
            #expect(mapped.standardOutput.contains("duplicate persona id"))
            #expect(mapped.standardOutput.contains("fax"))
        }
        // Export and diff map the file too (they keep no bytes): the same errors as from a pipe.
        let exported = try CLI.run(["export", file.path])
        let exportedFromPipe = try CLI.run(["export", "--stdin-name", file.path, "-"], input: Data(text.utf8))
        #expect(exported.status == 2 && exported.standardError == exportedFromPipe.standardError)
        #expect(exported.standardError.contains("duplicate persona id"))

        // A valid large journey: exported and compared with itself as from a pipe.
        let valid = text.replacingOccurrences(of: #""id":"p0","name":"P39999""#, with: #""id":"p39999","name":"P39999""#)
            .replacingOccurrences(of: #""web", "fax""#, with: #""web""#)
        let validFile = try folder.write(valid, to: "valid.journey.json")
        let validExport = try CLI.run(["export", validFile.path])
        let validExportFromPipe = try CLI.run(["export", "--stdin-name", validFile.path, "-"], input: Data(valid.utf8))
        #expect(validExport.status == 0, "\(validExport.standardError)")
        #expect(validExport.standardOutput == validExportFromPipe.standardOutput && validExport.standardOutput.contains("digraph"))
        let selfDiff = try CLI.run(["diff", validFile.path, validFile.path])
        #expect(selfDiff.status == 0, "\(selfDiff.standardOutput)\(selfDiff.standardError)")
    }

    /// An XML journey of 40,000 personas, over the 8 MB from which files are mapped; `tail`
    /// is written after the personas (so that its problems are found after the pages before
    /// them may have been let go).
    static func largeXML(tail: String) -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<journey xmlns="urn:cjm:journey:1" id="big" title="Big">"# + "\n"
        let filler = String(repeating: "x", count: 170)
        for index in 0..<40_000 {
            text += #"  <persona id="p\#(index)" name="P\#(index)"><description>\#(filler)</description></persona>"# + "\n"
        }
        return text + tail
    }

    @Test("cjm check reads a large XML journey mapped, letting read pages go, and reports it as from a pipe")
    func mappedXMLCheck() throws {
        let folder = try TemporaryFolder()
        let stages = #"<channel id="web" name="Web"/><stage id="s" name="S"><touchpoint id="t" name="T" channels="web fax"/></stage>"#
        // A duplicate id, an unknown channel and a schema error, all near the end of the file.
        let invalid = Self.largeXML(tail: #"  <persona id="p7" name="Again"><goal/><colour>red</colour></persona>"# + stages + "</journey>\n")
        let file = try folder.write(invalid, to: "big.journey.xml")
        #expect(invalid.utf8.count > 8 << 20)
        for format in ["text", "json"] {
            let mapped = try CLI.run(["check", "--format", format, file.path])
            let piped = try CLI.run(["check", "--format", format, "--stdin-name", file.path, "-"], input: Data(invalid.utf8))
            #expect(mapped.status == 2 && piped.status == 2)
            #expect(mapped.standardOutput == piped.standardOutput)
            #expect(mapped.standardOutput.contains("colour"), "\(mapped.standardOutput)")
        }
        // A syntax error at the end: the rest of the file is read again to report every one.
        let broken = Self.largeXML(tail: #"  <persona id="late" name="Late"></personaa>"# + "\n</journey>\n")
        let brokenFile = try folder.write(broken, to: "broken.journey.xml")
        let brokenMapped = try CLI.run(["check", brokenFile.path])
        let brokenPiped = try CLI.run(["check", "--stdin-name", brokenFile.path, "-"], input: Data(broken.utf8))
        #expect(brokenMapped.status == 2 && brokenMapped.standardOutput == brokenPiped.standardOutput)
        #expect(brokenMapped.standardOutput.contains(":40003:"), "\(brokenMapped.standardOutput)")

        // A valid large journey: exported (export maps it too) as from a pipe, and diffed with itself.
        let valid = Self.largeXML(tail: #"<channel id="web" name="Web"/><stage id="s" name="S"><touchpoint id="t" name="T" channels="web"/></stage></journey>"# + "\n")
        let validFile = try folder.write(valid, to: "valid.journey.xml")
        let exported = try CLI.run(["export", validFile.path])
        let exportedFromPipe = try CLI.run(["export", "--stdin-name", validFile.path, "-"], input: Data(valid.utf8))
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(exported.standardOutput == exportedFromPipe.standardOutput && exported.standardOutput.contains("digraph"))
        let selfDiff = try CLI.run(["diff", validFile.path, validFile.path])
        #expect(selfDiff.status == 0, "\(selfDiff.standardOutput)\(selfDiff.standardError)")
    }
}
