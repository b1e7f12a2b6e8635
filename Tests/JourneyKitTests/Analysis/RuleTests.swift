import JourneyKit
import Testing

/// A small journey that no rule flags: two personas (Álex uses every channel, María only
/// WhatsApp), three channels (one planned), two stages linked by `next` on a shared channel.
/// Each test changes one thing and checks that exactly the expected finding appears.
enum CleanJourney {
    static var journey: Journey {
        Journey(
            id: "clean", title: "Clean",
            personas: [
                Persona(id: "alex", name: "Álex"),
                Persona(id: "maria", name: "María", channels: ["whatsapp"]),
            ],
            channels: [
                Channel(id: "web", name: "Website", kind: .web, owner: "marketing"),
                Channel(id: "whatsapp", name: "WhatsApp", kind: .messaging, owner: "sales"),
                Channel(id: "pay", name: "WhatsApp Payments", kind: .messaging, status: .planned, owner: "sales"),
            ],
            stages: [
                Stage(id: "find", name: "Find", touchpoints: [
                    Touchpoint(id: "ad", name: "Sees the ad", channels: ["web", "whatsapp"], next: ["chat"],
                               kpis: [.init(name: "Clicks")]),
                ]),
                Stage(id: "buy", name: "Buy", touchpoints: [
                    Touchpoint(id: "chat", name: "Orders in the chat", channels: ["whatsapp", "pay"],
                               kpis: [.init(name: "Orders")]),
                ]),
            ])
    }
}

/// The findings of one rule (after suppression), as the full analyser reports them.
func findings(_ rule: String, in journey: Journey, disabled: Set<String> = []) -> [Diagnostic] {
    Analyzer(disabled: disabled).analyze(journey).filter { $0.rule == rule }
}

/// The `refs` of each finding of `rule`, in order, as `role=id` lists.
func references(_ rule: String, in journey: Journey) -> [String] {
    findings(rule, in: journey).map { finding in
        finding.references.keys.sorted().map { "\($0.rawValue)=\(finding.references[$0]!)" }.joined(separator: ",")
    }
}

extension Journey {
    /// A copy with the touchpoint `id` changed; a test naming no touchpoint of the journey fails,
    /// rather than checking a journey it did not change.
    func changing(touchpoint id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                  _ change: (inout Touchpoint) -> Void) -> Journey {
        var copy = self
        var found = false
        for s in copy.stages.indices {
            for t in copy.stages[s].touchpoints.indices where copy.stages[s].touchpoints[t].id == id {
                change(&copy.stages[s].touchpoints[t])
                found = true
            }
        }
        if !found { Issue.record("journey \(self.id) has no touchpoint \(id)", sourceLocation: sourceLocation) }
        return copy
    }

    func changing(stage id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                  _ change: (inout Stage) -> Void) -> Journey {
        var copy = self
        let indices = copy.stages.indices.filter { copy.stages[$0].id == id }
        if indices.isEmpty { Issue.record("journey \(self.id) has no stage \(id)", sourceLocation: sourceLocation) }
        for s in indices { change(&copy.stages[s]) }
        return copy
    }

    func changing(channel id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                  _ change: (inout Channel) -> Void) -> Journey {
        var copy = self
        let indices = copy.channels.indices.filter { copy.channels[$0].id == id }
        if indices.isEmpty { Issue.record("journey \(self.id) has no channel \(id)", sourceLocation: sourceLocation) }
        for c in indices { change(&copy.channels[c]) }
        return copy
    }

    func changing(persona id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                  _ change: (inout Persona) -> Void) -> Journey {
        var copy = self
        let indices = copy.personas.indices.filter { copy.personas[$0].id == id }
        if indices.isEmpty { Issue.record("journey \(self.id) has no persona \(id)", sourceLocation: sourceLocation) }
        for p in indices { change(&copy.personas[p]) }
        return copy
    }
}

@Suite("Analyser rules")
struct RuleTests {
    let clean = CleanJourney.journey

    @Test("the clean journey has no findings at all")
    func cleanJourney() {
        #expect(Analyzer().analyze(clean) == [])
    }

    // MARK: unserved-touchpoint

    @Test("unserved-touchpoint: a touchpoint without channels")
    func unservedNoChannel() throws {
        let journey = clean.changing(touchpoint: "chat") { $0.channels = [] }
        #expect(references("unserved-touchpoint", in: journey) == ["touchpoint=chat"])
        let finding = try #require(findings("unserved-touchpoint", in: journey).first)
        #expect(finding.message == "No one can reach \"Orders in the chat\": it has no channel")
    }

