import TraguardoCore

/// Foglio "Indicatori": how each node (or one of its phases) is measured, with baseline and target.
enum IndicatorSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo unico dell'indicatore (es. op1-i1), usato dal foglio Valori.")
    static let node = Column("Nodo", .reference(sheet: "Nodi"), required: true, "Chiave del nodo (obiettivo) misurato.")
    static let phase = Column(
        "Fase", .reference(sheet: "Fasi"), "Chiave della fase misurata, se l'indicatore riguarda una sola fase dello stesso nodo.")
    static let order = Column("Ordine", .integer, "Posizione tra gli indicatori del nodo (vuoto = 0).")
    static let name = Column("Nome", .text, required: true, "Nome dell'indicatore.")
    static let description = Column("Descrizione", .text, "Descrizione o formula di calcolo.")
    static let type = Column("Tipo", .choice(Labels.indicatorType.labels), "Tipo di indicatore.")
    static let typeRaw = Column("Tipo (testo originale)", .text, "Il tipo come scritto nel documento, se non è tra quelli previsti.")
    static let form = Column("Forma", .choice(Labels.indicatorForm.labels), required: true, "Come si esprime il valore.")
    static let direction = Column("Direzione", .choice(Labels.direction.labels), "Quale valore è migliore. Vuoto = Almeno (≥).")
    static let unit = Column("Unità di misura", .text, "Es. %, giorni, euro, n.")
    static let baseline = MeasureColumns("Valore di partenza", "di partenza")
    static let target = TargetColumns()
    static let dataSource = Column("Fonte dei dati", .text, "Da dove si ricava il valore.")
    static let weight = Column("Peso %", .number, "Peso dell'indicatore nel suo nodo in percentuale (vuoto = pesi uguali).")
    static let periodicity = Column("Periodicità", .text, "Frequenza di rilevazione, es. semestrale.")
    static let unitKey = Column(
        "Unità di riferimento", .reference(sheet: "Unità"), "Settore di riferimento, per un indicatore di un obiettivo intersettoriale.")
    static let flags = Column("Anomalie", .list, "Incongruenze del documento su questo indicatore, una per voce.")

    static let layout = SheetLayout(
        "Indicatori", purpose: "Gli indicatori degli obiettivi, con valore di partenza e valore atteso.",
        [key, node, phase, order, name, description, type, typeRaw, form, direction, unit]
            + baseline.all + target.all + [dataSource, weight, periodicity, unitKey, flags])

    static func rows(_ items: [Indicator]) -> [RowValues] {
        items.map { i in
            var r = RowValues()
            r.set(key, i.key)
            r.set(node, i.nodeKey)
            r.set(phase, i.phaseKey)
            r.set(order, i.order)
            r.set(name, i.name)
            r.set(description, i.description)
            r.set(type, i.type.map(Labels.indicatorType.label))
            r.set(typeRaw, i.typeRaw)
            r.set(form, Labels.indicatorForm.label(i.form))
            r.set(direction, Labels.direction.label(i.direction))
            r.set(unit, i.unit)
            baseline.set(i.baseline, into: &r)
            target.set(i.target, into: &r)
            r.set(dataSource, i.dataSource)
            r.set(weight, i.weight)
            r.set(periodicity, i.periodicity)
            r.set(unitKey, i.unitKey)
            r.set(flags, list: i.sourceFlags)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [Indicator] {
        table.rows.compactMap { row in
            let k = row.token(key), n = row.reference(node, ctx.nodes), nm = row.text(name), f = row.choice(form, Labels.indicatorForm)
            let p = row.reference(phase, ctx.phases)
            if let p, let n, let owner = ctx.phaseNodes[p], owner != n {
                row.fail(phase, "la fase \"\(p)\" appartiene al nodo \"\(owner)\", non al nodo \"\(n)\".")
            }
            let d = row.has(direction) ? row.choice(direction, Labels.direction) : .atLeast
            var i = Indicator(key: k ?? "", nodeKey: n ?? "", phaseKey: p, name: nm ?? "", form: f ?? .number, direction: d ?? .atLeast)
            i.order = row.has(order) ? row.integer(order) ?? 0 : 0
            i.description = row.text(description)
            i.type = row.has(type) ? row.choice(type, Labels.indicatorType) : nil
            i.typeRaw = row.text(typeRaw)
            i.unit = row.text(unit)
            i.baseline = baseline.read(row, form: f)
            i.target = target.read(row, form: f)
            i.dataSource = row.text(dataSource)
            i.weight = row.number(weight)
            i.periodicity = row.text(periodicity)
            i.unitKey = row.reference(unitKey, ctx.units)
            i.sourceFlags = row.list(flags)
            guard k != nil, n != nil, nm != nil, f != nil, d != nil else { return nil }
            ctx.indicators[i.key] = i
            return i
        }
    }
}
