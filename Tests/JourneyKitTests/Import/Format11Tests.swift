import Foundation
@testable import JourneyKit
import Testing

/// The fields added in format 1.1 (issue 12): reading, checking and writing them in both formats.
@Suite("Format 1.1 fields")
struct Format11Tests {
    static let folder = Paths.fixtures.appendingPathComponent("format-1.1")

    static func imported(_ name: String) throws -> ImportedJourney {
        let url = folder.appendingPathComponent(name)
        let bytes = try Paths.bytes(url)
        let validator = JourneyValidator(knownRuleIDs: [])
        return JourneyFormat.named(by: name) == .xml
            ? XMLJourneyImporter.importJourney(from: bytes, path: name, validator: validator)
            : JSONJourneyImporter.importJourney(from: bytes, path: name, validator: validator)
    }

    @Test("a file using every new field reads the same from JSON and XML, and both are canonical")
    func everyField() throws {
        let json = try Self.imported("every-field.journey.json")
        let xml = try Self.imported("every-field.journey.xml")
        #expect(json.diagnostics.isEmpty)
        #expect(xml.diagnostics.isEmpty)
        let journey = try #require(json.journey)
        #expect(xml.journey == journey)
        #expect(journey.lang == "en-GB")
        #expect(journey.scenarios.first?.channels == [Scenario.ChannelStatus(channel: "wa", status: .live)])
        let touchpoint = try #require(journey.stages.first?.touchpoints.first)
        #expect(touchpoint.experiences.map(\.persona) == ["p", "q"])
        #expect(touchpoint.emotion(for: "p") == -2)
        #expect(touchpoint.emotion(for: "q") == 1)
        #expect(touchpoint.backstage.map(\.lane) == [.system, .backstage])
        #expect(touchpoint.properties == [Property(name: "a", value: "1"), Property(name: "b", value: "2")])
        #expect(journey.personas.first?.evidence.first?.date == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(JourneyJSONWriter.write(journey) == String(decoding: try Paths.bytes(Self.folder.appendingPathComponent("every-field.journey.json")), as: UTF8.self))
        #expect(try JourneyXMLWriter.write(journey) == String(decoding: try Paths.bytes(Self.folder.appendingPathComponent("every-field.journey.xml")), as: UTF8.self))
    }

    @Test("invalid new values are located errors, nine in one run, at the same places in JSON and XML", arguments: ["json", "xml"])
    func nineErrors(format: String) throws {
        let result = try Self.imported("nine-errors.journey.\(format)")
        let errors = result.diagnostics.filter { $0.severity == .error }
        let lines = errors.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        let expected: [String] = format == "json" ? [
            "4:11 \"lang\" \"english!\" is not a BCP 47 language tag",
            "14:19 \"date\" 2023-02-29 is not a day of the calendar",
            "20:9 duplicate tag \"a\"",
            "60:26 touchpoint \"T\" has an experience for persona \"p\", which is not in its personas",
            "68:26 an experience of touchpoint \"T\" refers to unknown persona \"zz\"",
            "73:23 \"kind\" must be one of interview, survey, analytics, support, observation, usability-test, assumption, found \"usability\"",
            "80:23 \"lane\" must be one of backstage, support, system, found \"sys\"",
            "108:15 \"wb\" must be one of live, planned, retired, found \"lve\"",
            "109:9 scenario \"To be\" refers to unknown channel \"wc\"",
        ] : [
            "2:59 \"lang\" \"english!\" is not a BCP 47 language tag",
            "5:60 \"date\" 2023-02-29 is not a day of the calendar",
            "7:5 duplicate tag \"a\"",
            "16:28 touchpoint \"T\" has an experience for persona \"p\", which is not in its personas",
            "20:28 an experience of touchpoint \"T\" refers to unknown persona \"zz\"",
            "21:23 \"kind\" must be one of interview, survey, analytics, support, observation, usability-test, assumption, found \"usability\"",
            "22:43 \"lane\" must be one of backstage, support, system, found \"sys\"",
            "34:31 \"status\" must be one of live, planned, retired, found \"lve\"",
            "35:19 scenario \"To be\" refers to unknown channel \"wc\"",
        ]
        #expect(lines == expected)
        #expect(errors.allSatisfy { $0.hint != nil || $0.message.contains("must be one of") })
    }

