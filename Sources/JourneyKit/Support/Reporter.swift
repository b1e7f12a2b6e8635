/// Turns one kind of result — the files of a check, a comparison, a coverage matrix — into the
/// text of one output format. The `--format` values of a command are the ids of the reporters
/// registered for its kind of result (`ReportFormats`), so adding a format is adding a type.
public protocol Reporter<Subject>: Sendable {
    /// What this reporter prints.
    associatedtype Subject
    /// The `--format` value that selects this reporter, e.g. `sarif`.
    var id: String { get }
    /// The whole report, ready to print.
    func report(_ subject: Subject) -> String
}

/// What every reporter of a command is told about where its output goes.
public struct ReportStyle: Sendable, Hashable {
    /// Whether to colour the output (text reporters only, and only on a terminal).
    public var useColor: Bool

    /// A style; colour is off unless asked for.
    public init(useColor: Bool = false) {
        self.useColor = useColor
    }
}
