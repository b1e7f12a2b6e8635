@testable import cjm_bench
import Foundation
@testable import JourneyKit
import Testing

/// `cjm export` writes the DOT diagram as the exporter makes it, in pieces (issue 19, item 5):
/// the pieces must join to exactly the bytes of the whole diagram, and no piece may hold much
/// more than the size asked for, however large the journey.
@Suite("DOT export in pieces")
struct DOTStreamingTests {
    /// The benchmark's synthetic journey of 3,000 touchpoints (about 1.2 MB of flow view) and its findings.
    static let synthetic: (journey: Journey, findings: [Diagnostic]) = {
        let journey = SyntheticJourney.make(touchpoints: 3_000)
        return (journey, Analyzer().analyze(journey))
    }()

    /// The pieces `exporter` hands over for `journey`.
    static func pieces(_ exporter: DOTExporter, _ journey: Journey, findings: [Diagnostic], chunkSize: Int) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        exporter.export(journey, findings: findings, chunkSize: chunkSize) { pieces.append($0) }
        return pieces
    }

    @Test("the pieces of a large diagram join to the whole diagram, each piece about the size asked for",
          arguments: DOTExporter.View.allCases)
    func largeJourney(view: DOTExporter.View) throws {
        let (journey, findings) = Self.synthetic
        let exporter = DOTExporter(view: view)
        let whole = exporter.exportUTF8(journey, findings: findings)
        #expect(whole.count > 500_000, "\(whole.count) bytes: the journey must be large enough to be cut into many pieces")
        let chunkSize = 1 << 14
        let pieces = Self.pieces(exporter, journey, findings: findings, chunkSize: chunkSize)
        #expect(Array(pieces.joined()) == whole)
        // Handed on as written, not collected: many pieces, none much larger than asked for (a
        // piece ends after the line or table cell that fills it), only the last one smaller.
        #expect(pieces.count >= whole.count / (2 * chunkSize))
        let largest = try #require(pieces.map(\.count).max())
        #expect(largest < 2 * chunkSize, "largest piece \(largest) bytes")
        #expect(pieces.dropLast().allSatisfy { $0.count >= chunkSize })
    }

    @Test("every golden diagram is the same in pieces of any size", arguments: [1, 100, 1 << 16])
    func goldenCases(chunkSize: Int) throws {
        let journeys = try Paths.samples().map(DOTFixtures.sample) + [DOTFixtures.overlayJourney, DOTFixtures.noFlows]
        var compared = 0
        for journey in journeys {
            let findings = journey.id == DOTFixtures.overlayJourney.id ? DOTFixtures.overlayFindings : Analyzer().analyze(journey)
            for view in DOTExporter.View.allCases {
                for persona in [nil] + journey.personas.map(\.id) {
                    let exporter = DOTExporter(view: view, persona: persona)
                    let pieces = Self.pieces(exporter, journey, findings: findings, chunkSize: chunkSize)
                    #expect(Array(pieces.joined()) == Array(exporter.export(journey, findings: findings).utf8), "\(journey.id) \(view) \(persona ?? "")")
                    compared += 1
                }
            }
        }
        #expect(compared > 20)
    }

    @Test("cjm export writes the same large diagram to -o FILE and to standard output, byte for byte as the library makes it")
    func commandLine() throws {
        let folder = try TemporaryFolder()
        let (journey, findings) = Self.synthetic
        let input = try folder.write(JourneyWriter.write(journey, as: .json), to: "synthetic.journey.json")
        for view in DOTExporter.View.allCases {
            let expected = DOTExporter(view: view).exportUTF8(journey, findings: findings)
            let output = folder.url.appendingPathComponent("out.\(view.rawValue).dot")
            let written = try CLI.run(["export", input.path, "--view", view.rawValue, "-o", output.path])
            try #require(written.status == 0, "\(written.standardError)")
            #expect(try [UInt8](Data(contentsOf: output)) == expected, "\(view) -o")
            let printed = try CLI.run(["export", input.path, "--view", view.rawValue])
            try #require(printed.status == 0, "\(printed.standardError)")
            #expect(Array(printed.standardOutput.utf8) == expected, "\(view) on standard output")
        }
    }
}
