import Foundation
@testable import JourneyKit
import Testing

/// Everything that spells out the journey's fields agrees with `JourneyFields`, the one description.
@Suite("One description of every field")
struct FieldDescriptionTests {
    static let jsonKeys: [String: [String]] = [
        "journey": JSONKeys.journey, "persona": JSONKeys.persona, "channel": JSONKeys.channel, "stage": JSONKeys.stage,
        "touchpoint": JSONKeys.touchpoint, "kpi": JSONKeys.kpi, "experience": JSONKeys.experience, "evidence": JSONKeys.evidence,
        "backstage": JSONKeys.backstageStep, "scenario": JSONKeys.scenario,
    ]

    static func attributes(_ element: String) -> [String] {
        JourneyFields.fields(of: element).compactMap { if case .attribute(let name) = $0.xml { name } else { nil } }
    }

    static func childElements(_ element: String) -> [String] {
        JourneyFields.fields(of: element).compactMap { if case .element(let name) = $0.xml { name } else { nil } }
    }

    @Test("the JSON importer and writer know exactly the described keys, in order", arguments: JourneyFields.elements)
    func jsonKeys(element: String) throws {
        #expect(JourneyFields.fields(of: element).map(\.json) == Self.jsonKeys[element])
    }

    @Test("the XML importer's vocabulary is the described spelling, in order", arguments: JourneyFields.elements)
    func xmlVocabulary(element: String) {
        #expect(XMLVocabulary.attributes[element] == Self.attributes(element))
        #expect(XMLVocabulary.children[element] ?? [] == Self.childElements(element))
    }

    @Test("every stored property of the model is described")
    func modelProperties() {
        let instances: [(String, Any)] = [
            ("journey", Journey(id: "j", title: "t")), ("persona", Persona(id: "p", name: "n")), ("channel", Channel(id: "c", name: "n")),
            ("stage", Stage(id: "s", name: "n")), ("touchpoint", Touchpoint(id: "t", name: "n")), ("kpi", Touchpoint.KPI(name: "k")),
            ("experience", Experience(persona: "p")), ("evidence", Evidence(kind: .survey, source: "s")),
            ("backstage", BackstageStep(name: "b")), ("scenario", Scenario(id: "s", name: "n")),
        ]
        #expect(instances.map(\.0) == JourneyFields.elements)
        // Fields kept out of line (`RareFields`) are stored in their element's `Rare` group.
        let rareGroups: [String: Any] = ["persona": Persona.Rare(), "touchpoint": Touchpoint.Rare()]
        for (element, instance) in instances {
            let outOfLine = rareGroups[element].map { Mirror(reflecting: $0).children.compactMap(\.label) } ?? []
            let properties = (Mirror(reflecting: instance).children.compactMap(\.label) + outOfLine)
                .filter { $0 != "_location" && $0 != "_position" && $0 != "rare" }
                .map { $0 == "jsonSchema" ? "$schema" : $0 }
            #expect(Set(properties) == Set(JourneyFields.fields(of: element).map(\.json)), "\(element)")
        }
    }

    @Test("schema/journey.schema.json has the described keys, required keys and defaults", arguments: JourneyFields.elements)
    func jsonSchema(element: String) throws {
        let data = try Data(contentsOf: Paths.schema.appendingPathComponent("journey.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let object = element == "journey" ? schema : try #require(definitions[element == "backstage" ? "backstageStep" : element] as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        let fields = JourneyFields.fields(of: element)
        #expect(Set(properties.keys) == Set(fields.map(\.json)))
        #expect(Set(object["required"] as? [String] ?? []) == Set(fields.filter(\.isRequired).map(\.json)))
        for field in fields {
            let property = properties[field.json] as? [String: Any]
            let schemaDefault = field.type == .boolean ? (property?["default"] as? Bool).map { String($0) } : (property?["default"]).map { "\($0)" }
            let expected = field.defaultValue
            #expect(schemaDefault == expected, "default of \(element).\(field.json)")
        }
    }

    @Test("schema/journey.xsd has the described attributes, child elements, required attributes and defaults", arguments: JourneyFields.elements)
    func xmlSchema(element: String) throws {
        let xsd = String(decoding: try Paths.bytes(Paths.schema.appendingPathComponent("journey.xsd")), as: UTF8.self)
        let opening = element == "journey" ? "<xs:element name=\"journey\">" : "<xs:complexType name=\"\(element)\">"
        let start = try #require(xsd.range(of: opening))
        let closing = element == "journey" ? "\n  </xs:element>" : "\n  </xs:complexType>"
        let end = try #require(xsd.range(of: closing, range: start.upperBound..<xsd.endIndex))
        let block = xsd[start.upperBound..<end.lowerBound]
        func declarations(_ kind: String) -> [(name: String, line: String)] {
            block.split(separator: "\n").compactMap { line in
                guard let range = line.range(of: "<xs:\(kind) name=\"") else { return nil }
                return (String(line[range.upperBound...].prefix { $0 != "\"" }), String(line))
            }
        }
        let attributes = declarations("attribute")
        #expect(attributes.map(\.name) == Self.attributes(element))
        #expect(declarations("element").map(\.name) == Self.childElements(element))
        for field in JourneyFields.fields(of: element) {
            guard case .attribute(let name) = field.xml, let line = attributes.first(where: { $0.name == name })?.line else { continue }
            #expect(line.contains("use=\"required\"") == field.isRequired, "\(element) \(name) required")
            #expect(line.contains("default=") == (field.defaultValue != nil), "\(element) \(name) default")
            if let value = field.defaultValue { #expect(line.contains("default=\"\(value)\""), "\(element) \(name) default") }
        }
    }

    @Test("docs/format.md shows each element's generated field table (re-record with CJM_RECORD_GOLDEN=1)")
    func documentation() throws {
        let url = Paths.repository.appendingPathComponent("docs/format.md")
        var text = String(decoding: try Paths.bytes(url), as: UTF8.self)
        var missing: [String] = []
        for element in JourneyFields.elements {
            let startMarker = "<!-- fields: \(element) (generated from JourneyFields; CJM_RECORD_GOLDEN=1 swift test rewrites it) -->\n"
            let endMarker = "<!-- end of fields: \(element) -->\n"
            let table = startMarker + JourneyFields.markdownTable(of: element) + endMarker
            guard let start = text.range(of: startMarker), let end = text.range(of: endMarker, range: start.upperBound..<text.endIndex) else {
                missing.append(element)
                continue
            }
            if text[start.lowerBound..<end.upperBound] != table {
                // Like the golden files, a recording run fails for every table it rewrites.
                if Golden.isRecording { text.replaceSubrange(start.lowerBound..<end.upperBound, with: table) }
                missing.append(element)
            }
        }
        if Golden.isRecording { try text.write(to: url, atomically: true, encoding: .utf8) }
        #expect(missing.isEmpty, "docs/format.md lacks the current field table of: \(missing)")
    }
}
