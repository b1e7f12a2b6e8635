import Foundation
import JourneyKit
import Testing

@Suite("imports on several threads")
struct ConcurrentImportTests {
    /// Every sample in both formats, plus broken files whose errors come from libxml2 (syntax,
    /// schema) and from the JSON scanner: error state must stay with its own parse.
    static func inputs() throws -> [(path: String, bytes: [UInt8])] {
        var inputs = try (Paths.samples() + Paths.samples("journey.xml")).map { url in
            (path: Paths.relative(url), bytes: Array(try Data(contentsOf: url)))
        }
        inputs.append((path: "broken.journey.xml", bytes: Array("<journey xmlns=\"urn:cjm:journey:1\" id=\"x\"><stage id=\"s\" name=\"S\"><bad/></stage>".utf8)))
        inputs.append((path: "unclosed.journey.xml", bytes: Array("<journey xmlns=\"urn:cjm:journey:1\" id=\"x\" title=\"T\">\n<stage".utf8)))
        inputs.append((path: "broken.journey.json", bytes: Array("{ \"id\": \"x\", \"title\": 3, }".utf8)))
        return inputs
    }

    @Test("many XML and JSON checks at once give the same reports as one after another")
    func concurrentChecksMatchSequential() async throws {
        let inputs = try Self.inputs()
        let checker = JourneyChecker()
        let sequential = inputs.map { checker.report(bytes: $0.bytes, path: $0.path) }
        #expect(sequential.contains { !$0.isValid })
        #expect(sequential.contains { $0.isValid && $0.path.hasSuffix(".xml") })
        let rounds = 12
        let concurrent = await withTaskGroup(of: (Int, FileReport).self) { group in
            for round in 0..<rounds {
                for (index, input) in inputs.enumerated() {
                    group.addTask { (round * inputs.count + index, checker.report(bytes: input.bytes, path: input.path)) }
                }
            }
            var reports = [FileReport?](repeating: nil, count: rounds * inputs.count)
            for await (slot, report) in group { reports[slot] = report }
            return reports
        }
        for (slot, report) in concurrent.enumerated() {
            #expect(report == sequential[slot % inputs.count], "\(inputs[slot % inputs.count].path) differs when checked concurrently")
        }
    }

    @Test("the journeys read concurrently equal the ones read sequentially")
    func concurrentImportsMatchSequential() async throws {
        let inputs = try Self.inputs()
        let sequential = inputs.map { JourneyImporter.importJourney(from: $0.bytes, path: $0.path).journey }
        let concurrent = await withTaskGroup(of: (Int, Journey?).self) { group in
            for round in 0..<8 {
                for (index, input) in inputs.enumerated() {
                    group.addTask { (round * inputs.count + index, JourneyImporter.importJourney(from: input.bytes, path: input.path).journey) }
                }
            }
            var journeys = [Journey??](repeating: nil, count: 8 * inputs.count)
            for await (slot, journey) in group { journeys[slot] = .some(journey) }
            return journeys
        }
        for (slot, journey) in concurrent.enumerated() {
            #expect(journey == .some(sequential[slot % inputs.count]))
        }
    }
}
