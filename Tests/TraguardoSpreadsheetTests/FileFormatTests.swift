import Foundation
import Testing
import TraguardoCore

@testable import TraguardoSpreadsheet

@Suite("XLSX and ODS files: the cell layer")
struct FileFormatTests {
    static let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A hand-built workbook with what Excel itself writes: a shared-string table with rich runs and phonetic
    /// guides, styles with built-in and custom date formats and a percent format, cells and rows without `r`.
    static func excelLikeWorkbook(date1904: Bool = false) throws -> Data {
        func part(_ s: String) -> Data { Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + s).utf8) }
        let workbook =
            "<workbook \(main) xmlns:r=\"\(rel)\"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/>"
            + "<sheets><sheet name=\"Dati\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"
        let rels =
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId7\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/foglio.xml\"/>"
            + "<Relationship Id=\"rId8\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "<Relationship Id=\"rId9\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"
        let shared =
            "<sst \(main) count=\"3\" uniqueCount=\"3\"><si><t>Chiave</t></si>"
            + "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Settore </t></r><r><t>02</t></r><rPh sb=\"0\" eb=\"1\"><t>セ</t></rPh></si>"
            + "<si><t>riga uno_x000D_\nriga due &amp; &lt;tre&gt;</t></si></sst>"
        let styles =
            "<styleSheet \(main)><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"[$-410]dd/mm/yyyy;@\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;d&quot;\"/></numFmts>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
            + "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
            + "<xf numFmtId=\"10\"/></cellXfs></styleSheet>"
        let sheet =
            "<worksheet \(main)><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c r=\"D1\" t=\"s\"><v>2</v></c></row>"
            + "<row><c><v>45473</v></c><c s=\"1\"><v>45473</v></c><c s=\"2\"><v>45473.75</v></c><c s=\"3\"><v>45473</v></c>"
            + "<c t=\"b\"><v>1</v></c><c t=\"str\"><f>A1</f><v>Chiave</v></c><c t=\"inlineStr\"><is><t>in linea</t></is></c></row>"
            + "<row r=\"5\"><c r=\"C5\" t=\"e\"><v>#N/A</v></c><c r=\"AA5\"><v>-1.5E-3</v></c><c s=\"4\"><v>0.07</v></c></row></sheetData></worksheet>"
        return try ZipPackage.write([
            ("[Content_Types].xml", part("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"), false),
            (
                "_rels/.rels",
                part(
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"), false
            ),
            ("xl/workbook.xml", part(workbook), false),
            ("xl/_rels/workbook.xml.rels", part(rels), false),
            ("xl/sharedStrings.xml", part(shared), false),
            ("xl/styles.xml", part(styles), false),
            ("xl/worksheets/foglio.xml", part(sheet), false),
        ])
    }

    @Test func readsWhatExcelWrites() throws {
        let sheet = try #require(try XLSXReader.read(try Self.excelLikeWorkbook()).first)
        #expect(sheet.name == "Dati")
        #expect(sheet.rows[0] == [.text("Chiave"), .text("Settore 02"), .empty, .text("riga uno\r\nriga due & <tre>")])
        let day = Day(year: 2024, month: 6, day: 30)!
        #expect(sheet.rows[1] == [.number(45473), .date(day), .date(day), .number(45473), .bool(true), .text("Chiave"), .text("in linea")])
        #expect(sheet.rows[2].isEmpty && sheet.rows[3].isEmpty)
        #expect(sheet.rows[4].count == 28)
        #expect(sheet.rows[4][27] == .number(7))  // 7% in a percent-formatted cell
        #expect(sheet.rows[4][2] == .text("#N/A"))
        #expect(sheet.rows[4][26] == .number(-0.0015))
    }

    @Test func readsThe1904DateSystem() throws {
        let sheet = try #require(try XLSXReader.read(try Self.excelLikeWorkbook(date1904: true)).first)
        #expect(sheet.rows[1][1] == .date(Day(year: 2028, month: 7, day: 1)!))
    }

    /// ODS as LibreOffice writes it: padding rows and columns repeated by the million, repeated values,
    /// spaces as `<text:s>`, comments, merged cells and typed values.
    @Test func readsWhatLibreOfficeWrites() throws {
        let content =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \(ODSWriter.namespaces)><office:body><office:spreadsheet>"
            + "<table:table table:name=\"Nodi\"><table:table-column table:number-columns-repeated=\"1024\"/>"
            + "<table:table-header-rows><table:table-row><table:table-cell office:value-type=\"string\"><text:p>Chiave</text:p></table:table-cell>"
            + "<table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
            + "<table:table-cell table:number-columns-repeated=\"1021\"/></table:table-row></table:table-header-rows>"
            + "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
            + "<table:table-row><table:table-cell office:value-type=\"string\"><office:annotation><text:p>commento</text:p></office:annotation>"
            + "<text:p><text:s text:c=\"2\"/>a<text:s/>b<text:tab/>c<text:line-break/><text:span text:style-name=\"T1\">d</text:span></text:p><text:p>e</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"float\" office:value=\"1234.5\"><text:p>1.234,50</text:p></table:table-cell>"
            + "<table:covered-table-cell/><table:table-cell office:value-type=\"date\" office:date-value=\"2024-06-30T10:00:00\"><text:p>30/06/24</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"false\"><text:p>FALSO</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"percentage\" office:value=\"0.1\"><text:p>10%</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"string\" office:string-value=\"valore\"><text:p>mostrato</text:p></table:table-cell></table:table-row>"
            + "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
            + "</table:table></office:spreadsheet></office:body></office:document-content>"
        let data = try ZipPackage.write([
            ("mimetype", Data(SpreadsheetFormat.ods.mediaType.utf8), true),
            ("content.xml", Data(content.utf8), false),
        ])
        let sheet = try #require(try ODSReader.read(data).first)
        #expect(sheet.name == "Nodi")
        #expect(sheet.rows.count == 5)
        #expect(sheet.rows[0] == [.text("Chiave"), .text("x"), .text("x")])
        #expect(sheet.rows[1...3].allSatisfy { $0.isEmpty })
        #expect(
            sheet.rows[4] == [
                .text("  a b\tc\nd\ne"), .number(1234.5), .empty, .date(Day(year: 2024, month: 6, day: 30)!),
                .bool(false), .number(10), .text("valore"),
            ])
    }

    @Test(arguments: SpreadsheetFormat.allCases)
    func writtenTextComesBackExactly(format: SpreadsheetFormat) throws {
        let texts = [
            "  spazi  iniziali e finali  ", "a\n\nb\n", "Windows\r\na capo", "tab\there", "_x000D_ letterale", "<&>\"'", "€ – “virgolette” 🙂",
            "controllo\u{1}\u{B}tolto", " ", "x",
        ]
        let day = Day(year: 1899, month: 12, day: 31)!
        let sheet = Sheet(name: "Prova", rows: [texts.map(Cell.text), [.number(0.1), .number(-1e-7), .number(1e20), .date(day), .bool(true)]])
        let back = try #require(try SpreadsheetFile.read(try SpreadsheetFile.write([sheet], as: format), as: format).first)
        var expected = texts.map(Cell.text)
        expected[7] = .text("controllotolto")
        expected[8] = .text(" ")  // whitespace-only text is kept by the file layer, treated as empty above it
        // Before 01/03/1900 Excel has no unambiguous serial: the day is written as text.
        let oldDay: Cell = format == .xlsx ? .text(day.italian) : .date(day)
        #expect(back.rows == [expected, [.number(0.1), .number(-1e-7), .number(1e20), oldDay, .bool(true)]])
    }

    @Test func sheetNamesAreMadeValidAndUnique() {
        #expect(
            SpreadsheetFile.safeSheetNames(["Obiettivi/indicatori [2024]: elenco completo per settore", "a", "A", ""])
                == ["Obiettiviindicatori 2024 elenco", "a", "A (2)", "Foglio"])
    }

    @Test func odsStartsWithAnUncompressedMimetype() throws {
        let data = try SpreadsheetFile.write([Sheet(name: "A", rows: [[.text("x")]])], as: .ods)
        let bytes = [UInt8](data)
        #expect(bytes[0..<4] == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)  // compression method: stored
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<(38 + 46)], as: UTF8.self) == SpreadsheetFormat.ods.mediaType)
    }

    @Test func excelSerialsFollowExcelsCalendar() {
        #expect(ExcelDate.day(fromSerial: 1) == Day(year: 1900, month: 1, day: 1))
        #expect(ExcelDate.day(fromSerial: 59) == Day(year: 1900, month: 2, day: 28))
        #expect(ExcelDate.day(fromSerial: 60) == nil)
        #expect(ExcelDate.day(fromSerial: 61) == Day(year: 1900, month: 3, day: 1))
        #expect(ExcelDate.day(fromSerial: 45473.99) == Day(year: 2024, month: 6, day: 30))
        #expect(ExcelDate.day(fromSerial: 0, date1904: true) == Day(year: 1904, month: 1, day: 1))
        var day = Day(year: 1900, month: 3, day: 1)!
        while day.year < 2101 {
            let serial = try! #require(ExcelDate.serial(of: day))
            #expect(ExcelDate.day(fromSerial: serial) == day)
            #expect(ExcelDate.day(ordinal: day.ordinal) == day)
            day = ExcelDate.day(ordinal: day.ordinal + 1)!
        }
    }

    @Test func formatIsRecognisedFromTheContent() throws {
        let sheets = [Sheet(name: "A", rows: [[.text("x")]])]
        #expect(SpreadsheetFormat.detect(try SpreadsheetFile.write(sheets, as: .xlsx)) == .xlsx)
        #expect(SpreadsheetFormat.detect(try SpreadsheetFile.write(sheets, as: .ods)) == .ods)
        #expect(SpreadsheetFormat.detect(Data("a;b\n".utf8)) == nil)
        #expect(SpreadsheetFormat(fileExtension: ".XLSX") == .xlsx)
    }

    @Test func customDateFormatsAreRecognised() {
        #expect(ExcelDate.isDateFormatCode("dd/mm/yyyy"))
        #expect(ExcelDate.isDateFormatCode("[$-410]d mmm yy;@"))
        #expect(!ExcelDate.isDateFormatCode("0.00\"d\""))
        #expect(!ExcelDate.isDateFormatCode("[Red]#,##0"))
        #expect(!ExcelDate.isDateFormatCode("General"))
    }
}
