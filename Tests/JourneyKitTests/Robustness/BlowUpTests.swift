import Foundation
import JourneyKit
import Testing

/// The rows of docs/robustness.md about inputs under 1 MB that used to cost far more than
/// their size (issue 17 item 13) and about what text outputs let through (items 14, 15).
extension RobustnessTests {
    /// A journey of `stages` stages with one touchpoint each; `shifted` moves every touchpoint
    /// to the next stage (the last one to the first).
    static func stagesJourney(stages: Int, shifted: Bool) -> String {
        let list = (0..<stages).map { index in
            let owner = shifted ? (index + stages - 1) % stages : index
            return "{\"id\": \"s\(index)\", \"name\": \"Stage \(index)\", \"touchpoints\": [{\"id\": \"t\(owner)\", \"name\": \"T \(owner)\", \"channels\": [\"web\"], \"owner\": \"x\", \"kpis\": [{\"name\": \"k\"}]}]}"
        }
        return """
            {"id": "moves", "title": "Moves", "personas": [{"id": "p", "name": "P"}],
             "channels": [{"id": "web", "name": "Web", "owner": "x"}], "stages": [\(list.joined(separator: ",\n"))]}
            """
    }

    /// `cjm diff` of journeys where every touchpoint moved: the text report is linear.
    func diffEveryTouchpointMoved() throws {
        let report = try Growth.expectLinear("diff text report, every touchpoint moved", size: 300, input: { stages in
            let old = try #require(Self.importJSON(Self.stagesJourney(stages: stages, shifted: false)).journey)
            let new = try #require(Self.importJSON(Self.stagesJourney(stages: stages, shifted: true)).journey)
            return JourneyDiff.compare(old: old, oldFindings: [], new: new, newFindings: [])
        }, work: { DiffTextReporter().report($0, oldPath: "a", newPath: "b") })
        #expect(report.components(separatedBy: "→ moved touchpoint").count - 1 == 3_000)
        #expect(report.contains("stage \"Stage 7\" (s7)\n  → moved touchpoint \"T 6\" (t6) here from stage \"Stage 6\""), "\(report.prefix(400))")
    }

    /// Mermaid import: many tasks of one name, many actors on one task, both linear.
    func mermaidImportRepeatedNames() throws {
        func diagram(tasks: Int) -> [UInt8] {
            Array(("journey\n  title T\n  section S\n" + String(repeating: "    Same task: 3: Me\n", count: tasks)).utf8)
        }
        func actors(_ count: Int) -> [UInt8] {
            Array(("journey\n  title T\n  section S\n    Task: 3: " + (0..<count).map { "Actor \($0)" }.joined(separator: ", ") + "\n").utf8)
        }
        let imported = Growth.expectLinear("Mermaid import, tasks of one name", size: 500, input: diagram, work: {
            MermaidJourneyImporter.importFile(from: $0, path: "d.mmd")
        })
        let journey = try #require(imported.journeys.first?.journey)
        let ids = journey.touchpoints.map(\.id)
        #expect(ids.count == 5_000)
        #expect(ids.last == "same-task-5000")
        let many = Growth.expectLinear("Mermaid import, actors of one task", size: 1_000, input: actors, work: {
            MermaidJourneyImporter.importFile(from: $0, path: "d.mmd")
        })
        #expect(many.journeys.first?.journey?.personas.count == 10_000)
    }

