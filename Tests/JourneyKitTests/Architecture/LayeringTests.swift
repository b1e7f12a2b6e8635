import Foundation
import Testing

/// The stage folders of JourneyKit and the direction their dependencies may point: a file may
/// name the types of its own folder and of lower layers only (README, "Development").
@Suite("Architecture: one-way layers")
struct LayeringTests {
    /// Each folder's layer; folders on the same layer (Export and Reporting) may not name each other's types.
    static let layers: [String: Int] = [
        "Support": 0, "Model": 1, "Validation": 2, "Import": 3, "Analysis": 4, "Observed": 5, "Diff": 6, "Portfolio": 7,
        "Export": 8, "Reporting": 8, "Check": 9,
    ]

    static let library = Paths.repository.appendingPathComponent("Sources/JourneyKit")

    /// The Swift files of the library by their stage folder (files at the top belong to `Support`).
    static func sources() throws -> [(folder: String, path: String, code: String)] {
        let files = FileManager.default.enumerator(atPath: library.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            let folder = path.contains("/") ? String(path.prefix { $0 != "/" }) : "Support"
            let text = try String(contentsOf: library.appendingPathComponent(path), encoding: .utf8)
            return (folder, path, codeOnly(text))
        }
    }

    /// The text without comments and string literals, so that only code names types.
    static func codeOnly(_ text: String) -> String {
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalars.starts(with: "//".unicodeScalars) {
                while let next = scalars.first, next != "\n" { scalars.removeFirst() }
            } else if scalars.starts(with: "/*".unicodeScalars) {
                while !scalars.isEmpty, !scalars.starts(with: "*/".unicodeScalars) { scalars.removeFirst() }
                scalars = scalars.dropFirst(2)
            } else if scalars.starts(with: "#\"\"\"".unicodeScalars) || scalars.starts(with: "\"\"\"".unicodeScalars) {
                let raw = scalar == "#"
                scalars = scalars.dropFirst(raw ? 4 : 3)
                let end = (raw ? "\"\"\"#" : "\"\"\"").unicodeScalars
                while !scalars.isEmpty, !scalars.starts(with: end) { scalars.removeFirst() }
                scalars = scalars.dropFirst(end.count)
                result += "\"\""
            } else if scalar == "\"" {
                scalars.removeFirst()
                while let next = scalars.first, next != "\"", next != "\n" {
                    scalars.removeFirst()
                    if next == "\\" { scalars = scalars.dropFirst() }
                }
                scalars = scalars.dropFirst()
                result += "\"\""
            } else {
                result.unicodeScalars.append(scalar)
                scalars.removeFirst()
            }
        }
        return result
    }

    /// The types declared at the top level of a file that other files can see (nested types
    /// are named through these; private ones belong to their file).
    static func declaredTypes(in code: String) -> [String] {
        let pattern = try! NSRegularExpression(
            pattern: #"^(?:public |package |internal )?(?:final )?(?:struct|enum|class|protocol|actor|typealias) +([A-Za-z_][A-Za-z0-9_]*)"#,
            options: [.anchorsMatchLines])
        let range = NSRange(code.startIndex..., in: code)
        return pattern.matches(in: code, range: range).compactMap { Range($0.range(at: 1), in: code).map { String(code[$0]) } }
    }

    @Test("every file lives in a known stage folder")
    func knownFolders() throws {
        let sources = try Self.sources()
        try #require(sources.count > 40, "the library's sources were not found")
        for source in sources {
            #expect(Self.layers[source.folder] != nil, "\(source.path) is in no stage folder")
        }
    }

    @Test("no file of a lower layer names a type of a higher one (or of a peer on its layer)")
    func dependenciesPointDown() throws {
        let sources = try Self.sources()
        var owner: [String: String] = [:]
        for source in sources {
            for type in Self.declaredTypes(in: source.code) { owner[type] = source.folder }
        }
        try #require(owner["JourneyChecker"] == "Check" && owner["Journey"] == "Model", "declarations were not found")
        let word = try NSRegularExpression(pattern: #"\b[A-Z][A-Za-z0-9_]*\b"#)
        var violations: [String] = []
        for source in sources {
            guard let layer = Self.layers[source.folder] else { continue }
            let code = source.code
            let names = Set(word.matches(in: code, range: NSRange(code.startIndex..., in: code))
                .compactMap { Range($0.range, in: code).map { String(code[$0]) } })
            for name in names.sorted() {
                guard let folder = owner[name], folder != source.folder, let other = Self.layers[folder] else { continue }
                if other >= layer { violations.append("\(source.path) names \(name) (\(folder))") }
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test("libxml2 is used by the XML importer only, and the library does no file I/O")
    func confinedImports() throws {
        for source in try Self.sources() {
            let imports = source.code.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
            if imports.contains("CLibXML2") {
                #expect(source.path.hasPrefix("Import/XML/"), "\(source.path) imports libxml2")
            }
            #expect(!imports.contains("Foundation"), "\(source.path) imports Foundation")
        }
    }
}
