import CLibXML2

// The C boundary of the XML importer: every libxml2 call but the ones of `JourneySchema`'s
// parsing lives here, so that what is allocated, which error handlers point at Swift objects
// and when both end can be read in one place.
//
// No process-wide or per-thread libxml2 handler is ever set (xmlSetGenericErrorFunc,
// xmlSetStructuredErrorFunc, …): an application that embeds JourneyKit may use libxml2 itself.
// Errors come from per-context handlers and from the thread's last error only.

/// libxml2 keeps global tables that must be set up once before threads use it.
private let libxml2IsInitialized: Bool = {
    xmlInitParser()
    return true
}()

/// The embedded XSD, parsed once on first use and shared by every import, on any thread.
///
/// libxml2 never changes a parsed `xmlSchema` while validating: all validation state lives in
/// the `xmlSchemaValidCtxt` each import creates for itself, so one schema serves concurrent
/// imports. It is never freed (it lives as long as the process, like the embedded text).
private final class SharedJourneySchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr?

    private init() {
        _ = libxml2IsInitialized
        pointer = JourneySchema.xsd.utf8CString.withUnsafeBufferPointer { text in
            guard let parser = xmlSchemaNewMemParserCtxt(text.baseAddress, Int32(text.count - 1)) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            // The embedded schema is valid; a handler that drops errors keeps libxml2 from
            // printing them should that ever change (the load then fails with a message).
            xmlSchemaSetParserStructuredErrors(parser, { _, _ in }, nil)
            return xmlSchemaParse(parser)
        }
    }

    /// Swift runs this initialiser exactly once, even when several threads ask at the same time.
    static let shared = SharedJourneySchema()
}

/// An error libxml2 reported, copied out of its error struct before the reader moves on.
struct LibXMLError {
    /// The part of libxml2 that raised it (`XML_FROM_PARSER`, `XML_FROM_SCHEMASV`, …).
    var domain: Int32
    /// What went wrong (`XML_ERR_TAG_NAME_MISMATCH`, `XML_SCHEMAV_CVC_COMPLEX_TYPE_4`, …): messages
    /// are classified by this code wherever it tells the cases apart.
    var code: Int32
    var isWarning: Bool
    /// libxml2's English message, without its trailing line break.
    var message: String
    /// The extra values some errors carry (an element or attribute name, a line number).
    var string1: String?
    var string2: String?
    var number1: Int
    var line: Int
    var column: Int

    init(_ reported: xmlError) {
        domain = Int32(reported.domain)
        code = Int32(reported.code)
        isWarning = reported.level == XML_ERR_WARNING
        var text = reported.message.map { String(cString: $0) } ?? "unknown error"
        while text.last?.isWhitespace == true { text.removeLast() }
        message = text
        string1 = reported.str1.map { String(cString: $0) }
        string2 = reported.str2.map { String(cString: $0) }
        number1 = Int(reported.int1)
        line = Int(reported.line)
        column = Int(reported.int2)
    }

    /// Whether this is an error of schema validation, rather than of XML syntax.
    var isSchemaError: Bool { domain == Int32(XML_FROM_SCHEMASV.rawValue) }

    /// Whether the error's code is `code`.
    func isCode(_ code: xmlParserErrors) -> Bool { self.code == Int32(code.rawValue) }
}

/// Collects one reader's errors. libxml2 holds it only as the opaque context of per-context
/// handlers, which are cleared before the contexts are freed; it outlives both.
private final class LibXMLErrorCollector {
    // Unchecked: the reader looks at it after every node, and the dynamic exclusivity check of
    // a class property cost more than the look; libxml2 calls back only inside the reader's own
    // calls, on the same thread, never while Swift reads it.
    @exclusivity(unchecked) var errors: [LibXMLError] = []

    /// The C callback libxml2 calls with each error; `context` is the collector.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<LibXMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
        collector.errors.append(LibXMLError(error.pointee))
    }
}

/// libxml2's streaming reader over one buffer, validating against the journey schema as it
/// reads. Exists only inside `ValidatingXMLReader.read(_:_:)`, which frees everything.
struct ValidatingXMLReader {
    /// libxml2's limit on one text without `XML_PARSE_HUGE` (`XML_MAX_TEXT_LENGTH`).
    static let largestTextWithoutHuge = 10_000_000

    /// Why the reader could not be set up: the input is over libxml2's 2 GB limit, or libxml2
    /// failed (which no input should cause).
    enum SetupFailure: Error {
        case tooLarge, schemaUnavailable, outOfMemory, readerUnavailable, validationUnavailable
    }

