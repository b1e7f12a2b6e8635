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
}
