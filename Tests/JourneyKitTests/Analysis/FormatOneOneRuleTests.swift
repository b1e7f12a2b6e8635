import JourneyKit
import Testing

/// The rules of journey format 1.1 (issue 12): experiences in `unaddressed-pain`,
/// `unevidenced-moment`, `stale-evidence` and `unsupported-touchpoint`, with suppression.
@Suite("Rules on experiences, evidence and backstage steps")
struct FormatOneOneRuleTests {
    let clean = CleanJourney.journey

    /// The findings of `rule` with a check date.
    func found(_ rule: String, in journey: Journey, on date: CalendarDate?) -> [Diagnostic] {
        Analyzer().analyze(AnalyzedJourney(journey, checkDate: date)).filter { $0.rule == rule }
    }

    static let march2026 = CalendarDate(year: 2026, month: 3, day: 14)

    @Test("the clean journey has no finding of the new rules, with or without a check date")
    func cleanBaseline() {
        for rule in [UnevidencedMomentRule.id, StaleEvidenceRule.id, UnsupportedTouchpointRule.id, UnaddressedPainRule.id] {
            #expect(found(rule, in: clean, on: Self.march2026).isEmpty, "\(rule)")
            #expect(found(rule, in: clean, on: nil).isEmpty, "\(rule)")
        }
    }

    // MARK: unaddressed-pain and experiences

    @Test("one finding per touchpoint for its own pains and one per unhappy experience, the latter naming the persona")
    func experiencePains() {
        let journey = clean.changing(touchpoint: "chat") {
            $0.pains = ["Slow answers"]
            $0.experiences = [
                Experience(persona: "maria", emotion: -2),
                Experience(persona: "alex", emotion: 1, quote: "Fine for me"),
            ]
        }
        #expect(Set(references("unaddressed-pain", in: journey)) == ["touchpoint=chat", "persona=maria,touchpoint=chat"])
        #expect(references("unaddressed-pain", in: journey).count == 2)
        let messages = findings("unaddressed-pain", in: journey).map(\.message)
        #expect(messages.contains { $0.contains("\"María\" has emotion -2 at \"Orders in the chat\"") })
    }

    @Test("an experience's pain alone is enough; an opportunity on the touchpoint answers all of them")
    func experienceWithoutTouchpointPain() {
        let hurt = clean.changing(touchpoint: "chat") { $0.experiences = [Experience(persona: "alex", pains: ["No receipt"])] }
        #expect(references("unaddressed-pain", in: hurt) == ["persona=alex,touchpoint=chat"])
        let answered = hurt.changing(touchpoint: "chat") { $0.opportunities = ["Send a receipt"] }
        #expect(findings("unaddressed-pain", in: answered).isEmpty)
    }

    @Test("an experience on a moment of truth is a warning, like the touchpoint's own finding")
    func experienceOnMomentOfTruth() throws {
        let journey = clean.changing(touchpoint: "chat") {
            $0.momentOfTruth = true
            $0.evidence = [Evidence(kind: .interview, source: "Interviews")]
            $0.experiences = [Experience(persona: "alex", emotion: -1)]
        }
        let finding = try #require(findings("unaddressed-pain", in: journey).first)
        #expect(finding.severity == .warning)
    }

    @Test("ignore on the persona suppresses its experience's finding but not the touchpoint's own")
    func experienceSuppression() {
        let journey = clean.changing(touchpoint: "chat") {
            $0.pains = ["Slow answers"]
            $0.experiences = [Experience(persona: "maria", emotion: -2)]
        }.changing(persona: "maria") { $0.ignore = ["unaddressed-pain"] }
        #expect(references("unaddressed-pain", in: journey) == ["touchpoint=chat"])
    }

    // MARK: unevidenced-moment

    @Test("a moment of truth with no evidence or only assumptions is flagged; any other kind of evidence answers it")
    func unevidenced() {
        let bare = clean.changing(touchpoint: "chat") { $0.momentOfTruth = true }
        #expect(references("unevidenced-moment", in: bare) == ["touchpoint=chat"])
        let assumed = bare.changing(touchpoint: "chat") { $0.evidence = [Evidence(kind: .assumption, source: "The owner")] }
        #expect(references("unevidenced-moment", in: assumed) == ["touchpoint=chat"])
        for kind in Evidence.Kind.allCases where kind != .assumption {
            let backed = assumed.changing(touchpoint: "chat") { $0.evidence.append(Evidence(kind: kind, source: "Research")) }
            #expect(findings("unevidenced-moment", in: backed).isEmpty, "\(kind)")
        }
        // Evidence on a touchpoint that is not a moment of truth is never required.
        #expect(findings("unevidenced-moment", in: clean).isEmpty)
    }

