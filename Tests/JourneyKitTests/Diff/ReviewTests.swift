import Foundation
import JourneyKit
import Testing

@Suite("Reviewing journeys: comments, cross-format diffs, the picture of a change")
struct ReviewTests {
    static let commented = Paths.fixtures.appendingPathComponent("review/commented.journey.xml")

    @Test("XML comments survive formatting, each before the element it preceded, and the result is canonical")
    func commentsSurviveFormatting() throws {
        let imported = XMLJourneyImporter.importJourney(from: try Paths.bytes(Self.commented), path: "commented.journey.xml")
        #expect(imported.isValid, "\(imported.diagnostics)")
        #expect(imported.comments.count == 9)
        let journey = try #require(imported.journey)
        let formatted = try JourneyXMLWriter.write(journey, comments: imported.comments)
        try Golden.assertMatches(formatted, "review/commented.formatted.journey.xml")
        // Formatting the formatted file changes nothing.
        let again = XMLJourneyImporter.importJourney(from: Array(formatted.utf8), path: "formatted.journey.xml")
        #expect(try JourneyXMLWriter.write(try #require(again.journey), comments: again.comments) == formatted)
        #expect(again.comments == imported.comments)
    }

    @Test("cjm fmt keeps XML comments; converting to JSON warns that they cannot be carried")
    func commentsThroughTheCLI() throws {
        let folder = try TemporaryFolder()
        let original = try String(contentsOf: Self.commented, encoding: .utf8)
        let file = try folder.write(original, to: "coffee.journey.xml")
        let format = try CLI.run(["fmt", file.path])
        #expect(format.status == 0, "\(format.standardError)")
        let formatted = try folder.read("coffee.journey.xml")
        for comment in ["Owned by the CX team", "what this journey covers", "first goal", "more goals after the interviews",
                        "Two steps, drawn from the workshop", "KPI agreed with marketing", "emotion still to measure", "end of file"] {
            #expect(formatted.contains(comment), "lost: \(comment)")
        }
        let convert = try CLI.run(["convert", file.path, "--to", "json"])
        #expect(convert.status == 0)
        #expect(convert.standardError.contains("warning: the file's 9 comments are not carried into JSON"))
        let toXML = try CLI.run(["convert", file.path, "--to", "xml"])
        #expect(toXML.status == 0, "\(toXML.standardError)")
        #expect(toXML.standardOutput == formatted)
    }

    @Test("diffs compare any mix of formats: XML old against JSON new")
    func crossFormat() throws {
        let xml = Paths.samples.appendingPathComponent("minimal.journey.xml")
        let json = Paths.samples.appendingPathComponent("minimal.journey.json")
        let same = try CLI.run(["diff", Paths.relative(xml), Paths.relative(json)])
        #expect(same.status == 0, "\(same.standardOutput)\(same.standardError)")

        let folder = try TemporaryFolder()
        let edited = try folder.write(try ReviewCommandTests.editedMinimal(), to: "minimal.journey.json")
        let different = try CLI.run(["diff", "--format", "json", Paths.relative(xml), edited.path])
        #expect(different.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: different.outputBytes) as? [String: Any])
        let changes = try #require(report["changes"] as? [[String: Any]])
        #expect(changes.map { "\($0["change"] ?? "-") \($0["entity"] ?? "-") \($0["id"] ?? "-")" } == ["changed journey coffee-order-ahead", "changed touchpoint menu"])
    }

