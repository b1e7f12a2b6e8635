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
    case personasMillion = "personas-1000000"
    case personasTimesTouchpoints = "personas-x-touchpoints"
    case groupedPersonaFindings = "personas-x-stages-grouped"
    case diffEveryTouchpointMoved = "diff-10000-moves"
    case mermaidImportRepeatedNames = "mermaid-import-repeated-names"
    case matrixLongNames = "matrix-long-names"
    case matrixInjection = "matrix-csv-markdown-injection"
    case dotDenseNext = "dot-dense-next"
    case mermaidExportManyPersonas = "mermaid-export-personas-x-touchpoints"
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
    // Writing, round two (issue 17)
    case writeToOwnDescriptors = "write-dev-stdout"
    case standardOutputWriteFails = "stdout-write-error"
    case writeKeepsOwner = "write-keeps-owner"
    case writeReadOnlyTarget = "write-read-only"
    case writeHardLinkedTarget = "write-hard-links"
    case writeInterrupted = "write-interrupted"
    case writeAtRootFolder = "write-root-folder"
    // Git and options
    case gitDriverDashNames = "git-driver-dash-names"
    case numericOptionsOutOfRange = "numeric-options-range"
    case renderKilled = "render-killed"
    case directoryWalkProblems = "walk-unreadable-undecodable-links"
    case nonUTF8NamedOnCommandLine = "non-utf8-name-argument"
    case commandLineMessages = "messages-command-line"
    // Importers and validator, round two (issue 17)
    case xmlHugeText = "xml-huge-text"
    case xmlStylesheetAndSchemaLocation = "xml-stylesheet-schema-location"
    case invisibleAndBidirectionalCharacters = "ids-invisible-names-isolated"
    case importerMessages = "messages-importers"
    case nextDuplicateEntries = "next-duplicate-entries"

    var testDescription: String { rawValue }
}

/// Each row is checked by the function named after its case (`row` only dispatches); rows about
/// size check that the work grows linearly (`Growth`), not that it beats a clock, so that the
/// suite does not fail at random on a loaded machine.
@Suite("Hostile input (docs/robustness.md)")
struct RobustnessTests {
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

    @Test("the minimal sample the rows edit is there")
    func minimalSample() {
        #expect(Self.minimalJSON.contains("\"Commuter\""))
        #expect(Self.minimalXML.contains("\"Commuter\""))
    }