    /// The outcome of one step.
    enum Step {
        /// The reader is on a node.
        case node
        /// The document ended.
        case end
        /// libxml2 stopped at an error (a syntax error, usually), which may not have reached a handler.
        case stopped
    }

    /// What the reader is on.
    enum NodeKind {
        case element, endElement, text, comment, processingInstruction, documentType, entityReference, other
    }

    private let reader: xmlTextReaderPtr
    private let collector: LibXMLErrorCollector

    /// Creates a reader over `bytes`, runs `body` with it and frees every libxml2 object it
    /// made before returning. `bytes` must stay valid during the call (libxml2 reads it in place).
    static func read<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (ValidatingXMLReader) -> Result
    ) -> Swift.Result<Result, SetupFailure> {
        guard bytes.count <= Int(Int32.max), let base = bytes.baseAddress else { return .failure(.tooLarge) }
        _ = libxml2IsInitialized
        guard let schema = SharedJourneySchema.shared.pointer else { return .failure(.schemaUnavailable) }
        guard let validation = xmlSchemaNewValidCtxt(schema) else { return .failure(.outOfMemory) }
        let collector = LibXMLErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        // The reader and the validation context hold `context` until they are freed, so the
        // collector must live until after the frees, and the handlers go first.
        return withExtendedLifetime(collector) {
            defer {
                xmlSchemaSetValidStructuredErrors(validation, nil, nil)
                xmlSchemaFreeValidCtxt(validation)
            }
            xmlSchemaSetValidStructuredErrors(validation, LibXMLErrorCollector.callback, context)
            // No NOENT, DTDLOAD, DTDATTR or XINCLUDE: entities stay unexpanded and nothing is
            // loaded. HUGE lifts libxml2's 10,000,000-character limit on one text, which the
            // writer does not have (issue 17: a converted journey could not be read back); only
            // a file larger than that can hold such a text, so smaller files keep every limit
            // (nesting depth, name length). cjm's own file size cap (`--max-file-size`) bounds
            // the input, and a <!DOCTYPE> never reaches libxml2, so nothing expands. NOERROR and NOWARNING: libxml2 2.9's schema plug replaces the parser's error
            // and warning callbacks with stubs that print "Unimplemented block at xmlschemas.c"
            // to standard error; without them, the parser's errors are still recorded as this
            // thread's last error (`lastError()`), and schema errors reach the handler above.
            // No handler is set on the reader itself: it would bring the warning stub back.
            let huge = bytes.count > Self.largestTextWithoutHuge ? XML_PARSE_HUGE.rawValue : 0
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | huge
                                | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            let reader = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlReaderForMemory($0, Int32(bytes.count), nil, "UTF-8", options)
            }
            guard let reader else { return .failure(.readerUnavailable) }
            defer {
                // The validation context's handler points at the collector: cleared first, so
                // that nothing can call into it while the frees run.
                xmlSchemaSetValidStructuredErrors(validation, nil, nil)
                xmlFreeTextReader(reader)
            }
            guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else {
                return .failure(.validationUnavailable)
            }
            // The last error is per thread: an earlier import's must not pass for this one's.
            xmlResetLastError()
            return .success(body(ValidatingXMLReader(reader: reader, collector: collector)))
        }
    }

    /// Moves to the next node.
    func next() -> Step {
        switch xmlTextReaderRead(reader) {
        case 1: .node
        case 0: .end
        default: .stopped
        }
    }

    /// Whether errors were reported since `takeErrors()` was last called.
    var hasErrors: Bool { !collector.errors.isEmpty }

    /// The errors reported since the last call, in order.
    func takeErrors() -> [LibXMLError] {
        defer { collector.errors.removeAll(keepingCapacity: true) }
        return collector.errors
    }

    /// The last syntax error of this thread, which the schema plug keeps from the handlers.
    func lastError() -> LibXMLError? {
        xmlGetLastError().map { LibXMLError($0.pointee) }
    }

    /// Where the parser is (it reads ahead of the reader's node).
    /// How many bytes of the input libxml2 has read (it reads ahead of the current node).
    var bytesConsumed: Int { Int(xmlTextReaderByteConsumed(reader)) }

    var parserPosition: (line: Int, column: Int) {
        (Int(xmlTextReaderGetParserLineNumber(reader)), Int(xmlTextReaderGetParserColumnNumber(reader)))
    }

    // MARK: The current node

    var nodeKind: NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue): .text
        case Int32(XML_READER_TYPE_COMMENT.rawValue): .comment
        case Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue): .processingInstruction
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue): .documentType
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue): .entityReference
        default: .other
        }
    }

    /// Whether the element has no end tag (`<kpi …/>`).
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    var localName: String { Self.string(xmlTextReaderConstLocalName(reader)) }

    /// The node's text (text, CDATA and comments), or `nil` for nodes without one.
    var value: String? { xmlTextReaderConstValue(reader).map { String(cString: $0) } }

    /// Whether the node is in `namespace`, given as its UTF-8 bytes; compared in place, because
    /// making a String of libxml2's URI for every element would allocate.
    func isInNamespace(_ namespace: [UInt8]) -> Bool {
        guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return false }
        // A shorter URI stops at its terminating 0, which matches no byte of the namespace.
        for (index, byte) in namespace.enumerated() where uri[index] != byte { return false }
        return uri[namespace.count] == 0
    }

    /// The value of the element's attribute `localName` in `namespace`, if it has one.
    func attribute(_ localName: String, namespace: String) -> String? {
        // Through the attributes' constant strings: libxml2's getters that return a copy want
        // it freed with `xmlFree`, a global Swift cannot call safely from concurrent code.
        defer { xmlTextReaderMoveToElement(reader) }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if Self.string(xmlTextReaderConstNamespaceUri(reader)) == namespace, Self.string(xmlTextReaderConstLocalName(reader)) == localName {
                return Self.string(xmlTextReaderConstValue(reader))
            }
        }
        return nil
    }

    /// Copies the element's attributes without a namespace into `attributes`, as bytes in
    /// document order: namespace declarations and attributes of other vocabularies are not
    /// journey fields. Bytes, because most values become ids (interned from their bytes) or
    /// are only compared, and a `String` per name and value was a third of the reader's own
    /// work; copied, because libxml2 may hand a value with an entity reference out of one
    /// buffer that the next attribute overwrites.
    func unqualifiedAttributes(into attributes: inout XMLAttributeBytes) {
        attributes.removeAll()
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            guard xmlTextReaderIsNamespaceDecl(reader) != 1, xmlTextReaderConstNamespaceUri(reader) == nil else { continue }
            attributes.append(name: Self.bytes(xmlTextReaderConstLocalName(reader)), value: Self.bytes(xmlTextReaderConstValue(reader)))
        }
        xmlTextReaderMoveToElement(reader)
    }

    /// How many attributes the element has, namespace declarations included.
    var attributeCount: Int { Int(xmlTextReaderAttributeCount(reader)) }

    /// The node's local name as libxml2's bytes, valid until the reader moves on.
    var localNameBytes: UnsafeBufferPointer<UInt8> { Self.bytes(xmlTextReaderConstLocalName(reader)) }

    /// A zero-terminated libxml2 string as bytes, without the terminator (empty for `NULL`).
    private static func bytes(_ text: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let text else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text)))
    }

    private static func string(_ text: UnsafePointer<xmlChar>?) -> String {
        guard let text else { return "" }
        return String(cString: text)
    }
}