    @Test("every change kind on both formats: added, removed, changed, moved, reordered")
    func everyChangeKindBothFormats() throws {
        let old = try #require(JSONJourneyImporter.importJourney(
            from: try Paths.bytes(Paths.samples.appendingPathComponent("tienda-whatsapp.journey.json")), path: "old.json").journey)
        // The sample's shape the edits below rely on.
        try #require(old.stages.count == 6 && old.stages[1...3].allSatisfy { $0.touchpoints.count >= 2 })
        let lastPersona = try #require(old.personas.last)
        let firstChannel = try #require(old.channels.first)
        var new = old
        new.stages[1].touchpoints[0].emotion = 2                       // changed
        let removed = new.stages[2].touchpoints.remove(at: 1)          // removed
        let moved = new.stages[3].touchpoints.remove(at: 0)            // moved to another stage
        new.stages[2].touchpoints.append(moved)
        new.stages[1].touchpoints.append(Touchpoint(id: "chat-ia", name: "Asistente nocturno", channels: ["whatsapp"]))  // added
        new.stages.swapAt(4, 5)                                        // stages reordered
        new.personas.removeLast()                                      // persona removed
        new.channels[0].owner = "marketing"                            // channel changed
        for stage in new.stages.indices {
            for touchpoint in new.stages[stage].touchpoints.indices {
                new.stages[stage].touchpoints[touchpoint].next.removeAll { $0 == removed.id }
                new.stages[stage].touchpoints[touchpoint].personas.removeAll { $0 == lastPersona.id }
                new.stages[stage].touchpoints[touchpoint].experiences.removeAll { $0.persona == lastPersona.id }
            }
        }
        let folder = try TemporaryFolder()
        try folder.write(JourneyJSONWriter.write(old), to: "old.journey.json")
        try folder.write(try JourneyXMLWriter.write(old), to: "old.journey.xml")
        try folder.write(JourneyJSONWriter.write(new), to: "new.journey.json")
        try folder.write(try JourneyXMLWriter.write(new), to: "new.journey.xml")
        var outputs: [[[String: String]]] = []
        for (oldName, newName) in [("old.journey.json", "new.journey.json"), ("old.journey.xml", "new.journey.xml"),
                                   ("old.journey.xml", "new.journey.json"), ("old.journey.json", "new.journey.xml")] {
            let result = try CLI.run(["diff", "--format", "json", folder.url.appendingPathComponent(oldName).path,
                                      folder.url.appendingPathComponent(newName).path])
            #expect(result.status == 1, "\(result.standardError)")
            let report = try #require(try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any])
            let changes = try #require(report["changes"] as? [[String: Any]])
            outputs.append(changes.map { change in
                ["change": "\(change["change"] ?? "-")", "entity": "\(change["entity"] ?? "-")", "id": "\(change["id"] ?? "-")",
                 "fields": (change["fields"] as? [String])?.joined(separator: ",") ?? ""]
            })
        }
        // Findings carry positions, which differ between the formats; the changes must not.
        let first = try #require(outputs.first)
        #expect(outputs.count == 4)
        #expect(outputs.dropFirst().allSatisfy { $0 == first }, "the same change reads the same whatever the formats")
        let summary = Set(first.map { "\($0["change"] ?? "-") \($0["entity"] ?? "-") \($0["id"] ?? "-") \($0["fields"] ?? "-")" })
        #expect(summary.contains("changed journey tienda-whatsapp stages"))
        #expect(summary.contains("changed touchpoint \(old.stages[1].touchpoints[0].id) emotion"))
        #expect(summary.contains("added touchpoint chat-ia "))
        #expect(summary.contains("removed touchpoint \(removed.id) "))
        #expect(summary.contains("changed touchpoint \(moved.id) stage,personas"))
        #expect(summary.contains("removed persona \(lastPersona.id) "))
        #expect(summary.contains("changed channel \(firstChannel.id) owner"))
    }

    /// The diagram of a change to the minimal sample: an emotion changed, a touchpoint removed,
    /// one added, a flow changed and a stage added.
    static func pictureOfAChange() throws -> String {
        let old = try #require(JSONJourneyImporter.importJourney(
            from: try Paths.bytes(Paths.samples.appendingPathComponent("minimal.journey.json")), path: "old.json").journey)
        var new = old
        try #require(new.stages.count == 2 && new.stages[0].touchpoints.count == 2)
        new.stages[0].touchpoints[0].emotion = 1
        new.stages[0].touchpoints.remove(at: 1)
        new.stages[0].touchpoints[0].next = ["pick-up"]
        new.stages[1].touchpoints.append(Touchpoint(id: "rate", name: "Rates the coffee", channels: ["app"]))
        new.stages.append(Stage(id: "loyalty", name: "Loyalty"))
        let diff = JourneyDiff.compare(old: old, new: new)
        return DOTExporter(showsFindings: false).export(new, changes: DiagramChanges(diff, old: old))
    }

    @Test("diff --format dot draws added, changed, moved and removed elements with a legend")
    func pictureOfAChange() throws {
        let dot = try Self.pictureOfAChange()
        try Golden.assertMatches(dot, "review/minimal.diff.dot")
        #expect(dot.contains("\"removed:pay\""))
        #expect(dot.contains("Changes"))
    }

    @Test("Graphviz accepts the picture of a change", .requires(.dot))
    func pictureOfAChangeRenders() throws {
        let svg = try GraphvizSVG.render(try Self.pictureOfAChange())
        #expect(svg.contains("Orders and pays"))
    }
}
