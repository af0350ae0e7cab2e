import Foundation
import Testing
import TraguardoCore

@testable import TraguardoSpreadsheet

/// Workbooks written by other programs (see Fixtures/make_fixtures.py): the same hand-filled plan, as openpyxl,
/// XlsxWriter and LibreOffice store it. Each must read into the same bundle.
@Suite("Workbooks written by other programs")
struct ThirdPartyWorkbookTests {
    static let expected: PlanBundle = {
        let day = { (y: Int, m: Int, d: Int) in Day(year: y, month: m, day: d)! }
        var plan = Plan(
            key: "piao-2024", title: "PIAO 2024-2026", firstYear: 2024, lastYear: 2026, year: 2024,
            approval: Act(organ: "Giunta Comunale", number: "12", date: day(2024, 1, 30)), state: .approvato,
            levels: [.strategicObjective, .performanceObjective])
        plan.version = 1
        var op1 = PlanNode(key: "op1", level: .performanceObjective, parentKey: "os1", title: "Pagamenti pagoPA per i tributi")
        op1.description = "Attività di digitalizzazione — “servizi online”\nseconda riga"
        op1.ownerUnitKeys = ["s01", "s02"]
        op1.crossCutting = true
        op1.responsiblePersonKeys = ["rossi-m"]
        op1.weight = 20.5
        op1.deadline = day(2024, 12, 31)
        op1.classifications = ["digitalizzazione", "pnrr"]
        op1.missione = "01"
        return PlanBundle(
            ente: Ente(slug: "prova", name: "Comune di Prova", kind: .comune, codiceISTAT: "017036"),
            units: [
                OrgUnit(key: "s01", code: "01", name: "AFFARI GENERALI", kind: .settore, order: 1),
                OrgUnit(key: "s02", code: "02", name: "FINANZIARIO E TRIBUTI", kind: .settore, order: 2),
            ],
            people: [Person(key: "rossi-m", familyName: "ROSSI", givenName: "Maria", staffGrade: "D1", homeUnitKey: "s02")],
            plan: plan,
            nodes: [PlanNode(key: "os1", level: .strategicObjective, title: "Ente digitale"), op1],
            phases: [
                Phase(
                    key: "op1-f1", nodeKey: "op1", ordinal: 1, title: "Configurazione piattaforma", months: [2, 3, 4],
                    due: day(2024, 4, 30))
            ],
            indicators: [
                Indicator(
                    key: "op1-i1", nodeKey: "op1", name: "Avvisi pagabili con pagoPA", form: .percent, direction: .atLeast,
                    unit: "%", baseline: Measure(number: 40), target: Target(number: 1234.5)),
                Indicator(
                    key: "op1-i2", nodeKey: "op1", name: "Attivazione del servizio", form: .date, direction: .within,
                    target: Target(date: day(2024, 6, 30))),
            ],
            campaigns: [Campaign(key: "m-2024-06", title: "Monitoraggio al 30/06/2024", asOf: day(2024, 6, 30), isFinal: false)],
            values: [
                MonitoringValue(
                    campaignKey: "m-2024-06", nodeKey: "op1", indicatorKey: "op1-i1", actual: Measure(number: 75),
                    status: .inLinea)
            ])
    }()

    @Test(arguments: ["fixture-openpyxl.xlsx", "fixture-xlsxwriter.xlsx", "fixture-libreoffice.xlsx", "fixture-libreoffice.ods"])
    func readsTheHandFilledPlan(file: String) throws {
        let data = try TestFiles.fixture(file)
        let format = try #require(SpreadsheetFormat.detect(data))
        #expect(format.fileExtension == (file as NSString).pathExtension)
        let bundle = try PlanWorkbook.read(data, as: format)
        #expect(bundle == Self.expected)
        for (got, want) in zip(bundle.nodes, Self.expected.nodes) where got != want { #expect(got == want) }
        for (got, want) in zip(bundle.indicators, Self.expected.indicators) where got != want { #expect(got == want) }
    }

    /// The cell types each writer used, seen through the file layer.
    @Test func theFixturesReallyUseSharedStringsInlineStringsAndDateCells() throws {
        let openpyxl = try SpreadsheetFile.read(try TestFiles.fixture("fixture-openpyxl.xlsx"), as: .xlsx)
        let xlsxwriter = try SpreadsheetFile.read(try TestFiles.fixture("fixture-xlsxwriter.xlsx"), as: .xlsx)
        for sheets in [openpyxl, xlsxwriter] {
            let piano = try #require(sheets.first { $0.name == "Piano" })
            #expect(piano.cell(row: 1, column: 9) == .date(Day(year: 2024, month: 1, day: 30)!))
            #expect(piano.cell(row: 1, column: 2) == .number(2024))
            let nodi = try #require(sheets.first { $0.name == "Nodi" })
            #expect(nodi.cell(row: 3, column: 5) == .bool(true))
            #expect(nodi.cell(row: 3, column: 3) == .text("Pagamenti pagoPA per i tributi"))
        }
        let zip = try ZipPackage(data: try TestFiles.fixture("fixture-xlsxwriter.xlsx"))
        #expect(try zip.part("xl/sharedStrings.xml") != nil)
        let inline = try ZipPackage(data: try TestFiles.fixture("fixture-openpyxl.xlsx"))
        #expect(try inline.part("xl/sharedStrings.xml") == nil)
    }
}
