@testable import JourneyKit
import Testing

/// The XML reader's byte-level shortcuts (issue 19: the import within 1.5× libxml2's reader):
/// each must find exactly what the plain way finds.
@Suite("XML reader on bytes")
struct XMLReaderBytesTests {
    @Test("a byte found eight at a time is the first one, from any start, whatever bytes surround it")
    func byteSearchFindsTheFirst() {
        // Bytes around the one searched for that the word test could confuse with it: its
        // neighbours, high bytes, zero, and the byte minus 0x80.
        var random = 0x2545_F491_4F6C_DD1D as UInt64
        for wanted: UInt8 in [0x0A, 0x0D, UInt8(ascii: "<"), 0x8A] {
            let others: [UInt8] = [0x00, 0x01, wanted &- 1, wanted &+ 1, wanted ^ 0x80, 0x7F, 0x80, 0xFF, 0x20, UInt8(ascii: "a")]
            for length in [0, 1, 7, 8, 9, 15, 16, 17, 40] {
                for _ in 0..<20 {
                    let bytes: [UInt8] = (0..<length).map { _ in
                        random ^= random << 13; random ^= random >> 7; random ^= random << 17
                        return random % 5 == 0 ? wanted : others[Int(random % UInt64(others.count))]
                    }
                    bytes.withUnsafeBufferPointer { buffer in
                        for start in 0...length {
                            let expected = bytes[start...].firstIndex(of: wanted)
                            #expect(ByteSearch.firstIndex(of: wanted, in: buffer, from: start) == expected,
                                    "\(bytes) from \(start)")
                        }
                    }
                }
            }
        }
    }

    @Test("element and attribute names match only their exact spelling")
    func namesMatchExactly() {
        func attribute(_ text: String) -> XMLAttributeName? {
            Array(text.utf8).withUnsafeBufferPointer { XMLAttributeName($0) }
        }
        func element(_ text: String) -> XMLJourneyReader.ElementName? {
            Array(text.utf8).withUnsafeBufferPointer { XMLJourneyReader.ElementName($0) }
        }
        for name in XMLAttributeName.allCases {
            #expect(attribute(name.text) == name)
            #expect(attribute("x:" + name.text) == nil)
            // `persona` and `personas` are both names: each matches only itself.
            #expect(attribute(name.text + "s") == (name == .persona ? .personas : nil))
            #expect(attribute(name.text.uppercased()) == nil)
            #expect(attribute(String(name.text.dropLast())) == (name == .personas ? .persona : nil))
        }
        #expect(attribute("persona") == .persona && attribute("personas") == .personas)
        #expect(attribute("") == nil && attribute("nam") == nil && attribute("nome") == nil)
        for name in XMLJourneyReader.ElementName.allCases {
            #expect(element(name.text) == name)
            #expect(element(name.text + "x") == nil)
            #expect(element("é" + name.text) == nil)
        }
        #expect(element("touchPoint") == nil && element("") == nil)
    }

    @Test("a list item after a character of several bytes is located at its column, either way its value is read")
    func itemColumnsAfterWideCharacters() {
        // The second touchpoint's name has a reference, so libxml2 reads its values; the first's
        // are read as written, and each item's column counted from its value's.
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <journey xmlns="urn:cjm:journey:1" id="j" title="T">
          <channel id="web" name="Web"/>
          <stage id="s" name="S">
            <touchpoint id="a" name="Ána" channels="wéb nowhere" entry="true" next="b"/>
            <touchpoint id="b" name="Ána &amp; co" channels="wéb nowhere"/>
          </stage>
        </journey>
        """
        let imported = XMLJourneyImporter.importJourney(from: Array(xml.utf8), path: "t.journey.xml")
        let errors = imported.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(errors == [
            #"5:45 touchpoint "Ána" refers to unknown channel "wéb""#,
            #"5:49 touchpoint "Ána" refers to unknown channel "nowhere""#,
            #"6:54 touchpoint "Ána & co" refers to unknown channel "wéb""#,
            #"6:58 touchpoint "Ána & co" refers to unknown channel "nowhere""#,
        ])
    }

    @Test("a repeated next entry is warned about at each repetition, in short lists and long ones")
    func repeatedNextInShortAndLongLists() throws {
        // Eight entries or fewer are compared in place, more through a set: the same warnings.
        let short = ["b", "c", "b", "b"]
        let long = ["b", "c", "d", "e", "f", "g", "h", "i", "c", "b", "j", "b"]
        let ids = ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        for next in [short, long] {
            let touchpoints = [Touchpoint(id: "a", name: "A", entry: true, next: next)] + ids.map { Touchpoint(id: $0, name: $0) }
            let journey = Journey(id: "j", title: "T", stages: [Stage(id: "s", name: "S", touchpoints: touchpoints)])
            let warnings = JourneyValidator().validate(journey).filter { $0.severity == .warning }.map(\.message)
            let repeats = next.indices.filter { next[..<$0].contains(next[$0]) }.map { next[$0] }
            try #require(!repeats.isEmpty)
            #expect(warnings == repeats.map { #"touchpoint "A" lists "\#($0)" in "next" twice"# })
        }
    }
}
