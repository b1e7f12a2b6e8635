@testable import JourneyKit
import PropertyBased
import Testing

/// Random journeys survive every conversion: JSON → XML → JSON and XML → JSON → XML give the
/// canonical bytes back, and the XML reads back to the same model.
@Suite("Round trips of random journeys")
struct RoundTripPropertyTests {
    /// Pieces random texts are made of: XML's special characters, quotes, white space that XML
    /// normalises, emoji (with joiners), CJK, right-to-left scripts and bidi controls, C1 controls.
    static let fragments = [
        "a", "Café", "ñ", " ", "  ", "\t", "\n", "\r\n", "\r", "&", "<", ">", "\"", "'", "&amp;", "&#10;", "]]>",
        "<!--", "-->", "<!DOCTYPE x>", "<b>", "\\", "😀", "👩‍👩‍👧", "🇪🇸", "東京", "中文字", "한국어", "مرحبا",
        "שלום", "\u{202E}", "\u{200F}", "\u{85}", "\u{7F}", "\u{A0}", "%", "$schema", "{", "}",
    ]

    static let text = Gen<String?>.element(of: fragments).map { $0 ?? "" }.array(of: 0...5).map { $0.joined() }

    @Test("JSON → XML → JSON and XML → JSON → XML are byte-identical for 300 random journeys (every 1.1 field included)")
    func randomJourneys() async {
        await propertyCheck(count: 300, input: Self.text.array(of: 90), Gen.int(in: 0...9_999).array(of: 160)) { texts, numbers in
            var builder = RandomJourney(texts: texts, numbers: numbers)
            let journey = builder.journey()
            let json = JourneyJSONWriter.write(journey)
            let xml: String
            do {
                xml = try JourneyXMLWriter.write(journey)
            } catch {
                Issue.record("cannot write as XML: \(error)")
                return
            }
            let fromXML = XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "r.journey.xml")
            #expect(fromXML.diagnostics.isEmpty, "\(fromXML.diagnostics)\n\(xml)")
            #expect(fromXML.journey == journey)
            let fromJSON = JSONJourneyImporter.importJourney(from: Array(json.utf8), path: "r.journey.json")
            #expect(fromJSON.journey == journey)

            // JSON → XML → JSON
            if let viaJSON = fromJSON.journey, let xmlFromJSON = try? JourneyXMLWriter.write(viaJSON) {
                #expect(xmlFromJSON == xml)
                let back = XMLJourneyImporter.importJourney(from: Array(xmlFromJSON.utf8), path: "r.journey.xml").journey
                #expect(back.map(JourneyJSONWriter.write) == json)
            } else {
                Issue.record("JSON → XML failed")
            }
            // XML → JSON → XML
            if let viaXML = fromXML.journey {
                let jsonFromXML = JourneyJSONWriter.write(viaXML)
                #expect(jsonFromXML == json)
                let back = JSONJourneyImporter.importJourney(from: Array(jsonFromXML.utf8), path: "r.journey.json").journey
                #expect(back.flatMap { try? JourneyXMLWriter.write($0) } == xml)
            }
        }
    }
}

extension RoundTripPropertyTests {
    @Test("the random journeys use every field of format 1.1 (so the round trip above covers them)")
    func generatorCoversNewFields() {
        var used: Set<String> = []
        for seed in 0..<200 {
            // A small linear congruential generator: deterministic, and varied enough for every branch.
            var state = UInt64(seed) &* 2_862_933_555_777_941_757 &+ 3_037_000_493
            let numbers = (0..<160).map { _ -> Int in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % 10_000)
            }
            var builder = RandomJourney(texts: Self.fragments, numbers: numbers)
            let journey = builder.journey()
            if journey.lang != nil { used.insert("lang") }
            if !journey.tags.isEmpty { used.insert("tags") }
            if !journey.properties.isEmpty { used.insert("properties") }
            if journey.scenarios.contains(where: { !$0.channels.isEmpty }) { used.insert("scenarios") }
            if journey.personas.contains(where: { !$0.evidence.isEmpty }) { used.insert("persona evidence") }
            let touchpoints = journey.touchpoints
            if touchpoints.contains(where: { $0.experiences.contains { $0.emotion != nil && $0.quote != nil } }) { used.insert("experiences") }
            if touchpoints.contains(where: { $0.evidence.contains { $0.date != nil } }) { used.insert("evidence dates") }
            if touchpoints.contains(where: { $0.backstage.contains { $0.lane != .backstage } }) { used.insert("backstage") }
        }
        #expect(used == ["lang", "tags", "properties", "scenarios", "persona evidence", "experiences", "evidence dates", "backstage"])
    }
}

/// Builds a valid journey from random texts and numbers, so that every reference names an
/// element that exists and the writers' output is canonical.
private struct RandomJourney {
    var texts: [String]
    var numbers: [Int]
    var textIndex = 0
    var numberIndex = 0

    init(texts: [String], numbers: [Int]) {
        self.texts = texts
        self.numbers = numbers
    }

    mutating func text() -> String {
        defer { textIndex += 1 }
        return texts.isEmpty ? "" : texts[textIndex % texts.count]
    }

    mutating func number(_ range: ClosedRange<Int>) -> Int {
        defer { numberIndex += 1 }
        let value = numbers.isEmpty ? 0 : numbers[numberIndex % numbers.count]
        return range.lowerBound + value % (range.count)
    }

