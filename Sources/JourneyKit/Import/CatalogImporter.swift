/// A catalogue read from a file, with everything found wrong with it.
public struct ImportedCatalog: Sendable {
    /// The catalogue, when the file is a valid one.
    public var catalog: Catalog?
    /// Problems found while reading and validating, located in the catalogue's file.
    public var diagnostics: [Diagnostic]
    /// The catalogue in the journey shape the canonical writers take (no stages), for `fmt`.
    public var document: Journey?
    /// The comments of an XML file.
    public var comments: XMLComments
}

/// Reads catalogue files (`NAME.catalog.json`, `NAME.catalog.xml`) with the journey importers:
/// a catalogue is a journey's `id`, `title`, `description`, personas and channels, and nothing
/// else, so it gets exactly the same reading, validation and messages.
public enum CatalogImporter {
    /// The file name endings of catalogues.
    public static let suffixes = [".catalog.json", ".catalog.xml"]

    /// Whether `path` names a catalogue file.
    public static func isCatalogPath(_ path: String) -> Bool {
        suffixes.contains { path.hasSuffix($0) }
    }

    /// Reads a catalogue from a file's bytes; `format` defaults to `JourneyFormat.detect`.
    public static func importCatalog(from bytes: [UInt8], path: String, format: JourneyFormat? = nil) -> ImportedCatalog {
        let validator = JourneyValidator()
        let imported: ImportedJourney
        var isCatalogRoot = true
        switch format ?? JourneyFormat.detect(path: path, bytes: bytes) {
        case .json:
            imported = JSONJourneyImporter.importJourney(from: bytes, path: path, validator: validator)
        case .xml:
            (imported, isCatalogRoot) = XMLJourneyImporter.importDocument(from: bytes, path: path, validator: validator)
        }
        var diagnostics = imported.diagnostics
        guard let document = imported.journey else {
            return ImportedCatalog(catalog: nil, diagnostics: diagnostics, document: nil, comments: imported.comments)
        }
        let location = document.location ?? SourceLocation(file: path, line: 1, column: 1)
        if !isCatalogRoot {
            diagnostics.append(.error("a catalogue's root element is <catalog>, not <journey>", at: location,
                                      hint: "write <catalog xmlns=\"\(XMLJourneyImporter.namespace)\" id=\"…\" title=\"…\">"))
        }
        let extraFields = [
            ("lang", document.lang != nil), ("uses", !document.uses.isEmpty), ("audience", !document.audience.isEmpty),
            ("stages", !document.stages.isEmpty), ("scenarios", !document.scenarios.isEmpty), ("tags", !document.tags.isEmpty),
            ("properties", !document.properties.isEmpty), ("ignore", !document.ignore.isEmpty),
        ].filter(\.1).map(\.0)
        for field in extraFields {
            diagnostics.append(.error("a catalogue has no \"\(field)\"", at: location,
                                      hint: "a catalogue holds only id, title, description, personas and channels; move \"\(field)\" to a journey"))
        }
        diagnostics.sort()
        guard !diagnostics.containsErrors else {
            return ImportedCatalog(catalog: nil, diagnostics: diagnostics, document: document, comments: imported.comments)
        }
        let catalog = Catalog(id: document.id, title: document.title, description: document.description,
                              personas: document.personas, channels: document.channels, location: document.location)
        return ImportedCatalog(catalog: catalog, diagnostics: diagnostics, document: document, comments: imported.comments)
    }
}
