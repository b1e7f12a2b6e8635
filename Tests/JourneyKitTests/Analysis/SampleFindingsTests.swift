import Foundation
import JourneyKit
import Testing

@Suite("Sample findings")
struct SampleFindingsTests {
    /// The check date of every sample report (`--as-of`), so that `stale-evidence` does not depend on today.
    static let checkDate = CalendarDate(year: 2026, month: 11, day: 29)

    /// `cjm check --as-of 2026-11-29`'s report of one sample, with the path relative to the repository as the CLI shows it.
    static func report(_ name: String, scenario: String? = nil) throws -> FileReport {
        let url = Paths.samples.appendingPathComponent("\(name).journey.json")
        return JourneyChecker(scenario: scenario, checkDate: checkDate).report(bytes: try Paths.bytes(url), path: Paths.relative(url))
    }

    /// `cjm check --all-scenarios --as-of 2026-11-29`'s reports of one sample.
    static func reportsForAllScenarios(_ name: String) throws -> [FileReport] {
        let url = Paths.samples.appendingPathComponent("\(name).journey.json")
        return JourneyChecker(checkDate: checkDate).reportsForAllScenarios(bytes: try Paths.bytes(url), path: Paths.relative(url))
    }

    /// Each finding as `rule severity role=id,role=id`.
    static func summary(_ report: FileReport) -> [String] {
        report.findings.map { finding in
            "\(finding.rule ?? "") \(finding.severity.rawValue) "
                + finding.references.keys.sorted().map { "\($0.rawValue)=\(finding.references[$0]!)" }.joined(separator: ",")
        }
    }