    @Test("duplicates the formats cannot rule out: scenario ids, properties, a second experience, a scenario's channel twice")
    func duplicates() {
        let journey = Journey(
            id: "j", title: "J", personas: [Persona(id: "p", name: "P")], channels: [Channel(id: "c", name: "C")],
            stages: [Stage(id: "s", name: "S", touchpoints: [
                Touchpoint(id: "t", name: "T", experiences: [Experience(persona: "p"), Experience(persona: "p")],
                           properties: [Property(name: "x", value: "1"), Property(name: "x", value: "2")]),
            ])],
            scenarios: [Scenario(id: "a", name: "A", channels: [.init(channel: "c", status: .live), .init(channel: "c", status: .retired)]),
                        Scenario(id: "a", name: "B"), Scenario(id: "1x", name: "C")],
            tags: ["", "k"])
        let messages = JourneyValidator().validate(journey).map(\.message)
        #expect(messages == [
            "a tag is empty",
            "duplicate property \"x\"",
            "touchpoint \"T\" has a second experience for persona \"p\"",
            "scenario \"A\" gives channel \"c\" a status twice",
            "duplicate scenario id \"a\": \"A\" already uses it",
            "scenario id \"1x\" is not a valid id",
        ])
    }

    @Test("language tags: the shape of BCP 47", arguments: [
        ("es", true), ("en-GB", true), ("zh-Hant-TW", true), ("de-CH-1996", true),
        ("", false), ("e", false), ("en_GB", false), ("en-", false), ("-en", false), ("en--GB", false), ("english!", false), ("1en", false),
    ])
    func languageTags(tag: String, valid: Bool) {
        #expect(JourneyValidator.isWellFormedLanguageTag(tag) == valid)
    }

    @Test("calendar dates: real days only, written back as they were read")
    func calendarDates() throws {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2026-02-29") == nil)
        #expect(CalendarDate("2026-02-30") == nil)
        #expect(CalendarDate("2026-13-01") == nil)
        #expect(CalendarDate("2026-1-01") == nil)
        #expect(CalendarDate("0000-01-01") == nil)
        #expect(CalendarDate("2100-02-29") == nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(try #require(CalendarDate("0999-01-09")).description == "0999-01-09")
        let start = try #require(CalendarDate("2024-01-31"))
        #expect(start.wholeMonths(until: try #require(CalendarDate("2024-02-29"))) == 0)
        #expect(start.wholeMonths(until: try #require(CalendarDate("2024-03-01"))) == 1)
        #expect(start.wholeMonths(until: try #require(CalendarDate("2025-07-31"))) == 18)
        #expect(start.wholeMonths(until: try #require(CalendarDate("2025-07-30"))) == 17)
    }

    /// The every-field fixture with one new key misspelt, in a temporary file.
    static func misspelt(_ format: String, in temporary: borrowing TemporaryFolder) throws -> String {
        let source = String(decoding: try Paths.bytes(folder.appendingPathComponent("every-field.journey.\(format)")), as: UTF8.self)
        let broken = format == "json"
            ? source.replacingOccurrences(of: "\"quote\"", with: "\"qoute\"")
            : source.replacingOccurrences(of: "<backstage name=\"Pack\"/>", with: "<backstage name=\"Pack\" lnae=\"system\"/>")
        #expect(broken != source)
        let file = temporary.url.appendingPathComponent("misspelt.journey.\(format)")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("schema/journey.schema.json accepts every new field and rejects a misspelt one", .requires(.jsonSchema))
    func jsonSchema() throws {
        let python = try ExternalTool.jsonSchema.path()
        let script = Paths.repository.appendingPathComponent("scripts/validate-json-schema.py").path
        let schema = Paths.schema.appendingPathComponent("journey.schema.json").path
        let valid = try Subprocess.run(python, [script, schema, Self.folder.appendingPathComponent("every-field.journey.json").path])
        #expect(valid.status == 0, "\(valid.standardOutput)\(valid.standardError)")
        let temporary = try TemporaryFolder()
        let misspelt = try Self.misspelt("json", in: temporary)
        let invalid = try Subprocess.run(python, [script, schema, misspelt])
        #expect(invalid.status == 1)
        #expect(invalid.standardOutput.contains("qoute"))
    }

    @Test("schema/journey.xsd accepts every new field and rejects a misspelt one", .requires(.xmllint))
    func xmlSchema() throws {
        let xmllint = try ExternalTool.xmllint.path()
        let schema = Paths.schema.appendingPathComponent("journey.xsd").path
        let valid = try Subprocess.run(xmllint, ["--noout", "--schema", schema, Self.folder.appendingPathComponent("every-field.journey.xml").path])
        #expect(valid.status == 0, "\(valid.standardOutput)\(valid.standardError)")
        let temporary = try TemporaryFolder()
        let misspelt = try Self.misspelt("xml", in: temporary)
        let invalid = try Subprocess.run(xmllint, ["--noout", "--schema", schema, misspelt])
        #expect(invalid.status != 0)
        #expect(invalid.standardError.contains("lnae"))
    }
}
