import Foundation
import Testing
import TraguardoCore

@testable import TraguardoSpreadsheet

@Suite("Workbooks: the demo plans and the template survive a round trip")
struct SeedRoundTripTests {
    @Test(arguments: TestFiles.seeds, SpreadsheetFormat.allCases)
    func seedRoundTripIsLossless(slug: String, format: SpreadsheetFormat) throws {
        let original = try TestFiles.seed(slug)
        let data = try PlanWorkbook.write(original, as: format)
        #expect(SpreadsheetFormat.detect(data) == format)
        let back = try PlanWorkbook.read(data, as: format)
        #expect(back == original)
        #expect(BundleIntegrity.problems(in: back).isEmpty)
    }

    @Test(arguments: SpreadsheetFormat.allCases)
    func templateReadsBackAsAnEmptyPlan(format: SpreadsheetFormat) throws {
        let ente = Ente(slug: "comune-di-esempio", name: "Comune di Esempio", kind: .comune)
        let plan = Plan(key: "piao-2025", title: "PIAO 2025-2027", firstYear: 2025, lastYear: 2027, year: 2025)
        let data = try PlanWorkbook.template(ente: ente, plan: plan, as: format)
        let sheets = try SpreadsheetFile.read(data, as: format)
        #expect(sheets.map(\.name) == PlanWorkbook.sheetNames)
        // Entity sheets hold their header row only.
        for sheet in sheets.dropFirst(3) { #expect(sheet.rows.count == 1, "\(sheet.name)") }
        #expect(try PlanWorkbook.read(data, as: format) == PlanBundle(ente: ente, plan: plan))
    }

    @Test func instructionsDescribeEverySheetAndColumn() throws {
        let sheet = InstructionsSheet.sheet(PlanWorkbook.layouts)
        let texts = Set(
            sheet.rows.flatMap { $0 }.compactMap { cell -> String? in
                if case .text(let t) = cell { return t }
                return nil
            })
        for layout in PlanWorkbook.layouts {
            #expect(texts.contains(layout.name))
            for column in layout.columns { #expect(texts.contains(column.title), "\(layout.name).\(column.header)") }
        }
    }

    @Test func columnsMayMoveAndUnknownColumnsAreIgnored() throws {
        let original = try TestFiles.seed("cassano-d-adda")
        var book = EditableWorkbook(original)
        let s = book.sheets.firstIndex { $0.name == "Nodi" }!
        let width = book.sheets[s].rows[0].count
        book.sheets[s].rows = book.sheets[s].rows.enumerated().map { r, row in
            var padded = row + Array(repeating: Cell.empty, count: width - row.count)
            padded.reverse()
            return [r == 0 ? .text("Commenti del segretario") : .text("nota \(r)")] + padded
        }
        for format in SpreadsheetFormat.allCases {
            #expect(try PlanWorkbook.read(try book.data(format), as: format) == original)
        }
    }

    @Test func headersMatchIgnoringCaseAccentsAndAsterisks() throws {
        let original = try TestFiles.seed("pisogne")
        var book = EditableWorkbook(original)
        book.set("Nodi", row: 1, "Unità responsabili", .text("UNITA  RESPONSABILI"))
        book.set("Nodi", row: 1, "Titolo", .text("titolo"))
        book.set("Nodi", row: 1, "Chiave", .text("Chiave*"))
        #expect(try PlanWorkbook.read(try book.data(.xlsx), as: .xlsx) == original)
    }

    @Test func emptySheetsMayBeDeletedAndNotesBesideTheTableAreIgnored() throws {
        let original = try TestFiles.seed("pisogne")
        var book = EditableWorkbook(original)
        for name in ["Istruzioni", "Persone", "Campagne", "Valori", "Validazioni"] { book.removeSheet(name) }
        let s = book.sheets.firstIndex { $0.name == "Nodi" }!
        let width = book.sheets[s].rows[0].count
        book.sheets[s].rows[0].append(.text("Appunti"))
        book.sheets[s].rows.append(Array(repeating: .empty, count: width) + [.text("da rivedere con il Nucleo")])
        #expect(try PlanWorkbook.read(try book.data(.ods), as: .ods) == original)
    }

    @Test func writingIsReproducible() throws {
        let bundle = try TestFiles.seed("leggiuno")
        for format in SpreadsheetFormat.allCases {
            #expect(try PlanWorkbook.write(bundle, as: format) == PlanWorkbook.write(bundle, as: format))
        }
    }
}
