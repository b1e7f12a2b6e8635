import Foundation
import JourneyKit
import Testing

/// The rows of the table in docs/robustness.md, one case of hostile or unusual input each.
/// The raw value is the row's id in the table's first column; `tableListsEveryRow` keeps the
/// two in step.
enum RobustnessCase: String, CaseIterable, CustomTestStringConvertible {
    // Bytes and encodings
    case emptyFile = "empty-file"
    case whitespaceOnly = "whitespace-only"
    case loneByteOrderMark = "lone-bom"
    case utf16WithByteOrderMark = "utf16-with-bom"
    case utf16WithoutByteOrderMark = "utf16-without-bom"
    case utf32WithByteOrderMark = "utf32-with-bom"
    case utf32WithoutByteOrderMark = "utf32-without-bom"
    case invalidUTF8 = "invalid-utf8"
    case xmlDeclaredEncoding = "xml-declared-encoding"
    case nulBytes = "nul-bytes"
    case crlfLineEndings = "crlf-line-endings"
    case crLineEndings = "cr-line-endings"
    // JSON
    case jsonNestedUnderUnknownKey = "json-nested-100000-unknown-key"
    case jsonNestedUnderKnownKeys = "json-nested-100000-known-keys"
    case json50MegabyteString = "json-50mb-string"
    case emotionOutOfRangeNumber = "emotion-1e400"
    case emotionNegativeZero = "emotion-negative-zero"
    case emotionWithDecimalPoint = "emotion-2.0"
    case duplicateKeys = "duplicate-keys"
    case keysDifferingByNormalisation = "keys-unicode-normalisation"
    case namesDifferingByNormalisation = "names-unicode-normalisation"
    // XML
    case xmlDocumentType = "xml-doctype-entities"
    case xmlInclude = "xml-xinclude"
    case xml10000Attributes = "xml-10000-attributes"
    case xmlVeryLongNames = "xml-very-long-names"
    case xmlMixedNamespaces = "xml-mixed-namespaces"
    case xmlNested = "xml-nested-100000"
    case notAJourney = "not-a-journey"
    // Special characters
    case specialCharactersInNames = "special-characters-in-names"
    case specialCharactersInIDs = "special-characters-in-ids"
    case terminalOutputSanitised = "terminal-output-sanitised"
    // Graph shape and size
    case nextCycle = "next-cycle"
    case nextSelfLoop = "next-self-loop"
    case personas10000 = "personas-10000"
    case touchpoints100000 = "touchpoints-100000"
    case personasTimesTouchpoints = "personas-x-touchpoints"
    // Files
    case fileMissing = "file-missing"
    case fileUnreadable = "file-unreadable"
    case fileIsDirectory = "file-directory"
    case fileIsFIFO = "file-fifo"
    case fileOverSizeCap = "file-over-size-cap"
    // Writing
    case convertOntoInputInOtherFormat = "convert-onto-input"
    case convertToMisnamedOutput = "convert-misnamed-output"
    case exportOntoInput = "export-onto-input"
    case renderOntoInput = "render-onto-input"
    case formatKeepsPermissions = "fmt-keeps-permissions"
    case formatFollowsLinks = "fmt-follows-links"
    case formatLeavesInvalidFileAlone = "fmt-invalid-untouched"
    case writeFailsParentIsFile = "write-parent-is-a-file"
    case writeFailsFolderMissing = "write-folder-missing"
    case writeFailsUnwritableFolder = "write-unwritable-folder"
    case writeFailsDiskFull = "write-disk-full"

    var testDescription: String { rawValue }
}

@Suite("Hostile input (docs/robustness.md)")
struct RobustnessTests {
    // MARK: Helpers

    static let minimalJSON = (try? String(contentsOf: Paths.samples.appendingPathComponent("minimal.journey.json"), encoding: .utf8)) ?? ""
    static let minimalXML = (try? String(contentsOf: Paths.samples.appendingPathComponent("minimal.journey.xml"), encoding: .utf8)) ?? ""

