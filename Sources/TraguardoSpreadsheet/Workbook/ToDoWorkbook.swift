import Foundation
import TraguardoCore

/// A responsabile's to-do of one campaign as a spreadsheet to fill in offline: one row per objective (status,
/// reason, stato di attuazione, and the version it was downloaded at) and one per indicator (value, progress).
/// Reading it back gives the entries per objective, or every bad cell named by sheet, row and column.
public enum ToDoWorkbook {
    enum Objectives {
        static let key = Column("Obiettivo", .key, required: true, "Chiave dell'obiettivo: non modificarla.")
        static let code = Column("Codice", .text, "Codice dell'obiettivo (solo lettura).")
        static let title = Column("Titolo", .text, "Titolo dell'obiettivo (solo lettura).")
        static let units = Column("Settore", .text, "Settori responsabili (solo lettura).")
        static let version = Column("Versione", .integer, required: true, "Versione dei dati al momento dello scaricamento: non modificarla.")
        static let status = Column("Stato", .choice(ProgressStatus.ownerChoices.map(\.label)), "Stato dell'obiettivo alla data di riferimento.")
        static let reason = Column("Motivazione", .text, "Obbligatoria per Rinviato e Non valutabile.")
        static let narrative = Column("Stato di attuazione", .text, "Che cosa è stato fatto.")
        static let layout = SheetLayout(
            "Obiettivi", purpose: "Gli obiettivi da rendicontare, uno per riga.", [key, code, title, units, version, status, reason, narrative])
    }

    enum Values {
        static let objective = Column("Obiettivo", .reference(sheet: "Obiettivi"), required: true, "Chiave dell'obiettivo.")
        static let indicator = Column("Indicatore", .key, required: true, "Chiave dell'indicatore: non modificarla.")
        static let name = Column("Nome", .text, "Nome dell'indicatore (solo lettura).")
        static let form = Column("Misura", .text, "Numero, percentuale, data, SI/NO… (solo lettura).")
        static let expected = Column("Valore atteso", .text, "Il target (solo lettura).")
        static let actual = Column("Valore rilevato", .measure, "Il valore alla data di riferimento, nella misura dell'indicatore.")
        static let progress = Column("Avanzamento %", .number, "Percentuale di completamento (0-100), se il traguardo non è raggiunto.")
        static let layout = SheetLayout(
            "Valori", purpose: "Un indicatore per riga: compila Valore rilevato e, se serve, Avanzamento %.",
            [objective, indicator, name, form, expected, actual, progress])
    }

    static let layouts = [Objectives.layout, Values.layout]
    static let statusChoices = Choices<ProgressStatus>(ProgressStatus.ownerChoices.map { ($0, $0.label, [$0.rawValue]) })

    /// One objective's entries as read from the file.
    public struct Objective: Hashable, Sendable {
        public let nodeKey: String
        public let version: Int
        public let entry: MonitoringValue
        public let indicators: [MonitoringValue]
    }

    public static func write(
        campaign: CampaignData, items: [MonitoringToDo.Item], indicators: [Indicator], unitName: (String) -> String, as format: SpreadsheetFormat
    ) throws -> Data {
        var objectives: [RowValues] = []
        var values: [RowValues] = []
        for item in items {
            let entry = campaign.objectiveEntry(item.nodeKey)
            var r = RowValues()
            r.set(Objectives.key, item.nodeKey)
            r.set(Objectives.code, item.code)
            r.set(Objectives.title, item.title)
            r.set(Objectives.units, item.unitKeys.map(unitName).joined(separator: ", "))
            r.set(Objectives.version, campaign.version(of: item.nodeKey))
            r.set(Objectives.status, entry?.status?.label)
            r.set(Objectives.reason, entry?.statusReason)
            r.set(Objectives.narrative, entry?.narrative)
            objectives.append(r)
            for x in indicators.filter({ $0.nodeKey == item.nodeKey }).sorted(by: { $0.order < $1.order }) {
                let stored = campaign.entry(item.nodeKey, indicator: x.key)
                var v = RowValues()
                v.set(Values.objective, item.nodeKey)
                v.set(Values.indicator, x.key)
                v.set(Values.name, x.name)
                v.set(Values.form, x.form.label)
                v.set(Values.expected, x.target.map { "\(x.direction.symbol) \($0.italianText)" })
                if let a = stored?.actual {
                    if let n = a.number, a.date == nil, a.flag == nil {
                        v.set(Values.actual, n)
                    } else if let d = a.date {
                        v.set(Values.actual, d)
                    } else {
                        v.set(Values.actual, a.italianText)
                    }
                }
                v.set(Values.progress, stored?.progress)
                values.append(v)
            }
        }
        let instructions = InstructionsSheet.sheet(layouts)
        return try SpreadsheetFile.write([instructions, Objectives.layout.sheet(objectives), Values.layout.sheet(values)], as: format)
    }

