import Foundation
import Testing

/// `cjm serve` driven for real: started on a port the system picks, asked over HTTP, files
/// changed under it, stopped with a signal.
@Suite("cjm serve", .serialized)
struct ServeTests {
    /// A folder with two sample journeys, as a workshop would serve.
    private func workshop() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in ["minimal.journey.json", "law-firm-seo.journey.json"] {
            try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        return folder
    }

    /// Saves `text` as editors that save by renaming do: a new file moved over the old one.
    private func saveByRenaming(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).swp")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary.path, url.path) == 0)
    }

    @Test("serves the index and each journey's page, and says where on its first line")
    func pages() throws {
        let folder = try workshop()
        let server = try ServedProcess(["."], in: folder.url)
        defer { _ = server.stop() }
        #expect(server.firstLine == "Serving 2 journeys on http://127.0.0.1:\(server.port)/")
        let index = try server.get("/")
        #expect(index.status == 200)
        #expect(index.body.contains("href=\"/journeys/coffee-order-ahead\"") && index.body.contains("href=\"/journeys/law-firm-seo\""))
        let page = try server.get("/journeys/law-firm-seo")
        #expect(page.status == 200)
        #expect(page.body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && page.body.contains("data-live-reload=\"true\""))
        #expect(try server.get("/journeys/nobody").status == 404)
    }

    @Test("hostile and unknown paths are 404, other methods refused, and the server keeps serving")
    func hostilePaths() throws {
        let folder = try workshop()
        // A file next to the journeys that must never be served.
        try "secret".write(to: folder.url.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let server = try ServedProcess(["."], in: folder.url)
        defer { _ = server.stop() }
        let hostile = [
            "/../../etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/journeys/../secret.txt",
            "/journeys/..%2fsecret.txt", "/journeys/%2e%2e%2fsecret.txt", "/secret.txt", "/minimal.journey.json",
            "//etc/passwd", "/journeys//etc/passwd", "/journeys/%2Fetc%2Fpasswd", "/etc/passwd", "/journeys/",
            "/journeys/law-firm-seo/../../secret.txt", "/events/../secret.txt", "/" + String(repeating: "a", count: 8000),
            "/journeys/" + String(repeating: "%2e%2e%2f", count: 500) + "etc/passwd", "/index.html", "/.git/config",
        ]
        for target in hostile {
            let response = try server.get(target)
            #expect(response.status == 404, "\(target.prefix(60)): \(response.status)")
            #expect(!response.body.contains("secret") && !response.body.contains("root:"), "\(target.prefix(60)) leaked a file")
        }
        #expect(try server.get("/", method: "POST").status == 405)
        #expect(try server.get("/").status == 200, "the server stopped serving after hostile requests")
    }

    @Test("a saved file reloads its open pages; an invalid save shows located errors and recovers on the next good save")
    func liveReload() throws {
        let folder = try workshop()
        let file = folder.url.appendingPathComponent("minimal.journey.json")
        let original = try String(contentsOf: file, encoding: .utf8)
        let server = try ServedProcess(["."], in: folder.url)
        defer { _ = server.stop() }
        let events = try server.openEvents()

        // A good save, by renaming over the file as many editors do.
        events.clear()
        try saveByRenaming(original.replacingOccurrences(of: "Ordering coffee ahead", with: "Ordering tea ahead"), to: file)
        let started = Date()
        #expect(events.receive(until: "event: reload", timeout: 5), "no reload event after a save")
        #expect(Date().timeIntervalSince(started) < 2, "the reload took \(Date().timeIntervalSince(started)) s")
        #expect(try server.get("/journeys/coffee-order-ahead").body.contains("Ordering tea ahead"))

        // Mid-edit: the file is broken; its page shows the errors as cjm check words them.
        events.clear()
        try "{\"id\": \"coffee-order-ahead\", \"title\": ".write(to: file, atomically: false, encoding: .utf8)
        #expect(events.receive(until: "event: reload", timeout: 5), "no reload event after an invalid save")
        let index = try server.get("/")
        #expect(index.status == 200 && index.body.contains("class=\"invalid\""))
        let broken = try server.get("/journeys/minimal.journey.json")
        #expect(broken.status == 200)
        #expect(broken.body.contains("./minimal.journey.json:1:") && broken.body.contains(": error: "), "\(broken.body.suffix(2000))")

        // The next good save brings the map back.
        events.clear()
        try original.write(to: file, atomically: false, encoding: .utf8)
        #expect(events.receive(until: "event: reload", timeout: 5), "no reload event after the fix")
        let fixed = try server.get("/journeys/coffee-order-ahead")
        #expect(fixed.status == 200 && fixed.body.contains("<svg xmlns="))
        #expect(try server.get("/").status == 200, "the server stopped because of a bad file")
    }

    @Test("a new journey file in the served directory shows up in the index")
    func newFile() throws {
        let folder = try workshop()
        let server = try ServedProcess(["."], in: folder.url)
        defer { _ = server.stop() }
        let events = try server.openEvents()
        events.clear()
        try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json"),
                                         to: folder.url.appendingPathComponent("sub/tienda.journey.json").creatingFolder())
        #expect(events.receive(until: "event: reload", timeout: 5), "no reload event for a new file")
        let index = try server.get("/")
        #expect(index.body.contains("sub/tienda.journey.json"))
        #expect(try server.get("/journeys/tienda-whatsapp").status == 200)
    }

    @Test("SIGINT and SIGTERM stop it within a second with exit code 0, even with a page open",
          arguments: [SIGINT, SIGTERM])
    func stops(_ signal: Int32) throws {
        let folder = try workshop()
        let server = try ServedProcess(["."], in: folder.url)
        let events = try server.openEvents()
        let stopped = try #require(server.stop(signal: signal), "still running 5 s after the signal")
        #expect(stopped.status == 0)
        #expect(stopped.seconds < 1, "took \(stopped.seconds) s")
        _ = events
    }

    @Test("listening beyond loopback warns that the journeys become visible on the network")
    func warnsBeyondLoopback() throws {
        let folder = try workshop()
        // Bound to every interface, but only ever asked over loopback.
        let server = try ServedProcess([".", "--host", "0.0.0.0"], in: folder.url)
        #expect(server.firstLine.hasPrefix("Serving 2 journeys on http://0.0.0.0:"))
        #expect(try server.get("/").status == 200)
        _ = server.stop()
        let warning = String(decoding: server.standardError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(warning.contains("warning: listening on 0.0.0.0") && warning.contains("visible"))
    }

    @Test("a served page runs in Chromium without script errors, with its map and live reload on", .requires(.chromium))
    func servedPageInChromium() throws {
        let folder = try workshop()
        let server = try ServedProcess(["."], in: folder.url)
        defer { _ = server.stop() }
        for target in ["/", "/journeys/law-firm-seo"] {
            let result = try Subprocess.run(
                try ExternalTool.chromium.path(),
                ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
                 "--dump-dom", "http://127.0.0.1:\(server.port)\(target)"],
                timeLimit: .seconds(90))
            let dom = result.standardOutput
            #expect(dom.contains("data-live-reload=\"true\" data-ready=\"true\""), "\(target): the script did not finish")
            #expect(dom.contains("<div id=\"script-errors\" hidden=\"\"></div>"), "\(target): script errors")
            for line in result.standardError.split(separator: "\n") where line.contains("Uncaught") || line.contains("Refused") {
                Issue.record("\(target) console: \(line)")
            }
            if target != "/" {
                #expect(dom.contains("<g class=\"touchpoint\" data-id=") && dom.contains("tabindex=\"0\" role=\"button\""))
            }
        }
    }
}

extension URL {
    /// Creates the folder this file goes in, and returns the file's URL.
    fileprivate func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
