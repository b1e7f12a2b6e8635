extension JourneyChecker {
    /// One file for the HTML report: checked through this pipeline, with the findings of each of
    /// the journey's scenarios for the page's scenario switcher.
    public func reported(bytes: consuming [UInt8], path: String, key: String? = nil, format: JourneyFormat? = nil) -> ReportedJourney {
        let checked = check(bytes: bytes, path: path, format: format)
        guard let journey = checked.journey else {
            return ReportedJourney(path: path, key: key, journey: nil, diagnostics: checked.report.diagnostics)
        }
        var scenarioFindings: [String: [Diagnostic]] = [:]
        for scenario in journey.scenarios {
            scenarioFindings[scenario.id] = analyzer.analyze(AnalyzedJourney(journey.applying(scenario), kpiReadings: checked.kpiReadings))
        }
        var reported = ReportedJourney(path: path, key: key, journey: journey, diagnostics: checked.report.diagnostics,
                                       findings: checked.findings, scenarioFindings: scenarioFindings)
        reported.kpiReadings = checked.kpiReadings
        return reported
    }
}
