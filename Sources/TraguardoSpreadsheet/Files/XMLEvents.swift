import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Receives the events of one XML part. Names arrive without namespace prefix ("x:row" and "row" read alike),
/// because writers differ in the prefixes they choose and the parts never mix two vocabularies with one name.
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String])
    func end(_ name: String)
    func text(_ text: String)
    /// The user-visible name of the sheet whose content is being read, for parts that hold several sheets
    /// (ODS `content.xml`); nil when the events read so far belong to no sheet.
    var sheetBeingRead: String? { get }
}

extension XMLEventHandler {
    var sheetBeingRead: String? { nil }
}

/// A thin SAX wrapper over Foundation's XMLParser that refuses any part that is not a complete, well-formed
/// document.
///
/// `XMLParser.parse()` alone cannot be trusted for this. swift-corelibs-foundation drives libxml2 in recovery
/// mode, so on Linux a part cut short (at a row boundary, or anywhere else) parses "successfully": `parse()`
/// returns true, the delegate simply sees fewer elements, and the only trace is a `parseErrorOccurred` call
/// (libxml2 error 5, premature end). Input shorter than four bytes produces no event and no error at all; a
/// mismatched end tag is recovered from and also returns true. Warnings (a relative namespace URI, say) arrive
/// through the same `parseErrorOccurred` call as fatal errors, with nothing but the code to tell them apart.
/// So a part is accepted only when `parse()` returns true, a root element was opened and every element opened
/// was closed, and no error other than a warning or a namespace error was reported.
final class XMLEvents: NSObject, XMLParserDelegate {
    private let handler: any XMLEventHandler
    private var depth = 0
    private var sawRoot = false
    /// The first error that means the document is damaged, with the line it was found on.
    private var damage: (code: Int, line: Int)?

    private init(handler: any XMLEventHandler) { self.handler = handler }

    /// Parses `data` into `handler`. On damage throws `SpreadsheetFileError.damagedSheet` naming `sheet` (or
    /// the sheet the handler was reading), or `.malformedPart` when the damage belongs to no sheet.
    static func parse(_ data: Data, part: String, sheet: String? = nil, into handler: any XMLEventHandler) throws {
        // XMLParser on Linux traps on a name that is not UTF-8 (a crash found by fuzzing, not an error it reports):
        // every part is checked here, whatever its name, before the parser sees it.
        if let bad = ZipPackage.firstInvalidUTF8(data) {
            if let name = sheet { throw SpreadsheetFileError.damagedSheet(sheet: name, part: part, line: bad.line) }
            throw SpreadsheetFileError.malformedPart(part, line: bad.line)
        }
        let parser = XMLParser(data: data)
        let events = XMLEvents(handler: handler)
        parser.delegate = events
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let finished = parser.parse()
        let complete = finished && events.damage == nil && events.sawRoot && events.depth == 0
        guard !complete else { return }
        let line = events.damage?.line ?? parser.lineNumber
        if let name = sheet ?? handler.sheetBeingRead {
            throw SpreadsheetFileError.damagedSheet(sheet: name, part: part, line: line)
        }
        throw SpreadsheetFileError.malformedPart(part, line: line)
    }

    /// libxml2 codes that do not mean the content is damaged: warnings (XML_WAR_*: 93 catalog PI, 97 unknown
    /// version, 98 xml:lang, 99/100 namespace URI, 102 xml:space, 106 colon in name, 107 entity redefined,
    /// 113 encoding mismatch) and namespace errors (XML_NS_ERR_*, 200-205, such as an undeclared prefix), after
    /// which the events go on unchanged. Not 27 (undeclared entity, a warning only with an external DTD): the
    /// entity's text would be dropped without a word.
    static func isHarmless(_ code: Int) -> Bool {
        [93, 97, 98, 99, 100, 102, 106, 107, 113].contains(code) || (200...205).contains(code)
    }

    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.utf8.lastIndex(of: UInt8(ascii: ":")) else { return qualified }
        return String(qualified[qualified.utf8.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard damage == nil else { return }
        if depth == 0 && sawRoot {
            // A second root: whatever follows the document is not part of it.
            damage = (5, parser.lineNumber)
            return
        }
        depth += 1
        sawRoot = true
        var attributes: [String: String] = [:]
        attributes.reserveCapacity(attributeDict.count)
        for (k, v) in attributeDict { attributes[XMLEvents.localName(k)] = v }
        handler.start(XMLEvents.localName(elementName), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard damage == nil else { return }
        depth -= 1
        handler.end(XMLEvents.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard damage == nil else { return }
        handler.text(string)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let code = (parseError as NSError).code
        guard damage == nil, !XMLEvents.isHarmless(code) else { return }
        // libxml2 runs in recovery mode and goes on with guesses; the events after this are ignored. (Not
        // `abortParsing()`: halting libxml2 from inside its own error report is not a documented use.)
        damage = (code, parser.lineNumber)
    }
}
