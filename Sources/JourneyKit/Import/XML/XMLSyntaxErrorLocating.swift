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
                    return endsBeforeClosing(innermost.name, openedOnLine: location(ofOffset: innermost.offset).line)
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

extension XMLSourceText {
    /// Past this many syntax errors, a file is more likely not XML at all than a draft with
    /// slips: the list stops, as the JSON importer's does.
    static let recoveryLimit = 50

    /// The well-formedness errors after `first` (the one the validating reader stopped at), from
    /// a reading in libxml2's recovery mode, in cjm's words; cascades are left out:
    /// - at most one error a line: one slip in a start tag (`name=S"`) makes libxml2 report
    ///   three (no quote, attributes construct error, no end of start tag); the last is kept,
    ///   the one the validating reader reports for a first error too;
    /// - a tag mismatch, or an end of file inside an element, about an element opened on a
    ///   line that already has an error: that element's broken start tag was reported there,
    ///   and recovery merely left it open;
    /// - whatever follows an error that ended the reading (libxml2 stops there too).
    func syntaxErrors(after first: Diagnostic, recovered: [LibXMLError]) -> [Diagnostic] {
        let linesWithErrors = Set(recovered.map(\.line)).union([first.location.line])
        var kept: [Diagnostic] = []
        var index = recovered.startIndex
        while index < recovered.endIndex {
            let line = recovered[index].line
            var end = index
            while end < recovered.endIndex, recovered[end].line == line { end += 1 }
            defer { index = end }
            guard line > first.location.line else { continue }
            let onLine = recovered[index..<end].filter { error in
                let isAboutAnOpenElement = error.isCode(XML_ERR_TAG_NAME_MISMATCH) || error.isCode(XML_ERR_TAG_NOT_FINISHED)
                return !(isAboutAnOpenElement && error.number1 != line && linesWithErrors.contains(error.number1))
            }
            guard let chosen = onLine.last else { continue }
            guard kept.count + 1 < Self.recoveryLimit else {
                kept.append(.error("too many syntax errors; cjm stopped reading here", at: location(line: line, column: chosen.column),
                                   hint: "correct the errors above and check the file again"))
                break
            }
            kept.append(recoveredDiagnostic(chosen))
        }
        // The streaming reader in recovery mode says nothing of a file that ends inside an
        // element; the source scan tells, unless that element's start tag was the error. After
        // a tag mismatch the scan's idea of what is open is off, and the mismatch said it already.
        let endIsReported = kept.last?.message.hasPrefix("too many") == true || first.message.hasPrefix("the file ends")
            || recovered.contains { $0.isCode(XML_ERR_TAG_NOT_FINISHED) || $0.isCode(XML_ERR_TAG_NAME_MISMATCH) }
        if !endIsReported, let innermost = unclosedElements().last,
           case let line = location(ofOffset: innermost.offset).line, !linesWithErrors.contains(line) {
            kept.append(endsBeforeClosing(innermost.name, openedOnLine: line))
        }
        return kept
    }

    /// The error for a file that ends while `element` is open.
    private func endsBeforeClosing(_ element: String, openedOnLine line: Int) -> Diagnostic {
        .error("the file ends before <\(element)> is closed", at: location(ofOffset: bytes.count),
               hint: "<\(element)> is opened at line \(line); add </\(element)>")
    }

    /// One error of the recovery reading in cjm's words.
    private func recoveredDiagnostic(_ error: LibXMLError) -> Diagnostic {
        let at = location(line: error.line, column: error.column)
        if error.isCode(XML_ERR_UNDECLARED_ENTITY), let name = error.string1 {
            let (message, hint) = XMLSyntaxMessages.unknownEntity(name)
            return .error(message, at: at, hint: hint)
        }
        if error.isCode(XML_ERR_TAG_NOT_FINISHED), let name = error.string1 {
            return endsBeforeClosing(name, openedOnLine: error.number1)
        }
        let (message, hint) = XMLSyntaxMessages.rewrite(error)
        return .error(message, at: at, hint: hint)
    }
}
