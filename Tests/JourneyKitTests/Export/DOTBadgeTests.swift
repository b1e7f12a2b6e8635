import JourneyKit
import Testing

/// Issue 16, items 1–3: findings shown per persona, whom an unserved touchpoint misses, and
/// touchpoints on planned or retired channels.
@Suite("DOT views: persona findings, unserved badges, channels not live")
struct DOTBadgeTests {
    static let journey = Journey(
        id: "intake", title: "Intake",
        personas: [Persona(id: "lucia", name: "Lucía", channels: ["whatsapp"]), Persona(id: "alex", name: "Álex"),
                   Persona(id: "ramon", name: "Ramón", channels: ["phone", "web"])],
        channels: [
            Channel(id: "whatsapp", name: "WhatsApp Business", kind: .messaging),
            Channel(id: "email", name: "E-mail", kind: .email),
            Channel(id: "wa-api", name: "WhatsApp Business API", kind: .messaging, status: .planned),
            Channel(id: "phone", name: "Phone", kind: .phone),
            Channel(id: "web", name: "Web form", kind: .web),
        ],
        stages: [Stage(id: "intake", name: "Intake", touchpoints: [
            Touchpoint(id: "notice", name: "Gets the notice", channels: ["email", "wa-api"], personas: ["lucia", "alex"], next: ["pay"]),
            Touchpoint(id: "pay", name: "Pays in the chat", channels: ["wa-api"]),
            Touchpoint(id: "call", name: "Calls reception", channels: ["phone"], personas: ["ramon"], next: ["form"]),
            Touchpoint(id: "form", name: "Fills in the form", channels: ["web", "whatsapp"]),
        ])])

    static func dot(_ view: DOTExporter.View, persona: String? = nil, journey: Journey = journey) -> String {
        DOTExporter(view: view, persona: persona).export(journey, findings: Analyzer().analyze(journey))
    }

    static func count(_ text: String, in dot: String) -> Int { dot.components(separatedBy: text).count - 1 }

    @Test("a persona view does not show a broken handoff from a touchpoint that is not for the persona")
    func personaFindings() throws {
        let findings = Analyzer().analyze(Self.journey)
        let handoff = findings.filter { $0.rule == BrokenHandoffRule.id && $0.references[.from] == "call" }
        #expect(handoff.count == 1, "the fixture needs a broken handoff from Ramón's call")
        #expect(Self.dot(.flow).contains("\"call\" -> \"form\" [color=\"#c62828\""))
        // Lucía does not see Ramón's call, nor its broken handoff as a badge on the form.
        let lucia = Self.dot(.flow, persona: "lucia")
        #expect(!lucia.contains("\"call\""))
        #expect(!lucia.contains("broken handoff"), "\(lucia)")
        #expect(Self.dot(.flow, persona: "ramon").contains("\"call\" -> \"form\" [color=\"#c62828\""))
        #expect(try !MermaidJourneyWriter.markdown(Self.journey, findings: findings, persona: "lucia").contains("broken-handoff"))
        #expect(try MermaidJourneyWriter.markdown(Self.journey, findings: findings, persona: "ramon").contains("broken-handoff"))
    }

    @Test("the unserved badge names whom the touchpoint misses, or says nobody can reach it, on flow and matrix")
    func unservedNamesPersonas() {
        for view in DOTExporter.View.allCases {
            let dot = Self.dot(view)
            #expect(dot.contains("⚠ unserved: Lucía"), "\(view)")
            #expect(dot.contains("⚠ nobody can reach it"), "\(view)")
            #expect(!dot.contains("⚠ unserved</B>"), "\(view)")
        }
        var spanish = Self.journey
        spanish.lang = "es"
        #expect(Self.dot(.flow, journey: spanish).contains("⚠ sin servicio: Lucía"))
        #expect(Self.dot(.matrix, journey: spanish).contains("⚠ nadie puede llegar"))
    }

    @Test("in the matrix the badge is on the touchpoint's card once, on the row of a channel that works for nobody")
    func matrixBadgeOnce() throws {
        let dot = Self.dot(.matrix)
        #expect(Self.count("⚠ unserved: Lucía", in: dot) == 1)
        #expect(Self.count("⚠ nobody can reach it", in: dot) == 1)
        // The notice is on the e-mail row (which works for Álex) and the planned API's row.
        let rows = dot.components(separatedBy: "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"")
        let emailRow = try #require(rows.first { $0.contains("<B>E-mail</B>") })
        let apiRow = try #require(rows.first { $0.contains("<B>WhatsApp Business API</B>") })
        #expect(emailRow.contains("Gets the notice") && !emailRow.contains("unserved"))
        #expect(apiRow.contains("Gets the notice") && apiRow.contains("unserved: Lucía"))
    }

    @Test("the flow view marks cards on planned or retired channels: the channel line, a dashed outline, a legend entry")
    func channelsNotLive() {
        let dot = Self.dot(.flow)
        #expect(dot.contains("E-mail · WhatsApp<BR/>Business API\u{A0}—\u{A0}planned"))
        let pay = dot.split(separator: "\n").first { $0.hasPrefix("    \"pay\" [") }
        #expect(pay?.contains("style=\"rounded,filled,dashed\"") == true, "\(pay ?? "")")
        let form = dot.split(separator: "\n").first { $0.hasPrefix("    \"form\" [") }
        #expect(form?.contains("dashed") == false)
        #expect(dot.contains("on a planned or retired channel"))
        var live = Self.journey
        live.channels[2].status = .live
        #expect(!Self.dot(.flow, journey: live).contains("on a planned or retired channel"))
    }
}
