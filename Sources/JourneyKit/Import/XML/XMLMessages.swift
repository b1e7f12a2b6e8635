import CLibXML2

/// The elements and attributes of the XML form, in canonical order; shared by the importer's
/// messages and hints, the writer and the documentation tests.
enum XMLVocabulary {
    /// The attributes of each element, in the order the writer puts them.
    static let attributes: [String: [String]] = [
        "journey": ["id", "title", "lang", "audience", "ignore"],
        "catalog": ["id", "title"],
        "uses": ["href"],
        "persona": ["id", "name", "channels", "ignore"],
        "channel": ["id", "name", "kind", "status", "owner", "ignore"],
        "stage": ["id", "name", "ignore"],
        "touchpoint": [
            "id", "name", "channels", "personas", "initiator", "owner", "emotion", "entry", "momentOfTruth",
            "next", "handoff", "journey", "ignore",
        ],
        "kpi": ["name", "target"],
        "experience": ["persona", "emotion"],
        "evidence": ["kind", "source", "date", "note"],
        "backstage": ["name", "lane", "owner"],
        "scenario": ["id", "name"],
        "property": ["name"],
    ]

    /// The child elements of each element, in the order the schema requires.
    static let children: [String: [String]] = [
        "journey": ["description", "uses", "persona", "channel", "stage", "scenario", "tag", "property"],
        "catalog": ["description", "persona", "channel"],
        "persona": ["description", "goal", "evidence", "tag", "property"],
        "channel": ["description", "tag", "property"],
        "stage": ["description", "touchpoint", "tag", "property"],
        "touchpoint": ["description", "pain", "opportunity", "kpi", "experience", "evidence", "backstage", "tag", "property"],
        "experience": ["pain", "quote"],
        "backstage": ["description"],
        "scenario": ["description", "channel"],
    ]

    /// How each element's children are ordered, in words.
    static let order: [String: String] = [
        "journey": "a <journey> holds, in this order: an optional <description>, then its <uses>, <persona>, <channel>, <stage>, <scenario>, <tag> and <property> elements",
        "persona": "a <persona> holds, in this order: an optional <description>, then its <goal>, <evidence>, <tag> and <property> elements",
        "catalog": "a <catalog> holds, in this order: an optional <description>, then its <persona> and <channel> elements",
        "channel": "a <channel> holds an optional <description>, then its <tag> and <property> elements",
        "stage": "a <stage> holds, in this order: an optional <description>, then its <touchpoint>, <tag> and <property> elements",
        "touchpoint": "a <touchpoint> holds, in this order: an optional <description>, then its <pain>, <opportunity>, <kpi>, <experience>, <evidence>, <backstage>, <tag> and <property> elements",
        "experience": "an <experience> holds its <pain> elements, then an optional <quote>",
        "backstage": "a <backstage> step holds only an optional <description>",
        "scenario": "a <scenario> holds an optional <description>, then its <channel ref=\"…\" status=\"…\"/> elements",
    ]

    /// The parent of an element that can appear in one place only (`description` appears in several).
    static func parent(of element: String) -> String? {
        let parents = children.keys.sorted().filter { children[$0]?.contains(element) == true }
        return parents.count == 1 ? parents[0] : nil
    }

    /// The name used for an element in messages: "KPI" reads better than "kpi".
    static func noun(_ element: String) -> String {
        element == "kpi" ? "KPI" : element
    }
}

/// Rewrites libxml2's XML Schema errors into the plain language of the JSON importer's messages.
///
/// Errors are told apart by their code (`XML_SCHEMAV_*`); only the element and attribute they
/// are about are read from libxml2's English message (2.9 gives no other way in streaming mode),
/// and a test triggers every case, so that a libxml2 upgrade that changes either fails loudly.
enum XMLSchemaMessages {
    /// The parts of a libxml2 schema message:
    /// `Element '{urn:cjm:journey:1}touchpoint', attribute 'chanels': The attribute 'chanels' is not allowed.`
    struct Parsed {
        var element: String
        var namespace: String?
        var attribute: String?
        var detail: String
    }