    /// Each error as "line:column message".
    static func errors(_ imported: ImportedJourney) -> [String] {
        imported.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    static func importJSON(_ text: String) -> ImportedJourney {
        JourneyImporter.importJourney(from: Array(text.utf8), path: "t.journey.json")
    }

    static func importXML(_ text: String) -> ImportedJourney {
        JourneyImporter.importJourney(from: Array(text.utf8), path: "t.journey.xml")
    }

    static func importBoth(_ bytes: [UInt8]) -> [ImportedJourney] {
        [JourneyImporter.importJourney(from: bytes, path: "t.journey.json"),
         JourneyImporter.importJourney(from: bytes, path: "t.journey.xml")]
    }

    /// Runs `body` and fails the test when it takes longer than `limit`.
    static func within<T>(_ limit: Duration, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        #expect(elapsed < limit, "took \(elapsed), more than \(limit)")
        return result
    }

    /// The bytes of `text` in UTF-16 or UTF-32, either byte order, with or without a mark.
    static func encode(_ text: String, utf32: Bool, bigEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        func append(_ unit: UInt32, width: Int) {
            let parts = (0..<width).map { UInt8((unit >> (8 * UInt32($0))) & 0xFF) }
            bytes += bigEndian ? parts.reversed() : parts
        }
        if byteOrderMark { append(0xFEFF, width: utf32 ? 4 : 2) }
        if utf32 {
            for scalar in text.unicodeScalars { append(scalar.value, width: 4) }
        } else {
            for unit in text.utf16 { append(UInt32(unit), width: 2) }
        }
        return bytes
    }

    /// Text to show on a terminal must hold no escape character and no bidirectional override.
    static func isTerminalSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }

    /// Names with every character DOT, XML, JSON, SARIF or a terminal treats specially.
    static let hostileName = "Q\"uote \\back\\slash <&> &amp; ]] \u{1B}[31mred\u{1B}[0m \u{202E}evil\u{202C} {x|y} \u{7}bell"

