/// Reads a journey in whichever format it is written.
public enum JourneyImporter {
    /// Bytes read between two calls of a reader's `readUpTo` (JSON and XML alike): often enough
    /// that a large file's pages leave memory as it is read, rarely enough to cost nothing.
    static let readReportStep = 1 << 20

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

    /// Reads a journey from bytes the caller keeps, such as a mapped file; the reader tells
    /// `readUpTo` how far it has read, so that the caller can let the pages before go (see
    /// `JSONJourneyImporter.importJourney(from:path:validator:readUpTo:)`).
    public static func importJourney(
        from buffer: UnsafeBufferPointer<UInt8>, path: String, format: JourneyFormat? = nil,
        validator: JourneyValidator = JourneyValidator(), readUpTo: @escaping (Int) -> Void
    ) -> ImportedJourney {
        switch format ?? JourneyFormat.detect(path: path, bytes: buffer) {
        case .json:
            return JSONJourneyImporter.importJourney(from: buffer, path: path, validator: validator, readUpTo: readUpTo)
        case .xml:
            return XMLJourneyImporter.importJourney(from: buffer, path: path, validator: validator, readUpTo: readUpTo)
        }
    }
}
