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
