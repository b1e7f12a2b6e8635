/// The elements and attributes of the XML form, in canonical order; shared by the importer's
/// messages and hints, the writer and the documentation tests.
enum XMLVocabulary {
    /// The attributes of each element, in the order the writer puts them.
    static let attributes: [String: [String]] = [
        "journey": ["id", "title", "ignore"],
        "persona": ["id", "name", "channels", "ignore"],
        "channel": ["id", "name", "kind", "status", "owner", "ignore"],
        "stage": ["id", "name", "ignore"],
        "touchpoint": [
            "id", "name", "channels", "personas", "initiator", "owner", "emotion", "entry", "momentOfTruth",
            "next", "handoff", "ignore",
        ],
        "kpi": ["name", "target"],
    ]

    /// The child elements of each element, in the order the schema requires.
    static let children: [String: [String]] = [
        "journey": ["description", "persona", "channel", "stage"],
        "persona": ["description", "goal"],
        "channel": ["description"],
        "stage": ["description", "touchpoint"],
        "touchpoint": ["description", "pain", "opportunity", "kpi"],
    ]

    /// How each element's children are ordered, in words.
    static let order: [String: String] = [
        "journey": "a <journey> holds, in this order: an optional <description>, then its <persona>, <channel> and <stage> elements",
        "persona": "a <persona> holds an optional <description>, then its <goal> elements",
        "channel": "a <channel> holds only an optional <description>",
        "stage": "a <stage> holds an optional <description>, then its <touchpoint> elements",
        "touchpoint": "a <touchpoint> holds, in this order: an optional <description>, then its <pain>, <opportunity> and <kpi> elements",
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

    /// The diagnostic for one schema error, or `nil` for errors the importer reports itself
    /// (attribute values: enumerations, emotion, booleans and ids, with messages like JSON's).
    static func diagnostic(
        for message: String, parsed: Parsed?, parent: String?, locate: (_ attribute: String?) -> SourceLocation
    ) -> Diagnostic? {
        guard let parsed else {
            return .error("the journey does not match the XML schema: \(message)", at: locate(nil))
        }
        let element = parsed.element
        let noun = XMLVocabulary.noun(element)
        if let attribute = parsed.attribute {
            if parsed.detail.hasPrefix("The attribute '"), parsed.detail.hasSuffix("is not allowed.") {
                let known = XMLVocabulary.attributes[element] ?? []
                var hint = Suggestion.hint(for: attribute, among: known,
                                           fallback: "known attributes: " + known.joined(separator: ", "))
                if (XMLVocabulary.children[element] ?? []).contains(attribute) {
                    hint = "write \(attribute) as a child element: <\(attribute)>…</\(attribute)>"
                } else if let child = (XMLVocabulary.children[element] ?? []).first(where: { $0 + "s" == attribute || $0 == "opportunity" && attribute == "opportunities" }) {
                    hint = "write each item as a child element: <\(child)>…</\(child)>"
                }
                return .error("unknown attribute \"\(attribute)\" on this \(noun)", at: locate(attribute), hint: hint)
            }
            // A value the importer checks and reports in JSON's words.
            return nil
        }
        let location = locate(nil)
        let detail = parsed.detail
        let parent = parent ?? XMLVocabulary.parent(of: element)
        if detail.hasPrefix("The attribute '"), detail.hasSuffix("is required but missing.") {
            let attribute = detail.dropFirst("The attribute '".count).prefix { $0 != "'" }
            let required = (XMLVocabulary.attributes[element] ?? []).filter { ["id", "name", "title"].contains($0) }
            let article = noun == "KPI" ? "a" : element == "journey" ? "the" : "a"
            return .error("\(article) \(noun) has no \"\(attribute)\"", at: location,
                          hint: "every \(noun) needs " + required.map { "\($0)=\"…\"" }.joined(separator: " and "))
        }
        if detail.hasPrefix("No matching global declaration available for the validation root") {
            let hint = element == "journey" && parsed.namespace == nil
                ? "add xmlns=\"\(XMLJourneyImporter.namespace)\" to <journey>"
                : "an XML journey starts with <journey xmlns=\"\(XMLJourneyImporter.namespace)\" id=\"…\" title=\"…\">"
            let found = parsed.namespace.map { "<\(element)> in namespace \"\($0)\"" } ?? "<\(element)> without a namespace"
            return .error("the root element must be <journey> in namespace \"\(XMLJourneyImporter.namespace)\", found \(found)",
                          at: location, hint: hint)
        }
        if detail.hasPrefix("This element is not expected") {
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
        }
        if detail.hasPrefix("Character content other than whitespace is not allowed") || detail.hasPrefix("Character content is not allowed") {
            let hint = element == "kpi" ? "a KPI has only the attributes name and target"
                : (XMLVocabulary.children[element] ?? []).contains("description") ? "put free text in a <description> element" : nil
            return .error("text is not allowed directly inside this \(noun)", at: location, hint: hint)
        }
        if detail.hasPrefix("Element content is not allowed") {
            return .error("<\(element)> holds text only, not elements", at: location,
                          hint: element == "kpi" ? "a KPI has only the attributes name and target" : "remove the markup inside <\(element)>")
        }
        return .error("<\(element)>: \(detail)", at: location)
    }
}

/// Rewrites libxml2's well-formedness errors into plain language.
enum XMLSyntaxMessages {
    static func rewrite(_ message: String) -> (message: String, hint: String?) {
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        if let rest = firstLine.dropPrefix("Opening and ending tag mismatch: ") {
            // "stage line 4 and journey"
            let parts = rest.split(separator: " ").map(String.init)
            if parts.count == 5, parts[1] == "line", parts[3] == "and" {
                return ("the closing tag </\(parts[4])> does not match <\(parts[0])> opened on line \(parts[2])",
                        "close every element, innermost first: add </\(parts[0])> before </\(parts[4])>")
            }
        }
        if let rest = firstLine.dropPrefix("Premature end of data in tag ") {
            let parts = rest.split(separator: " ").map(String.init)
            if parts.count == 3, parts[1] == "line" {
                return ("the file ends before <\(parts[0])> opened on line \(parts[2]) is closed", "add </\(parts[0])>")
            }
        }
        if firstLine.hasPrefix("EndTag: '</' not found") {
            return ("the file ends before every element is closed", "close every element that is opened")
        }
        if let rest = firstLine.dropPrefix("Entity '"), let name = rest.split(separator: "'").first {
            return ("unknown entity \"&\(name);\"",
                    "write &amp; for a literal '&'; only &amp; &lt; &gt; &quot; &apos; and character references such as &#233; are allowed")
        }
        if firstLine.hasPrefix("Document is empty") {
            return ("the file holds no XML element", "an XML journey starts with <journey xmlns=\"\(XMLJourneyImporter.namespace)\" …>")
        }
        if firstLine.hasPrefix("Start tag expected") {
            return ("the file does not start with an XML element", "an XML journey starts with <journey xmlns=\"\(XMLJourneyImporter.namespace)\" …>")
        }
        if firstLine.hasPrefix("Input is not proper UTF-8") {
            return ("the file is not valid UTF-8", "save the file as UTF-8")
        }
        if firstLine.hasPrefix("Extra content at the end of the document") {
            return ("unexpected content after the closing </journey>", "a file holds one journey; remove what follows </journey>")
        }
        if firstLine.hasPrefix("xmlParseEntityRef: no name") {
            return ("a '&' that does not start an entity", "write &amp; for a literal '&'")
        }
        if firstLine.hasPrefix("Unescaped '<' not allowed in attributes values") {
            return ("a '<' inside an attribute value", "write &lt; for a literal '<'")
        }
        if firstLine.hasPrefix("Excessive depth in document") {
            return ("elements are nested too deeply (more than 256 levels)",
                    "a journey nests four levels at most (journey, stage, touchpoint, kpi); remove the extra elements")
        }
        if firstLine.hasPrefix("Attribute ") && firstLine.contains(" redefined") {
            return ("an attribute is written twice on this element: " + firstLine, "XML allows each attribute once; remove or merge one")
        }
        return ("XML syntax error: " + firstLine, nil)
    }
}

