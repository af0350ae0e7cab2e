import Foundation
import TraguardoCore

/// Writes a minimal OpenDocument spreadsheet: `mimetype` first and uncompressed (how readers recognise the
/// format), a manifest, and one content part with string, float and date cells, a bold header and column widths.
enum ODSWriter {
    static let namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
        + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        + "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
        + "xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" "
        + "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" office:version=\"1.2\""
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static func write(_ sheets: [Sheet]) throws -> Data {
        try ZipPackage.write([
            ("mimetype", Data(SpreadsheetFormat.ods.mediaType.utf8), true),
            ("META-INF/manifest.xml", Data(manifest.utf8), false),
            ("meta.xml", Data(meta.utf8), false),
            ("styles.xml", Data(styles.utf8), false),
            ("content.xml", Data(content(sheets).utf8), false),
        ])
    }

    private static let manifest =
        header
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"\(SpreadsheetFormat.ods.mediaType)\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"

    private static let meta =
        header + "<office:document-meta \(namespaces)><office:meta>"
        + "<meta:generator>Traguardo</meta:generator></office:meta></office:document-meta>"

    private static let styles = header + "<office:document-styles \(namespaces)><office:styles/></office:document-styles>"

    /// Column widths are bucketed so a handful of column styles serve every sheet.
    private static let widthBuckets: [Double] = [8, 12, 18, 24, 32, 48, 64]

    private static func widthBucket(_ characters: Double) -> Int {
        widthBuckets.firstIndex { characters <= $0 } ?? widthBuckets.count - 1
    }

    private static func content(_ sheets: [Sheet]) -> String {
        var s = header + "<office:document-content \(namespaces)><office:automatic-styles>"
        s +=
            "<number:date-style style:name=\"N1\"><number:day number:style=\"long\"/><number:text>/</number:text>"
            + "<number:month number:style=\"long\"/><number:text>/</number:text><number:year number:style=\"long\"/></number:date-style>"
        s += "<style:style style:name=\"ceDate\" style:family=\"table-cell\" style:data-style-name=\"N1\"/>"
        s += "<style:style style:name=\"ceHead\" style:family=\"table-cell\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
        for (i, w) in widthBuckets.enumerated() {
            // About 0.2 cm per character of an 11-point font.
            let cm = NumberText.canonical((w * 0.2 * 100).rounded() / 100)
            s +=
                "<style:style style:name=\"co\(i)\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(cm)cm\"/></style:style>"
        }
        s += "</office:automatic-styles><office:body><office:spreadsheet>"
        for (sheet, name) in zip(sheets, SpreadsheetFile.safeSheetNames(sheets.map(\.name))) {
            s += "<table:table table:name=\"\(XMLText.attribute(name))\">"
            for w in sheet.columnWidths { s += "<table:table-column table:style-name=\"co\(widthBucket(w))\"/>" }
            for (r, row) in sheet.rows.enumerated() {
                s += "<table:table-row>"
                for cell in row { s += cellXML(cell, bold: r < sheet.headerRows) }
                if row.isEmpty { s += "<table:table-cell/>" }
                s += "</table:table-row>"
            }
            s += "</table:table>"
        }
        return s + "</office:spreadsheet></office:body></office:document-content>"
    }

    private static func cellXML(_ cell: Cell, bold: Bool) -> String {
        let style = bold ? " table:style-name=\"ceHead\"" : ""
        switch cell {
        case .empty:
            return "<table:table-cell/>"
        case .text(let text):
            return "<table:table-cell office:value-type=\"string\"\(style)>\(paragraphs(text))</table:table-cell>"
        case .number(let value):
            return "<table:table-cell office:value-type=\"float\" office:value=\"\(NumberText.canonical(value))\"\(style)>"
                + "<text:p>\(ItalianFormat.number(value, decimals: 6, trimZeros: true))</text:p></table:table-cell>"
        case .bool(let value):
            return "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"\(value)\"\(style)>"
                + "<text:p>\(value ? "VERO" : "FALSO")</text:p></table:table-cell>"
        case .date(let day):
            return "<table:table-cell office:value-type=\"date\" office:date-value=\"\(day.iso)\" table:style-name=\"ceDate\">"
                + "<text:p>\(day.italian)</text:p></table:table-cell>"
        }
    }

    /// One `<text:p>` per line. ODF collapses white space, so runs of spaces, leading and trailing spaces and
    /// tabs are spelled out as `<text:s/>` and `<text:tab/>`.
    static func paragraphs(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "<text:p>"
            let scalars = Array(line.unicodeScalars)
            var plain = String.UnicodeScalarView()
            var i = 0
            func flush() {
                if !plain.isEmpty {
                    out += XMLText.escape(String(plain))
                    plain = .init()
                }
            }
            while i < scalars.count {
                switch scalars[i] {
                case " ":
                    var j = i
                    while j < scalars.count && scalars[j] == " " { j += 1 }
                    let run = j - i
                    if run == 1 && i > 0 && j < scalars.count {
                        plain.append(" ")
                    } else {
                        flush()
                        out += run == 1 ? "<text:s/>" : "<text:s text:c=\"\(run)\"/>"
                    }
                    i = j
                case "\t":
                    flush()
                    out += "<text:tab/>"
                    i += 1
                default:
                    plain.append(scalars[i])
                    i += 1
                }
            }
            flush()
            out += "</text:p>"
        }
        return out
    }
}