/// A second reading of a file that is not well-formed, in libxml2's recovery mode, for the one
/// purpose of listing every well-formedness error in one run (issue 16): the validating reader
/// stops at the first. No schema is attached (a recovered tree is a guess, never validated,
/// analysed or converted), so libxml2's schema plug is absent and a handler on the reader
/// itself is safe here. Same limits as the validating reader: no network, no entity expansion,
/// no DTD loading, and `XML_PARSE_HUGE` only for files large enough to need it.
enum RecoveringXMLReader {
    /// libxml2's well-formedness errors in `bytes`, in order; warnings are left out.
    static func syntaxErrors(in bytes: UnsafeBufferPointer<UInt8>) -> [LibXMLError] {
        guard bytes.count <= Int(Int32.max), let base = bytes.baseAddress else { return [] }
        _ = libxml2IsInitialized
        let collector = LibXMLErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        return withExtendedLifetime(collector) {
            let huge = bytes.count > ValidatingXMLReader.largestTextWithoutHuge ? XML_PARSE_HUGE.rawValue : 0
            let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
                                | huge | XML_PARSE_NOWARNING.rawValue)
            let reader = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlReaderForMemory($0, Int32(bytes.count), nil, "UTF-8", options)
            }
            guard let reader else { return [] }
            defer {
                xmlTextReaderSetStructuredErrorHandler(reader, nil, nil)
                xmlFreeTextReader(reader)
            }
            xmlTextReaderSetStructuredErrorHandler(reader, LibXMLErrorCollector.callback, context)
            // Each step consumes input, so this ends; 1 means "on a node", anything else the end.
            while xmlTextReaderRead(reader) == 1 {}
            return collector.errors.filter { !$0.isWarning && !$0.isSchemaError }
        }
    }
}
