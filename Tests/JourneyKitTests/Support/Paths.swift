import Foundation

/// Folders of the repository, found from this file so tests run from any working directory.
enum Paths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // JourneyKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let samples = repository.appendingPathComponent("samples")
    static let schema = repository.appendingPathComponent("schema")
    static let tests = repository.appendingPathComponent("Tests/JourneyKitTests")
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let golden = tests.appendingPathComponent("Golden")
    /// `../shared` beside the project: reference data such as the SARIF schema.
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")

    /// The sample journeys in the given format, sorted by name.
    static func samples(_ fileExtension: String = "journey.json") -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return names.filter { $0.hasSuffix("." + fileExtension) }.sorted().map { samples.appendingPathComponent($0) }
    }

    /// The bytes of a file, for tests that read fixtures.
    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    /// A path relative to the repository, as diagnostics in golden files show it.
    static func relative(_ url: URL) -> String {
        let root = repository.path + "/"
        return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
    }
}
