import Foundation
import Testing
import TraguardoCore

@testable import TraguardoSpreadsheet

/// A unit's to-do downloaded, filled in offline and uploaded again: the entries come back as typed, and every bad
/// cell is named by sheet, row and column.
@Suite("The to-do workbook")
struct ToDoWorkbookTests {
    static let nodes = [
        PlanNode(key: "OB-1", level: .performanceObjective, code: "1", title: "Digitalizzare gli atti", ownerUnitKeys: ["U-01"]),
        PlanNode(key: "OB-2", level: .performanceObjective, code: "2", title: "Ridurre i tempi", ownerUnitKeys: ["U-01"]),
    ]
    static let indicators = [
        Indicator(key: "OB-1-I1", nodeKey: "OB-1", name: "Atti digitalizzati", form: .percent, target: Target(number: 90)),
        Indicator(
            key: "OB-1-I2", nodeKey: "OB-1", order: 2, name: "Conservazione attiva", form: .date, direction: .within,
            target: Target(date: Day(year: 2024, month: 9, day: 30))),
        Indicator(key: "OB-2-I1", nodeKey: "OB-2", name: "Giorni medi", form: .number, direction: .atMost, target: Target(number: 30)),
    ]
    static let campaign = Campaign(key: "M-06", title: "Al 30/06", asOf: Day(year: 2024, month: 6, day: 30)!, isFinal: false)
    static var data: CampaignData {
        CampaignData(
            campaign: campaign,
            values: [
                MonitoringValue(campaignKey: "M-06", nodeKey: "OB-1", status: .inLinea, narrative: "Avviato."),
                MonitoringValue(campaignKey: "M-06", nodeKey: "OB-1", indicatorKey: "OB-1-I1", actual: Measure(number: 45)),
            ], versions: ["OB-1": 3])
    }
    static var items: [MonitoringToDo.Item] {
        MonitoringToDo.build(
            campaign: campaign, nodes: nodes, indicators: indicators, values: data.values, validations: [],
            scope: EntryRules.Scope(unitKeys: ["U-01"], isManager: false)
        ).items
    }

    @Test(arguments: [SpreadsheetFormat.xlsx, .ods])
    func whatIsDownloadedReadsBackAsIs(format: SpreadsheetFormat) throws {
        let file = try ToDoWorkbook.write(campaign: Self.data, items: Self.items, indicators: Self.indicators, unitName: { $0 }, as: format)
        let read = try ToDoWorkbook.read(file, as: format, items: Self.items, indicators: Self.indicators)
        #expect(read.map(\.nodeKey) == ["OB-1", "OB-2"])
        #expect(read[0].version == 3 && read[1].version == 0)
        #expect(read[0].entry.status == .inLinea && read[0].entry.narrative == "Avviato.")
        #expect(read[0].indicators.first { $0.indicatorKey == "OB-1-I1" }?.actual?.number == 45)
        #expect(read[0].indicators.first { $0.indicatorKey == "OB-1-I2" }?.actual == nil)
    }

    @Test func everyBadCellIsNamedBySheetRowAndColumn() throws {
        let objectives = ToDoWorkbook.Objectives.self, values = ToDoWorkbook.Values.self
        var first = RowValues(), second = RowValues()
        first.set(objectives.key, "OB-1")
        first.set(objectives.version, 3)
        first.set(objectives.status, "Rinviato")
        second.set(objectives.key, "OB-9")
        second.set(objectives.version, 0)
        var date = RowValues(), days = RowValues(), share = RowValues()
        date.set(values.objective, "OB-1")
        date.set(values.indicator, "OB-1-I2")
        date.set(values.actual, "31/06/2024")
        days.set(values.objective, "OB-1")
        days.set(values.indicator, "OB-2-I1")
        days.set(values.actual, "12")
        share.set(values.objective, "OB-1")
        share.set(values.indicator, "OB-1-I1")
        share.set(values.actual, "45")
        share.set(values.progress, 140.0)
        let file = try SpreadsheetFile.write([objectives.layout.sheet([first, second]), values.layout.sheet([date, days, share])], as: .xlsx)
        #expect(throws: WorkbookErrors.self) { try ToDoWorkbook.read(file, as: .xlsx, items: Self.items, indicators: Self.indicators) }
        do {
            _ = try ToDoWorkbook.read(file, as: .xlsx, items: Self.items, indicators: Self.indicators)
        } catch let errors as WorkbookErrors {
            let found = errors.errors.map { "\($0.sheet)!\($0.column)\($0.row)" }
            #expect(found.contains("Obiettivi!G2"))  // Rinviato without its reason
            #expect(found.contains("Obiettivi!A3"))  // not an objective of the campaign
            #expect(found.contains("Valori!F2"))  // 31/06/2024
            #expect(found.contains("Valori!B3"))  // indicator of another objective
            #expect(found.contains("Valori!G4"))  // progress 140
            #expect(errors.errors.first { $0.row == 2 && $0.sheet == "Valori" }?.message.contains("non è una data valida") == true)
        }
    }
}