    /// `cjm matrix` with long stage names: columns are wrapped at a fixed width, so the
    /// output grows with the cells, not with cells × the longest name.
    func matrixLongNames() throws {
        let name = String(repeating: "Long stage name ", count: 60)
        let stages = (0..<60).map { "{\"id\": \"s\($0)\", \"name\": \"\(name)\($0)\", \"touchpoints\": [{\"id\": \"t\($0)\", \"name\": \"T\", \"channels\": [\"c0\"], \"owner\": \"x\", \"kpis\": [{\"name\": \"k\"}]}]}" }
        let channels = (0..<60).map { "{\"id\": \"c\($0)\", \"name\": \"Channel \($0)\", \"owner\": \"x\"}" }
        let text = """
            {"id": "m", "title": "M", "personas": [{"id": "p", "name": "P"}], "channels": [\(channels.joined(separator: ","))],
             "stages": [\(stages.joined(separator: ","))]}
            """
        let journey = try #require(Self.importJSON(text).journey)
        let matrix = try CoverageMatrix(journey)
        let output = MatrixTextReporter().report(matrix)
        let longest = output.split(separator: "\n").map(\.count).max() ?? 0
        // 61 columns of at most 40 characters and their separators.
        #expect(longest <= 61 * 43, "longest line \(longest)")
        #expect(output.utf8.count < 2_000_000, "\(output.utf8.count) bytes for \(text.utf8.count) bytes of input")
    }

    /// CSV and Markdown matrices: no control character or bidirectional override gets
    /// through, and no name can split a record, a field or a column, or run as a formula.
    func matrixInjection() throws {
        let hostile = ["=HYPERLINK(\"x\")", "a\r\nb", "comma,\u{301}here", "quote\"\u{301}here", "pipe|\u{301}here",
                       "\u{1B}]0;title\u{7}", "\u{1B}[2J", "nul\u{0}byte", "\u{202E}evil", "+1", "@SUM(A1)", "-2"]
        let stages = hostile.enumerated().map { index, name in
            "{\"id\": \"s\(index)\", \"name\": \(Self.jsonString(name)), \"touchpoints\": [{\"id\": \"t\(index)\", \"name\": \(Self.jsonString(name)), \"channels\": [\"c\"], \"owner\": \"x\", \"kpis\": [{\"name\": \"k\"}]}]}"
        }
        let text = """
            {"id": "m", "title": "M", "personas": [{"id": "p", "name": "P"}], "channels": [{"id": "c", "name": "=cmd|' /C calc'!A0", "owner": "x"}],
             "stages": [\(stages.joined(separator: ","))]}
            """
        let journey = try #require(Self.importJSON(text).journey)
        let matrix = try CoverageMatrix(journey)
        let csv = MatrixCSVReporter().report(matrix)
        let markdown = MatrixMarkdownReporter().report(matrix)
        for output in [csv, markdown] {
            #expect(Self.isTerminalSafe(output))
            #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\r" || $0.value == 0x7F })
        }
        // CSV: three records (header, the channel, the persona row or none), each with as many fields as the header.
        let records = Self.csvRecords(csv)
        #expect(records.count >= 2)
        #expect(records.allSatisfy { $0.count == hostile.count + 1 }, "\(records.map(\.count))")
        #expect(records[0][1].hasPrefix("'="), "\(records[0][1])")
        #expect(records[1][0].hasPrefix("'="))
        #expect(records[0].filter { $0.hasPrefix("'") }.count == 4, "\(records[0])")
        // Markdown: every table line has the header's number of unescaped `|`.
        let tableLines = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        let columns = Set(tableLines.map { Self.unescapedPipes(String($0)) })
        #expect(columns.count == 1, "\(tableLines)")
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst().dropLast().description
    }

    /// Splits RFC 4180 text into records of fields, scalar by scalar.
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = ""
        var quoted = false, afterQuote = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" { field.unicodeScalars.append("\""); index += 1 } else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"", field.isEmpty, !afterQuote {
                quoted = true
            } else if scalar == "," {
                fields.append(field); field = ""; afterQuote = false
            } else if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                fields.append(field); records.append(fields); fields = []; field = ""; afterQuote = false; index += 1
            } else {
                field.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return records
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0, escaped = false
        for scalar in line.unicodeScalars {
            if escaped { escaped = false; continue }
            if scalar == "\\" { escaped = true } else if scalar == "|" { count += 1 }
        }
        return count
    }
}

