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
        for (index, byte) in bytes.prefix(4096).enumerated() {
            if index < ByteOrderMark.utf8.count, byte == ByteOrderMark.utf8[index] { continue }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "<"): return .xml
            default: return .json
            }
        }
        return .json
    }
}
