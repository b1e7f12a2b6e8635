import JourneyKit

/// The portfolio part of `cjm check DIR`: once every file is checked, duplicate journey ids and
/// broken links between journeys are added to the reports of the files they concern.
enum PortfolioCheck {
    /// The reports, with the portfolio's additions: each directory named is one portfolio, of
    /// the journey files found below it; files named one by one belong to none.
    ///
    /// With `portfolio` (`--portfolio DIR`: the other valid journeys of DIR), every file checked
    /// is part of that one portfolio instead.
    static func adding(
        to checked: [(FileReport, Journey?)], directories: [String], portfolio: [(path: String, journey: Journey)]? = nil, analyzer: Analyzer
    ) -> [FileReport] {
        var reports = checked.map(\.0)
        var additions: [String: PortfolioLinks.Additions] = [:]
        if let portfolio {
            let journeys = checked.compactMap { report, journey in journey.map { (path: report.path, journey: $0) } } + portfolio
            additions = PortfolioLinks.check(journeys, analyzer: analyzer)
        }
        for directory in directories where portfolio == nil {
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

    /// What the portfolio's checks read of a checked journey: its id and where it starts, and
    /// the rest only when a touchpoint links to another journey (the links are then followed).
    ///
    /// Each worker keeps this instead of the whole journey, so that a batch's journeys are freed
    /// on the workers as they go rather than one after another once the last file is checked,
    /// and the checks across files do not copy them.
    static func member(_ journey: Journey) -> Journey {
        guard !journey.touchpoints.contains(where: { $0.journey != nil }) else { return journey }
        return Journey(id: journey.id, title: journey.title, location: journey.location)
    }

    /// The valid journeys below `directory` other than the files at `paths` (compared by real
    /// path), read with `checker`; their own problems are not this check's to report.
    static func members(of directory: String, besides paths: [String], checker: JourneyChecker, maxFileSize: Int) -> [(path: String, journey: Journey)] {
        let checked = Set(paths.map { CatalogResolver.realPath($0) ?? $0 })
        // Only their ids and links matter: read with the same catalogues, without analysis.
        var reader = JourneyChecker.validatingOnly
        reader.validator.catalogs = checker.validator.catalogs
        return JourneyFileWalker.journeyFiles(in: directory).compactMap { entry in
            guard case .file(let path) = entry, !checked.contains(CatalogResolver.realPath(path) ?? path),
                  case .success(let bytes) = InputFiles.read(path, maxSize: maxFileSize),
                  let journey = reader.check(bytes: bytes, path: path).journey else { return nil }
            return (path, member(journey))
        }
    }
}