    @Test("unserved-touchpoint: only planned channels, reported once without a persona")
    func unservedPlannedOnly() throws {
        let journey = clean.changing(touchpoint: "chat") { $0.channels = ["pay"] }
        #expect(references("unserved-touchpoint", in: journey) == ["touchpoint=chat"])
        let finding = try #require(findings("unserved-touchpoint", in: journey).first)
        #expect(finding.message == "No one can reach \"Orders in the chat\": its only channel, WhatsApp Payments, is planned")
        #expect(finding.severity == .warning)
    }

    @Test("unserved-touchpoint: a retired channel is not live either")
    func unservedRetired() {
        let journey = clean.changing(channel: "whatsapp") { $0.status = .retired }
            .changing(touchpoint: "ad") { $0.channels = ["web"] }
        #expect(findings("unserved-touchpoint", in: journey).filter { $0.references[.touchpoint] == "chat" }.map(\.message) == [
            "No one can reach \"Orders in the chat\": none of its channels is live (WhatsApp is retired and WhatsApp Payments is planned)",
        ])
    }

    @Test("unserved-touchpoint: a persona of the implicit audience who does not use the live channel")
    func unservedPersonaImplicitAudience() throws {
        let journey = clean.changing(touchpoint: "chat") { $0.channels = ["web"] }
        #expect(references("unserved-touchpoint", in: journey) == ["personas=maria,touchpoint=chat"])
        let finding = try #require(findings("unserved-touchpoint", in: journey).first)
        #expect(finding.message
            == "María cannot reach \"Orders in the chat\": Website is not one of their channels")
    }

    @Test("unserved-touchpoint: a persona with an empty channel list uses every channel")
    func unservedEmptyPersonaChannels() {
        let journey = clean.changing(touchpoint: "chat") { $0.channels = ["web"] }
            .changing(persona: "maria") { $0.channels = [] }
        #expect(findings("unserved-touchpoint", in: journey).isEmpty)
    }

    @Test("unserved-touchpoint: personas outside an explicit audience are not flagged")
    func unservedExplicitAudience() {
        let journey = clean.changing(touchpoint: "chat") {
            $0.channels = ["web"]
            $0.personas = ["alex"]
        }
        #expect(findings("unserved-touchpoint", in: journey).isEmpty)
        let aimedAtMaria = journey.changing(touchpoint: "chat") { $0.personas = ["maria"] }
        #expect(references("unserved-touchpoint", in: aimedAtMaria) == ["personas=maria,touchpoint=chat"])
    }

    // MARK: unowned-touchpoint

    @Test("unowned-touchpoint: no owner on the touchpoint or any of its channels")
    func unowned() throws {
        let journey = clean.changing(channel: "web") { $0.owner = nil }.changing(channel: "whatsapp") { $0.owner = nil }
        #expect(references("unowned-touchpoint", in: journey) == ["touchpoint=ad"])
        let finding = try #require(findings("unowned-touchpoint", in: journey).first)
        #expect(finding.message
            == "No one owns \"Sees the ad\": neither it nor its channels (Website and WhatsApp) have an owner")
        // One owned channel, or an owner on the touchpoint, is enough.
        #expect(findings("unowned-touchpoint", in: clean.changing(channel: "web") { $0.owner = nil }).isEmpty)
        #expect(findings("unowned-touchpoint", in: journey.changing(touchpoint: "ad") { $0.owner = "growth" }).isEmpty)
    }

    @Test("unowned-touchpoint: a touchpoint without owner and without channel")
    func unownedWithoutChannel() {
        let journey = clean.changing(touchpoint: "chat") { $0.channels = [] }
        #expect(findings("unowned-touchpoint", in: journey).map(\.message) == ["No one owns \"Orders in the chat\": it has no owner and no channel"])
    }

    // MARK: channel-gap

    @Test("channel-gap: no touchpoint of a stage reaches a persona; located at the stage")
    func channelGap() throws {
        let journey = clean.changing(touchpoint: "chat") { $0.channels = ["web"] }
        #expect(references("channel-gap", in: journey) == ["personas=maria,stage=buy"])
        let finding = try #require(findings("channel-gap", in: journey).first)
        #expect(finding.message == "No touchpoint of stage \"Buy\" reaches María")
    }

    @Test("channel-gap: a stage whose only touchpoint is on a planned channel is a gap for everyone")
    func channelGapPlanned() {
        let journey = clean.changing(touchpoint: "chat") { $0.channels = ["pay"] }
        // One finding for the stage, naming both personas in declaration order.
        #expect(references("channel-gap", in: journey) == ["personas=alex maria,stage=buy"])
    }

    @Test("channel-gap: another touchpoint of the stage that reaches the persona closes the gap; empty stages are not gaps")
    func channelGapClosed() {
        var journey = clean.changing(touchpoint: "chat") { $0.channels = ["web"] }.changing(stage: "buy") {
            $0.touchpoints.append(Touchpoint(id: "reply", name: "Gets a reply", channels: ["whatsapp"], personas: ["maria"]))
        }
        journey.stages.append(Stage(id: "later", name: "Later"))
        #expect(findings("channel-gap", in: journey).isEmpty)
    }

    // MARK: broken-handoff

    @Test("broken-handoff: consecutive touchpoints on different live channels without a handoff; located at the second")
    func brokenHandoff() throws {
        let journey = clean.changing(touchpoint: "ad") { $0.channels = ["web"] }
            .changing(touchpoint: "chat") { $0.personas = ["alex"] }
        #expect(references("broken-handoff", in: journey) == ["from=ad,touchpoint=chat"])
        let finding = try #require(findings("broken-handoff", in: journey).first)
        #expect(finding.message
            == "Customers going from \"Sees the ad\" to \"Orders in the chat\" must switch from Website to WhatsApp, and \"Orders in the chat\" has no handoff")
        let withHandoff = journey.changing(touchpoint: "chat") { $0.handoff = "The ad's pre-filled message" }
        #expect(findings("broken-handoff", in: withHandoff).isEmpty)
    }

    @Test("broken-handoff: a planned channel does not count as shared, and steps to touchpoints with no live channel are left out")
    func brokenHandoffPlanned() {
        let sharedOnlyPlanned = clean.changing(touchpoint: "ad") { $0.channels = ["web", "pay"] }
        #expect(references("broken-handoff", in: sharedOnlyPlanned) == ["from=ad,touchpoint=chat"])
        let nextNotLive = clean.changing(touchpoint: "ad") { $0.channels = ["web"] }
            .changing(touchpoint: "chat") { $0.channels = ["pay"] }
        #expect(findings("broken-handoff", in: nextNotLive).isEmpty)
    }

    @Test("broken-handoff: a step listed twice is reported once")
    func brokenHandoffDuplicateStep() {
        let journey = clean.changing(touchpoint: "ad") {
            $0.channels = ["web"]
            $0.next = ["chat", "chat"]
        }
        #expect(findings("broken-handoff", in: journey).count == 1)
    }

    // MARK: unreachable-touchpoint

    @Test("unreachable-touchpoint: no path of next leads to a touchpoint after the first stage")
    func unreachable() {
        let journey = clean.changing(stage: "buy") {
            $0.touchpoints.append(Touchpoint(id: "guide", name: "Reads the guide", channels: ["web"], next: ["chat"]))
        }
        #expect(references("unreachable-touchpoint", in: journey) == ["touchpoint=guide"])
        // Marked as an entry, or linked from a reachable touchpoint, it is reachable.
        #expect(findings("unreachable-touchpoint", in: journey.changing(touchpoint: "guide") { $0.entry = true }).isEmpty)
        #expect(findings("unreachable-touchpoint", in: journey.changing(touchpoint: "ad") { $0.next = ["chat", "guide"] }).isEmpty)
    }

    @Test("unreachable-touchpoint and dead-end: journeys without flows are not checked")
    func journeysWithoutFlows() {
        let journey = clean.changing(touchpoint: "ad") { $0.next = [] }.changing(stage: "buy") {
            $0.touchpoints.append(Touchpoint(id: "guide", name: "Reads the guide", channels: ["web"]))
        }
        #expect(findings("unreachable-touchpoint", in: journey).isEmpty)
        #expect(findings("dead-end", in: journey).isEmpty)
    }

    @Test("unreachable-touchpoint: the entries are the first stage that has touchpoints, not the first stage")
    func entriesSkipEmptyStages() {
        var journey = clean
        journey.stages.insert(Stage(id: "before", name: "Before"), at: 0)
        #expect(findings("unreachable-touchpoint", in: journey).isEmpty)
    }

    // MARK: dead-end

    @Test("dead-end: no next before the last stage that has touchpoints; info")
    func deadEnd() throws {
        var journey = clean.changing(stage: "find") {
            $0.touchpoints.append(Touchpoint(id: "leaflet", name: "Reads a leaflet", channels: ["web"]))
        }
        #expect(references("dead-end", in: journey) == ["touchpoint=leaflet"])
        let finding = try #require(findings("dead-end", in: journey).first)
        #expect(finding.severity == .info)
        // An empty stage after the last one with touchpoints does not make the last touchpoint a dead end.
        journey.stages.append(Stage(id: "refer", name: "Refer"))
        #expect(references("dead-end", in: journey) == ["touchpoint=leaflet"])
    }

    // MARK: empty-stage, unused-channel, unused-persona, unmeasured-stage

    @Test("empty-stage: a stage without touchpoints")
    func emptyStage() throws {
        var journey = clean
        journey.stages.append(Stage(id: "refer", name: "Refer"))
        #expect(references("empty-stage", in: journey) == ["stage=refer"])
        let finding = try #require(findings("empty-stage", in: journey).first)
        #expect(finding.severity == .warning)
    }

    @Test("unused-channel: a channel no touchpoint lists, even a planned one")
    func unusedChannel() throws {
        var journey = clean
        journey.channels.append(Channel(id: "chat", name: "Live chat", status: .planned, owner: "sales"))
        #expect(references("unused-channel", in: journey) == ["channel=chat"])
        let finding = try #require(findings("unused-channel", in: journey).first)
        #expect(finding.severity == .info)
    }

    @Test("unused-persona: only when every touchpoint names its audience and none names the persona")
    func unusedPersona() {
        let explicit = clean.changing(touchpoint: "ad") { $0.personas = ["alex"] }.changing(touchpoint: "chat") { $0.personas = ["alex"] }
        #expect(references("unused-persona", in: explicit) == ["persona=maria"])
        let oneImplicit = clean.changing(touchpoint: "ad") { $0.personas = ["alex"] }
        #expect(findings("unused-persona", in: oneImplicit).isEmpty)
    }

    @Test("unmeasured-stage: a stage whose touchpoints have no KPI; empty stages are not unmeasured")
    func unmeasuredStage() throws {
        var journey = clean.changing(touchpoint: "chat") { $0.kpis = [] }
        journey.stages.append(Stage(id: "refer", name: "Refer"))
        #expect(references("unmeasured-stage", in: journey) == ["stage=buy"])
        let finding = try #require(findings("unmeasured-stage", in: journey).first)
        #expect(finding.severity == .info)
    }

    // MARK: unaddressed-pain

    @Test("unaddressed-pain: a pain or emotion ≤ -1 without opportunity is info; warning on a moment of truth")
    func unaddressedPain() throws {
        let pain = clean.changing(touchpoint: "chat") { $0.pains = ["Waits for an answer"] }
        #expect(findings("unaddressed-pain", in: pain).map(\.severity) == [.info])
        let painFinding = try #require(findings("unaddressed-pain", in: pain).first)
        #expect(painFinding.message == "\"Orders in the chat\" has a pain but no opportunity")
        let unhappy = clean.changing(touchpoint: "chat") { $0.emotion = -1 }
        #expect(references("unaddressed-pain", in: unhappy) == ["touchpoint=chat"])
        let neutral = clean.changing(touchpoint: "chat") { $0.emotion = 0 }
        #expect(findings("unaddressed-pain", in: neutral).isEmpty)
        let momentOfTruth = pain.changing(touchpoint: "chat") { $0.momentOfTruth = true; $0.emotion = -2 }
        #expect(findings("unaddressed-pain", in: momentOfTruth).map(\.severity) == [.warning])
        let momentOfTruthFinding = try #require(findings("unaddressed-pain", in: momentOfTruth).first)
        #expect(momentOfTruthFinding.message
            == "\"Orders in the chat\" has a pain and emotion -2 but no opportunity, and it is a moment of truth")
        let addressed = momentOfTruth.changing(touchpoint: "chat") { $0.opportunities = ["Answer within an hour"] }
        #expect(findings("unaddressed-pain", in: addressed).isEmpty)
    }
}
