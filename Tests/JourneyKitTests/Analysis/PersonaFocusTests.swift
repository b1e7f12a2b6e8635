import JourneyKit
import Testing

@Suite("Views focused on one persona")
struct PersonaFocusTests {
    static let journey = Journey(
        id: "j", title: "J",
        personas: [Persona(id: "maria", name: "María"), Persona(id: "alex", name: "Álex")],
        channels: [Channel(id: "web", name: "Web")],
        stages: [Stage(id: "s", name: "S", touchpoints: [
            Touchpoint(id: "everyone", name: "For everyone", channels: ["web"]),
            Touchpoint(id: "alex-only", name: "For Álex", channels: ["web"], personas: ["alex"]),
        ])])

    @Test("an unknown persona id is an error with a did-you-mean hint, or the list of personas")
    func unknownPersona() throws {
        #expect(try Self.journey.persona(withID: "maria").name == "María")
        #expect(throws: UnknownPersona(id: "mraia", message: "the journey has no persona \"mraia\"", hint: "did you mean \"maria\"?")) {
            try Self.journey.persona(withID: "mraia")
        }
        #expect(throws: UnknownPersona(id: "zzzzzzzz", message: "the journey has no persona \"zzzzzzzz\"",
                                       hint: "its personas are \"maria\", \"alex\"")) {
            try Self.journey.persona(withID: "zzzzzzzz")
        }
    }

    @Test("a persona's view keeps its own findings and those about no persona, on touchpoints aimed at it")
    func concerning() {
        let location = SourceLocation(file: "j", line: 1, column: 1)
        func finding(_ rule: String, _ references: [Diagnostic.ReferenceRole: String]) -> Diagnostic {
            Diagnostic(severity: .warning, message: rule, location: location, rule: rule, references: references)
        }
        let findings = [
            finding("a", [.touchpoint: "everyone", .persona: "maria"]),
            finding("b", [.touchpoint: "everyone", .persona: "alex"]),
            finding("c", [.touchpoint: "alex-only"]),
            finding("d", [.touchpoint: "everyone"]),
            finding("e", [.stage: "s"]),
        ]
        #expect(findings.concerning(persona: "maria", in: Self.journey).map(\.message) == ["a", "d", "e"])
        #expect(findings.concerning(persona: "alex", in: Self.journey).map(\.message) == ["b", "c", "d", "e"])
    }

    @Test("a broken handoff concerns a persona only when both of its touchpoints are aimed at the persona")
    func brokenHandoffNeedsBothEnds() {
        let journey = Journey(
            id: "j", title: "J",
            personas: [Persona(id: "lucia", name: "Lucía"), Persona(id: "ramon", name: "Ramón")],
            channels: [Channel(id: "web", name: "Web"), Channel(id: "phone", name: "Phone")],
            stages: [Stage(id: "s", name: "S", touchpoints: [
                Touchpoint(id: "ramon-call", name: "Ramón calls", channels: ["phone"], personas: ["ramon"], next: ["form"]),
                Touchpoint(id: "shared-call", name: "Anyone calls", channels: ["phone"], next: ["form"]),
                Touchpoint(id: "form", name: "Fills in the form", channels: ["web"]),
            ])])
        let location = SourceLocation(file: "j", line: 1, column: 1)
        let findings = [
            Diagnostic(severity: .warning, message: "from Ramón's call", location: location, rule: BrokenHandoffRule.id,
                       references: [.from: "ramon-call", .touchpoint: "form"]),
            Diagnostic(severity: .warning, message: "from the shared call", location: location, rule: BrokenHandoffRule.id,
                       references: [.from: "shared-call", .touchpoint: "form"]),
            Diagnostic(severity: .warning, message: "names Lucía", location: location, rule: "x",
                       references: [.touchpoint: "ramon-call", .personas: "ramon lucia"]),
        ]
        #expect(findings.concerning(persona: "lucia", in: journey).map(\.message) == ["from the shared call", "names Lucía"])
        #expect(findings.concerning(persona: "ramon", in: journey).map(\.message) == ["from Ramón's call", "from the shared call", "names Lucía"])
    }
}
