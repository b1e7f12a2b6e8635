import Foundation
import JourneyKit
import Testing

/// The XML importer classifies libxml2's errors by code and reads names and the element of
/// schema errors from libxml2 2.9's English messages. Each case it rewrites is triggered here
/// by a real input and the rewritten message asserted, so that a libxml2 upgrade that changes
/// a code or a wording fails here, loudly, instead of degrading messages quietly.
@Suite("XML messages from libxml2")
struct XMLMessageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var xml: String
        /// One of the errors, as `line:column message`.
        var expected: String
        var testDescription: String { name }
    }

    static let root = #"<journey xmlns="urn:cjm:journey:1" id="j" title="T">"#
    /// Stands for a byte that is not UTF-8 (a lone 0xC3); replaced when the case is read.
    static let invalidByte = "\u{E000}"

    static let syntaxCases: [Case] = [
        Case(name: "XML_ERR_TAG_NAME_MISMATCH", xml: root + "\n  <stage id=\"s\" name=\"S\">\n</journey>\n",
             expected: "3:11 the closing tag </journey> does not match <stage> opened on line 2"),
        Case(name: "XML_ERR_DOCUMENT_EMPTY", xml: "hello",
             expected: "1:1 the file holds no XML element"),
        Case(name: "XML_ERR_DOCUMENT_END after the root", xml: root + "</journey>\n<journey/>\n",
             expected: "2:1 unexpected content after the closing </journey>"),
        Case(name: "XML_ERR_DOCUMENT_END inside an element", xml: root + "\n  <stage id=\"s\" name=\"S\">\n",
             expected: "3:1 the file ends before <stage> is closed"),
        Case(name: "XML_ERR_INVALID_CHAR: Input is not proper UTF-8",
             xml: root + "\n<description>caf\(invalidByte)</description></journey>",
             expected: "2:17 the file is not valid UTF-8"),
        Case(name: "XML_ERR_INTERNAL_ERROR: Excessive depth in document",
             xml: root + String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300) + "</journey>",
             expected: "1:823 elements are nested too deeply (more than 256 levels)"),
        Case(name: "XML_ERR_ATTRIBUTE_REDEFINED", xml: #"<journey xmlns="urn:cjm:journey:1" id="j" title="T" id="k"/>"#,
             expected: #"1:59 the attribute "id" is written twice on this element"#),
        Case(name: "XML_ERR_UNDECLARED_ENTITY (located by the source scan)",
             xml: #"<journey xmlns="urn:cjm:journey:1" id="j" title="Fish &chips;"/>"#,
             expected: #"1:55 unknown entity "&chips;""#),
        Case(name: "XML_ERR_ENTITYREF_SEMICOL_MISSING (located by the source scan)",
             xml: #"<journey xmlns="urn:cjm:journey:1" id="j" title="Fish &amp chips"/>"#,
             expected: #"1:55 "&amp" is not ended by ';'"#),
        Case(name: "XML_ERR_NAME_REQUIRED: xmlParseEntityRef (located by the source scan)",
             xml: #"<journey xmlns="urn:cjm:journey:1" id="j" title="Fish & chips"/>"#,
             expected: "1:55 a '&' that does not start an entity"),
    ]

    static let schemaCases: [Case] = [
        Case(name: "XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1: attribute not allowed",
             xml: root + #"<stage id="s" name="S" nmae="x"/></journey>"#,
             expected: #"1:76 unknown attribute "nmae" on this stage"#),
        Case(name: "XML_SCHEMAV_CVC_COMPLEX_TYPE_4: required attribute missing",
             xml: root + #"<stage id="s"/></journey>"#,
             expected: #"1:53 a stage has no "name""#),
        Case(name: "XML_SCHEMAV_CVC_ELT_1: root without the namespace", xml: #"<journey id="j" title="T"/>"#,
             expected: #"1:1 the root element must be <journey> in namespace "urn:cjm:journey:1", found <journey> without a namespace"#),
        Case(name: "XML_SCHEMAV_CVC_ELT_1: root in another namespace", xml: #"<journey xmlns="urn:other" id="j" title="T"/>"#,
             expected: #"1:1 the root element must be <journey> in namespace "urn:cjm:journey:1", found <journey> in namespace "urn:other""#),
        Case(name: "XML_SCHEMAV_ELEMENT_CONTENT: unknown element", xml: root + #"<stgae id="s" name="S"/></journey>"#,
             expected: "1:53 unknown element <stgae> in this journey"),
        Case(name: "XML_SCHEMAV_ELEMENT_CONTENT: out of order",
             xml: root + #"<stage id="s" name="S"/><persona id="p" name="P"/></journey>"#,
             expected: "1:77 <persona> is out of order or repeated in this journey"),
        Case(name: "XML_SCHEMAV_ELEMENT_CONTENT: another namespace",
             xml: root + #"<x:note xmlns:x="urn:x"/></journey>"#,
             expected: #"1:53 unknown element <note> (namespace "urn:x") in this journey"#),
        Case(name: "XML_SCHEMAV_ELEMENT_CONTENT: no namespace", xml: root + #"<note xmlns=""/></journey>"#,
             expected: "1:53 unknown element <note> (no namespace) in this journey"),
        Case(name: "XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3: text among elements",
             xml: root + #"<stage id="s" name="S">Call us</stage></journey>"#,
             expected: "1:1 text is not allowed directly inside this stage"),
        Case(name: "XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1: text in an empty element",
             xml: root + #"<stage id="s" name="S"><touchpoint id="t" name="T"><kpi name="k">95%</kpi></touchpoint></stage></journey>"#,
             expected: "1:1 text is not allowed directly inside this KPI"),
        Case(name: "XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1: an element in an empty element",
             xml: root + #"<stage id="s" name="S"><touchpoint id="t" name="T"><kpi name="k"><x/></kpi></touchpoint></stage></journey>"#,
             expected: "1:1 a KPI holds nothing, not elements"),
        Case(name: "XML_SCHEMAV_CVC_TYPE_3_1_2: an element in text",
             xml: root + #"<stage id="s" name="S"><touchpoint id="t" name="T"><pain>Slow <b>very</b></pain></touchpoint></stage></journey>"#,
             expected: "1:1 <pain> holds text only, not elements"),
    ]

    /// The errors of `xml`, as `line:column message`, in order.
    static func errors(_ xml: String) -> [String] {
        var bytes: [UInt8] = []
        for scalar in xml.unicodeScalars {
            if String(scalar) == invalidByte { bytes.append(0xC3) } else { bytes += Array(String(scalar).utf8) }
        }
        let imported = XMLJourneyImporter.importJourney(from: bytes, path: "m.journey.xml")
        return imported.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test("each well-formedness error libxml2 reports is rewritten", arguments: syntaxCases)
    func syntax(_ testCase: Case) {
        let errors = Self.errors(testCase.xml)
        #expect(errors.contains(testCase.expected), "\(errors)")
    }

    /// Inputs on which libxml2 2.9 raises parser warnings; its schema plug used to print
    /// "Unimplemented block at xmlschemas.c:28703" for each, straight to standard error.
    static let warningInputs = [
        #"<?xml version="1.1" encoding="UTF-8"?>"# + "\n" + root + #"<stage id="s" nmae="S"/></journey>"#,
        #"<journey xmlns="urn:cjm:journey:1" id="j" title="T" xml:space="odd"><stage id="s" nmae="S"/></journey>"#,
        #"<journey xmlns="relative" id="j" title="T"/>"#,
    ]

    @Test("libxml2 prints nothing on standard error, for any of these inputs")
    func nothingOnStandardError() throws {
        let folder = try TemporaryFolder()
        let inputs = Self.warningInputs + (Self.syntaxCases + Self.schemaCases).map(\.xml).filter { !$0.contains(Self.invalidByte) }
        for (index, xml) in inputs.enumerated() {
            _ = try folder.write(xml, to: "case\(index).journey.xml")
        }
        let result = try CLI.run(["check", folder.url.path])
        #expect(result.status == 2)
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        // Every file was read and refused, so libxml2 did run on each.
        for index in inputs.indices {
            #expect(result.standardOutput.contains("case\(index).journey.xml:"), "case \(index)")
        }
    }

    @Test("each schema error libxml2 reports is rewritten", arguments: schemaCases)
    func schema(_ testCase: Case) {
        let errors = Self.errors(testCase.xml)
        #expect(errors.contains(testCase.expected), "\(errors)")
    }
}