    mutating func chance() -> Bool { number(0...1) == 1 }
    mutating func optionalText() -> String? { chance() ? text() : nil }
    /// Names and owners must say something (an empty or blank one is an error).
    mutating func nonBlankText() -> String { "n" + text() }
    mutating func texts(_ most: Int) -> [String] { (0..<number(0...most)).map { _ in text() } }

    mutating func pick(_ ids: [String], most: Int) -> [String] {
        guard !ids.isEmpty else { return [] }
        return (0..<number(0...most)).map { _ in ids[number(0...(ids.count - 1))] }
    }

    mutating func ignore() -> [String] { pick(["dead-end", "empty-stage", "unused-channel"], most: 2) }

    // Format 1.1 fields. Tags and property names must be non-empty and unique, so a number
    // prefix keeps them apart while the random text still tests escaping.

    mutating func tags() -> [String] { (0..<number(0...2)).map { "t\($0)" + text() } }
    mutating func properties() -> [Property] { (0..<number(0...2)).map { Property(name: "k\($0)" + text(), value: text()) } }

    mutating func date() -> CalendarDate? {
        chance() ? CalendarDate(year: number(1990...2030), month: number(1...12), day: number(1...28)) : nil
    }

    mutating func evidence() -> [Evidence] {
        (0..<number(0...2)).map { _ in
            Evidence(kind: Evidence.Kind.allCases[number(0...(Evidence.Kind.allCases.count - 1))],
                     source: "s" + text(), date: date(), note: optionalText())
        }
    }

    mutating func backstage() -> [BackstageStep] {
        (0..<number(0...2)).map { _ in
            BackstageStep(name: "b" + text(), lane: BackstageStep.Lane.allCases[number(0...2)], owner: optionalText().map { "o" + $0 }, description: optionalText())
        }
    }

    /// At most one experience per persona of the audience (every persona when the list is empty).
    mutating func experiences(audience: [String]) -> [Experience] {
        var seen: Set<String> = []
        return pick(audience, most: 2).filter { seen.insert($0).inserted }.map { persona in
            Experience(persona: persona, emotion: chance() ? number(-2...2) : nil, pains: texts(2), quote: optionalText())
        }
    }

    mutating func scenarios(channels: [String]) -> [Scenario] {
        (0..<number(0...2)).map { index in
            var seen: Set<String> = []
            let statuses = pick(channels, most: 2).filter { seen.insert($0).inserted }.map { channel in
                Scenario.ChannelStatus(channel: channel, status: Channel.Status.allCases[number(0...2)])
            }
            return Scenario(id: "sc-\(index)", name: nonBlankText(), description: optionalText(), channels: statuses)
        }
    }

    mutating func journey() -> Journey {
        let channelIDs = (0..<number(0...4)).map { "c\($0)" }
        let personaIDs = (0..<number(0...3)).map { "_p.\($0)" }
        let stageCount = number(0...3)
        let touchpointCounts = (0..<stageCount).map { _ in number(0...4) }
        var touchpointNumber = 0
        let touchpointIDs = touchpointCounts.flatMap { count in
            (0..<count).map { _ in
                touchpointNumber += 1
                return "t-\(touchpointNumber)"
            }
        }
        let languages = ["es", "en-GB", "pt-BR", "zh-Hant-TW"]
        var journey = Journey(id: "j\(number(0...99))", title: text(), lang: chance() ? languages[number(0...3)] : nil,
                              description: optionalText(), ignore: ignore())
        journey.tags = tags()
        journey.properties = properties()
        journey.personas = personaIDs.map { id in
            Persona(id: id, name: nonBlankText(), description: optionalText(), goals: texts(3), channels: pick(channelIDs, most: 3),
                    evidence: evidence(), tags: tags(), properties: properties(), ignore: ignore())
        }
        journey.channels = channelIDs.map { id in
            Channel(id: id, name: nonBlankText(), kind: Channel.Kind.allCases[number(0...(Channel.Kind.allCases.count - 1))],
                    status: Channel.Status.allCases[number(0...2)], owner: optionalText().map { "o" + $0 }, description: optionalText(),
                    tags: tags(), properties: properties(), ignore: ignore())
        }
        journey.scenarios = scenarios(channels: channelIDs)
        var remaining = touchpointIDs[...]
        journey.stages = touchpointCounts.enumerated().map { index, count in
            let ids = remaining.prefix(count)
            remaining = remaining.dropFirst(count)
            return Stage(id: "s\(index)", name: nonBlankText(), description: optionalText(), touchpoints: ids.map { id in
                let personas = pick(personaIDs, most: 2)
                return Touchpoint(
                    id: id, name: nonBlankText(), description: optionalText(), channels: pick(channelIDs, most: 2),
                    personas: personas, initiator: chance() ? .business : .customer, owner: optionalText().map { "o" + $0 },
                    emotion: chance() ? number(-2...2) : nil, entry: chance(), momentOfTruth: chance(),
                    next: pick(touchpointIDs, most: 2).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },  // a repeat is a warning handoff: optionalText(), pains: texts(2), opportunities: texts(2),
                    kpis: (0..<number(0...2)).map { _ in Touchpoint.KPI(name: nonBlankText(), target: optionalText()) },
                    experiences: experiences(audience: personas.isEmpty ? personaIDs : personas),
                    evidence: evidence(), backstage: backstage(), tags: tags(), properties: properties(), ignore: ignore())
            }, tags: tags(), properties: properties(), ignore: ignore())
        }
        return journey
    }
}
