import Foundation
import JourneyKit
import Testing

@Suite("Coverage matrix")
struct CoverageMatrixTests {
    static func journey(_ name: String) throws -> Journey {
        let url = Paths.samples.appendingPathComponent("\(name).journey.json")
        return try #require(JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: Paths.relative(url)).journey)
    }

    @Test("stages are columns, channels rows, each cell the touchpoints of that stage on that channel")
    func structure() throws {
        let matrix = try CoverageMatrix(try Self.journey("tienda-whatsapp"))
        #expect(matrix.stages == ["Descubrimiento", "Consulta", "Compra", "Envío o recogida", "Posventa", "Fidelización"])
        try #require(matrix.rows.map(\.channelID) == ["anuncios", "web", "email", "whatsapp", "whatsapp-pagos", "whatsapp-api", "banca", "paqueteria", "mostrador"])
        try #require(matrix.rows.allSatisfy { $0.cells.count == matrix.stages.count })
        #expect(matrix.rows[4].label == "Pagos por WhatsApp (planned)")
        let whatsapp = matrix.rows[3]
        #expect(whatsapp.cells[1].map(\.touchpointID) == ["saludo", "ausencia", "respuesta-stock", "catalogo"])
        // A touchpoint on two channels appears in both rows.
        #expect(matrix.rows[2].cells[3].map(\.touchpointID) == ["aviso-envio"])
        #expect(matrix.rows[5].cells[3].map(\.touchpointID) == ["aviso-envio"])
        #expect(matrix.persona == nil && matrix.stageReachesPersona == nil)
    }

    @Test("--persona marks touchpoints that do not reach the persona and the stages that are gaps")
    func personaGaps() throws {
        let matrix = try CoverageMatrix(try Self.journey("tienda-whatsapp"), persona: "maria")
        #expect(matrix.stageReachesPersona == [true, true, true, true, true, false])
        try #require(matrix.rows.count == 9 && matrix.rows.allSatisfy { $0.cells.count == 6 })
        #expect(matrix.rows[3].cells[5].map(\.reachesPersona) == [false])  // offers are not for María
        #expect(matrix.rows[0].cells[0].map(\.reachesPersona) == [true])
        #expect(MatrixTextReporter().report(matrix).contains("GAP = no touchpoint of the stage reaches María, compra un regalo: Fidelización."))
    }

    @Test("touchpoints without a channel get their own row")
    func withoutChannel() throws {
        let journey = try Self.journey("minimal").changing(touchpoint: "menu") { $0.channels = [] }
        let matrix = try CoverageMatrix(journey)
        let last = try #require(matrix.rows.last)
        #expect(last.label == "(no channel)")
        #expect(last.cells.first?.map(\.touchpointID) == ["menu"])
    }

    @Test("an unknown persona is an error with a suggestion")
    func unknownPersona() throws {
        #expect(throws: UnknownPersona(id: "mraia", message: "the journey has no persona \"mraia\"", hint: "did you mean \"maria\"?")) {
            try CoverageMatrix(try Self.journey("tienda-whatsapp"), persona: "mraia")
        }
    }

    @Test("text is safe for terminals, Markdown escapes table syntax, CSV quotes fields")
    func escaping() throws {
        let journey = try Self.journey("minimal").changing(touchpoint: "menu") { $0.name = "Menu | \"specials\", \u{1B}[31mred" }
        let matrix = try CoverageMatrix(journey)
        #expect(!MatrixTextReporter().report(matrix).contains("\u{1B}"))
        // Control characters are shown escaped, as in the text format (issue 17).
        #expect(MatrixMarkdownReporter().report(matrix).contains("Menu \\| \"specials\", \\\\u{1B}\\[31mred"))
        #expect(MatrixCSVReporter().report(matrix).contains("\"Menu | \"\"specials\"\", \\u{1B}[31mred\nOrders and pays\""))
        #expect(!MatrixMarkdownReporter().report(matrix).contains("\u{1B}"))
        #expect(!MatrixCSVReporter().report(matrix).contains("\u{1B}"))
    }

    static let cases: [(sample: String, persona: String?)] = [
        ("tienda-whatsapp", nil), ("tienda-whatsapp", "maria"), ("law-firm-seo", nil), ("law-firm-seo", "former-client"), ("minimal", nil),
    ]

    @Test("each sample's matrix matches its golden files (text, markdown, csv)", arguments: 0..<cases.count)
    func golden(index: Int) throws {
        let (sample, persona) = Self.cases[index]
        let matrix = try CoverageMatrix(try Self.journey(sample), persona: persona)
        let name = "matrix/\(sample)" + (persona.map { "-\($0)" } ?? "")
        try Golden.assertMatches(MatrixTextReporter().report(matrix), "\(name).txt")
        try Golden.assertMatches(MatrixMarkdownReporter().report(matrix), "\(name).md")
        try Golden.assertMatches(MatrixCSVReporter().report(matrix), "\(name).csv")
    }
}
