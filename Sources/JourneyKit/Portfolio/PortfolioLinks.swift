/// The checks that need every journey of a portfolio at once: two files defining the same
/// journey id, and links (`journey` on a touchpoint) to a journey no file defines.
///
/// They run after each file was checked on its own, so that checking a directory still reads
/// each file once.
public enum PortfolioLinks {
    /// What the portfolio adds to one file's report.
    public struct Additions: Sendable, Hashable {
        /// Errors: the file's journey id is defined by another file too.
        public var diagnostics: [Diagnostic] = []
        /// `broken-journey-link` findings, after the journey's `ignore` lists.
        public var findings: [Diagnostic] = []
    }

    /// The additions for each file path of `journeys` (valid, resolved journeys) that has any;
    /// links are followed only when `analyzer` runs `broken-journey-link`.
    public static func check(_ journeys: [(path: String, journey: Journey)], analyzer: Analyzer) -> [String: Additions] {
        var additions: [String: Additions] = [:]
        var pathsByID: [String: [Int]] = [:]
        // By index, not `for entry in journeys`: iterating would copy each journey.
        for index in journeys.indices { pathsByID[journeys[index].journey.id, default: []].append(index) }
        for (id, indices) in pathsByID where indices.count > 1 {
            // Each file's error names every other file of the group: each place is worded once.
            // As bytes: `joined` ran unspecialised, `String.append` checks each seam for a
            // grapheme boundary and appending a UTF8View goes byte by byte; copying arrays of
            // bytes is a memcpy. This tail runs after the parallel part of `cjm check --jobs N`,
            // and in a batch of 6 samples copied each message names 33 places.
            let places = indices.map { index in
                Array((journeys[index].journey.location.map { "\($0.file):\($0.line):\($0.column)" } ?? journeys[index].path).utf8)
            }
            let length = places.reduce(0) { $0 + $1.count + 2 }
            for (position, index) in indices.enumerated() {
                // Every place but the file's own.
                var others: [UInt8] = []
                others.reserveCapacity(length)
                let first = position == 0 ? 1 : 0
                for (otherPosition, place) in places.enumerated() where otherPosition != position {
                    if otherPosition != first {
                        others.append(UInt8(ascii: ","))
                        others.append(UInt8(ascii: " "))
                    }
                    others.append(contentsOf: place)
                }
                let location = journeys[index].journey.location ?? SourceLocation(file: journeys[index].path, line: 1, column: 1)
                additions[journeys[index].path, default: Additions()].diagnostics.append(.error(
                    "journey id \"\(id)\" is defined by another file of the portfolio too: \(String(decoding: others, as: UTF8.self))", at: location,
                    hint: "each journey of a portfolio needs its own id; rename one of them"))
            }
        }
        guard analyzer.rules.contains(where: { $0.id == BrokenJourneyLinkRule.id }) else { return additions }
        let known = Set(pathsByID.keys)
        let links = Analyzer(rules: [BrokenJourneyLinkRule()], severities: analyzer.severities)
        for index in journeys.indices where journeys[index].journey.touchpoints.contains(where: { $0.journey != nil }) {
            let findings = links.analyze(AnalyzedJourney(journeys[index].journey, portfolioJourneyIDs: known))
            if !findings.isEmpty { additions[journeys[index].path, default: Additions()].findings += findings }
        }
        return additions
    }
}
