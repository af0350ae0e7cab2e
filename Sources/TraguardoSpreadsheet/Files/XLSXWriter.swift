import Foundation
import TraguardoCore

/// Writes a minimal Office Open XML workbook: inline strings (no shared-string table to keep in step), numbers,
/// real date cells with a dd/mm/yyyy format, a bold frozen header row and column widths.
enum XLSXWriter {
    private static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let pkgRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Style indexes in `cellXfs` below.
    private enum Style: Int { case normal = 0, bold = 1, date = 2 }

    static func write(_ sheets: [Sheet]) throws -> Data {
        let names = SpreadsheetFile.safeSheetNames(sheets.map(\.name))
        var parts: [(path: String, data: Data, stored: Bool)] = [
            ("[Content_Types].xml", Data(contentTypes(sheetCount: sheets.count).utf8), false),
            ("_rels/.rels", Data(rootRelationships.utf8), false),
            ("xl/workbook.xml", Data(workbook(names).utf8), false),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheetCount: sheets.count).utf8), false),
            ("xl/styles.xml", Data(styles.utf8), false),
        ]
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", Data(worksheet(sheet).utf8), false))
        }
        return try ZipPackage.write(parts)
    }

    private static func contentTypes(sheetCount: Int) -> String {
        var s = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in 0..<sheetCount {
            s +=
                "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>"
    }

    private static let rootRelationships =
        header + "<Relationships xmlns=\"\(pkgRelNS)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    private static func workbook(_ names: [String]) -> String {
        var s = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><bookViews><workbookView/></bookViews><sheets>"
        for (i, name) in names.enumerated() {
            s += "<sheet name=\"\(XMLText.attribute(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return s + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var s = header + "<Relationships xmlns=\"\(pkgRelNS)\">"
        for i in 0..<sheetCount {
            s += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        return s + "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Number formats 165… follow `DisplayFormat.all`; each has a plain and a bold cell style after the first three.
    private static let styles: String = {
        func code(_ f: DisplayFormat) -> String {
            let zeros = String(repeating: "0", count: f.decimals)
            switch f {
            case .integer: return "#,##0"
            case .decimal: return "#,##0" + (zeros.isEmpty ? "" : "." + zeros)
            case .percent: return "0" + (zeros.isEmpty ? "" : "." + zeros) + "%"
            case .pointsPercent: return "#,##0" + (zeros.isEmpty ? "" : "." + zeros) + "\"%\""
            }
        }
        let formats = DisplayFormat.all
        var s =
            header + "<styleSheet xmlns=\"\(mainNS)\"><numFmts count=\"\(formats.count + 1)\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
        for (i, f) in formats.enumerated() { s += "<numFmt numFmtId=\"\(165 + i)\" formatCode=\"\(XMLText.attribute(code(f)))\"/>" }
        s += "</numFmts>"
        s += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        s += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        s += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        s += "<cellXfs count=\"\(3 + 2 * formats.count)\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        s += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        s += "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        for i in formats.indices {
            for font in 0...1 {
                s += "<xf numFmtId=\"\(165 + i)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
            }
        }
        s += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
        return s
    }()

    private static func styleIndex(_ format: DisplayFormat, bold: Bool) -> Int { 3 + 2 * format.index + (bold ? 1 : 0) }

    private static func worksheet(_ sheet: Sheet) -> String {
        var s = header + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        s.reserveCapacity(sheet.rows.count * 256)
        if sheet.headerRows > 0 {
            let top = "A\(sheet.headerRows + 1)"
            s +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.headerRows)\" topLeftCell=\"\(top)\" "
                + "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.columnWidths.isEmpty {
            s += "<cols>"
            for (i, w) in sheet.columnWidths.enumerated() {
                s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(NumberText.canonical(w))\" customWidth=\"1\"/>"
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            s += "<row r=\"\(r + 1)\">"
            let bold = r < sheet.headerRows
            for (c, cell) in row.enumerated() {
                s += cellXML(cell, ref: ColumnLetters.letters(c) + String(r + 1), bold: bold)
            }
            s += "</row>"
        }
        return s + "</sheetData></worksheet>"
    }

    private static func cellXML(_ cell: Cell, ref: String, bold: Bool) -> String {
        let style = bold ? " s=\"\(Style.bold.rawValue)\"" : ""
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            return "<c r=\"\(ref)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(XMLText.escape(escapeOOXML(text)))</t></is></c>"
        case .number(let value):
            return "<c r=\"\(ref)\"\(style)><v>\(NumberText.canonical(value))</v></c>"
        case .bool(let value):
            return "<c r=\"\(ref)\" t=\"b\"\(style)><v>\(value ? 1 : 0)</v></c>"
        case .date(let day):
            guard let serial = ExcelDate.serial(of: day) else { return cellXML(.text(day.italian), ref: ref, bold: bold) }
            return "<c r=\"\(ref)\" s=\"\(Style.date.rawValue)\"><v>\(NumberText.canonical(serial))</v></c>"
        case .styled(let value, let format):
            return "<c r=\"\(ref)\" s=\"\(styleIndex(format, bold: bold))\"><v>\(NumberText.canonical(value))</v></c>"
        case .formula(let formula, let cached, let format):
            let value = cached.map { "<v>\(NumberText.canonical($0))</v>" } ?? ""
            return "<c r=\"\(ref)\" s=\"\(styleIndex(format, bold: bold))\"><f>\(XMLText.escape(formula.ooxml))</f>\(value)</c>"
        }
    }

    /// OOXML reads "_xHHHH_" in strings as an escaped character; a literal one is protected by escaping its
    /// underscore, so text such as "_x000D_" comes back unchanged.
    static func escapeOOXML(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let tail = rest[r.lowerBound...]
            out += OOXMLEscapes.escapeLength(in: tail) != nil ? "_x005F_" : "_"
            rest = rest[rest.index(after: r.lowerBound)...]
        }
        return out + rest
    }
}
