import TraguardoCore

/// The state of reading one workbook: the error log and the keys of every entity sheet, so each sheet can check
/// its links to the others (forward links included, since keys are collected before any row is read).
final class WorkbookContext {
    let log = ErrorLog()
    private(set) var tables: [String: SheetTable] = [:]

    var units = KeyIndex(sheet: UnitSheet.layout.name, noun: "l'unità")
    var people = KeyIndex(sheet: PersonSheet.layout.name, noun: "la persona")
    var referents = KeyIndex(sheet: ReferentSheet.layout.name, noun: "il referente politico")
    var classifications = KeyIndex(sheet: ClassificationSheet.layout.name, noun: "la classificazione")
    var nodes = KeyIndex(sheet: NodeSheet.layout.name, noun: "il nodo")
    var phases = KeyIndex(sheet: PhaseSheet.layout.name, noun: "la fase")
    var indicatorKeys = KeyIndex(sheet: IndicatorSheet.layout.name, noun: "l'indicatore")
    var campaigns = KeyIndex(sheet: CampaignSheet.layout.name, noun: "la campagna")

    /// The plan's levels, once the Piano sheet is read; nodes must use them.
    var levels: [CascadeLevel]?
    var phaseNodes: [String: String] = [:]
    var indicators: [String: Indicator] = [:]

    init(sheets: [Sheet], layouts: [SheetLayout]) {
        let byName = Dictionary(sheets.map { (Folding.fold($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        for layout in layouts {
            tables[layout.name] = SheetTable(layout: layout, sheet: byName[Folding.fold(layout.name)], log: log)
        }
        units = KeyIndex(table(UnitSheet.layout), key: UnitSheet.key, alias: UnitSheet.code, noun: "l'unità", log: log)
        people = KeyIndex(table(PersonSheet.layout), key: PersonSheet.key, noun: "la persona", log: log)
        referents = KeyIndex(table(ReferentSheet.layout), key: ReferentSheet.key, noun: "il referente politico", log: log)
        classifications = KeyIndex(table(ClassificationSheet.layout), key: ClassificationSheet.key, noun: "la classificazione", log: log)
        for c in Classification.standard where !classifications.contains(c.key) {
            classifications.insert(c.key)
            classifications.insertAlias(c.label, for: c.key)
        }
        nodes = KeyIndex(table(NodeSheet.layout), key: NodeSheet.key, alias: NodeSheet.code, noun: "il nodo", log: log)
        phases = KeyIndex(table(PhaseSheet.layout), key: PhaseSheet.key, noun: "la fase", log: log)
        indicatorKeys = KeyIndex(table(IndicatorSheet.layout), key: IndicatorSheet.key, noun: "l'indicatore", log: log)
        campaigns = KeyIndex(table(CampaignSheet.layout), key: CampaignSheet.key, noun: "la campagna", log: log)
    }

    func table(_ layout: SheetLayout) -> SheetTable {
        tables[layout.name] ?? SheetTable(layout: layout, sheet: nil, log: log)
    }

    /// The one data row of Ente and Piano; a missing sheet or row and any extra row are errors.
    func singleRow(_ layout: SheetLayout) -> RowReader? {
        let t = table(layout)
        guard t.exists else {
            log.add(sheet: layout.name, row: 0, column: nil, field: "", "manca il foglio \"\(layout.name)\", che è obbligatorio.")
            return nil
        }
        guard t.complete else { return nil }
        guard let first = t.rows.first else {
            log.add(sheet: layout.name, row: 2, column: nil, field: "", "manca la riga con i dati: il foglio ne richiede una.")
            return nil
        }
        for extra in t.rows.dropFirst() { extra.failRow("il foglio ammette una sola riga di dati: questa è in più.") }
        return first
    }
}