    /// A hang (a FIFO read, a loop on a cycle) fails the row instead of stalling the run.
    @Test("each row of the robustness table", .timeLimit(.minutes(3)), arguments: RobustnessCase.allCases)
    func row(_ row: RobustnessCase) throws {
        switch row {
        case .emptyFile: emptyFile()
        case .whitespaceOnly: whitespaceOnly()
        case .loneByteOrderMark: loneByteOrderMark()
        case .utf16WithByteOrderMark: try utf16WithByteOrderMark()
        case .utf16WithoutByteOrderMark: try utf16WithoutByteOrderMark()
        case .utf32WithByteOrderMark: try utf32WithByteOrderMark()
        case .utf32WithoutByteOrderMark: try utf32WithoutByteOrderMark()
        case .invalidUTF8: try invalidUTF8()
        case .xmlDeclaredEncoding: try xmlDeclaredEncoding()
        case .nulBytes: nulBytes()
        case .crlfLineEndings: crlfLineEndings()
        case .crLineEndings: crLineEndings()
        case .jsonNestedUnderUnknownKey: jsonNestedUnderUnknownKey()
        case .jsonNestedUnderKnownKeys: jsonNestedUnderKnownKeys()
        case .json50MegabyteString: json50MegabyteString()
        case .emotionOutOfRangeNumber: emotionOutOfRangeNumber()
        case .emotionNegativeZero: emotionNegativeZero()
        case .emotionWithDecimalPoint: emotionWithDecimalPoint()
        case .duplicateKeys: duplicateKeys()
        case .keysDifferingByNormalisation: keysDifferingByNormalisation()
        case .namesDifferingByNormalisation: try namesDifferingByNormalisation()
        case .xmlDocumentType: try xmlDocumentType()
        case .xmlInclude: try xmlInclude()
        case .xml10000Attributes: xml10000Attributes()
        case .xmlVeryLongNames: xmlVeryLongNames()
        case .xmlMixedNamespaces: xmlMixedNamespaces()
        case .xmlNested: xmlNested()
        case .notAJourney: notAJourney()
        case .specialCharactersInNames: try specialCharactersInNames()
        case .specialCharactersInIDs: specialCharactersInIDs()
        case .terminalOutputSanitised: try terminalOutputSanitised()
        case .nextCycle: try nextCycle()
        case .nextSelfLoop: try nextSelfLoop()
        case .personas10000: try personas10000()
        case .touchpoints100000: try touchpoints100000()
        case .personasMillion: try personasMillion()
        case .personasTimesTouchpoints: try personasTimesTouchpoints()
        case .groupedPersonaFindings: try groupedPersonaFindings()
        case .diffEveryTouchpointMoved: try diffEveryTouchpointMoved()
        case .mermaidImportRepeatedNames: try mermaidImportRepeatedNames()
        case .matrixLongNames: try matrixLongNames()
        case .matrixInjection: try matrixInjection()
        case .dotDenseNext: try dotDenseNext()
        case .mermaidExportManyPersonas: try mermaidExportManyPersonas()
        case .fileMissing: try fileMissing()
        case .fileUnreadable: try fileUnreadable()
        case .fileIsDirectory: try fileIsDirectory()
        case .fileIsFIFO: try fileIsFIFO()
        case .fileOverSizeCap: try fileOverSizeCap()
        case .convertOntoInputInOtherFormat: try convertOntoInputInOtherFormat()
        case .convertToMisnamedOutput: try convertToMisnamedOutput()
        case .exportOntoInput: try exportOntoInput()
        case .renderOntoInput: try renderOntoInput()
        case .formatKeepsPermissions: try formatKeepsPermissions()
        case .formatFollowsLinks: try formatFollowsLinks()
        case .formatLeavesInvalidFileAlone: try formatLeavesInvalidFileAlone()
        case .writeFailsParentIsFile: try writeFailsParentIsFile()
        case .writeFailsFolderMissing: try writeFailsFolderMissing()
        case .writeFailsUnwritableFolder: try writeFailsUnwritableFolder()
        case .writeFailsDiskFull: try writeFailsDiskFull()
        case .writeToOwnDescriptors: try writeToOwnDescriptors()
        case .standardOutputWriteFails: try standardOutputWriteFails()
        case .writeKeepsOwner: try writeKeepsOwner()
        case .writeReadOnlyTarget: try writeReadOnlyTarget()
        case .writeHardLinkedTarget: try writeHardLinkedTarget()
        case .writeInterrupted: try writeInterrupted()
        case .writeAtRootFolder: try writeAtRootFolder()
        case .gitDriverDashNames: try gitDriverDashNames()
        case .numericOptionsOutOfRange: try numericOptionsOutOfRange()
        case .renderKilled: try renderKilled()
        case .directoryWalkProblems: try directoryWalkProblems()
        case .nonUTF8NamedOnCommandLine: try nonUTF8NamedOnCommandLine()
        case .commandLineMessages: try commandLineMessages()
        case .xmlHugeText: try xmlHugeText()
        case .xmlStylesheetAndSchemaLocation: try xmlStylesheetAndSchemaLocation()
        case .invisibleAndBidirectionalCharacters: try invisibleAndBidirectionalCharacters()
        case .importerMessages: try importerMessages()
        case .nextDuplicateEntries: nextDuplicateEntries()
        }
    }

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
        var stages = try #require(object["stages"] as? [[String: Any]])
        var touchpoints = try #require(stages.first?["touchpoints"] as? [[String: Any]])
        try #require(!personas.isEmpty && !touchpoints.isEmpty)
        personas[0]["name"] = hostileName
        object["personas"] = personas
        stages[0]["name"] = hostileName
        touchpoints[0]["name"] = hostileName
        touchpoints[0]["pains"] = [hostileName]
        stages[0]["touchpoints"] = touchpoints
        object["stages"] = stages
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Bytes and encodings

    func emptyFile() {
        for imported in Self.importBoth([]) {
            #expect(Self.errors(imported) == ["1:1 the file is empty"])
        }
    }

    func whitespaceOnly() {
        #expect(Self.errors(Self.importJSON(" \n\t\r\n ")) == ["1:1 the file holds only white space"])
        #expect(Self.errors(Self.importXML(" \n\t\r\n ")) == ["1:1 the file is empty"])
    }

    func loneByteOrderMark() {
        for imported in Self.importBoth([0xEF, 0xBB, 0xBF]) {
            #expect(Self.errors(imported) == ["1:1 the file is empty"])
        }
    }

    func utf16WithByteOrderMark() throws { try wideEncoding(utf32: false, byteOrderMark: true) }
    func utf16WithoutByteOrderMark() throws { try wideEncoding(utf32: false, byteOrderMark: false) }
    func utf32WithByteOrderMark() throws { try wideEncoding(utf32: true, byteOrderMark: true) }
    func utf32WithoutByteOrderMark() throws {
        try wideEncoding(utf32: true, byteOrderMark: false)
        // UCS-4 in the byte orders 2143 and 3412: libxml2 printed "encoding not supported" itself.
        let bigEndian = Self.encode(Self.minimalXML, utf32: true, bigEndian: true, byteOrderMark: false)
        for order in [[1, 0, 3, 2], [2, 3, 0, 1]] {
            let bytes = stride(from: 0, to: bigEndian.count, by: 4).flatMap { start in order.map { bigEndian[start + $0] } }
            #expect(Self.errors(JourneyImporter.importJourney(from: bytes, path: "t.journey.xml")) == ["1:1 the file is UTF-32; save it as UTF-8"], "byte order \(order)")
        }
    }

