import Foundation
import Testing

@Suite("cjm report")
struct ReportCommandTests {
    @Test("a directory gives one page with an index; an invalid file gets its section, its errors on standard error, and exit 2")
    func directoryWithInvalidFile() throws {
        let folder = try TemporaryFolder()
        for name in ["minimal.journey.json", "law-firm-seo.journey.xml"] {
            try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent(name), to: folder.url.appendingPathComponent("in/\(name)").creatingFolders())
        }
        try folder.write(#"{"id": "x", "title": "X", "stages": [{"id": "a", "name": "A", "touchpoints": [{"id": "t", "nmae": "T"}]}]}"#,
                         to: "in/broken.journey.json")
        let page = folder.url.appendingPathComponent("report.html")
        let run = try CLI.run(["report", folder.url.appendingPathComponent("in").path, "-o", page.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("broken.journey.json:1:") && run.standardError.contains("error: unknown key \"nmae\""))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<nav class=\"index\""))
        #expect(html.contains("Ordering coffee ahead") && html.contains("Finding a lawyer online"))
        #expect(html.contains("error: unknown key &quot;nmae&quot;") || html.contains("error: unknown key \"nmae\""))
    }

    @Test("valid journeys exit 0; an unknown --persona is a located error with exit 2 and no page")
    func exitCodes() throws {
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("report.html")
        let sample = Paths.relative(Paths.samples.appendingPathComponent("minimal.journey.json"))
        #expect(try CLI.run(["report", sample, "-o", page.path]).status == 0)
        try FileManager.default.removeItem(at: page)
        let unknown = try CLI.run(["report", sample, "--persona", "nobody", "-o", page.path])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("nobody"))
        #expect(!FileManager.default.fileExists(atPath: page.path))
        let refused = try CLI.run(["report", sample, "-o", sample])
        #expect(refused.status == 2, "overwrote the input journey with the report")
    }
}

extension URL {
    /// Creates the folder this file goes in, and returns the file's URL.
    fileprivate func creatingFolders() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