extension RobustnessTests {
    /// A journey of `count` touchpoints in one stage, each with `next` listing every touchpoint
    /// (itself included), the first one twice.
    static func denseJourney(touchpoints count: Int) -> String {
        let ids = (0..<count).map { "\"t\($0)\"" }
        let next = "[\"t0\", " + ids.joined(separator: ", ") + "]"
        let list = (0..<count).map { "{\"id\": \"t\($0)\", \"name\": \"T \($0)\", \"channels\": [\"c\($0 % 2)\"], \"owner\": \"x\", \"kpis\": [{\"name\": \"k\"}], \"next\": \(next)}" }
        return """
            {"id": "dense", "title": "Dense", "personas": [{"id": "p", "name": "P"}],
             "channels": [{"id": "c0", "name": "C0", "owner": "x"}, {"id": "c1", "name": "C1", "owner": "x"}],
             "stages": [{"id": "s", "name": "S", "touchpoints": [\(list.joined(separator: ",\n"))]}]}
            """
    }

    /// DOT export of a dense `next` graph: linear in the flows, and a target listed twice is
    /// drawn once.
    func dotDenseNext() throws {
        let dot = try Growth.expectLinear("DOT export, flows growing", size: 400, input: { flows in
            let journey = try #require(Self.importJSON(Self.denseJourney(touchpoints: Int(Double(flows).squareRoot()))).journey)
            return (journey, Analyzer().analyze(journey))
        }, work: { DOTExporter().export($0.0, findings: $0.1) })
        // 63 touchpoints: t0 is listed twice in every `next`, yet drawn once from each.
        #expect(dot.components(separatedBy: "\"t1\" -> \"t0\" ").count - 1 == 1 || dot.components(separatedBy: "t1 -> t0 ").count - 1 == 1, "\(dot.prefix(2000))")
        #expect(dot.components(separatedBy: " -> ").count - 1 >= 63 * 63)
    }
}

extension RobustnessTests {
    /// Mermaid export of many personas × many touchpoints for everyone: the output grows with
    /// personas + touchpoints, and reads back as the same audiences.
    func mermaidExportManyPersonas() throws {
        func journey(_ count: Int) throws -> Journey {
            let personas = (0..<count).map { "{\"id\": \"p\($0)\", \"name\": \"Persona \($0)\"}" }
            let touchpoints = (0..<count).map { "{\"id\": \"t\($0)\", \"name\": \"Task \($0)\", \"channels\": [\"c\"], \"owner\": \"x\", \"kpis\": [{\"name\": \"k\"}]}" }
            return try #require(Self.importJSON("""
                {"id": "m", "title": "M", "personas": [\(personas.joined(separator: ","))], "channels": [{"id": "c", "name": "C", "owner": "x"}],
                 "stages": [{"id": "s", "name": "S", "touchpoints": [\(touchpoints.joined(separator: ","))]}]}
                """).journey)
        }
        let small = try MermaidJourneyWriter.mermaid(try journey(300))
        let large = try MermaidJourneyWriter.mermaid(try journey(3_000))
        // Ten times the personas and touchpoints: about ten times the bytes, not a hundred.
        #expect(Double(large.utf8.count) / Double(small.utf8.count) < 15, "\(small.utf8.count) → \(large.utf8.count) bytes")
        #expect(large.utf8.count < 200_000, "\(large.utf8.count) bytes")
        let readBack = try #require(MermaidJourneyImporter.importFile(from: Array(large.utf8), path: "m.mmd").journeys.first?.journey)
        #expect(readBack.personas.count == 3_000)
        let audiences = readBack.touchpoints.map(\.personas.count)
        #expect(audiences.first == 3_000 && audiences.dropFirst().allSatisfy { $0 == 0 })
        // A few personas are still named on every task.
        let few = try MermaidJourneyWriter.mermaid(try journey(3))
        #expect(few.contains("Task 2: 3: Persona 0, Persona 1, Persona 2"), "\(few)")
    }
}