    static func parse(_ message: String) -> Parsed? {
        guard message.hasPrefix("Element '") else { return nil }
        var rest = message.dropFirst("Element '".count)
        guard let close = rest.firstIndex(of: "'") else { return nil }
        var qualified = rest[..<close]
        rest = rest[rest.index(after: close)...]
        var namespace: String?
        if qualified.hasPrefix("{"), let end = qualified.firstIndex(of: "}") {
            namespace = String(qualified[qualified.index(after: qualified.startIndex)..<end])
            qualified = qualified[qualified.index(after: end)...]
        }
        var attribute: String?
        if rest.hasPrefix(", attribute '") {
            rest = rest.dropFirst(", attribute '".count)
            guard let end = rest.firstIndex(of: "'") else { return nil }
            attribute = String(rest[..<end])
            rest = rest[rest.index(after: end)...]
        }
        guard rest.hasPrefix(": ") else { return nil }
        return Parsed(element: String(qualified), namespace: namespace, attribute: attribute, detail: String(rest.dropFirst(2)))
    }

    /// Whether `error` is about an element's content, found while the element is open (at the
    /// line of the content), rather than about its start tag.
    static func isAboutContent(_ error: LibXMLError, parsed: Parsed?) -> Bool {
        guard parsed?.attribute == nil else { return false }
        return error.isCode(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1) || error.isCode(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3)
            || error.isCode(XML_SCHEMAV_CVC_TYPE_3_1_2)
    }

    /// The diagnostic for one schema error, or `nil` for errors the importer reports itself
    /// (attribute values: enumerations, emotion, booleans and ids, with messages like JSON's).
    static func diagnostic(
        for error: LibXMLError, parsed: Parsed?, parent: String?, locate: (_ attribute: String?) -> SourceLocation
    ) -> Diagnostic? {
        guard let parsed else {
            return .error("the journey does not match the XML schema: \(error.message)", at: locate(nil))
        }
        let element = parsed.element
        let noun = XMLVocabulary.noun(element)
        if let attribute = parsed.attribute {
            guard error.isCode(XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1) else {
                // A value the importer checks and reports in JSON's words.
                return nil
            }
            let known = XMLVocabulary.attributes[element] ?? []
            var hint = Suggestion.hint(for: attribute, among: known, fallback: "known attributes: " + known.joined(separator: ", "))
            if (XMLVocabulary.children[element] ?? []).contains(attribute) {
                hint = "write \(attribute) as a child element: <\(attribute)>…</\(attribute)>"
            } else if let child = (XMLVocabulary.children[element] ?? []).first(where: { $0 + "s" == attribute || $0 == "opportunity" && attribute == "opportunities" }) {
                hint = "write each item as a child element: <\(child)>…</\(child)>"
            }
            return .error("unknown attribute \"\(attribute)\" on this \(noun)", at: locate(attribute), hint: hint)
        }
        let location = locate(nil)
        let parent = parent ?? XMLVocabulary.parent(of: element)
        switch Int(error.code) {
        case Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_4.rawValue):
            // A required attribute is missing; libxml2 names it in str1.
            let attribute = error.string1 ?? "?"
            let required = (XMLVocabulary.attributes[element] ?? []).filter { ["id", "name", "title"].contains($0) }
            let article = element == "journey" ? "the" : "a"
            return .error("\(article) \(noun) has no \"\(attribute)\"", at: location,
                          hint: "every \(noun) needs " + required.map { "\($0)=\"…\"" }.joined(separator: " and "))
        case Int(XML_SCHEMAV_CVC_ELT_1.rawValue):
            // No declaration for the root element.
            let hint = element == "journey" && parsed.namespace == nil
                ? "add xmlns=\"\(XMLJourneyImporter.namespace)\" to <journey>"
                : "an XML journey starts with <journey xmlns=\"\(XMLJourneyImporter.namespace)\" id=\"…\" title=\"…\">"
            let found = parsed.namespace.map { "<\(element)> in namespace \"\($0)\"" } ?? "<\(element)> without a namespace"
            return .error("the root element must be <journey> in namespace \"\(XMLJourneyImporter.namespace)\", found \(found)",
                          at: location, hint: hint)
        case Int(XML_SCHEMAV_ELEMENT_CONTENT.rawValue):
            // An element where the schema allows none of that name.
            let parentNoun = parent.map(XMLVocabulary.noun) ?? "journey"
            let siblings = parent.flatMap { XMLVocabulary.children[$0] } ?? []
            if parsed.namespace != XMLJourneyImporter.namespace {
                let hint = parsed.namespace == nil
                    ? "journey elements are in namespace \"\(XMLJourneyImporter.namespace)\"; keep the xmlns of <journey> and no other"
                    : "only journey elements are allowed; cjm does not process XInclude or other vocabularies"
                let namespaceText = parsed.namespace.map { " (namespace \"\($0)\")" } ?? " (no namespace)"
                return .error("unknown element <\(element)>\(namespaceText) in this \(parentNoun)", at: location, hint: hint)
            }
            if siblings.contains(element) {
                let hint = parent.flatMap { XMLVocabulary.order[$0] }
                return .error("<\(element)> is out of order or repeated in this \(parentNoun)", at: location, hint: hint)
            }
            let fallback = parent.flatMap { XMLVocabulary.order[$0] } ?? "\(parentNoun) holds text only"
            return .error("unknown element <\(element)> in this \(parentNoun)", at: location,
                          hint: Suggestion.hint(for: element, among: siblings, fallback: fallback))
        case Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1.rawValue) where parsed.detail.hasPrefix("Element content"),
             Int(XML_SCHEMAV_CVC_TYPE_3_1_2.rawValue):
            // Elements inside an element of text only (type 3.1.2) or of nothing at all (2.1, a KPI).
            if element == "kpi" {
                return .error("a KPI holds nothing, not elements", at: location, hint: "a KPI has only the attributes name and target")
            }
            return .error("<\(element)> holds text only, not elements", at: location, hint: "remove the markup inside <\(element)>")
        case Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1.rawValue), Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3.rawValue):
            // Text inside an element of nothing at all (2.1, a KPI) or of elements only (2.3).
            let hint = element == "kpi" ? "a KPI has only the attributes name and target"
                : (XMLVocabulary.children[element] ?? []).contains("description") ? "put free text in a <description> element" : nil
            return .error("text is not allowed directly inside this \(noun)", at: location, hint: hint)
        default:
            return .error("<\(element)>: \(parsed.detail)", at: location)
        }
    }
}