    @Test("tienda-whatsapp: the planned WhatsApp payments and templates, the unowned e-mail, María's gap in loyalty")
    func tiendaWhatsApp() throws {
        let report = try Self.report("tienda-whatsapp")
        #expect(report.isValid)
        #expect(Set(Self.summary(report)) == [
            "unowned-touchpoint warning touchpoint=enlace-email",
            "unowned-touchpoint warning touchpoint=aviso-envio",
            "unaddressed-pain info touchpoint=catalogo",
            "unserved-touchpoint warning touchpoint=pago-whatsapp",
            "unserved-touchpoint warning personas=maria,touchpoint=aviso-envio",
            "broken-handoff warning from=pago-bizum,touchpoint=recogida",
            "unmeasured-stage info stage=posventa",
            "channel-gap warning personas=maria,stage=fidelizacion",
            // Format 1.1: experiences, evidence and backstage steps.
            "unaddressed-pain info persona=montador,touchpoint=catalogo",
            "stale-evidence info persona=tecnico",
            "stale-evidence info touchpoint=entrega",
            "unevidenced-moment info touchpoint=garantia",
            "unsupported-touchpoint info touchpoint=resena",
            "unsupported-touchpoint info touchpoint=garantia",
        ])
        #expect(Self.summary(report).count == 14)
        // garantia is a dead end on purpose: its ignore list suppresses the finding.
        #expect(!report.findings.contains { $0.rule == "dead-end" })
        let unsuppressed = Analyzer().analyze(AnalyzedJourney(try #require(
            JSONJourneyImporter.importJourney(from: try Paths.bytes(Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json")),
                                              path: "t").journey?.withoutIgnoreLists)))
        #expect(unsuppressed.contains { $0.rule == "dead-end" && $0.references == [.touchpoint: "garantia"] })
        let payment = try #require(report.findings.first { $0.references == [.touchpoint: "pago-whatsapp"] })
        #expect(payment.message == "No one can reach \"Pago por WhatsApp\": its only channel, Pagos por WhatsApp, is planned")
    }

    @Test("law-firm-seo: the former client, the chat, the Facebook page, the fee guide, the form-to-e-mail switch, the consultation, the empty referral stage")
    func lawFirm() throws {
        let report = try Self.report("law-firm-seo")
        #expect(report.isValid)
        #expect(Set(Self.summary(report)) == [
            "unused-persona info persona=former-client",
            "unused-channel info channel=chat",
            "dead-end info touchpoint=facebook-page",
            "unaddressed-pain info touchpoint=facebook-page",
            "unowned-touchpoint warning touchpoint=facebook-page",
            "unreachable-touchpoint warning touchpoint=fee-guide",
            "broken-handoff warning from=contact-form,touchpoint=intake-email",
            "unaddressed-pain warning touchpoint=consultation",
            "empty-stage warning stage=advocate",
            // Format 1.1: evidence and backstage steps.
            "stale-evidence info persona=business-owner",
            "unevidenced-moment info touchpoint=consultation",
            "unsupported-touchpoint info touchpoint=engagement-letter",
        ])
        #expect(Self.summary(report).count == 12)
        // The former client's five channel gaps are suppressed by the persona's ignore list.
        #expect(!report.findings.contains { $0.rule == "channel-gap" })
    }

    @Test("minimal: only the pick-up's pain without an opportunity")
    func minimal() throws {
        #expect(Self.summary(try Self.report("minimal")) == ["unaddressed-pain info touchpoint=pick-up"])
    }

    @Test("law-firm-seo without ignore lists: the former client's gaps in the five stages with touchpoints")
    func lawFirmGapsWithoutIgnore() throws {
        let url = Paths.samples.appendingPathComponent("law-firm-seo.journey.json")
        let journey = try #require(JSONJourneyImporter.importJourney(from: try Paths.bytes(url), path: "l").journey)
        let gaps = Analyzer().analyze(journey.withoutIgnoreLists).filter { $0.rule == "channel-gap" }
        #expect(gaps.map(\.personaIDs) == Array(repeating: ["former-client"], count: 5))
        #expect(gaps.map { $0.references[.stage] ?? "" } == ["search", "evaluate", "contact", "consult", "engage"])
    }

    @Test("tienda-whatsapp in scenario con-api: WhatsApp payments reach Álex and María; the shipping notice reaches María")
    func tiendaWithAPI() throws {
        let asWritten = Set(Self.summary(try Self.report("tienda-whatsapp")))
        let withAPI = Set(Self.summary(try Self.report("tienda-whatsapp", scenario: "con-api")))
        #expect(asWritten.subtracting(withAPI) == [
            "unserved-touchpoint warning touchpoint=pago-whatsapp",
            "unserved-touchpoint warning personas=maria,touchpoint=aviso-envio",
        ])
        #expect(withAPI.subtracting(asWritten) == ["broken-handoff warning from=pago-whatsapp,touchpoint=recogida"])
    }

    @Test("the text report of tienda-whatsapp in all its scenarios matches its golden file")
    func allScenariosGolden() throws {
        let reports = try Self.reportsForAllScenarios("tienda-whatsapp")
        #expect(reports.map(\.scenario) == [nil, "con-api"])
        try Golden.assertMatches(TextReporter().report(reports), "findings/tienda-whatsapp.all-scenarios.txt")
    }

    static let samples = ["law-firm-seo", "minimal", "tienda-whatsapp"]

    @Test("the text report of each sample matches its golden file", arguments: samples)
    func textGolden(sample: String) throws {
        try Golden.assertMatches(TextReporter().report([try Self.report(sample)]), "findings/\(sample).txt")
    }

    @Test("the JSON report of each sample matches its golden file", arguments: samples)
    func jsonGolden(sample: String) throws {
        try Golden.assertMatches(JSONReporter().report([try Self.report(sample)]), "findings/\(sample).json")
    }

    @Test("the SARIF report of each sample matches its golden file", arguments: samples)
    func sarifGolden(sample: String) throws {
        try Golden.assertMatches(SARIFReporter().report([try Self.report(sample)]), "findings/\(sample).sarif")
    }
}

extension Journey {
    /// The same journey with every `ignore` list emptied, to see what they suppress.
    var withoutIgnoreLists: Journey {
        var copy = self
        copy.ignore = []
        for p in copy.personas.indices { copy.personas[p].ignore = [] }
        for c in copy.channels.indices { copy.channels[c].ignore = [] }
        for s in copy.stages.indices {
            copy.stages[s].ignore = []
            for t in copy.stages[s].touchpoints.indices { copy.stages[s].touchpoints[t].ignore = [] }
        }
        return copy
    }
}
