import Foundation
import Testing

/// `cjm serve` of journeys that use catalogues and link to each other.
@Suite("cjm serve of a portfolio", .serialized)
struct ServePortfolioTests {
    @Test("changing a catalogue a served journey uses reloads its pages with the catalogue's new content")
    func catalogueChange() throws {
        let folder = try TemporaryFolder()
        try CatalogTests.portfolio(folder)
        try folder.write(CatalogTests.journey(uses: ["../shared/people.catalog.json"]), to: "root/journeys/j.journey.json")
        let catalogue = folder.url.appendingPathComponent("root/shared/people.catalog.json")
        // Served from the journeys' folder: the catalogue's folder is not one the server was given.
        let server = try ServedProcess(["journeys"], in: folder.url.appendingPathComponent("root"))
        defer { _ = server.stop() }
        #expect(try server.get("/journeys/j").body.contains(">Chat<"))
        let events = try server.openEvents()
        events.clear()
        try CatalogTests.catalog.replacingOccurrences(of: "\"Chat\"", with: "\"Live chat\"").write(to: catalogue, atomically: true, encoding: .utf8)
        #expect(events.receive(until: "event: reload", timeout: 5), "no reload event after the catalogue changed")
        let page = try server.get("/journeys/j").body
        #expect(page.contains(">Live chat<"), "the page still shows the catalogue as first read")

        // A broken catalogue makes the journey's page show the located error, and fixing it recovers.
        events.clear()
        try "{ \"id\": \"shared\", ".write(to: catalogue, atomically: true, encoding: .utf8)
        #expect(events.receive(until: "event: reload", timeout: 5), "no reload event after the catalogue broke")
        #expect(try server.get("/journeys/j.journey.json").body.contains("people.catalog.json:1:"))
        events.clear()
        try CatalogTests.catalog.write(to: catalogue, atomically: true, encoding: .utf8)
        #expect(events.receive(until: "event: reload", timeout: 5), "no reload event after the catalogue was fixed")
        #expect(try server.get("/journeys/j").body.contains(">Chat<"))
    }
}

extension ServePortfolioTests {
    @Test("a served journey's linked touchpoint links to the sub-journey's page")
    func linkedPages() throws {
        let server = try ServedProcess(["portfolio"], in: Paths.samples)
        defer { _ = server.stop() }
        let page = try server.get("/journeys/compra-whatsapp")
        #expect(page.status == 200)
        #expect(page.body.contains("<a class=\"journey-link\" href=\"/journeys/devoluciones-garantia\">Devoluciones y garantía</a>"))
        #expect(page.body.contains("↪ continúa en Devoluciones y"), "the map's card names the sub-journey")
        #expect(try server.get("/journeys/devoluciones-garantia").status == 200)
    }
}
