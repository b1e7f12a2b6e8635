@testable import JourneyKit
import PropertyBased
import Testing

/// The writers escape on UTF-8 bytes (issue 19); each escaping must give the same text as the
/// rule it implements, stated here scalar by scalar as the writers applied it before.
@Suite("Escaping on bytes agrees with escaping on scalars")
struct WriterBytesTests {
    /// Pieces random texts are made of: every character some format treats specially, controls
    /// (C0, DEL, C1, U+FFFE), Unicode white space, combining marks after delimiters, Mermaid's
    /// keywords and look-alikes, multi-byte scalars of every length.
    static let fragments = [
        "a", "Z", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0}", "\u{1}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}",
        "\u{2028}", "\u{3000}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{301}", "\u{600}", "é", "—", "😀", "東京", "&", "<", ">", "\"",
        "'", "\\", ",", ";", ":", "#", "%", "%%", "=", "+", "-", "@", "1", "journey", "Title", "SECTION", "accDescr", "accTitle", "{",
        "\u{212A}", "\u{2060}", "\u{2236}",
    ]

    static let text = Gen<String?>.element(of: fragments).map { $0 ?? "" }.array(of: 0...6).map { $0.joined() }

    @Test("JSON string literals: 500 random texts quoted as the scalar rule says")
    func json() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            var out = UTF8Text()
            out.quotedJSON(text)
            #expect(out.string == Self.quotedJSON(text))
        }
    }

    @Test("XML text and attributes: 500 random texts escaped as the journey writer's scalar rule says")
    func xml() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            for inAttribute in [false, true] {
                var out = UTF8Text()
                let unrepresentable = out.escapedXML(text, inAttribute: inAttribute, referencingControls: true)
                let expected = Self.escapedXML(text, inAttribute: inAttribute)
                #expect(unrepresentable == expected.unrepresentable)
                if unrepresentable == nil { #expect(out.string == expected.text) }
            }
        }
    }

    @Test("CSV fields: 500 random texts neutralised and quoted as the scalar rule says")
    func csv() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            for formulaGuard in [CSVText.FormulaGuard.reversible, .display] {
                var out = UTF8Text()
                out.csvField(text, formulaGuard)
                #expect(out.string == Self.csvField(text, formulaGuard))
            }
        }
    }

    @Test("Mermaid names: 500 random texts escaped as the scalar rule says, as names, actors and task names")
    func mermaid() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            #expect(MermaidText.escape(text) == Self.mermaidName(text, isActor: false))
            #expect(MermaidText.escape(text, isActor: true) == Self.mermaidName(text, isActor: true))
            let name = Self.mermaidName(text, isActor: false)
            #expect(MermaidText.escapeTaskName(text) == (MermaidText.startsWithKeyword(name) ? "\u{2060}" + name : name))
        }
    }

    @Test("the cases the byte rules must get right by hand: trimming as Characters, keyword look-alikes, C1 references")
    func knownCases() throws {
        // A space carrying a combining mark is not a space Character, so it was never trimmed.
        #expect(MermaidText.escape(" \u{301}lead ") == " \u{301}lead")
        #expect(MermaidText.escapeTaskName("journey\u{301}") == "journey\u{301}")
        #expect(MermaidText.escapeTaskName("Journey on") == "\u{2060}Journey on")
        #expect(MermaidText.escapeTaskName("\u{212A}ey") == "\u{212A}ey")
        #expect(MermaidText.escape("%%%") == "\u{FE6A}\u{FE6A}%")
        var xml = UTF8Text()
        #expect(xml.escapedXML("a\u{85}\u{7F}\u{1}b\u{FFFE}", referencingControls: true) == "\u{1}")
        #expect(xml.string == "a&#x85;&#x7F;\u{FFFD}b\u{FFFD}")
        var csv = UTF8Text()
        csv.csvField("=a\"\u{301},b", .reversible)
        #expect(csv.string == "\"'=a\"\"\u{301},b\"")
    }

    // MARK: The rules, scalar by scalar

    static func quotedJSON(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func escapedXML(_ text: String, inAttribute: Bool) -> (text: String, unrepresentable: Unicode.Scalar?) {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": return (result, scalar)
            case "\u{7F}"..."\u{9F}": result += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return (result, nil)
    }

    static func csvField(_ text: String, _ formulaGuard: CSVText.FormulaGuard) -> String {
        var cell = text
        if let first = text.unicodeScalars.first {
            let isFormulaStart = CSVText.formulaStarts.contains(first)
            let guarded = switch formulaGuard {
            case .reversible: (isFormulaStart || first == "'") && Int(text) == nil
            case .display: isFormulaStart
            }
            if guarded { cell = "'" + cell }
        }
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        var quoted = "\""
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    static func mermaidName(_ text: String, isActor: Bool) -> String {
        var scalars: [Unicode.Scalar] = []
        var previousWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || MermaidText.isControl(scalar) {
                if !previousWasSpace { scalars.append(" ") }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            switch scalar {
            case ":": scalars.append(MermaidText.colon)
            case ";": scalars.append(MermaidText.semicolon)
            case "#": scalars.append(MermaidText.numberSign)
            case "," where isActor: scalars.append(MermaidText.comma)
            case "%" where scalars.last == "%":
                scalars[scalars.count - 1] = MermaidText.percent
                scalars.append("%")
            default: scalars.append(scalar)
            }
        }
        var result = String(String.UnicodeScalarView(scalars))
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }
}
