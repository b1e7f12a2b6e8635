/// Reads journeys in the XML format (version 1, namespace `urn:cjm:journey:1`) with libxml2's
/// streaming reader, validating against the embedded `schema/journey.xsd` as it goes, and
/// reporting every problem with its line and column.
///
/// Safe by default: a file with a `<!DOCTYPE` is refused before libxml2 sees it, so no DTD,
/// external entity or entity expansion is ever processed; the network is off; XInclude is
/// not processed (an `xi:include` element is just an unknown element). The reader never
/// reads anything but the bytes it is given.
public enum XMLJourneyImporter {
    /// The namespace of every element of an XML journey.
    public static let namespace = "urn:cjm:journey:1"

    /// Reads a journey from UTF-8 XML bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - path: The path used in diagnostics.
    ///   - validator: The id and reference checks to run after reading.
    public static func importJourney(
        from bytes: some Collection<UInt8>, path: String, validator: JourneyValidator = JourneyValidator()
    ) -> ImportedJourney {
        importJourney(from: bytes, path: path, validator: validator, readUpTo: nil)
    }

    /// Reads a journey from bytes the caller keeps, such as a file mapped into memory, telling
    /// `readUpTo` every megabyte or so the offset libxml2 has read up to, less a margin for the
    /// element being read (whose attributes are read where written).
    ///
    /// Bytes before that offset are looked at again only to place an error, so a caller whose
    /// bytes can be read back (a file mapping's pages are, from the file) may let the system drop
    /// them: the file is then not all in memory beside the journey it became.
    public static func importJourney(
        from buffer: UnsafeBufferPointer<UInt8>, path: String, validator: JourneyValidator = JourneyValidator(),
        readUpTo: @escaping (Int) -> Void
    ) -> ImportedJourney {
        importJourney(from: buffer, path: path, validator: validator, readUpTo: Optional(readUpTo))
    }

    private static func importJourney(
        from bytes: some Collection<UInt8>, path: String, validator: JourneyValidator, readUpTo: ((Int) -> Void)?
    ) -> ImportedJourney {
        let (imported, isCatalog) = importDocument(from: bytes, path: path, validator: validator, readUpTo: readUpTo)
        guard isCatalog, let location = imported.journey?.location else { return imported }
        return ImportedJourney(
            journey: nil,
            diagnostics: (imported.diagnostics + [.error("this is a catalogue (<catalog>), not a journey", at: location,
                                                          hint: "name it NAME.catalog.xml and list it in a journey's <uses href=\"…\"/>")]).sorted(),
            sourceMap: imported.sourceMap)
    }

    /// Reads a journey or (root element `<catalog>`) a catalogue, saying which it was.
    static func importDocument(
        from bytes: some Collection<UInt8>, path: String, validator: JourneyValidator, readUpTo: ((Int) -> Void)? = nil
    ) -> (ImportedJourney, isCatalog: Bool) {
        let run: (UnsafeBufferPointer<UInt8>) -> (ImportedJourney, isCatalog: Bool) = { buffer in
            var (imported, isCatalog) = read(buffer, path: path, readUpTo: readUpTo)
            // Validated once the reader is gone: its line table and id tables are not kept
            // beside the whole journey, its source map and the file, the peak of the import;
            // only then is the source map trimmed, which copies it.
            imported.sourceMap.shrinkToFit()
            if let journey = imported.journey {
                imported.diagnostics = (imported.diagnostics + validator.validate(journey, sourceMap: imported.sourceMap)).sorted()
            }
            return (imported, isCatalog)
        }
        // XML reads a lone CR (old Mac line ends) as a line break, but libxml2 counts lines by LF
        // only; a CR turned into an LF reads the same and keeps every offset, so lines agree.
        if containsLoneCarriageReturn(bytes) {
            var normalized = Array(bytes)
            for index in normalized.indices where normalized[index] == 0x0D
                && (index + 1 == normalized.count || normalized[index + 1] != 0x0A) {
                normalized[index] = 0x0A
            }
            return normalized.withUnsafeBufferPointer(run)
        }
        if let result = bytes.withContiguousStorageIfAvailable(run) { return result }
        return Array(bytes).withUnsafeBufferPointer(run)
    }

    /// The journey as read, before validation.
    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, path: String, readUpTo: ((Int) -> Void)?) -> (ImportedJourney, isCatalog: Bool) {
        var reader = XMLJourneyReader(source: XMLSourceText(bytes: buffer, file: path))
        reader.readUpTo = readUpTo
        let imported = reader.read()
        return (imported, reader.isCatalog)
    }

    private static func containsLoneCarriageReturn(_ bytes: some Collection<UInt8>) -> Bool {
        // Most files have no carriage return at all, found eight bytes at a time.
        if bytes.withContiguousStorageIfAvailable({ ByteSearch.firstIndex(of: 0x0D, in: $0, from: 0) == nil }) == true { return false }
        var previousWasCarriageReturn = false
        for byte in bytes {
            if previousWasCarriageReturn, byte != 0x0A { return true }
            previousWasCarriageReturn = byte == 0x0D
        }
        return previousWasCarriageReturn
    }
}
