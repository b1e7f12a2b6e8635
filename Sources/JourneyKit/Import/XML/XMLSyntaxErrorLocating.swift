import CLibXML2

extension XMLSourceText {
    /// The one error for a file libxml2 stopped reading, located as exactly as the source
    /// allows: libxml2's last error where it names the problem, else what a scan of the text
    /// finds (an unknown entity), else where the parser stopped.
    ///
    /// - Parameters:
    ///   - lastError: libxml2's last error on this thread, if any.
    ///   - parserPosition: Where libxml2's parser stopped.
    func syntaxError(lastError: LibXMLError?, parserPosition: (line: Int, column: Int)) -> Diagnostic {
        if let last = lastError, !last.isSchemaError, !last.isWarning {
            // Entity errors are located more exactly by looking for the entity below.
            let isAboutEntity = last.isCode(XML_ERR_UNDECLARED_ENTITY) || last.isCode(XML_ERR_ENTITYREF_SEMICOL_MISSING)
                || (last.isCode(XML_ERR_NAME_REQUIRED) && last.message.hasPrefix("xmlParseEntityRef"))
            if !isAboutEntity {
                // The streaming parser calls a file that ends inside an element "extra content".
                if last.isCode(XML_ERR_DOCUMENT_END), let innermost = unclosedElements().last {
                    return .error("the file ends before <\(innermost.name)> is closed", at: location(ofOffset: bytes.count),
                                  hint: "<\(innermost.name)> is opened at line \(location(ofOffset: innermost.offset).line); add </\(innermost.name)>")
                }
                let (text, hint) = XMLSyntaxMessages.rewrite(last)
                return .error(text, at: location(line: last.line, column: last.column), hint: hint)
            }
        }
        if let (offset, name, isTerminated) = firstUndefinedEntity() {
            if name.isEmpty {
                return .error("a '&' that does not start an entity", at: location(ofOffset: offset), hint: "write &amp; for a literal '&'")
            }
            if !isTerminated {
                return .error("\"&\(name)\" is not ended by ';'", at: location(ofOffset: offset),
                              hint: "write &amp; for a literal '&', or end the entity with ';'")
            }
            let (message, hint) = XMLSyntaxMessages.unknownEntity(name)
            return .error(message, at: location(ofOffset: offset), hint: hint)
        }
        return .error("the XML cannot be read past this point", at: location(line: parserPosition.line, column: parserPosition.column),
                      hint: "check the XML syntax here, for example with xmllint --noout FILE")
    }
}
