/// The file formats a journey can be written in.
public enum JourneyFormat: String, Sendable, Hashable, CaseIterable {
    case json, xml

    /// The conventional file name ending, e.g. `.journey.json`.
    public var fileExtension: String { "journey.\(rawValue)" }

    /// The format a file name's extension names (`.json` or `.xml`), or `nil` for any other name.
    public static func named(by path: String) -> JourneyFormat? {
        let lowercased = path.lowercased()
        if lowercased.hasSuffix(".json") { return .json }
        if lowercased.hasSuffix(".xml") { return .xml }
        return nil
    }

    /// The format a file is in: by its extension, or by its first meaningful byte when the
    /// extension says neither (`<` for XML, anything else is read as JSON and reported as such).
    public static func detect(path: String, bytes: some Collection<UInt8>) -> JourneyFormat {
        if let named = named(by: path) { return named }
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        for (index, byte) in bytes.prefix(4096).enumerated() {
            if index < 3, byte == byteOrderMark[index] { continue }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "<"): return .xml
            default: return .json
            }
        }
        return .json
    }
}

/// Reads a journey in whichever format it is written.
public enum JourneyImporter {
    /// Reads a journey from a file's bytes; `format` defaults to `JourneyFormat.detect`.
    public static func importJourney(
        from bytes: [UInt8], path: String, format: JourneyFormat? = nil,
        validator: JourneyValidator = JourneyValidator()
    ) -> ImportedJourney {
        switch format ?? JourneyFormat.detect(path: path, bytes: bytes) {
        case .json:
            return JSONJourneyImporter.importJourney(from: bytes, path: path, validator: validator)
        case .xml:
            return XMLJourneyImporter.importJourney(from: bytes, path: path, validator: validator)
        }
    }
}