    /// The entries in the file, checked against the campaign's objectives and indicators; throws `WorkbookErrors`.
    public static func read(_ data: Data, as format: SpreadsheetFormat, items: [MonitoringToDo.Item], indicators: [Indicator]) throws -> [Objective] {
        let sheets: [Sheet]
        do {
            sheets = try SpreadsheetFile.read(data, as: SpreadsheetFormat.detect(data) ?? format)
        } catch let error as SpreadsheetFileError {
            throw WorkbookErrors([WorkbookError(sheet: error.sheet ?? "", row: 0, column: "", field: "", message: error.message)])
        }
        let tooLong = sheets.longTextErrors()
        guard tooLong.isEmpty else { throw WorkbookErrors(tooLong) }
        let ctx = WorkbookContext(sheets: sheets, layouts: layouts)
        let known = Set(items.map(\.nodeKey))
        var objectives: [(String, Int, MonitoringValue)] = []
        for row in ctx.table(Objectives.layout).rows {
            guard let key = row.token(Objectives.key) else { continue }
            guard known.contains(key) else {
                row.fail(Objectives.key, "l'obiettivo \"\(key)\" non è tra quelli da rendicontare in questa campagna.")
                continue
            }
            let version = row.integer(Objectives.version) ?? 0
            var entry = MonitoringValue(campaignKey: "", nodeKey: key)
            if row.has(Objectives.status) { entry.status = row.choice(Objectives.status, statusChoices) }
            entry.statusReason = row.text(Objectives.reason)
            entry.narrative = row.text(Objectives.narrative)
            if let s = entry.status, s.needsReason, (entry.statusReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                row.fail(Objectives.reason, "per lo stato «\(s.label)» serve la motivazione.")
            }
            objectives.append((key, version, entry))
        }
        var byNode: [String: [MonitoringValue]] = [:]
        let listed = Set(objectives.map(\.0))
        for row in ctx.table(Values.layout).rows {
            guard let node = row.token(Values.objective), let key = row.token(Values.indicator) else { continue }
            guard listed.contains(node) else {
                row.fail(Values.objective, "l'obiettivo \"\(node)\" non è nel foglio Obiettivi.")
                continue
            }
            guard let x = indicators.first(where: { $0.key == key && $0.nodeKey == node }) else {
                row.fail(Values.indicator, "l'indicatore \"\(key)\" non appartiene all'obiettivo \"\(node)\".")
                continue
            }
            var v = MonitoringValue(campaignKey: "", nodeKey: node, indicatorKey: key)
            switch row.cell(Values.actual).plain {
            case .empty, .styled, .formula: break  // `plain` leaves only the cells readers produce
            case .number(let n): v.actual = Measure(number: n, raw: ItalianFormat.number(n, trimZeros: true))
            case .date(let d): v.actual = Measure(number: nil, date: d, raw: d.italian)
            case .bool(let b): v.actual = Measure(number: nil, flag: b, raw: b ? "SI" : "NO")
            case .text(let t):
                switch MeasureText.parse(t, form: x.form) {
                case .success(let parsed): v.actual = Measure(parsed, raw: t)
                case .failure(let error): row.fail(Values.actual, error.message())
                }
            }
            if row.has(Values.progress), let p = row.number(Values.progress) {
                if (0...100).contains(p) { v.progress = p } else { row.fail(Values.progress, "serve un numero tra 0 e 100.") }
            }
            byNode[node, default: []].append(v)
        }
        guard ctx.log.isEmpty else { throw WorkbookErrors(ctx.log.errors) }
        return objectives.map { key, version, entry in Objective(nodeKey: key, version: version, entry: entry, indicators: byNode[key] ?? []) }
    }
}