    /// The minimal journey with hostile text in every name (ids stay valid).
    static func hostileJourney() throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(minimalJSON.utf8)) as? [String: Any])
        object["title"] = hostileName
        object["description"] = hostileName
        var personas = try #require(object["personas"] as? [[String: Any]])
        personas[0]["name"] = hostileName
        object["personas"] = personas
        var stages = try #require(object["stages"] as? [[String: Any]])
        stages[0]["name"] = hostileName
        var touchpoints = try #require(stages[0]["touchpoints"] as? [[String: Any]])
        touchpoints[0]["name"] = hostileName
        touchpoints[0]["pains"] = [hostileName]
        stages[0]["touchpoints"] = touchpoints
        object["stages"] = stages
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: The table

    @Test("docs/robustness.md has one row per case, and each row is a case")
    func tableListsEveryRow() throws {
        let text = try String(contentsOf: Paths.repository.appendingPathComponent("docs/robustness.md"), encoding: .utf8)
        let table = text.components(separatedBy: "## Writing files").first ?? ""
        let rows = table.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(rows == RobustnessCase.allCases.map(\.rawValue))
    }

    @Test("each row of the robustness table", arguments: RobustnessCase.allCases)
    func row(_ row: RobustnessCase) throws {
        switch row {
        case .emptyFile:
            for imported in Self.importBoth([]) {
                #expect(Self.errors(imported) == ["1:1 the file is empty"])
            }
        case .whitespaceOnly:
            #expect(Self.errors(Self.importJSON(" \n\t\r\n ")) == ["1:1 the file holds only white space"])
            #expect(Self.errors(Self.importXML(" \n\t\r\n ")) == ["1:1 the file is empty"])
        case .loneByteOrderMark:
            for imported in Self.importBoth([0xEF, 0xBB, 0xBF]) {
                #expect(Self.errors(imported) == ["1:1 the file is empty"])
            }
        case .utf16WithByteOrderMark, .utf16WithoutByteOrderMark, .utf32WithByteOrderMark, .utf32WithoutByteOrderMark:
            let utf32 = row == .utf32WithByteOrderMark || row == .utf32WithoutByteOrderMark
            let mark = row == .utf16WithByteOrderMark || row == .utf32WithByteOrderMark
            let name = utf32 ? "UTF-32" : "UTF-16"
            for (text, path) in [(Self.minimalJSON, "t.journey.json"), (Self.minimalXML, "t.journey.xml")] {
                for bigEndian in [false, true] {
                    let bytes = Self.encode(text, utf32: utf32, bigEndian: bigEndian, byteOrderMark: mark)
                    let imported = JourneyImporter.importJourney(from: bytes, path: path)
                    #expect(Self.errors(imported) == ["1:1 the file is \(name); save it as UTF-8"], "\(path) big-endian: \(bigEndian)")
                }
            }
            // Through the command line: exit code 2 and the same message.
            let folder = try TemporaryFolder()
            let file = folder.url.appendingPathComponent("wide.journey.json")
            try Data(Self.encode(Self.minimalJSON, utf32: utf32, bigEndian: false, byteOrderMark: mark)).write(to: file)
            let result = try CLI.run(["check", file.path])
            #expect(result.status == 2)
            #expect(result.standardOutput.contains("wide.journey.json:1:1: error: the file is \(name); save it as UTF-8"))
        case .invalidUTF8:
            var json = Array(Self.minimalJSON.utf8)
            var xml = Array(Self.minimalXML.utf8)
            json.replaceSubrange(json.firstRange(of: Array("Commuter".utf8))!, with: Array("Comm".utf8) + [0xFF, 0xFE] + Array("uter".utf8))
            xml.replaceSubrange(xml.firstRange(of: Array("Commuter".utf8))!, with: Array("Comm".utf8) + [0xC3] + Array("uter".utf8))
            #expect(Self.errors(JourneyImporter.importJourney(from: json, path: "t.journey.json")) == ["7:16 the text is not valid UTF-8"])
            #expect(Self.errors(JourneyImporter.importJourney(from: xml, path: "t.journey.xml")) == ["3:36 the file is not valid UTF-8"])
        case .xmlDeclaredEncoding:
            for encoding in ["US-ASCII", "ISO-8859-1", "UTF-16"] {
                let text = Self.minimalXML.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"\(encoding)\"")
                    .replacingOccurrences(of: "Commuter", with: "Se\u{F1}ora")
                #expect(Self.errors(Self.importXML(text)) == ["1:31 the file declares the encoding \"\(encoding)\"; journeys are UTF-8"])
            }
            // libxml2 used to print its own decoding errors on standard error (found by fuzzing).
            let folder = try TemporaryFolder()
            let file = try folder.write(Self.minimalXML.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"US-ASCII\"")
                .replacingOccurrences(of: "Commuter", with: "Se\u{F1}ora"), to: "ascii.journey.xml")
            let result = try CLI.run(["check", file.path])
            #expect(result.status == 2)
            #expect(result.standardError.isEmpty, "\(result.standardError)")
            #expect(Self.importXML(Self.minimalXML.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding='utf8'")).isValid)
        case .nulBytes:
            let json = Self.importJSON(Self.minimalJSON.replacingOccurrences(of: "\"title\"", with: "\u{0}\"title\""))
            #expect(Self.errors(json) == ["3:3 expected a key in double quotes, found a NUL byte"])
            let inText = Self.importJSON(Self.minimalJSON.replacingOccurrences(of: "Commuter", with: "Comm\u{0}uter"))
            #expect(Self.errors(inText) == ["7:20 control character inside a text"])
            let xml = Self.importXML(Self.minimalXML.replacingOccurrences(of: "Commuter", with: "Comm\u{0}uter"))
            #expect(xml.diagnostics.containsErrors)
            #expect(xml.diagnostics.allSatisfy { $0.location.line == 3 })
        case .crlfLineEndings, .crLineEndings:
            let lineEnd = row == .crlfLineEndings ? "\r\n" : "\r"
            for (text, path) in [(Self.minimalJSON, "t.journey.json"), (Self.minimalXML, "t.journey.xml")] {
                let broken = text.replacingOccurrences(of: "\"store\"", with: "\"shop\"")
                let unix = JourneyImporter.importJourney(from: Array(broken.utf8), path: path)
                let other = JourneyImporter.importJourney(
                    from: Array(broken.replacingOccurrences(of: "\n", with: lineEnd).utf8), path: path)
                #expect(Self.errors(unix).count == 1)
                #expect(Self.errors(other) == Self.errors(unix), "\(path)")
            }
        case .jsonNestedUnderUnknownKey:
            let depth = 100_000
            let text = "{\"id\":\"a\",\"title\":\"b\",\"x\":" + String(repeating: "{\"a\":[", count: depth) + "1"
                + String(repeating: "]}", count: depth) + "}"
            let imported = Self.within(.seconds(5)) { Self.importJSON(text) }
            #expect(Self.errors(imported) == ["1:23 unknown key \"x\" in this journey"])
        case .jsonNestedUnderKnownKeys:
            let depth = 100_000
            let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
            let cases = [
                "{\"id\":\"a\",\"title\":\"b\",\"stages\":\(arrays)}",
                "{\"id\":\"a\",\"title\":\"b\",\"stages\":[\(objects)]}",
                "{\"id\":\"a\",\"title\":\"b\",\"description\":\(objects)}",
                "{\"id\":\"a\",\"title\":\"b\",\"stages\":[{\"id\":\"s\",\"name\":\"S\",\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\",\"kpis\":\(arrays)}]}]}",
            ]
            for text in cases {
                let imported = Self.within(.seconds(5)) { Self.importJSON(text) }
                #expect(imported.diagnostics.containsErrors)
                #expect(imported.diagnostics.allSatisfy { $0.location.line == 1 && $0.location.column < 120 })
            }
        case .json50MegabyteString:
            let big = String(repeating: "x", count: 50_000_000)
            let text = Self.minimalJSON.replacingOccurrences(of: "\"title\": \"Ordering coffee ahead\"",
                                                             with: "\"title\": \"Ordering coffee ahead\", \"description\": \"\(big)\"")
            let imported = Self.within(.seconds(10)) { Self.importJSON(text) }
            #expect(imported.isValid)
            #expect(imported.journey?.description?.utf8.count == 50_000_000)
        case .emotionOutOfRangeNumber, .emotionWithDecimalPoint:
            let number = row == .emotionOutOfRangeNumber ? "1e400" : "2.0"
            let imported = Self.importJSON(Self.minimalJSON.replacingOccurrences(of: "\"emotion\": -1", with: "\"emotion\": \(number)"))
            #expect(Self.errors(imported).map { $0.split(separator: " ", maxSplits: 1)[1] } == ["emotion must be a whole number, found \(number)"])
            let xml = Self.importXML(Self.minimalXML.replacingOccurrences(of: "emotion=\"-1\"", with: "emotion=\"\(number)\""))
            #expect(xml.diagnostics.containsErrors)
        case .emotionNegativeZero:
            let imported = Self.importJSON(Self.minimalJSON.replacingOccurrences(of: "\"emotion\": -1", with: "\"emotion\": -0"))
            #expect(imported.isValid)
            #expect(imported.journey?.stages.last?.touchpoints.last?.emotion == 0)
        case .duplicateKeys:
            let imported = Self.importJSON(Self.minimalJSON.replacingOccurrences(
                of: "\"title\": \"Ordering coffee ahead\",", with: "\"title\": \"A\", \"title\": \"B\","))
            #expect(Self.errors(imported) == ["3:17 duplicate key \"title\" in this journey; the first is on line 3"])
        case .keysDifferingByNormalisation:
            // "namé" spelled with a combining accent, and a full-width "ｉｄ": neither is a known
            // key in any normal form (known keys are ASCII), so neither can pass for one.
            for key in ["nam\u{0065}\u{0301}", "\u{FF49}\u{FF44}"] {
                let imported = Self.importJSON(Self.minimalJSON.replacingOccurrences(
                    of: "\"title\": \"Ordering coffee ahead\",", with: "\"title\": \"A\", \"\(key)\": \"B\","))
                #expect(Self.errors(imported) == ["3:17 unknown key \"\(key)\" in this journey"])
            }
            // Ids are ASCII: an accented id is refused in either form.
            let accented = Self.importJSON(Self.minimalJSON.replacingOccurrences(of: "\"id\": \"commuter\"", with: "\"id\": \"commut\u{00E9}r\""))
            #expect(Self.errors(accented).contains { $0.contains("is not a valid id") })
        case .namesDifferingByNormalisation:
            let composed = "Jos\u{00E9}", decomposed = "Jose\u{0301}"
            let text = Self.minimalJSON.replacingOccurrences(
                of: "\"name\": \"Commuter\"",
                with: "\"name\": \"\(composed)\"\n    },\n    {\n      \"id\": \"other\",\n      \"name\": \"\(decomposed)\"")
            let imported = Self.importJSON(text)
            #expect(imported.isValid)
            let journey = try #require(imported.journey)
            // Kept exactly as written, so writing the file back changes no byte…
            #expect(Array(journey.personas[0].name.unicodeScalars) == Array(composed.unicodeScalars))
            #expect(Array(journey.personas[1].name.unicodeScalars) == Array(decomposed.unicodeScalars))
            #expect(try JourneyWriter.write(journey, as: .json).utf8.contains(0xCC))  // U+0301 is CC 81
            // …and compared as Swift compares text, by canonical equivalence: the same name.
            #expect(journey.personas[0].name == journey.personas[1].name)
        case .xmlDocumentType, .xmlInclude:
            let names = row == .xmlInclude ? ["xinclude"] : ["external-dtd", "xxe-local-file", "billion-laughs", "quadratic-blowup", "undeclared-entity"]
            for name in names {
                let file = Paths.fixtures.appendingPathComponent("xml-attacks/\(name).journey.xml")
                let imported = Self.within(.seconds(1)) { JourneyImporter.importJourney(from: (try? Paths.bytes(file)) ?? [], path: "t.journey.xml") }
                #expect(imported.diagnostics.containsErrors, "\(name)")
                #expect(!imported.diagnostics.contains { $0.message.contains("root:") }, "\(name)")
            }
        case .xml10000Attributes:
            let attributes = (0..<10_000).map { "a\($0)=\"v\"" }.joined(separator: " ")
            let imported = Self.within(.seconds(5)) {
                Self.importXML(Self.minimalXML.replacingOccurrences(of: "<persona id=", with: "<persona \(attributes) id="))
            }
            let errors = Self.errors(imported)
            #expect(errors.count == 10_000)
            #expect(errors.first == "3:12 unknown attribute \"a0\" on this persona")
        case .xmlVeryLongNames:
            let long = String(repeating: "x", count: 100_000)
            for text in [
                Self.minimalXML.replacingOccurrences(of: "<persona id=", with: "<persona\(long) id="),
                Self.minimalXML.replacingOccurrences(of: "<persona id=", with: "<persona \(long)=\"v\" id="),
            ] {
                let imported = Self.within(.seconds(5)) { Self.importXML(text) }
                #expect(imported.diagnostics.containsErrors)
                #expect(imported.diagnostics.allSatisfy { $0.location.line == 3 })
            }
            // A long id is still an id: ids have no length limit.
            let longID = Self.within(.seconds(5)) {
                Self.importXML(Self.minimalXML.replacingOccurrences(of: "\"commuter\"", with: "\"c\(long)\""))
            }
            #expect(longID.isValid)
            #expect(longID.journey?.personas.first?.id.count == 100_001)
        case .xmlMixedNamespaces:
            let text = Self.minimalXML.replacingOccurrences(
                of: "<persona id=\"commuter\" name=\"Commuter\"/>",
                with: "<persona id=\"commuter\" name=\"Commuter\"/>\n  <o:persona xmlns:o=\"urn:other\" id=\"x\"/>")
            #expect(Self.errors(Self.importXML(text)) == ["4:3 unknown element <persona> (namespace \"urn:other\") in this journey"])
            // Attributes in another namespace are refused as well, by the schema.
            let attribute = Self.minimalXML.replacingOccurrences(of: "<persona id=", with: "<persona xmlns:o=\"urn:other\" o:note=\"n\" id=")
            #expect(Self.errors(Self.importXML(attribute)) == ["3:3 unknown attribute \"{urn:other}note\" on this persona"])
        case .xmlNested:
            let depth = 100_000
            let text = "<journey xmlns=\"urn:cjm:journey:1\" id=\"a\" title=\"b\">" + String(repeating: "<stage>", count: depth)
                + String(repeating: "</stage>", count: depth) + "</journey>"
            let imported = Self.within(.seconds(5)) { Self.importXML(text) }
            #expect(imported.diagnostics.containsErrors)
        case .notAJourney:
            #expect(Self.errors(Self.importXML("<html><body>hi</body></html>")) == [
                "1:1 the root element must be <journey> in namespace \"urn:cjm:journey:1\", found <html> without a namespace",
            ])
            let json = Self.errors(Self.importJSON("{\"name\": \"left-pad\", \"version\": \"1.0.0\"}"))
            #expect(json.contains("1:1 the journey has no \"id\""))
            #expect(Self.errors(Self.importJSON("[1, 2]")) == ["1:1 a journey file must hold one JSON object"])
        case .specialCharactersInNames:
            try specialCharactersInNames()
        case .specialCharactersInIDs:
            let text = Self.minimalJSON.replacingOccurrences(of: "\"id\": \"menu\"", with: "\"id\": \"a\\\"b<&>\\u001b[31m\\u202e\"")
            let imported = Self.importJSON(text)
            #expect(imported.diagnostics.contains { $0.message.hasPrefix("touchpoint id") && $0.message.hasSuffix("is not a valid id") })
            #expect(Self.isTerminalSafe(TextReporter().report([FileReport(path: "t", journeyID: nil, diagnostics: imported.diagnostics)])))
        case .terminalOutputSanitised:
            try terminalOutputSanitised()
        case .nextCycle, .nextSelfLoop:
            let target = row == .nextCycle ? "menu" : "pick-up"
            let text = Self.minimalJSON.replacingOccurrences(
                of: "\"id\": \"pick-up\",", with: "\"id\": \"pick-up\",\n          \"next\": [\"\(target)\"],")
            let imported = Self.importJSON(text)
            #expect(imported.isValid)
            let journey = try #require(imported.journey)
            let findings = Self.within(.seconds(1)) { Analyzer().analyze(journey) }
            let dot = DOTExporter().export(journey, findings: findings)
            #expect(dot.contains("\"pick-up\" -> \"\(target)\""))
        case .personas10000, .touchpoints100000:
            try largeJourney(row)
        case .personasTimesTouchpoints:
            // 4,000 personas, each with its own touchpoint in one stage, and one persona no
            // touchpoint reaches: every rule must stay linear in personas × touchpoints.
            let count = 4_000
            let personas = (0...count).map { "{\"id\":\"p\($0)\",\"name\":\"P\($0)\",\"channels\":[\"web\"]}" }
            let touchpoints = (0..<count).map { "{\"id\":\"t\($0)\",\"name\":\"T\",\"channels\":[\"web\"],\"personas\":[\"p\($0)\"]}" }
            let text = "{\"id\":\"x\",\"title\":\"X\",\"channels\":[{\"id\":\"web\",\"name\":\"Web\",\"kind\":\"web\"}],"
                + "\"personas\":[\(personas.joined(separator: ","))],"
                + "\"stages\":[{\"id\":\"s\",\"name\":\"S\",\"touchpoints\":[\(touchpoints.joined(separator: ","))]}]}"
            let journey = try #require(Self.importJSON(text).journey)
            let findings = Self.within(.seconds(3)) { Analyzer().analyze(journey) }
            #expect(findings.filter { $0.rule == "channel-gap" }.map { $0.references[.persona] } == ["p\(count)"])
        case .fileMissing, .fileUnreadable, .fileIsDirectory, .fileIsFIFO, .fileOverSizeCap:
            try unreadableFile(row)
        case .convertOntoInputInOtherFormat, .convertToMisnamedOutput, .exportOntoInput, .renderOntoInput,
             .formatKeepsPermissions, .formatFollowsLinks, .formatLeavesInvalidFileAlone,
             .writeFailsParentIsFile, .writeFailsFolderMissing, .writeFailsUnwritableFolder, .writeFailsDiskFull:
            try safeWrite(row)
        }
    }

    // MARK: Special characters

    func specialCharactersInNames() throws {
        let text = try Self.hostileJourney()
        let imported = Self.importJSON(text)
        #expect(imported.isValid, "\(imported.diagnostics)")
        let journey = try #require(imported.journey)
        #expect(journey.title == Self.hostileName)
        // JSON carries every character and reads back the same.
        let json = try JourneyWriter.write(journey, as: .json)
        #expect(Self.importJSON(json).journey == journey)
        #expect(!json.unicodeScalars.contains { $0.value == 0x1B })  // escaped as \u001b
        // XML cannot carry ESC or BEL: the writer refuses rather than write a broken file;
        // without them everything else reads back the same.
        #expect(throws: JourneyXMLWriter.UnrepresentableText.self) { try JourneyWriter.write(journey, as: .xml) }
        let printable = Self.hostileName.replacingOccurrences(of: "\u{1B}", with: "").replacingOccurrences(of: "\u{7}", with: "")
        let xmlSafe = try #require(Self.importJSON(text.replacingOccurrences(of: "\\u001b", with: "").replacingOccurrences(of: "\\u0007", with: "")).journey)
        #expect(xmlSafe.title == printable)
        let xml = try JourneyWriter.write(xmlSafe, as: .xml)
        #expect(Self.importXML(xml).journey == xmlSafe)
        // DOT: quotes and backslashes escaped, no raw control character in a label.
        let findings = Analyzer().analyze(journey)
        for view in DOTExporter.View.allCases {
            let dot = DOTExporter(view: view).export(journey, findings: findings)
            #expect(!dot.unicodeScalars.contains { $0.value < 0x20 && $0.value != 0x0A })
            #expect(!dot.contains("Q\"uote"))
        }
        // SARIF is JSON that parses and keeps the text.
        let report = JourneyChecker().report(bytes: Array(text.utf8), path: "t.journey.json")
        let sarif = SARIFReporter().report([report])
        #expect((try? JSONSerialization.jsonObject(with: Data(sarif.utf8))) != nil)
        #expect(Self.isTerminalSafe(TextReporter().report([report])))
    }

    func terminalOutputSanitised() throws {
        let folder = try TemporaryFolder()
        let old = try folder.write(Self.minimalJSON, to: "old.journey.json")
        let new = try folder.write(try Self.hostileJourney(), to: "new.journey.json")
        let broken = try folder.write(Self.minimalJSON.replacingOccurrences(of: "\"store\"", with: "\"\\u001b[2J\\u202e\""), to: "broken.journey.json")
        let runs: [[String]] = [
            ["check", new.path, broken.path],
            ["check", "--format", "text", new.path],
            ["diff", old.path, new.path],
            ["matrix", new.path],
            ["rules"],
            ["check", "--disable", "\u{1B}[31mrule\u{202E}", new.path],
            ["check", folder.url.appendingPathComponent("\u{1B}[31mmissing.journey.json").path],
        ]
        for arguments in runs {
            let result = try CLI.run(arguments)
            #expect(Self.isTerminalSafe(result.standardOutput), "\(arguments[0]) standard output")
            #expect(Self.isTerminalSafe(result.standardError), "\(arguments[0]) standard error")
            #expect(!result.standardOutput.isEmpty || !result.standardError.isEmpty)
        }
        // Through a terminal too, where colour is on: only cjm's own colour codes.
        if let script = Subprocess.find("script") {
            let command = "\(CLI.executable.path) check \(new.path) \(broken.path)"
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "NO_COLOR")
            let result = try Subprocess.run(script, ["-qec", command, "/dev/null"], environment: environment)
            #expect(!result.standardOutput.contains("\u{1B}[2J"))
            #expect(!result.standardOutput.contains("\u{1B}[31mred"))
            #expect(!result.standardOutput.unicodeScalars.contains { $0.value == 0x202E })
            #expect(result.standardOutput.contains("\\u{1B}"))
        }
    }

    // MARK: Size

    func largeJourney(_ row: RobustnessCase) throws {
        var text = "{\"id\":\"big\",\"title\":\"Big\",\"channels\":[{\"id\":\"web\",\"name\":\"Web\",\"kind\":\"web\"}],\"personas\":["
        if row == .personas10000 {
            text += (0..<10_000).map { "{\"id\":\"p\($0)\",\"name\":\"P \($0)\",\"channels\":[\"web\"]}" }.joined(separator: ",")
            text += "],\"stages\":[{\"id\":\"s\",\"name\":\"S\",\"touchpoints\":["
            text += (0..<100).map { "{\"id\":\"t\($0)\",\"name\":\"T\",\"channels\":[\"web\"],\"personas\":[\"p\($0)\"]}" }.joined(separator: ",")
        } else {
            text += "{\"id\":\"p\",\"name\":\"P\"}],\"stages\":[{\"id\":\"s\",\"name\":\"S\",\"touchpoints\":["
            let count = 100_000
            text += (0..<count).map { index in
                let next = index + 1 < count ? "\"next\":[\"t\(index + 1)\"]," : ""
                return "{\"id\":\"t\(index)\",\"name\":\"T \(index)\",\(next)\"channels\":[\"web\"]}"
            }.joined(separator: ",")
        }
        text += "]}]}"
        let (imported, findings) = Self.within(.seconds(20)) { () -> (ImportedJourney, [Diagnostic]) in
            let imported = Self.importJSON(text)
            return (imported, imported.journey.map { Analyzer().analyze($0) } ?? [])
        }
        #expect(imported.isValid, "\(imported.diagnostics.prefix(3))")
        let journey = try #require(imported.journey)
        if row == .personas10000 {
            #expect(journey.personas.count == 10_000)
            // Personas no touchpoint aims at are reported, each once.
            #expect(findings.filter { $0.rule == "unused-persona" }.count == 9_900)
        } else {
            #expect(journey.stages[0].touchpoints.count == 100_000)
            #expect(!findings.contains { $0.rule == "unreachable-touchpoint" })
        }
    }

    // MARK: Files

    func unreadableFile(_ row: RobustnessCase) throws {
        let folder = try TemporaryFolder()
        let path: String
        var arguments = ["check"]
        var expected: String
        switch row {
        case .fileMissing:
            path = folder.url.appendingPathComponent("missing.journey.json").path
            expected = "cannot read the journey: no such file"
        case .fileUnreadable:
            let file = try folder.write(Self.minimalJSON, to: "locked.journey.json")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
            path = file.path
            expected = "cannot read the journey: permission denied"
            if getuid() == 0 {
                // root reads any file whatever its permissions: the journey is simply checked.
                let result = try CLI.run(["check", path])
                #expect(result.status != 2, "\(result.standardOutput)")
                return
            }
        case .fileIsDirectory:
            // `check` searches a folder for journeys; commands that take one journey refuse it.
            path = folder.url.path
            let checked = try CLI.run(["check", path])
            #expect(checked.status == 2)
            #expect(checked.standardOutput.contains("\(path):1:1: error: the directory holds no journey files"), "\(checked.standardOutput)")
            arguments = ["convert", "--to", "xml"]
            expected = "cannot read the journey: it is a directory"
        case .fileIsFIFO:
            path = folder.url.appendingPathComponent("pipe.journey.json").path
            #expect(mkfifo(path, 0o644) == 0)
            expected = "cannot read the journey: it is not a regular file"
        default:
            let file = try folder.write(Self.minimalJSON + String(repeating: " ", count: 2_100_000), to: "big.journey.json")
            path = file.path
            arguments += ["--max-file-size", "1"]
            expected = "cannot read the journey: it is 2 MB, over the 1 MB limit"
        }
        let result = try Self.within(.seconds(10)) { try CLI.run(arguments + [path]) }
        #expect(result.status == 2)
        // `check` reports on standard output; commands whose output is a file report on standard error.
        #expect((result.standardOutput + result.standardError).contains("\(path):1:1: error: \(expected)"),
                "\(result.standardOutput)\(result.standardError)")
    }

    // MARK: Writing

    /// The names of the files in `folder`, to show that no temporary file was left behind.
    static func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func safeWrite(_ row: RobustnessCase) throws {
        let folder = try TemporaryFolder()
        let input = try folder.write(Self.minimalJSON, to: "a.journey.json")
        let original = try Data(contentsOf: input)
        var arguments: [String]
        var expectedError: String?
        switch row {
        case .convertOntoInputInOtherFormat:
            arguments = ["convert", input.path, "--to", "xml", "-o", input.path]
            expectedError = "refusing to overwrite the input journey with XML"
        case .convertToMisnamedOutput:
            arguments = ["convert", input.path, "--to", "xml", "-o", folder.url.appendingPathComponent("b.journey.json").path]
            expectedError = "the output is named as JSON but --to xml writes XML"
        case .exportOntoInput:
            arguments = ["export", input.path, "-o", input.path]
            expectedError = "refusing to overwrite the input journey with the diagram"
        case .renderOntoInput:
            // A journey may be named anything when its content says what it is.
            let svg = try folder.write(Self.minimalJSON, to: "a.svg")
            let result = try CLI.run(["render", svg.path, "-o", svg.path])
            #expect(result.status == 2)
            #expect(result.standardError.contains("refusing to overwrite the input journey with an image"))
            #expect(try Data(contentsOf: svg) == original)
            return
        case .formatKeepsPermissions, .formatFollowsLinks:
            let messy = try folder.write(Self.minimalJSON.replacingOccurrences(of: "\n", with: "\n  "), to: "messy.journey.json")
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: messy.path)
            var target = messy.path
            if row == .formatFollowsLinks {
                target = folder.url.appendingPathComponent("link.journey.json").path
                try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: "messy.journey.json")
            }
            let result = try CLI.run(["fmt", target])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try folder.read("messy.journey.json") == Self.minimalJSON)
            let attributes = try FileManager.default.attributesOfItem(atPath: messy.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o640)
            if row == .formatFollowsLinks {
                #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target) == "messy.journey.json")
            }
            #expect(Self.contents(folder.url).allSatisfy { !$0.contains(".cjm-") })
            return
        case .formatLeavesInvalidFileAlone:
            let broken = try folder.write("{\"id\": \"a\",\n  \"title\": 1}", to: "broken.journey.json")
            let before = try Data(contentsOf: broken)
            let result = try CLI.run(["fmt", broken.path])
            #expect(result.status == 2)
            #expect(try Data(contentsOf: broken) == before)
            return
        case .writeFailsParentIsFile:
            arguments = ["convert", input.path, "--to", "json", "-o", input.path + "/out.journey.json"]
            expectedError = "cannot write the output: \(input.path) is not a folder"
        case .writeFailsFolderMissing:
            arguments = ["export", input.path, "-o", folder.url.appendingPathComponent("no/such/folder/out.dot").path]
            expectedError = "cannot write the output: the folder \(folder.url.path)/no/such/folder does not exist"
        case .writeFailsUnwritableFolder:
            // As root no folder refuses a new file, but /proc refuses them to everyone.
            let target = getuid() == 0 ? "/proc/cjm-test.journey.json" : "/cjm-test.journey.json"
            arguments = ["convert", input.path, "--to", "json", "-o", target]
            expectedError = "cannot write the output: cannot create a file in"
        default:
            // /dev/full takes no byte: the write fails and the device stays a device.
            arguments = ["export", input.path, "-o", "/dev/full"]
            expectedError = "cannot write the output: cannot write: No space left on device"
        }
        let result = try CLI.run(arguments)
        #expect(result.status == 2)
        if let expectedError { #expect(result.standardError.contains(expectedError), "\(result.standardError)") }
        #expect(try Data(contentsOf: input) == original)
        #expect(Self.contents(folder.url) == ["a.journey.json"])
        if row == .writeFailsDiskFull {
            var status = stat()
            #expect(stat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
        }
    }
}
