import Foundation
@testable import cjm
import JourneyKit
import Testing

/// PNG and PDF maps made by the real rsvg-convert, and the file names of multi-page maps.
@Suite("Journey map to SVG, PNG and PDF files")
struct MapConversionTests {

    @Test("a one-page map is written as exactly OUT; several pages as OUT-1, OUT-2… except PDF")
    func outputPaths() {
        #expect(SVGConverter.outputPaths(for: "map.png", pageCount: 1, format: .png) == ["map.png"])
        #expect(SVGConverter.outputPaths(for: "out/map.png", pageCount: 2, format: .png) == ["out/map-1.png", "out/map-2.png"])
        #expect(SVGConverter.outputPaths(for: "a.b/map", pageCount: 2, format: .svg) == ["a.b/map-1", "a.b/map-2"])
        #expect(SVGConverter.outputPaths(for: "/tmp/.map.svg", pageCount: 2, format: .svg) == ["/tmp/.map-1.svg", "/tmp/.map-2.svg"])
        #expect(SVGConverter.outputPaths(for: "map.pdf", pageCount: 3, format: .pdf) == ["map.pdf"])
        #expect(SVGConverter.Format(path: "x/MAP.PNG") == .png)
        #expect(SVGConverter.Format(path: "map.jpg") == nil)
    }

    @Test("a missing rsvg-convert is a clear error naming the package")
    func missingConverter() throws {
        let error = try #require(throws: SVGConverter.Failure.self) {
            try SVGConverter.locate(explicit: "/nonexistent/rsvg-convert")
        }
        #expect(error.description.contains("librsvg2-bin"))
        #expect(error.description.contains("brew install librsvg"))
    }

    @Test("the tienda-whatsapp map becomes real PNG pages and one multi-page PDF",
          .requires(.rsvgConvert))
    func pngAndPDF() throws {
        _ = try ExternalTool.rsvgConvert.path()
        let folder = try TemporaryFolder()
        let journey = try MapGoldenTests.sample("tienda-whatsapp")
        let pages = try JourneyMapRenderer().pages(journey, findings: Analyzer().analyze(journey))
        try #require(pages.count == 5)
        let converter = { () throws(SVGConverter.Failure) -> SVGConverter in try SVGConverter.locate(explicit: nil) }

        let png = try SVGConverter.write(pages: pages, to: folder.url.appendingPathComponent("map.png").path, format: .png, converter: converter)
        #expect(png.map { URL(fileURLWithPath: $0).lastPathComponent } == (1...5).map { "map-\($0).png" })
        for path in png {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(path) is a PNG")
            // The IHDR chunk: width and height, big-endian, at bytes 16–23.
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 1920 && height == 1080)
        }

        let pdf = try SVGConverter.write(pages: pages, to: folder.url.appendingPathComponent("map.pdf").path, format: .pdf, converter: converter)
        #expect(pdf.count == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf[0]))
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "/Type /Page\n").count - 1 == 5 || text.components(separatedBy: "/Count 5").count > 1,
                "five pages in one PDF")

        let one = try SVGConverter.write(pages: [pages[0]], to: folder.url.appendingPathComponent("one.svg").path, format: .svg, converter: converter)
        #expect(one == [folder.url.appendingPathComponent("one.svg").path])
        #expect(try String(contentsOfFile: one[0], encoding: .utf8) == pages[0])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }
}
