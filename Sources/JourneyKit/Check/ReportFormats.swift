/// The reporters of each kind of report, in the order `--help` lists them; the first is the
/// default. Commands take their `--format` values from here, so a new reporter is one line.
public enum ReportFormats {
    /// For `cjm check`: text, json, sarif.
    public static func check(_ style: ReportStyle = ReportStyle()) -> [any Reporter<[FileReport]>] {
        [TextReporter(useColor: style.useColor), JSONReporter(), SARIFReporter()]
    }

    /// For `cjm diff`: text, json, dot.
    public static func diff(_ style: ReportStyle = ReportStyle()) -> [any Reporter<JourneyComparison>] {
        [DiffTextReporter(useColor: style.useColor), DiffJSONReporter(), DiffDOTReporter()]
    }

    /// For `cjm matrix`: text (lines of at most `width` characters), markdown, csv.
    public static func matrix(_ style: ReportStyle = ReportStyle(), width: Int = 100) -> [any Reporter<CoverageMatrix>] {
        [MatrixTextReporter(width: width), MatrixMarkdownReporter(), MatrixCSVReporter()]
    }

    /// For `cjm portfolio`: text, json, markdown.
    public static func portfolio(_ style: ReportStyle = ReportStyle()) -> [any Reporter<PortfolioReport>] {
        [PortfolioTextReporter(), PortfolioJSONReporter(), PortfolioMarkdownReporter()]
    }

    /// For `cjm conform`: text, json, markdown.
    public static func conform(_ style: ReportStyle = ReportStyle()) -> [any Reporter<ConformanceReport>] {
        [ConformanceTextReporter(), ConformanceJSONReporter(), ConformanceMarkdownReporter()]
    }
}

extension Array {
    /// The reporter whose id is `id`, if one is registered.
    public func reporter<Subject>(_ id: String) -> (any Reporter<Subject>)? where Element == any Reporter<Subject> {
        first { $0.id == id }
    }
}