    @Test("unevidenced-moment is suppressed by ignore on the touchpoint and by --disable")
    func unevidencedSuppression() {
        let bare = clean.changing(touchpoint: "chat") { $0.momentOfTruth = true }
        #expect(findings("unevidenced-moment", in: bare.changing(touchpoint: "chat") { $0.ignore = ["unevidenced-moment"] }).isEmpty)
        #expect(findings("unevidenced-moment", in: bare, disabled: ["unevidenced-moment"]).isEmpty)
    }

    // MARK: stale-evidence

    @Test("stale means the newest dated evidence is more than 18 months before the check date, to the day")
    func staleBoundary() throws {
        func journey(_ dates: [String?]) -> Journey {
            clean.changing(touchpoint: "chat") { touchpoint in
                touchpoint.evidence = dates.map { Evidence(kind: .analytics, source: "Dashboard", date: $0.flatMap(CalendarDate.init)) }
            }
        }
        let checkDate = try #require(CalendarDate("2026-03-14"))
        #expect(found("stale-evidence", in: journey(["2024-09-14"]), on: checkDate).isEmpty, "exactly 18 months is not more")
        #expect(found("stale-evidence", in: journey(["2024-09-13"]), on: checkDate).count == 1)
        #expect(found("stale-evidence", in: journey(["2024-09-13", "2025-01-01"]), on: checkDate).isEmpty, "the newest counts")
        #expect(found("stale-evidence", in: journey([nil]), on: checkDate).isEmpty, "undated evidence is not counted")
        #expect(found("stale-evidence", in: journey(["2020-01-01"]), on: nil).isEmpty, "no check date, no finding")
        // Months of different lengths: 2024-08-31 plus 18 months is 2026-02-28.
        let end = try #require(CalendarDate("2026-02-28"))
        #expect(found("stale-evidence", in: journey(["2024-08-31"]), on: end).isEmpty)
        #expect(found("stale-evidence", in: journey(["2024-08-31"]), on: CalendarDate("2026-03-01")).count == 1)
    }

    @Test("stale-evidence names the persona or the touchpoint, and ignore on either suppresses it")
    func staleReferencesAndSuppression() throws {
        let old = [Evidence(kind: .interview, source: "Interviews", date: CalendarDate("2023-05-02"))]
        let journey = clean.changing(persona: "alex") { $0.evidence = old }.changing(touchpoint: "ad") { $0.evidence = old }
        let stale = found("stale-evidence", in: journey, on: Self.march2026)
        #expect(stale.map { $0.references } == [[.persona: "alex"], [.touchpoint: "ad"]]
                || stale.map { $0.references } == [[.touchpoint: "ad"], [.persona: "alex"]])
        let message = try #require(stale.first?.message)
        #expect(message.contains("2023-05-02") && message.contains("2026-03-14"))
        let quiet = journey.changing(persona: "alex") { $0.ignore = ["stale-evidence"] }
            .changing(touchpoint: "ad") { $0.ignore = ["stale-evidence"] }
        #expect(found("stale-evidence", in: quiet, on: Self.march2026).isEmpty)
    }

    // MARK: unsupported-touchpoint

    @Test("only journeys with backstage steps are checked; moments of truth and business-initiated touchpoints need one")
    func unsupported() {
        let important = clean.changing(touchpoint: "ad") { $0.initiator = .business }
            .changing(touchpoint: "chat") { $0.momentOfTruth = true }
        #expect(findings("unsupported-touchpoint", in: important).isEmpty, "no backstage anywhere: the rule is silent")
        var withStep = important
        withStep.stages.append(Stage(id: "after", name: "After", touchpoints: [
            Touchpoint(id: "ship", name: "Gets the parcel", channels: ["web"], kpis: [.init(name: "On time")],
                       backstage: [BackstageStep(name: "Packs the order", owner: "warehouse")]),
        ]))
        #expect(references("unsupported-touchpoint", in: withStep).sorted() == ["touchpoint=ad", "touchpoint=chat"])
        let supported = withStep.changing(touchpoint: "ad") { $0.backstage = [BackstageStep(name: "Plans the campaign", lane: .support)] }
        #expect(references("unsupported-touchpoint", in: supported) == ["touchpoint=chat"])
        #expect(findings("unsupported-touchpoint", in: supported.changing(touchpoint: "chat") { $0.ignore = ["unsupported-touchpoint"] }).isEmpty)
    }
}
