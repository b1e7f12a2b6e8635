@testable import cjm_bench
import JourneyKit
import Testing

@Suite("cjm-bench synthetic journeys")
struct SyntheticJourneyTests {
    @Test("a synthetic journey has the asked size, is valid, the same on every call, and reads back from both formats")
    func syntheticJourney() throws {
        let journey = SyntheticJourney.make(touchpoints: 500)
        #expect(journey == SyntheticJourney.make(touchpoints: 500))
        #expect(journey.stages.reduce(0) { $0 + $1.touchpoints.count } == 500)
        #expect(journey.personas.count == 12)
        #expect(journey.channels.count == 24)
        #expect(journey.stages.count == 2)
        #expect(journey.stages.flatMap(\.touchpoints).contains { $0.next.count == 2 })
        #expect(JourneyValidator().validate(journey).isEmpty)
        // Realistic: some findings, far fewer than touchpoints.
        let findings = Analyzer().analyze(journey)
        #expect(!findings.isEmpty)
        #expect(findings.count < 200, "\(findings.count) findings")
        for format in JourneyFormat.allCases {
            let text = try JourneyWriter.write(journey, as: format)
            let imported = JourneyImporter.importJourney(from: Array(text.utf8), path: "synthetic.\(format.fileExtension)", format: format)
            #expect(imported.isValid, "\(format): \(imported.diagnostics.prefix(3))")
            #expect(imported.journey == journey)
        }
    }
}