/// Rewrites libxml2's well-formedness errors into plain language, by their code (`XML_ERR_*`)
/// and the names and numbers libxml2 gives with it; the English message is read only where one
/// code covers several cases. Each case is one the streaming reader really reports (others,
/// such as "Premature end of data in tag", come from libxml2's pull parser only), and a test
/// triggers each. Errors about entities are located by `XMLSourceText.syntaxError` instead.
enum XMLSyntaxMessages {
    static func rewrite(_ error: LibXMLError) -> (message: String, hint: String?) {
        let firstLine = error.message.split(separator: "\n").first.map(String.init) ?? error.message
        switch Int(error.code) {
        case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue):
            // "Opening and ending tag mismatch: stage line 4 and journey": str1, int1, str2.
            if let opened = error.string1, let closed = error.string2 {
                return ("the closing tag </\(closed)> does not match <\(opened)> opened on line \(error.number1)",
                        "close every element, innermost first: add </\(opened)> before </\(closed)>")
            }
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
            // "Document is empty": no element where the root should start.
            return ("the file holds no XML element", "an XML journey starts with <journey xmlns=\"\(XMLJourneyImporter.namespace)\" …>")
        case Int(XML_ERR_INVALID_CHAR.rawValue) where firstLine.hasPrefix("Input is not proper UTF-8"):
            return ("the file is not valid UTF-8", "save the file as UTF-8")
        case Int(XML_ERR_DOCUMENT_END.rawValue):
            // "Extra content at the end of the document"; a file that ends inside an element gets
            // this too, and is told apart by `XMLSourceText.syntaxError`.
            return ("unexpected content after the closing </journey>", "a file holds one journey; remove what follows </journey>")
        case Int(XML_ERR_INTERNAL_ERROR.rawValue) where firstLine.hasPrefix("Excessive depth in document"):
            return ("elements are nested too deeply (more than 256 levels)",
                    "a journey nests four levels at most (journey, stage, touchpoint, kpi); remove the extra elements")
        case Int(XML_ERR_ATTRIBUTE_REDEFINED.rawValue):
            // "Attribute id redefined": str1 is the attribute's local name, str2 its prefix.
            let name = [error.string2, error.string1].compactMap { $0 }.joined(separator: ":")
            return ("the attribute \"\(name)\" is written twice on this element", "XML allows each attribute once; remove or merge one")
        default:
            break
        }
        return ("XML syntax error: " + firstLine, nil)
    }

    /// The message for `&name;` when `name` is not one of XML's five entities.
    static func unknownEntity(_ name: String) -> (message: String, hint: String?) {
        ("unknown entity \"&\(name);\"",
         "write &amp; for a literal '&'; only &amp; &lt; &gt; &quot; &apos; and character references such as &#233; are allowed")
    }
}