    /// A journey in UTF-16 or UTF-32 is refused with a message naming the encoding, in both
    /// formats and byte orders, and by the command line with exit code 2.
    func wideEncoding(utf32: Bool, byteOrderMark mark: Bool) throws {
        let name = utf32 ? "UTF-32" : "UTF-16"
        for (text, path) in [(Self.minimalJSON, "t.journey.json"), (Self.minimalXML, "t.journey.xml")] {
            for bigEndian in [false, true] {
                let bytes = Self.encode(text, utf32: utf32, bigEndian: bigEndian, byteOrderMark: mark)
                let imported = JourneyImporter.importJourney(from: bytes, path: path)
                #expect(Self.errors(imported) == ["1:1 the file is \(name); save it as UTF-8"], "\(path) big-endian: \(bigEndian)")
            }
        }
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("wide.journey.json")
        try Data(Self.encode(Self.minimalJSON, utf32: utf32, bigEndian: false, byteOrderMark: mark)).write(to: file)
        let result = try CLI.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("wide.journey.json:1:1: error: the file is \(name); save it as UTF-8"))
    }

    func invalidUTF8() throws {
        var json = Array(Self.minimalJSON.utf8)
        var xml = Array(Self.minimalXML.utf8)
        let commuter = Array("Commuter".utf8)
        json.replaceSubrange(try #require(json.firstRange(of: commuter)), with: Array("Comm".utf8) + [0xFF, 0xFE] + Array("uter".utf8))
        xml.replaceSubrange(try #require(xml.firstRange(of: commuter)), with: Array("Comm".utf8) + [0xC3] + Array("uter".utf8))
        #expect(Self.errors(JourneyImporter.importJourney(from: json, path: "t.journey.json")) == ["7:16 the text is not valid UTF-8"])
        #expect(Self.errors(JourneyImporter.importJourney(from: xml, path: "t.journey.xml")) == ["3:36 the file is not valid UTF-8"])
    }

    func xmlDeclaredEncoding() throws {
        for encoding in ["US-ASCII", "ISO-8859-1", "UTF-16"] {
            let text = Self.minimalXML.edited("encoding=\"UTF-8\"", "encoding=\"\(encoding)\"").edited("Commuter", "Se\u{F1}ora")
            #expect(Self.errors(Self.importXML(text)) == ["1:31 the file declares the encoding \"\(encoding)\"; journeys are UTF-8"])
        }
        // libxml2 used to print its own decoding errors on standard error (found by fuzzing).
        let folder = try TemporaryFolder()
        let file = try folder.write(Self.minimalXML.edited("encoding=\"UTF-8\"", "encoding=\"US-ASCII\"").edited("Commuter", "Se\u{F1}ora"),
                                    to: "ascii.journey.xml")
        let result = try CLI.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        #expect(Self.importXML(Self.minimalXML.edited("encoding=\"UTF-8\"", "encoding='utf8'")).isValid)
    }

    func nulBytes() {
        let json = Self.importJSON(Self.minimalJSON.edited("\"title\"", "\u{0}\"title\""))
        // Reading goes on after the NUL (issue 16): the key after it is read.
        #expect(Self.errors(json) == ["3:3 expected a key in double quotes, found a NUL byte"])
        let inText = Self.importJSON(Self.minimalJSON.edited("Commuter", "Comm\u{0}uter"))
        #expect(Self.errors(inText) == ["7:20 control character inside a text"])
        let xml = Self.importXML(Self.minimalXML.edited("Commuter", "Comm\u{0}uter"))
        #expect(xml.diagnostics.containsErrors)
        #expect(xml.diagnostics.allSatisfy { $0.location.line == 3 })
    }

    func crlfLineEndings() { lineEndings("\r\n") }
    func crLineEndings() { lineEndings("\r") }

    /// Other line ends give the same errors at the same positions as "\n".
    func lineEndings(_ lineEnd: String) {
        for (text, path) in [(Self.minimalJSON, "t.journey.json"), (Self.minimalXML, "t.journey.xml")] {
            let broken = text.edited("\"store\"", "\"shop\"")
            let unix = JourneyImporter.importJourney(from: Array(broken.utf8), path: path)
            let other = JourneyImporter.importJourney(from: Array(broken.edited("\n", lineEnd).utf8), path: path)
            #expect(Self.errors(unix).count == 1)
            #expect(Self.errors(other) == Self.errors(unix), "\(path)")
        }
    }

    // MARK: JSON

    func jsonNestedUnderUnknownKey() {
        let imported = Growth.expectLinear("JSON nested under an unknown key", size: 10_000, input: { depth in
            "{\"id\":\"a\",\"title\":\"b\",\"x\":" + String(repeating: "{\"a\":[", count: depth) + "1" + String(repeating: "]}", count: depth) + "}"
        }, work: Self.importJSON)
        #expect(Self.errors(imported) == ["1:23 unknown key \"x\" in this journey"])
    }

    func jsonNestedUnderKnownKeys() {
        let arrays = { (depth: Int) in String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        let objects = { (depth: Int) in String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth) }
        let cases: [(String, (Int) -> String)] = [
            ("stages", { "{\"id\":\"a\",\"title\":\"b\",\"stages\":\(arrays($0))}" }),
            ("a stage", { "{\"id\":\"a\",\"title\":\"b\",\"stages\":[\(objects($0))]}" }),
            ("description", { "{\"id\":\"a\",\"title\":\"b\",\"description\":\(objects($0))}" }),
            ("kpis", { "{\"id\":\"a\",\"title\":\"b\",\"stages\":[{\"id\":\"s\",\"name\":\"S\",\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\",\"kpis\":\(arrays($0))}]}]}" }),
        ]
        for (key, text) in cases {
            let imported = Growth.expectLinear("JSON nested in \(key)", size: 10_000, input: text, work: Self.importJSON)
            #expect(imported.diagnostics.containsErrors, "\(key)")
            #expect(imported.diagnostics.allSatisfy { $0.location.line == 1 && $0.location.column < 120 }, "\(key)")
        }
    }

    func json50MegabyteString() {
        let imported = Growth.expectLinear("a long JSON string", size: 5_000_000, input: { length in
            Self.minimalJSON.edited("\"title\": \"Ordering coffee ahead\"",
                                    "\"title\": \"Ordering coffee ahead\", \"description\": \"\(String(repeating: "x", count: length))\"")
        }, work: Self.importJSON)
        #expect(imported.isValid)
        #expect(imported.journey?.description?.utf8.count == 50_000_000)
    }

    /// `1e400` and `1e20` are whole numbers, just far too large (issue 17, item 17: they were
    /// called "not a whole number"); nothing overflows to infinity.
    func emotionOutOfRangeNumber() {
        for number in ["1e400", "1e20", "-3.5"] {
            let imported = Self.importJSON(Self.minimalJSON.edited("\"emotion\": -1", "\"emotion\": \(number)"))
            #expect(Self.errors(imported).map { error in String(error.drop { $0 != " " }.dropFirst()) }
                    == ["emotion \(number) is out of range"])
            let xml = Self.importXML(Self.minimalXML.edited("emotion=\"-1\"", "emotion=\"\(number)\""))
            #expect(xml.diagnostics.containsErrors)
        }
    }

    func emotionWithDecimalPoint() { emotionNotWhole("2.0") }

    /// An emotion that is not a whole number is refused, however it is written.
    func emotionNotWhole(_ number: String) {
        let imported = Self.importJSON(Self.minimalJSON.edited("\"emotion\": -1", "\"emotion\": \(number)"))
        // Each error without its position.
        #expect(Self.errors(imported).map { error in String(error.drop { $0 != " " }.dropFirst()) }
                == ["emotion must be a whole number, found \(number)"])
        let xml = Self.importXML(Self.minimalXML.edited("emotion=\"-1\"", "emotion=\"\(number)\""))
        #expect(xml.diagnostics.containsErrors)
    }

    func emotionNegativeZero() {
        let imported = Self.importJSON(Self.minimalJSON.edited("\"emotion\": -1", "\"emotion\": -0"))
        #expect(imported.isValid)
        #expect(imported.journey?.stages.last?.touchpoints.last?.emotion == 0)
    }

    func duplicateKeys() {
        let imported = Self.importJSON(Self.minimalJSON.edited("\"title\": \"Ordering coffee ahead\",", "\"title\": \"A\", \"title\": \"B\","))
        #expect(Self.errors(imported) == ["3:17 duplicate key \"title\" in this journey; the first is on line 3"])
    }

    func keysDifferingByNormalisation() {
        // "namé" spelled with a combining accent, and a full-width "ｉｄ": neither is a known
        // key in any normal form (known keys are ASCII), so neither can pass for one.
        for key in ["nam\u{0065}\u{0301}", "\u{FF49}\u{FF44}"] {
            let imported = Self.importJSON(Self.minimalJSON.edited("\"title\": \"Ordering coffee ahead\",", "\"title\": \"A\", \"\(key)\": \"B\","))
            #expect(Self.errors(imported) == ["3:17 unknown key \"\(key)\" in this journey"])
        }
        // Ids are ASCII: an accented id is refused in either form.
        let accented = Self.importJSON(Self.minimalJSON.edited("\"id\": \"commuter\"", "\"id\": \"commut\u{00E9}r\""))
        #expect(Self.errors(accented).contains { $0.contains("is not a valid id") })
    }

    func namesDifferingByNormalisation() throws {
        let composed = "Jos\u{00E9}", decomposed = "Jose\u{0301}"
        let text = Self.minimalJSON.edited(
            "\"name\": \"Commuter\"",
            "\"name\": \"\(composed)\"\n    },\n    {\n      \"id\": \"other\",\n      \"name\": \"\(decomposed)\"")
        let imported = Self.importJSON(text)
        #expect(imported.isValid)
        let journey = try #require(imported.journey)
        try #require(journey.personas.count == 2)
        // Kept exactly as written, so writing the file back changes no byte…
        #expect(Array(journey.personas[0].name.unicodeScalars) == Array(composed.unicodeScalars))
        #expect(Array(journey.personas[1].name.unicodeScalars) == Array(decomposed.unicodeScalars))
        #expect(try JourneyWriter.write(journey, as: .json).utf8.contains(0xCC))  // U+0301 is CC 81
        // …and compared as Swift compares text, by canonical equivalence: the same name.
        #expect(journey.personas[0].name == journey.personas[1].name)
    }

    // MARK: XML

    func xmlDocumentType() throws {
        try refusesAttacks(["external-dtd", "xxe-local-file", "billion-laughs", "quadratic-blowup", "undeclared-entity"])
    }

    func xmlInclude() throws {
        try refusesAttacks(["xinclude"])
    }

    /// Each file of Fixtures/xml-attacks is refused with an error that leaks nothing.
    func refusesAttacks(_ names: [String]) throws {
        for name in names {
            let file = Paths.fixtures.appendingPathComponent("xml-attacks/\(name).journey.xml")
            let imported = JourneyImporter.importJourney(from: try Paths.bytes(file), path: "t.journey.xml")
            #expect(imported.diagnostics.containsErrors, "\(name)")
            #expect(!imported.diagnostics.contains { $0.message.contains("root:") }, "\(name)")
        }
    }

    func xml10000Attributes() {
        let imported = Growth.expectLinear("unknown attributes", size: 1_000, input: { count in
            let attributes = (0..<count).map { "a\($0)=\"v\"" }.joined(separator: " ")
            return Self.minimalXML.edited("<persona id=", "<persona \(attributes) id=")
        }, work: Self.importXML)
        let errors = Self.errors(imported)
        #expect(errors.count == 10_000)
        #expect(errors.first == "3:12 unknown attribute \"a0\" on this persona")
    }

    func xmlVeryLongNames() {
        let long = { (length: Int) in String(repeating: "x", count: length) }
        let cases: [(String, (Int) -> String)] = [
            ("element name", { Self.minimalXML.edited("<persona id=", "<persona\(long($0)) id=") }),
            ("attribute name", { Self.minimalXML.edited("<persona id=", "<persona \(long($0))=\"v\" id=") }),
        ]
        for (what, text) in cases {
            let imported = Growth.expectLinear("a long \(what)", size: 10_000, input: text, work: Self.importXML)
            #expect(imported.diagnostics.containsErrors, "\(what)")
            #expect(imported.diagnostics.allSatisfy { $0.location.line == 3 }, "\(what)")
        }
        // A long id is still an id: ids have no length limit.
        let longID = Growth.expectLinear("a long id", size: 10_000, input: { Self.minimalXML.edited("\"commuter\"", "\"c\(long($0))\"") },
                                         work: Self.importXML)
        #expect(longID.isValid)
        #expect(longID.journey?.personas.first?.id.count == 100_001)
    }

    func xmlMixedNamespaces() {
        let text = Self.minimalXML.edited(
            "<persona id=\"commuter\" name=\"Commuter\"/>",
            "<persona id=\"commuter\" name=\"Commuter\"/>\n  <o:persona xmlns:o=\"urn:other\" id=\"x\"/>")
        #expect(Self.errors(Self.importXML(text)) == ["4:3 unknown element <persona> (namespace \"urn:other\") in this journey"])
        // Attributes in another namespace are refused as well, by the schema.
        let attribute = Self.minimalXML.edited("<persona id=", "<persona xmlns:o=\"urn:other\" o:note=\"n\" id=")
        #expect(Self.errors(Self.importXML(attribute)) == ["3:3 unknown attribute \"{urn:other}note\" on this persona"])
    }

    func xmlNested() {
        let imported = Growth.expectLinear("nested XML elements", size: 10_000, input: { depth in
            "<journey xmlns=\"urn:cjm:journey:1\" id=\"a\" title=\"b\">" + String(repeating: "<stage>", count: depth)
                + String(repeating: "</stage>", count: depth) + "</journey>"
        }, work: Self.importXML)
        #expect(imported.diagnostics.containsErrors)
    }

    func notAJourney() {
        #expect(Self.errors(Self.importXML("<html><body>hi</body></html>")) == [
            "1:1 the root element must be <journey> in namespace \"urn:cjm:journey:1\", found <html> without a namespace",
        ])
        let json = Self.errors(Self.importJSON("{\"name\": \"left-pad\", \"version\": \"1.0.0\"}"))
        #expect(json.contains("1:1 the journey has no \"id\""))
        #expect(Self.errors(Self.importJSON("[1, 2]")) == ["1:1 a journey file must hold one JSON object"])
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
        let printable = Self.hostileName.edited("\u{1B}", "").edited("\u{7}", "")
        let xmlSafe = try #require(Self.importJSON(text.edited("\\u001b", "").edited("\\u0007", "")).journey)
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

    func specialCharactersInIDs() {
        let text = Self.minimalJSON.edited("\"id\": \"menu\"", "\"id\": \"a\\\"b<&>\\u001b[31m\\u202e\"")
        let imported = Self.importJSON(text)
        #expect(imported.diagnostics.contains { $0.message.hasPrefix("touchpoint id") && $0.message.hasSuffix("is not a valid id") })
        #expect(Self.isTerminalSafe(TextReporter().report([FileReport(path: "t", journeyID: nil, diagnostics: imported.diagnostics)])))
    }

    /// Journeys whose contents hold terminal escapes, for the terminal-output checks.
    struct HostileFiles {
        let old: URL, new: URL, broken: URL

        init(in folder: borrowing TemporaryFolder) throws {
            old = try folder.write(RobustnessTests.minimalJSON, to: "old.journey.json")
            new = try folder.write(try RobustnessTests.hostileJourney(), to: "new.journey.json")
            broken = try folder.write(RobustnessTests.minimalJSON.edited("\"store\"", "\"\\u001b[2J\\u202e\""), to: "broken.journey.json")
        }
    }

    func terminalOutputSanitised() throws {
        let folder = try TemporaryFolder()
        let files = try HostileFiles(in: folder)
        let runs: [(arguments: [String], status: Int32)] = [
            (["check", files.new.path, files.broken.path], 2),
            (["check", "--format", "text", files.new.path], 0),
            (["diff", files.old.path, files.new.path], 1),
            (["matrix", files.new.path], 0),
            (["rules"], 0),
            (["check", "--disable", "\u{1B}[31mrule\u{202E}", files.new.path], 2),
            (["check", folder.url.appendingPathComponent("\u{1B}[31mmissing.journey.json").path], 2),
        ]
        for (arguments, status) in runs {
            let result = try CLI.run(arguments)
            #expect(result.status == status, "\(arguments[0]): \(result.standardError)")
            #expect(Self.isTerminalSafe(result.standardOutput), "\(arguments[0]) standard output")
            #expect(Self.isTerminalSafe(result.standardError), "\(arguments[0]) standard error")
            #expect(!result.standardOutput.isEmpty || !result.standardError.isEmpty)
        }
    }

    @Test("terminal-output-sanitised, through a terminal, where colour is on: only cjm's own colour codes", .requires(.script))
    func terminalOutputSanitisedInATerminal() throws {
        let folder = try TemporaryFolder()
        let files = try HostileFiles(in: folder)
        let script = try ExternalTool.script.path()
        let command = "\(CLI.executable.path) check \(files.new.path) \(files.broken.path)"
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        let result = try Subprocess.run(script, ["-qec", command, "/dev/null"], environment: environment)
        #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
        #expect(!result.standardOutput.contains("\u{1B}[2J"))
        #expect(!result.standardOutput.contains("\u{1B}[31mred"))
        #expect(!result.standardOutput.unicodeScalars.contains { $0.value == 0x202E })
        #expect(result.standardOutput.contains("\\u{1B}"))
    }

    // MARK: Graph shape and size

    func nextCycle() throws { try flowBack(to: "menu") }
    func nextSelfLoop() throws { try flowBack(to: "pick-up") }

    /// A `next` from the last touchpoint back to `target`: valid, analysed, and drawn.
    func flowBack(to target: String) throws {
        let text = Self.minimalJSON.edited("\"id\": \"pick-up\",", "\"id\": \"pick-up\",\n          \"next\": [\"\(target)\"],")
        let imported = Self.importJSON(text)
        #expect(imported.isValid)
        let journey = try #require(imported.journey)
        let findings = Analyzer().analyze(journey)
        let dot = DOTExporter().export(journey, findings: findings)
        #expect(dot.contains("\"pick-up\" -> \"\(target)\""))
    }

    /// A journey of `personas` personas on one channel and `touchpoints` touchpoints in one
    /// stage; touchpoint `i` is aimed at persona `i` (modulo their number) when `aimed`, and
    /// else leads to the next.
    static func largeJourney(personas: Int, touchpoints: Int, aimed: Bool) -> String {
        let personaList = (0..<personas).map { "{\"id\":\"p\($0)\",\"name\":\"P \($0)\",\"channels\":[\"web\"]}" }
        let touchpointList = (0..<touchpoints).map { index in
            let audience = aimed ? "\"personas\":[\"p\(index % personas)\"]," : ""
            let next = !aimed && index + 1 < touchpoints ? "\"next\":[\"t\(index + 1)\"]," : ""
            return "{\"id\":\"t\(index)\",\"name\":\"T \(index)\",\(audience)\(next)\"channels\":[\"web\"]}"
        }
        return "{\"id\":\"big\",\"title\":\"Big\",\"channels\":[{\"id\":\"web\",\"name\":\"Web\",\"kind\":\"web\"}],"
            + "\"personas\":[\(personaList.joined(separator: ","))],"
            + "\"stages\":[{\"id\":\"s\",\"name\":\"S\",\"touchpoints\":[\(touchpointList.joined(separator: ","))]}]}"
    }

    /// Imports and analyses a journey.
    static func importAndAnalyse(_ text: String) -> (imported: ImportedJourney, findings: [Diagnostic]) {
        let imported = importJSON(text)
        return (imported, imported.journey.map { Analyzer().analyze($0) } ?? [])
    }

    func personas10000() throws {
        let (imported, findings) = Growth.expectLinear("import and analysis of many personas", size: 1_000, input: { count in
            Self.largeJourney(personas: count, touchpoints: 100, aimed: true)
        }, work: Self.importAndAnalyse)
        #expect(imported.isValid, "\(imported.diagnostics.prefix(3))")
        let journey = try #require(imported.journey)
        #expect(journey.personas.count == 10_000)
        // Personas no touchpoint aims at are reported, each once.
        #expect(findings.filter { $0.rule == "unused-persona" }.count == 9_900)
    }

    func touchpoints100000() throws {
        let (imported, findings) = Growth.expectLinear("import and analysis of many touchpoints", size: 10_000, input: { count in
            Self.largeJourney(personas: 1, touchpoints: count, aimed: false)
        }, work: Self.importAndAnalyse)
        #expect(imported.isValid, "\(imported.diagnostics.prefix(3))")
        let journey = try #require(imported.journey)
        #expect(journey.stages.first?.touchpoints.count == 100_000)
        #expect(!findings.contains { $0.rule == "unreachable-touchpoint" })
    }

    /// The whole check (import, validation, analysis) of many personas grows linearly, and a
    /// persona stays small; the million itself, its time and peak memory against the file, are
    /// measured in a release build by `cjm-bench --only personas`.
    func personasMillion() throws {
        let checked = Growth.expectLinear("check of personas", size: 2_000, input: CompactModelTests.personasJourney) { bytes in
            JourneyChecker().check(bytes: bytes, path: "many.journey.json", format: .json)
        }
        #expect(checked.journey?.personas.count == 20_000)
        #expect(checked.report.diagnostics.allSatisfy { $0.severity != .error }, "\(checked.report.diagnostics.prefix(3))")
        #expect(MemoryLayout<Persona>.stride <= 48)
    }

    func personasTimesTouchpoints() throws {
        // Each persona has its own touchpoint, and one persona none: every rule must stay linear
        // in personas × touchpoints. Ten times the touchpoints for as many personas, and ten
        // times the personas for as many touchpoints, must each cost about ten times as much.
        let count = 4_000
        let findings = try Growth.expectLinear("analysis, touchpoints growing", size: count / 10, input: { touchpoints in
            try #require(Self.importJSON(Self.largeJourney(personas: count + 1, touchpoints: touchpoints, aimed: true)).journey)
        }, work: { Analyzer().analyze($0) })
        #expect(findings.filter { $0.rule == "channel-gap" }.map(\.personaIDs) == [["p\(count)"]])
        try Growth.expectLinear("analysis, personas growing", size: count / 10, input: { personas in
            try #require(Self.importJSON(Self.largeJourney(personas: personas + 1, touchpoints: count, aimed: true)).journey)
        }, work: { Analyzer().analyze($0) })
    }

    // MARK: Files

    func fileMissing() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("missing.journey.json").path
        try refusesToRead(["check", path], path: path, "cannot read the journey: no such file")
    }

    func fileUnreadable() throws {
        let folder = try TemporaryFolder()
        var path = try folder.write(Self.minimalJSON, to: "locked.journey.json").path
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        if getuid() == 0 {
            // root reads any file whatever its permissions, but not a write-only sysctl.
            path = "/proc/sys/vm/drop_caches"
            try #require(FileManager.default.fileExists(atPath: path), "running as root, the test needs \(path) as a file root cannot read")
        }
        try refusesToRead(["check", path], path: path, "cannot read the journey: permission denied")
    }

    func fileIsDirectory() throws {
        // `check` searches a folder for journeys; commands that take one journey refuse it.
        let folder = try TemporaryFolder()
        let path = folder.url.path
        let checked = try CLI.run(["check", path])
        #expect(checked.status == 2)
        #expect(checked.standardOutput.contains("\(path):1:1: error: the directory holds no journey files"), "\(checked.standardOutput)")
        try refusesToRead(["convert", "--to", "xml", path], path: path, "cannot read the journey: it is a directory")
    }

    func fileIsFIFO() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("pipe.journey.json").path
        try #require(mkfifo(path, 0o644) == 0)
        // Named on the command line, a pipe is read once its writer has written (issue 16 item 10);
        // a writer that writes nothing gives an empty file.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "sleep 0.2; : > \"$0\"", path]
        try writer.run()
        let result = try CLI.run(["check", path])
        writer.waitUntilExit()
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("\(path):1:1: error: "), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("not a regular file"))
        // Found in a folder, it is reported, not waited for.
        try refusesToRead(["check", folder.url.path], path: path, "it is a named pipe, which a folder walk does not read")
    }

    func fileOverSizeCap() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(Self.minimalJSON + String(repeating: " ", count: 2_100_000), to: "big.journey.json").path
        try refusesToRead(["check", "--max-file-size", "1", path], path: path, "cannot read the journey: it is 2 MB, over the 1 MB limit")
    }

    /// Runs cjm and expects exit code 2 and `message` located at the file.
    func refusesToRead(_ arguments: [String], path: String, _ message: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, sourceLocation: sourceLocation)
        // `check` reports on standard output; commands whose output is a file report on standard error.
        #expect((result.standardOutput + result.standardError).contains("\(path):1:1: error: \(message)"),
                "\(result.standardOutput)\(result.standardError)", sourceLocation: sourceLocation)
    }

    // MARK: Writing

    /// The names of the files in `folder`, to show that no temporary file was left behind.
    static func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// The minimal journey as `a.journey.json` in a folder of its own, for the writing rows.
    struct WritingFolder {
        let folder: URL
        let input: URL
        let original: Data

        init(in folder: borrowing TemporaryFolder) throws {
            self.folder = folder.url
            input = try folder.write(RobustnessTests.minimalJSON, to: "a.journey.json")
            original = try Data(contentsOf: input)
        }

        /// Runs cjm, which must refuse to write with `expectedError` and leave the folder as it was.
        func refuses(_ arguments: [String], _ expectedError: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, sourceLocation: sourceLocation)
            #expect(result.standardError.contains(expectedError), "\(result.standardError)", sourceLocation: sourceLocation)
            #expect(try Data(contentsOf: input) == original, sourceLocation: sourceLocation)
            #expect(RobustnessTests.contents(folder) == ["a.journey.json"], sourceLocation: sourceLocation)
        }
    }

    func convertOntoInputInOtherFormat() throws {
        let temporary = try TemporaryFolder()
        let files = try WritingFolder(in: temporary)
        try files.refuses(["convert", files.input.path, "--to", "xml", "-o", files.input.path],
                          "refusing to overwrite the input journey with XML")
    }

    func convertToMisnamedOutput() throws {
        let temporary = try TemporaryFolder()
        let files = try WritingFolder(in: temporary)
        try files.refuses(["convert", files.input.path, "--to", "xml", "-o", files.folder.appendingPathComponent("b.journey.json").path],
                          "the output is named as JSON but --to xml writes XML")
    }

    func exportOntoInput() throws {
        let temporary = try TemporaryFolder()
        let files = try WritingFolder(in: temporary)
        try files.refuses(["export", files.input.path, "-o", files.input.path], "refusing to overwrite the input journey with the diagram")
    }

    func renderOntoInput() throws {
        // A journey may be named anything when its content says what it is.
        let folder = try TemporaryFolder()
        let svg = try folder.write(Self.minimalJSON, to: "a.svg")
        let original = try Data(contentsOf: svg)
        let result = try CLI.run(["render", svg.path, "-o", svg.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("refusing to overwrite the input journey with an image"))
        #expect(try Data(contentsOf: svg) == original)
    }

    func formatKeepsPermissions() throws { try formatMessyFile(throughLink: false) }
    func formatFollowsLinks() throws { try formatMessyFile(throughLink: true) }

    /// `cjm fmt` rewrites a messy file (through a symbolic link to it, if asked), keeping its
    /// permissions and the link, and leaving no temporary file.
    func formatMessyFile(throughLink: Bool) throws {
        let folder = try TemporaryFolder()
        let messy = try folder.write(Self.minimalJSON.edited("\n", "\n  "), to: "messy.journey.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: messy.path)
        var target = messy.path
        if throughLink {
            target = folder.url.appendingPathComponent("link.journey.json").path
            try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: "messy.journey.json")
        }
        let result = try CLI.run(["fmt", target])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try folder.read("messy.journey.json") == Self.minimalJSON)
        let attributes = try FileManager.default.attributesOfItem(atPath: messy.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        if throughLink {
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target) == "messy.journey.json")
        }
        #expect(Self.contents(folder.url).allSatisfy { !$0.contains(".cjm-") })
    }

    func formatLeavesInvalidFileAlone() throws {
        let folder = try TemporaryFolder()
        let broken = try folder.write("{\"id\": \"a\",\n  \"title\": 1}", to: "broken.journey.json")
        let before = try Data(contentsOf: broken)
        let result = try CLI.run(["fmt", broken.path])
        #expect(result.status == 2)
        #expect(try Data(contentsOf: broken) == before)
    }

    func writeFailsParentIsFile() throws {
        let temporary = try TemporaryFolder()
        let files = try WritingFolder(in: temporary)
        try files.refuses(["convert", files.input.path, "--to", "json", "-o", files.input.path + "/out.journey.json"],
                          "cannot write the output: \(files.input.path) is not a folder")
    }

    func writeFailsFolderMissing() throws {
        let temporary = try TemporaryFolder()
        let files = try WritingFolder(in: temporary)
        try files.refuses(["export", files.input.path, "-o", files.folder.appendingPathComponent("no/such/folder/out.dot").path],
                          "cannot write the output: the folder \(files.folder.path)/no/such/folder does not exist")
    }

    func writeFailsUnwritableFolder() throws {
        let temporary = try TemporaryFolder()
        let files = try WritingFolder(in: temporary)
        // As root no folder refuses a new file, but /proc refuses them to everyone.
        let target = getuid() == 0 ? "/proc/cjm-test.journey.json" : "/cjm-test.journey.json"
        try files.refuses(["convert", files.input.path, "--to", "json", "-o", target], "cannot write the output: cannot create a file in")
    }

    func writeFailsDiskFull() throws {
        let temporary = try TemporaryFolder()
        let files = try WritingFolder(in: temporary)
        // /dev/full takes no byte: the write fails and the device stays a device.
        try files.refuses(["export", files.input.path, "-o", "/dev/full"], "cannot write the output: No space left on device")
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }
}

extension String {
    /// The text with every `target` replaced by `replacement`; a test editing text that does
    /// not hold `target` fails, rather than checking an input it did not make.
    func edited(_ target: String, _ replacement: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        if !contains(target) {
            Issue.record("the text to edit holds no \(target.debugDescription)", sourceLocation: sourceLocation)
        }
        return replacingOccurrences(of: target, with: replacement)
    }
}
