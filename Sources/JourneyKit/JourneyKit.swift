/// JourneyKit models customer journeys (personas, channels, stages and touchpoints), reads
/// them from JSON and XML files with precise diagnostics, analyses them and exports them.
public enum JourneyKit {
    /// The version of JourneyKit and of the `cjm` tool.
    public static let version = "0.1.0"
}
