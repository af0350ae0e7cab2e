import Foundation
import Testing
import TraguardoCore

@testable import TraguardoSpreadsheet

@Suite("Workbooks: bad cells give Italian errors with sheet, row and column, and no bundle")
struct WorkbookErrorTests {
    struct Expected: CustomStringConvertible {
        let sheet: String, row: Int, header: String, message: String
        var description: String { "\(sheet) \(row) \(header): \(message)" }
    }

    /// One workbook with a mistake on many sheets: every one is reported, in workbook order.
    @Test(arguments: SpreadsheetFormat.allCases)
    func everyBadCellIsReported(format: SpreadsheetFormat) throws {
        let bundle = try TestFiles.seed("cassano-d-adda")
        var book = EditableWorkbook(bundle)
        let unitKey = bundle.units[0].key
        book.set("Piano", row: 2, "Primo anno", .text("duemila"))
        book.appendRow("Unità", ["Chiave": .text(unitKey), "Nome": .text("Doppione"), "Tipo": .text("Settore")])
        book.set("Persone", row: 4, "Cognome", .empty)
        book.set("Incarichi", row: 2, "Dal", .text("29/02/2023"))
        book.set("Nodi", row: 5, "Livello", .text("Obbiettivo"))
        book.set("Nodi", row: 6, "Unità responsabili", .text("s99 | \(unitKey)"))
        book.set("Nodi", row: 7, "Trasversale", .text("forse"))
        book.set("Fasi", row: 2, "Mesi", .text("2 | 13"))
        book.set("Indicatori", row: 12, "Valore atteso", .text("31/06/2024"))
        book.set("Indicatori", row: 13, "Peso %", .text("molto"))
        book.set("Partecipazioni", row: 2, "Persona", .text("nessuno"))

        let expected = [
            Expected(sheet: "Piano", row: 2, header: "Primo anno", message: "\"duemila\" non è un numero intero."),
            Expected(sheet: "Unità", row: bundle.units.count + 2, header: "Chiave", message: "la chiave \"\(unitKey)\" è già usata alla riga 2."),
            Expected(sheet: "Persone", row: 4, header: "Cognome", message: "campo obbligatorio mancante."),
            Expected(sheet: "Incarichi", row: 2, header: "Dal", message: "\"29/02/2023\" non è una data valida (gg/mm/aaaa)."),
            Expected(
                sheet: "Nodi", row: 5, header: "Livello",
                message: "\"Obbiettivo\" non è un valore ammesso. Valori ammessi: "
                    + "Linea di mandato; Indirizzo strategico; Obiettivo strategico; Obiettivo operativo; Obiettivo di performance."),
            Expected(sheet: "Nodi", row: 6, header: "Unità responsabili", message: "l'unità \"s99\" non esiste nel foglio \"Unità\"."),
            Expected(sheet: "Nodi", row: 7, header: "Trasversale", message: "\"forse\" non è un valore valido: scrivere SI oppure NO."),
            Expected(
                sheet: "Fasi", row: 2, header: "Mesi",
                message: "\"2 | 13\" non è un elenco di mesi valido: usare i numeri da 1 a 12 "
                    + "(es. 2 | 3 | 4), intervalli (2-4) o i nomi abbreviati (gen, feb, …)."),
            Expected(sheet: "Indicatori", row: 12, header: "Valore atteso", message: "\"31/06/2024\" non è una data valida (gg/mm/aaaa)."),
            Expected(sheet: "Indicatori", row: 13, header: "Peso %", message: "\"molto\" non è un numero valido (es. 1.234,56)."),
            Expected(sheet: "Partecipazioni", row: 2, header: "Persona", message: "la persona \"nessuno\" non esiste nel foglio \"Persone\"."),
        ]
        let errors = try book.errors(format)
        #expect(errors.count == expected.count, "\(errors)")
        for (error, want) in zip(errors, expected) {
            #expect(
                error
                    == WorkbookError(
                        sheet: want.sheet, row: want.row, column: book.letter(want.sheet, want.header),
                        field: want.header, message: want.message), "\(want)")
        }
    }

    @Test func descriptionNamesSheetRowColumnAndHeader() throws {
        var book = EditableWorkbook(try TestFiles.seed("cassano-d-adda"))
        book.set("Indicatori", row: 12, "Valore atteso", .text("31/06/2024"))
        let error = try #require(try book.errors(.xlsx).first)
        let letter = book.letter("Indicatori", "Valore atteso")
        #expect(
            error.description
                == "Foglio \"Indicatori\", riga 12, colonna \(letter) (Valore atteso): \"31/06/2024\" non è una data valida (gg/mm/aaaa).")
    }

    @Test func linksAreCheckedAcrossSheets() throws {
        let bundle = try TestFiles.seed("unione-bellusco-mezzago")
        var book = EditableWorkbook(bundle)
        let other = try #require(bundle.indicators.first { $0.nodeKey != bundle.values[0].nodeKey })
        book.set("Valori", row: 2, "Indicatore", .text(other.key))
        book.set("Validazioni", row: 2, "Campagna", .text("m-2099"))
        book.set("Indicatori", row: 2, "Fase", .text("fase-inesistente"))
        let errors = try book.errors(.ods)
        #expect(errors.map(\.sheet) == ["Indicatori", "Valori", "Validazioni"])
        #expect(errors[0].message == "la fase \"fase-inesistente\" non esiste nel foglio \"Fasi\".")
        #expect(
            errors[1].message == "l'indicatore \"\(other.key)\" appartiene al nodo \"\(other.nodeKey)\", non al nodo \"\(bundle.values[0].nodeKey)\"."
        )
        #expect(errors[2].message == "la campagna \"m-2099\" non esiste nel foglio \"Campagne\".")
    }

    @Test func nodesMustUseThePlanLevelsTopDown() throws {
        let bundle = try TestFiles.seed("cassano-d-adda")
        var book = EditableWorkbook(bundle)
        let child = try #require(bundle.nodes.firstIndex { n in n.parentKey != nil && !bundle.nodes.contains { $0.parentKey == n.key } })
        book.set("Nodi", row: child + 2, "Livello", .text("Obiettivo di performance"))
        let errors = try book.errors(.xlsx)
        #expect(errors.count == 1)
        #expect(errors[0].message == "il livello \"Obiettivo di performance\" non è tra i Livelli del piano (foglio \"Piano\").")
    }

    @Test func missingSheetsColumnsAndRowsAreReported() throws {
        var book = EditableWorkbook(try TestFiles.seed("pisogne"))
        book.removeSheet("Ente")
        book.removeColumn("Nodi", "Titolo")
        book.appendRow("Piano", ["Chiave": .text("altro-piano")])
        let errors = try book.errors(.xlsx)
        #expect(
            errors.map(\.description) == [
                "Foglio \"Ente\": manca il foglio \"Ente\", che è obbligatorio.",
                "Foglio \"Piano\", riga 3: il foglio ammette una sola riga di dati: questa è in più.",
                "Foglio \"Nodi\", riga 1: manca la colonna obbligatoria \"Titolo\" nella riga di intestazione.",
            ])
    }

    @Test func aFileThatIsNoSpreadsheetIsOneError() throws {
        for format in SpreadsheetFormat.allCases {
            #expect(
                throws: WorkbookErrors([
                    WorkbookError(
                        sheet: "", row: 0, column: "", field: "",
                        message: SpreadsheetFileError.notAnArchive.description)
                ])
            ) {
                try PlanWorkbook.read(Data("Codice;Nome\n01;Affari generali\n".utf8), as: format)
            }
        }
    }

    @Test func theFormDecidesWhatTheTargetCellMeans() throws {
        let bundle = try TestFiles.seed("cassano-d-adda")
        var book = EditableWorkbook(bundle)
        let dated = try #require(bundle.indicators.firstIndex { $0.form == .date })
        let row = dated + 2
        book.set("Indicatori", row: row, "Valore atteso: data", .empty)
        book.set("Indicatori", row: row, "Valore atteso", .text("30/09/2024"))
        let back = try PlanWorkbook.read(try book.data(.xlsx), as: .xlsx)
        #expect(back.indicators[dated].target?.date == Day(year: 2024, month: 9, day: 30))
        #expect(back.indicators[dated].target?.number == nil)
    }

    @Test func linksAcceptCodesAndAnyCase() throws {
        let bundle = try TestFiles.seed("cassano-d-adda")
        var book = EditableWorkbook(bundle)
        let unit = bundle.units[1]
        let person = try #require(bundle.people.firstIndex { $0.homeUnitKey != nil })
        book.set("Persone", row: person + 2, "Unità di appartenenza", .text(unit.code))
        book.set("Incarichi", row: 2, "Persona", .text(bundle.assignments[0].personKey.uppercased()))
        let back = try PlanWorkbook.read(try book.data(.ods), as: .ods)
        #expect(back.people[person].homeUnitKey == unit.key)
        #expect(back.assignments[0].personKey == bundle.assignments[0].personKey)
    }
}
