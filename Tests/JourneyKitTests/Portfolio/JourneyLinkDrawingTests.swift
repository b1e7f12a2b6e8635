import Foundation
import JourneyKit
import Testing

/// Touchpoints that continue in another journey (`journey`), as the pictures and the report show them.
@Suite("Links between journeys in pictures and reports")
struct JourneyLinkDrawingTests {
    static let purchase = "samples/portfolio/compra-whatsapp.journey.json"

    @Test("the flow diagram marks the linked touchpoint with the linked journey's title, else its id, and explains the mark")
    func flow() throws {
        let alone = try CLI.run(["export", Self.purchase, "--format", "dot"])
        #expect(alone.status == 0, "\(alone.standardError)")
        #expect(alone.standardOutput.contains("↪ continúa en<BR/>devoluciones-garantia"), "\(alone.standardOutput)")
        #expect(alone.standardOutput.contains("continúa en otro recorrido de la cartera"), "the legend explains the mark")
        let inPortfolio = try CLI.run(["export", Self.purchase, "--format", "dot", "--portfolio", "samples/portfolio"])
        #expect(inPortfolio.status == 0, "\(inPortfolio.standardError)")
        #expect(inPortfolio.standardOutput.contains("↪ continúa en Devoluciones y<BR/>garantía"), "\(inPortfolio.standardOutput)")
        // English words for an English picture.
        let english = try CLI.run(["export", Self.purchase, "--format", "dot", "--lang", "en"])
        #expect(english.standardOutput.contains("↪ continues in<BR/>devoluciones-garantia"))
        #expect(try CLI.run(["export", Self.purchase, "--portfolio", "nowhere"]).status == 2)
    }

    @Test("the map's card of the linked touchpoint carries the linked journey's title")
    func map() throws {
        let svg = try CLI.run(["export", Self.purchase, "--view", "map", "--format", "svg", "--portfolio", "samples/portfolio"])
        #expect(svg.status == 0, "\(svg.standardError)")
        #expect(svg.standardOutput.contains("↪ continúa en Devoluciones y"), "\(svg.standardOutput.prefix(400))")
        let alone = try CLI.run(["export", Self.purchase, "--view", "map", "--format", "svg"])
        #expect(alone.standardOutput.contains(">↪ continúa en devoluciones-garantia</text>"))
        #expect(!alone.standardOutput.contains("Devoluciones y garantía"))
    }

    @Test("the report links a linked touchpoint to the sub-journey's section, and shows the id of one not in the report")
    func report() throws {
        let folder = try TemporaryFolder()
        let whole = try CLI.run(["report", "samples/portfolio", "-o", folder.url.appendingPathComponent("all.html").path])
        #expect(whole.status == 0, "\(whole.standardError)")
        let page = try folder.read("all.html")
        // The index lists the journeys in path order: the returns journey is the third section.
        #expect(page.contains("<dt>Continúa en</dt><dd>↪ <a class=\"journey-link\" href=\"#j3\">Devoluciones y garantía</a></dd>"))
        #expect(page.contains("<section class=\"journey\" id=\"j3\""))
        // Alone, the purchase journey names the journey it continues in by id, without a dead link.
        let alone = try CLI.run(["report", Self.purchase, "-o", folder.url.appendingPathComponent("one.html").path])
        #expect(alone.status == 0, "\(alone.standardError)")
        let one = try folder.read("one.html")
        #expect(one.contains("<dt>Continúa en</dt><dd>↪ devoluciones-garantia</dd>"))
        #expect(!one.contains("journey-link"))
    }
}
