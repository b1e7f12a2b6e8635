import CLibXML2
import Foundation
import JourneyKit

/// The parsers underneath cjm, timed on the same bytes: what cjm cannot beat.
enum Floors {
    /// The options the XML importer uses, so both do the same work.
    static let xmlOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// libxml2 building its whole tree, then freeing it.
    static func libxml2Tree(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                if let document = xmlReadMemory(text.baseAddress, Int32(text.count), nil, "UTF-8", xmlOptions) {
                    xmlFreeDoc(document)
                }
            }
        }
    }

    /// libxml2's streaming reader visiting every node, building nothing: the real floor for a
    /// streaming importer. Returns the node count so that the loop cannot be dropped.
    @discardableResult
    static func libxml2Reader(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                guard let reader = xmlReaderForMemory(text.baseAddress, Int32(text.count), nil, "UTF-8", xmlOptions) else { return 0 }
                defer { xmlFreeTextReader(reader) }
                var nodes = 0
                while xmlTextReaderRead(reader) == 1 { nodes += 1 }
                return nodes
            }
        }
    }

    /// The embedded journey XSD, parsed once (as the importer does).
    nonisolated(unsafe) static let schema: xmlSchemaPtr? = JourneySchema.xsd.utf8CString.withUnsafeBufferPointer { text in
        guard let parser = xmlSchemaNewMemParserCtxt(text.baseAddress, Int32(text.count - 1)) else { return nil }
        defer { xmlSchemaFreeParserCtxt(parser) }
        return xmlSchemaParse(parser)
    }

    /// The streaming reader validating against the journey XSD as it goes, building nothing:
    /// the least work an XML import that checks the schema can do.
    @discardableResult
    static func libxml2ReaderWithSchema(_ bytes: [UInt8]) -> Int {
        guard let schema, let validation = xmlSchemaNewValidCtxt(schema) else { return 0 }
        defer { xmlSchemaFreeValidCtxt(validation) }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                guard let reader = xmlReaderForMemory(text.baseAddress, Int32(text.count), nil, "UTF-8", xmlOptions) else { return 0 }
                defer { xmlFreeTextReader(reader) }
                guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else { return 0 }
                var nodes = 0
                while xmlTextReaderRead(reader) == 1 { nodes += 1 }
                return nodes
            }
        }
    }

    /// Foundation's generic JSON parser building its `Any` tree.
    static func jsonSerialization(_ data: Data) {
        _ = try? JSONSerialization.jsonObject(with: data)
    }

    /// The libxml2 version the benchmark was built against.
    static var libxml2Version: String { LIBXML_DOTTED_VERSION }
}
