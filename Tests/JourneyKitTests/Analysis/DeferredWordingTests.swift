@testable import JourneyKit
import Foundation
import Testing

/// Findings word themselves when a reporter reads them (issue 19: 200,000 findings built
/// their sentences while the rules ran); the text report writes bytes. Both must say exactly
/// what the words written at once said.
@Suite("Findings worded when read; the text report on bytes")
struct DeferredWordingTests {
    /// The findings of the samples and of a journey that triggers every deferred rule (each
    /// sentence kind: no channel, no live channel, missed personas, a persona's experience …).
    static func findings() throws -> [Diagnostic] {
        var all: [Diagnostic] = []
        for sample in ["tienda-whatsapp", "law-firm-seo", "minimal"] {
            let bytes = try Paths.bytes(Paths.samples.appendingPathComponent("\(sample).journey.json"))
            all += JourneyChecker().report(bytes: bytes, path: "\(sample).journey.json").findings
        }
        all += Analyzer().analyze(try everySentenceJourney())
        return all
    }

    @Test("a deferred finding's message and hint are the words written out, and it equals and hashes as that finding")
    func deferredEqualsWritten() throws {
        let findings = try Self.findings()
        let deferredRules = Set(findings.filter(\.isWordedWhenRead).compactMap(\.rule))
        // Every rule that defers its words, so that none is left unchecked.
        #expect(deferredRules == ["broken-handoff", "dead-end", "unaddressed-pain", "unevidenced-moment",
                                  "unowned-touchpoint", "unserved-touchpoint"])
        for finding in findings {
            let written = Diagnostic(severity: finding.severity, message: finding.message, location: finding.location,
                                     hint: finding.hint, rule: finding.rule, references: finding.references)
            #expect(!written.isWordedWhenRead)
            #expect(written == finding)
            #expect(written.hashValue == finding.hashValue)
            #expect(!finding.message.isEmpty)
        }
    }

    @Test("assigning a deferred finding's message or hint keeps the other")
    func assigning() throws {
        var finding = try #require(try Self.findings().first { $0.isWordedWhenRead && $0.hint != nil })
        let hint = finding.hint
        finding.message = "changed"
        #expect(finding.message == "changed" && finding.hint == hint)
        finding.hint = nil
        #expect(finding.message == "changed" && finding.hint == nil)
    }

    @Test("every sentence of the deferred rules is worded as before")
    func sentences() throws {
        let journey = try Self.everySentenceJourney()
        let messages = Analyzer().analyze(journey).map { "\($0.rule ?? ""): \($0.message) | \($0.hint ?? "")" }
        let expected = [
            "unserved-touchpoint: No one can reach \"Order\": it has no channel | list the channels it happens on in \"channels\"",
            "unserved-touchpoint: No one can reach \"Pay\": none of its channels is live (Pay app is planned and Old shop is retired) | add a live channel to the touchpoint, or suppress with \"ignore\": [\"unserved-touchpoint\"] while it is only planned",
            "unserved-touchpoint: Lucía cannot reach \"Ship\": E-mail is not one of their channels | add a live channel this persona uses to the touchpoint, add the channel to the persona, or take the persona out of the touchpoint's \"personas\"",
            "broken-handoff: Customers going from \"Ship\" to \"Chat\" must switch from E-mail to WhatsApp, and \"Chat\" has no handoff | describe in \"handoff\" what context this touchpoint receives, or put both touchpoints on a shared channel",
            "unaddressed-pain: \"Lucía\" has a pain at \"Chat\" but it has no opportunity, and it is a moment of truth | write at least one idea to make it better in \"opportunities\"",
            "dead-end: \"Chat\" is a dead end: it has no \"next\" and is not in the last stage | list the touchpoints that follow it in \"next\", or add \"ignore\": [\"dead-end\"] if the journey really ends here",
            "unowned-touchpoint: No one owns \"Order\": it has no owner and no channel | set \"owner\" on the touchpoint or on one of its channels",
            "unevidenced-moment: Moment of truth \"Chat\" has no evidence | add \"evidence\" from research or data: an interview, survey, analytics, support tickets, an observation or a usability test",
        ]
        for sentence in expected {
            #expect(messages.contains(sentence), "\(messages)")
        }
    }

    @Test("a deferred finding's rule and references are those its rule found, read from its positions")
    func references() throws {
        let findings = Analyzer().analyze(try Self.everySentenceJourney()).filter(\.isWordedWhenRead)
        let references = findings.map { finding in
            "\(finding.rule ?? ""): " + finding.references.map { "\($0.role.rawValue)=\($0.id)" }.joined(separator: " ")
        }
        #expect(references == [
            "unowned-touchpoint: touchpoint=order",
            "unserved-touchpoint: touchpoint=order",
            "unserved-touchpoint: touchpoint=pay",
            "unserved-touchpoint: personas=lucia touchpoint=ship",
            "broken-handoff: from=ship touchpoint=chat",
            "dead-end: touchpoint=chat",
            "unevidenced-moment: touchpoint=chat",
            "unaddressed-pain: persona=lucia touchpoint=chat",
        ])
    }

    @Test("a deferred finding is 48 bytes: 200,000 of them are 10 MB, where they were 29 MB")
    func compact() throws {
        #expect(MemoryLayout<Diagnostic>.stride <= 48)
        var finding = try #require(Analyzer().analyze(try Self.everySentenceJourney()).first(where: \.isWordedWhenRead))
        let (rule, references) = (finding.rule, finding.references)
        // Assigning turns it into text, with what it said before.
        finding.severity = .error
        #expect(finding.isWordedWhenRead)
        finding.references[.stage] = "buy"
        #expect(!finding.isWordedWhenRead && finding.rule == rule && finding.references[.stage] == "buy")
        #expect(finding.references.count == references.count + 1)
    }

    @Test("the text report written as bytes is its lines and summary, hostile text sanitised as `line(for:)` does")
    func textReportBytes() throws {
        let hostile = "a\u{1B}[31m red \u{202E}reversed\u{202C} \u{85}next \u{2068}\u{5D0}\u{2069} café’s"
        let location = SourceLocation(file: "dir/\u{1B}]8;;x\u{7}f\u{200F}.journey.json", line: 12, column: 7)
        let diagnostics = [
            Diagnostic(severity: .error, message: hostile, location: location, hint: hostile),
            Diagnostic(severity: .warning, message: "plain", location: location, rule: "dead-end", references: [.touchpoint: "x"]),
            Diagnostic(severity: .info, message: "no hint \u{7F}", location: SourceLocation(file: "other", line: 1, column: 1)),
        ]
        let findings = try Self.findings()
        let files = [FileReport(path: "a", journeyID: nil, diagnostics: diagnostics),
                     FileReport(path: "b", journeyID: "b", diagnostics: [], findings: findings)]
        let reporter = TextReporter()
        let expected = (diagnostics.sorted() + findings.sorted()).map { reporter.line(for: $0) + "\n" }.joined() + reporter.summary(files) + "\n"
        #expect(findings.count > 20)
        #expect(reporter.report(files) == expected)
        // In pieces of any size, the same bytes.
        var pieces: [String] = []
        reporter.report(files, chunkSize: 100) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.joined() == expected)
        #expect(!expected.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{85}" || $0 == "\u{7F}" })
    }

    static func everySentenceJourney() throws -> Journey {
        let imported = JourneyImporter.importJourney(from: Array(everySentence.utf8), path: "t.journey.json")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.message))")
        return try #require(imported.journey)
    }

    /// One touchpoint for each sentence of the deferred rules.
    static let everySentence = """
        {
          "id": "every-sentence",
          "title": "Every sentence",
          "personas": [{"id": "alex", "name": "Álex"}, {"id": "lucia", "name": "Lucía", "channels": ["whatsapp"]}],
          "channels": [
            {"id": "whatsapp", "name": "WhatsApp", "owner": "sales"},
            {"id": "email", "name": "E-mail", "owner": "marketing"},
            {"id": "app", "name": "Pay app", "status": "planned", "owner": "it"},
            {"id": "shop", "name": "Old shop", "status": "retired", "owner": "it"}
          ],
          "stages": [
            {
              "id": "buy",
              "name": "Buy",
              "touchpoints": [
                {"id": "order", "name": "Order", "next": ["pay"], "kpis": [{"name": "Orders"}], "opportunities": ["x"]},
                {"id": "pay", "name": "Pay", "channels": ["app", "shop"], "next": ["ship"], "kpis": [{"name": "Paid"}], "opportunities": ["x"]},
                {"id": "ship", "name": "Ship", "channels": ["email"], "next": ["chat"], "kpis": [{"name": "Shipped"}], "opportunities": ["x"]},
                {
                  "id": "chat",
                  "name": "Chat",
                  "channels": ["whatsapp"],
                  "momentOfTruth": true,
                  "kpis": [{"name": "Chats"}],
                  "experiences": [{"persona": "lucia", "pains": ["Waits"]}]
                }
              ]
            },
            {
              "id": "after",
              "name": "After",
              "touchpoints": [{"id": "review", "name": "Review", "channels": ["whatsapp"], "kpis": [{"name": "Reviews"}]}]
            }
          ]
        }
        """
}
