import Foundation
import JourneyKit

/// Issue 15's target: checking journeys that share one catalogue costs at most 1.2× checking
/// the same journeys with the catalogue's personas and channels copied into each, and parses
/// the catalogue once.
struct PortfolioResult {
    var journeys: Int
    /// `cjm check --jobs 1` of the journeys that use the catalogue.
    var shared: Timing
    /// The same, with the personas and channels copied into every journey.
    var inline: Timing
    /// How often the checker's catalogue source parsed the catalogue (in-process, same cache rule as `cjm`).
    var catalogParses: Int
    var ratio: Double { inline.median > 0 ? shared.median / inline.median : 0 }
}

enum PortfolioBench {
    /// Writes both portfolios from `samples/portfolio` (the purchase journey, renamed per copy) and times them alternately.
    static func run(journeys count: Int, runs: Int, scratch: URL, binary: String) throws -> PortfolioResult? {
        let source = "samples/portfolio/"
        guard let catalogData = FileManager.default.contents(atPath: source + "clientes.catalog.json"),
              let journeyText = try? String(contentsOfFile: source + "compra-whatsapp.journey.json", encoding: .utf8),
              let catalog = CatalogImporter.importCatalog(from: Array(catalogData), path: "clientes.catalog.json").catalog,
              let journey = JSONJourneyImporter.importJourney(from: Array(journeyText.utf8), path: "j.journey.json").journey else {
            print("cjm-bench: run from the repository root (samples/portfolio is needed); skipping the portfolio measurement")
            return nil
        }
        var inlined = journey
        inlined.uses = []
        inlined.personas = catalog.personas
        inlined.channels = catalog.channels
        let sharedFolder = scratch.appendingPathComponent("portfolio-shared")
        let inlineFolder = scratch.appendingPathComponent("portfolio-inline")
        for folder in [sharedFolder, inlineFolder] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("{}\n".utf8).write(to: folder.appendingPathComponent("cjm-portfolio.json"))
        }
        try catalogData.write(to: sharedFolder.appendingPathComponent("clientes.catalog.json"))
        var sharedFiles: [(String, [UInt8])] = []
        for index in 0..<count {
            for (folder, base) in [(sharedFolder, journey), (inlineFolder, inlined)] {
                var copy = base
                copy.id = "compra-\(index)"
                // Links would point at journeys these folders do not hold.
                for stage in copy.stages.indices {
                    for touchpoint in copy.stages[stage].touchpoints.indices { copy.stages[stage].touchpoints[touchpoint].journey = nil }
                }
                let text = JourneyJSONWriter.write(copy)
                let path = folder.appendingPathComponent("compra-\(index).journey.json").path
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                if folder == sharedFolder { sharedFiles.append((path, Array(text.utf8))) }
            }
        }

        let counting = CountingCatalogs(bytes: Array(catalogData))
        let checker = JourneyChecker().readingCatalogs(from: counting)
        for (path, bytes) in sharedFiles where !checker.report(bytes: bytes, path: path).isValid {
            print("cjm-bench: the shared-catalogue journey \(path) is invalid")
            return nil
        }

        var shared: [Double] = []
        var inline: [Double] = []
        let arguments = ["check", "--fail-on", "none", "--jobs", "1"]
        _ = ChildProcess.run(binary, arguments + [sharedFolder.path])
        _ = ChildProcess.run(binary, arguments + [inlineFolder.path])
        // Alternating, so that a burst of load from elsewhere hits both alike.
        for _ in 0..<max(5, runs) {
            if let run = ChildProcess.run(binary, arguments + [sharedFolder.path]), run.status == 0 { shared.append(run.seconds) }
            if let run = ChildProcess.run(binary, arguments + [inlineFolder.path]), run.status == 0 { inline.append(run.seconds) }
        }
        guard !shared.isEmpty, !inline.isEmpty else {
            print("cjm-bench: `cjm check` of the portfolio failed")
            return nil
        }
        return PortfolioResult(journeys: count, shared: Timing(samples: shared), inline: Timing(samples: inline),
                               catalogParses: counting.parses)
    }
}

/// Hands out one in-memory catalogue, parsing it on first use only, and counts the parses.
private final class CountingCatalogs: CatalogSource, @unchecked Sendable {
    private let bytes: [UInt8]
    private let lock = NSLock()
    private var parsed: CatalogLookup?
    private(set) var parses = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func catalog(_ path: String, usedBy journeyPath: String) -> CatalogLookup {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        parses += 1
        let imported = CatalogImporter.importCatalog(from: bytes, path: path)
        let lookup = imported.catalog.map(CatalogLookup.found) ?? .invalid(imported.diagnostics)
        parsed = lookup
        return lookup
    }
}
