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
        + "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
        // The prefix of OpenFormula ("of:=AVERAGE(…)"): without it LibreOffice shows Err:510 in every formula.
        + "xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" office:version=\"1.2\""
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static func write(_ sheets: [Sheet]) throws -> Data {
        try ZipPackage.write([
            ("mimetype", Data(SpreadsheetFormat.ods.mediaType.utf8), true),
            ("META-INF/manifest.xml", Data(manifest.utf8), false),
            ("meta.xml", Data(meta.utf8), false),
            ("styles.xml", Data(styles.utf8), false),
            ("content.xml", Data(content(sheets).utf8), false),
            ("settings.xml", Data(settings(sheets).utf8), false),
        ])
    }

    private static let manifest =
        header
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"\(SpreadsheetFormat.ods.mediaType)\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"

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
        for (i, f) in DisplayFormat.all.enumerated() {
            let number =
                "<number:number number:decimal-places=\"\(f.decimals)\" number:min-decimal-places=\"\(f.decimals)\" number:min-integer-digits=\"1\""
            switch f {
            case .percent: s += "<number:percentage-style style:name=\"N\(10 + i)\">\(number)/><number:text>%</number:text></number:percentage-style>"
            case .pointsPercent:
                s +=
                    "<number:number-style style:name=\"N\(10 + i)\">\(number) number:grouping=\"true\"/><number:text>%</number:text></number:number-style>"
            default: s += "<number:number-style style:name=\"N\(10 + i)\">\(number) number:grouping=\"true\"/></number:number-style>"
            }
            s += "<style:style style:name=\"ceN\(i)\" style:family=\"table-cell\" style:data-style-name=\"N\(10 + i)\"/>"
            s +=
                "<style:style style:name=\"ceNb\(i)\" style:family=\"table-cell\" style:data-style-name=\"N\(10 + i)\">"
                + "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
        }
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
        case .styled(let value, let format):
            return numberCell(value, format: format, bold: bold, formula: nil)
        case .formula(let formula, let cached, let format):
            return numberCell(cached, format: format, bold: bold, formula: formula.openFormula)
        }
    }

    /// A number with its display style; a formula keeps the engine's result as the shown value.
    private static func numberCell(_ value: Double?, format: DisplayFormat, bold: Bool, formula: String?) -> String {
        let style = " table:style-name=\"\(bold ? "ceNb" : "ceN")\(format.index)\""
        let f = formula.map { " table:formula=\"\(XMLText.attribute($0))\"" } ?? ""
        guard let value else { return "<table:table-cell\(style)\(f)/>" }
        let shown: String
        switch format {
        case .percent(let d): shown = ItalianFormat.number(value * 100, decimals: d) + "%"
        case .pointsPercent(let d): shown = ItalianFormat.number(value, decimals: d) + "%"
        default: shown = ItalianFormat.number(value, decimals: format.decimals)
        }
        let type = if case .percent = format { "percentage" } else { "float" }
        return "<table:table-cell office:value-type=\"\(type)\" office:value=\"\(NumberText.canonical(value))\"\(style)\(f)>"
            + "<text:p>\(shown)</text:p></table:table-cell>"
    }

    /// Frozen header rows per sheet, as LibreOffice stores its view settings.
    private static func settings(_ sheets: [Sheet]) -> String {
        var s = header + "<office:document-settings \(namespaces) xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\">"
        s += "<office:settings><config:config-item-set config:name=\"ooo:view-settings\"><config:config-item-map-indexed config:name=\"Views\">"
        s += "<config:config-item-map-entry><config:config-item config:name=\"ViewId\" config:type=\"string\">view1</config:config-item>"
        s += "<config:config-item-map-named config:name=\"Tables\">"
        for (sheet, name) in zip(sheets, SpreadsheetFile.safeSheetNames(sheets.map(\.name))) where sheet.headerRows > 0 {
            s += "<config:config-item-map-entry config:name=\"\(XMLText.attribute(name))\">"
            s += "<config:config-item config:name=\"VerticalSplitMode\" config:type=\"short\">2</config:config-item>"
            s += "<config:config-item config:name=\"VerticalSplitPosition\" config:type=\"int\">\(sheet.headerRows)</config:config-item>"
            s += "<config:config-item config:name=\"ActiveSplitRange\" config:type=\"short\">2</config:config-item>"
            s += "<config:config-item config:name=\"PositionBottom\" config:type=\"int\">\(sheet.headerRows)</config:config-item>"
            s += "</config:config-item-map-entry>"
        }
        s += "</config:config-item-map-named></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set>"
        return s + "</office:settings></office:document-settings>"
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
