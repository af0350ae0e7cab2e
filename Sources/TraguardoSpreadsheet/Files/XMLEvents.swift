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
}

/// A thin SAX wrapper over Foundation's XMLParser.
final class XMLEvents: NSObject, XMLParserDelegate {
    private let handler: any XMLEventHandler

    private init(handler: any XMLEventHandler) { self.handler = handler }

    static func parse(_ data: Data, part: String, into handler: any XMLEventHandler) throws {
        let parser = XMLParser(data: data)
        let events = XMLEvents(handler: handler)
        parser.delegate = events
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw SpreadsheetFileError.malformedPart(part, line: parser.lineNumber)
        }
    }

    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.utf8.lastIndex(of: UInt8(ascii: ":")) else { return qualified }
        return String(qualified[qualified.utf8.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        var attributes: [String: String] = [:]
        attributes.reserveCapacity(attributeDict.count)
        for (k, v) in attributeDict { attributes[XMLEvents.localName(k)] = v }
        handler.start(XMLEvents.localName(elementName), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        handler.end(XMLEvents.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        handler.text(string)
    }
}
