import Foundation
import Testing
import TraguardoCore
import TraguardoSpreadsheet

@testable import TraguardoReports

/// Seed 004's "valutazione settori": one sheet per CdR whose "percentuale di raggiungimento complessiva" is the
/// unit's score of the engine, printed as the Unione printed it, in every format.
@Suite("CdR sheets")
struct CdRSheetTests {
    let expected = ["99,08", "99,75", "100,00", "87,71", "100,00", "100,00"]

    @Test func seed004SheetsShowTheDocumentsFigures() throws {
        let doc = ReportGenerator.document(.cdrSheets, try Demo.input("unione-bellusco-mezzago"))
        let totals = doc.tables.compactMap { t in t.total?.cells.first?.value.italian(t.columns[2]) }
        #expect(totals == expected)
        let html = HTMLRenderer.render(doc)
        for figure in expected { #expect(html.contains(figure + "%"), "the sheet's header prints \(figure)%") }
        // Trasversali first, marked as the Unione marks them, in every sheet.
        for table in doc.tables {
            #expect(table.rows.prefix(5).allSatisfy { $0[1].italian(table.columns[1]).hasSuffix(" OBIETTIVO TRASVERSALE") })
        }
    }

    /// Leaving off what the Nucleo excluded gives the Unione's own sheets row for row: 14, 8, 8, 15 (where the source
    /// prints "XXX"), 7 and 6 rows, a RINVIATO objective kept blank with its status; the totals do not move.
    @Test func withoutTheNucleosExclusionsTheSheetsHaveTheUnionesRows() throws {
        var layout = ReportLayout()
        layout.cdrListsNucleoExclusions = false
        let doc = ReportGenerator.document(.cdrSheets, try Demo.input("unione-bellusco-mezzago", layout: layout))
        #expect(doc.tables.map(\.rows.count) == [14, 8, 8, 15, 7, 6])
        #expect(doc.tables.compactMap { t in t.total?.cells.first?.value.italian(t.columns[2]) } == expected)
        let blank = doc.tables[0].rows.filter { $0[2] == .missing("") }
        #expect(blank.count == 1)
        #expect(blank.first?[4].italian(doc.tables[0].columns[4]).hasPrefix("RINVIATO") == true)
    }

    /// The total is a formula where AVERAGE over the printed grades gives the engine's figure, and the cached value
    /// is the engine's, so a reader that does not recalculate shows the same number.
    @Test func spreadsheetsCarryTheTotalAsAFormulaWithTheEnginesValue() throws {
        let doc = ReportGenerator.document(.cdrSheets, try Demo.input("unione-bellusco-mezzago"))
        for format in SpreadsheetFormat.allCases {
            let data = try TableRenderers.spreadsheet(doc, as: format)
            let sheets = try SpreadsheetFile.read(data, as: format)
            #expect(sheets.map(\.name).first == "Documento")
            let first = try #require(sheets.first { $0.name.hasPrefix("CdR") })
            let total = try #require(first.rows.last)
            #expect(total[1] == .text("PERCENTUALE DI RAGGIUNGIMENTO COMPLESSIVA"))
            #expect(total[2] == .number(99.08))
            #expect(first.rows[1][2] == .number(100), "grades are numbers, not text")
            let parts = try ZipArchive.read(data)
            let xml = String(decoding: parts[format == .xlsx ? "xl/worksheets/sheet2.xml" : "content.xml"] ?? Data(), as: UTF8.self)
            #expect(xml.contains(format == .xlsx ? "<f>ROUND(AVERAGE(C2:C16),2)</f>" : "of:=ROUND(AVERAGE([.C2:.C16]);2)"))
            if format == .ods {
                #expect(xml.contains("xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\""), "the formula's prefix is declared")
            }
        }
    }

    /// A worked example of the rule: grades 100 (weight 1) and 50 (weight 3) under a weighted mean give 62,5; AVERAGE
    /// of the cells would give 75, so no formula is written and the value stays the engine's.
    @Test func aMeanTheCellsCannotReproduceIsWrittenAsAValue() {
        let rows: [[ReportValue]] = [[.text("A"), .number(100)], [.text("B"), .number(50)]]
        let weighted = SummaryTables.verifiedMean(label: "Media", rows: rows, columns: [1: 62.5], decimals: RoundingPolicy())
        #expect(weighted.cells.first?.formula == nil)
        #expect(weighted.cells.first?.value == .number(62.5))
        let simple = SummaryTables.verifiedMean(label: "Media", rows: rows, columns: [1: 75], decimals: RoundingPolicy())
        #expect(simple.cells.first?.formula == .average)
        // Nothing measured is "non rilevato", never 0.
        let none = SummaryTables.verifiedMean(
            label: "Media", rows: [[.text("A"), .missing("non rilevato")]], columns: [1: nil], decimals: RoundingPolicy())
        #expect(none.cells.first?.value == .missing("non rilevato"))
    }
}
