import JourneyKit

/// The portfolio part of `cjm check DIR`: once every file is checked, duplicate journey ids and
/// broken links between journeys are added to the reports of the files they concern.
enum PortfolioCheck {
    /// The reports, with the portfolio's additions: each directory named is one portfolio, of
    /// the journey files found below it; files named one by one belong to none.
    static func adding(to checked: [(FileReport, Journey?)], directories: [String], analyzer: Analyzer) -> [FileReport] {
        var reports = checked.map(\.0)
        var additions: [String: PortfolioLinks.Additions] = [:]
        for directory in directories {
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            let journeys = checked.compactMap { report, journey in
                report.path.hasPrefix(prefix) ? journey.map { (path: report.path, journey: $0) } : nil
            }
            additions.merge(PortfolioLinks.check(journeys, analyzer: analyzer)) { first, _ in first }
        }
        for index in reports.indices {
            guard let added = additions[reports[index].path] else { continue }
            reports[index].diagnostics = (reports[index].diagnostics + added.diagnostics).sorted()
            reports[index].findings = (reports[index].findings + added.findings).sorted()
            if !added.diagnostics.isEmpty { reports[index].findings = [] }
        }
        return reports
    }
}
