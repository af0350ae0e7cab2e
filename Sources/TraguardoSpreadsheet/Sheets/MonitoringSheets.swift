import TraguardoCore

/// Foglio "Campagne": monitoring rounds.
enum CampaignSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo della campagna (es. m-2024-06), usato dai fogli Valori e Validazioni.")
    static let title = Column("Titolo", .text, required: true, "Es. Monitoraggio al 30/06/2024.")
    static let asOf = Column("Data di riferimento", .day, required: true, "Data a cui si riferiscono i valori.")
    static let isFinal = Column("Consuntivo", .flag, "SI per il consuntivo di fine anno. Vuoto = NO.")
    static let state = Column("Stato", .choice(Labels.campaignState.labels), "Vuoto = Aperta.")

    static let layout = SheetLayout(
        "Campagne", purpose: "Le campagne di monitoraggio (intermedie e consuntivo).", [key, title, asOf, isFinal, state])

    static func rows(_ items: [Campaign]) -> [RowValues] {
        items.map { c in
            var r = RowValues()
            r.set(key, c.key)
            r.set(title, c.title)
            r.set(asOf, c.asOf)
            r.set(isFinal, c.isFinal)
            r.set(state, Labels.campaignState.label(c.state))
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [Campaign] {
        table.rows.compactMap { row in
            let k = row.token(key), t = row.text(title), d = row.day(asOf)
            let f = row.has(isFinal) ? row.flag(isFinal) : false
            let s = row.has(state) ? row.choice(state, Labels.campaignState) : .aperta
            guard let k, let t, let d, let f, let s else { return nil }
            return Campaign(key: k, title: t, asOf: d, isFinal: f, state: s)
        }
    }
}

/// Foglio "Valori": what owners reported, per indicator or for a node as a whole.
enum ValueSheet {
    static let campaign = Column("Campagna", .reference(sheet: "Campagne"), required: true, "Chiave della campagna.")
    static let node = Column("Nodo", .reference(sheet: "Nodi"), "Chiave del nodo; si può omettere se è indicato l'indicatore.")
    static let indicator = Column(
        "Indicatore", .reference(sheet: "Indicatori"), "Chiave dell'indicatore; vuoto per un valore dell'obiettivo nel suo insieme.")
    static let actual = MeasureColumns("Valore rilevato", "rilevato")
    static let progress = Column("Avanzamento %", .number, "Percentuale di completamento, se il traguardo non è raggiunto.")
    static let status = Column("Stato", .choice(Labels.status.labels), "Stato dell'obiettivo.")
    static let score = Column("Punteggio diretto", .number, "Punteggio assegnato direttamente all'obiettivo.")
    static let narrative = Column("Relazione", .text, "Relazione del responsabile.")
    static let evidence = Column("Evidenze", .text, "Documenti o dati a supporto.")
    static let extended = Column("Nuova scadenza", .day, "Scadenza spostata da un atto esterno.")
    static let raw = Column("Testo originale", .text, "La rilevazione come scritta nel documento.")

    static let layout = SheetLayout(
        "Valori", purpose: "I valori rilevati nelle campagne di monitoraggio.",
        [campaign, node, indicator] + actual.all + [progress, status, score, narrative, evidence, extended, raw])

    static func rows(_ items: [MonitoringValue]) -> [RowValues] {
        items.map { v in
            var r = RowValues()
            r.set(campaign, v.campaignKey)
            r.set(node, v.nodeKey)
            r.set(indicator, v.indicatorKey)
            actual.set(v.actual, into: &r)
            r.set(progress, v.progress)
            r.set(status, v.status.map(Labels.status.label))
            r.set(score, v.directScore)
            r.set(narrative, v.narrative)
            r.set(evidence, v.evidence)
            r.set(extended, v.extendedDeadline)
            r.set(raw, v.raw)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [MonitoringValue] {
        table.rows.compactMap { row in
            let c = row.reference(campaign, ctx.campaigns), i = row.reference(indicator, ctx.indicatorKeys)
            let measured = i.flatMap { ctx.indicators[$0] }
            var n = row.reference(node, ctx.nodes)
            if let n, let measured, measured.nodeKey != n {
                row.fail(indicator, "l'indicatore \"\(measured.key)\" appartiene al nodo \"\(measured.nodeKey)\", non al nodo \"\(n)\".")
            }
            if n == nil && !row.has(node) {
                if let measured { n = measured.nodeKey } else if !row.has(indicator) { row.fail(node, "indicare il nodo o l'indicatore.") }
            }
            var v = MonitoringValue(campaignKey: c ?? "", nodeKey: n ?? "", indicatorKey: i)
            v.actual = actual.read(row, form: measured?.form)
            v.progress = row.number(progress)
            v.status = row.has(status) ? row.choice(status, Labels.status) : nil
            v.directScore = row.number(score)
            v.narrative = row.text(narrative)
            v.evidence = row.text(evidence)
            v.extendedDeadline = row.day(extended)
            v.raw = row.text(raw)
            return c != nil && n != nil ? v : nil
        }
    }
}

/// Foglio "Validazioni": the Nucleo di Valutazione's validated scores and exclusions.
enum ValidationSheet {
    static let campaign = Column("Campagna", .reference(sheet: "Campagne"), required: true, "Chiave della campagna.")
    static let node = Column("Nodo", .reference(sheet: "Nodi"), required: true, "Chiave del nodo (obiettivo) validato.")
    static let score = Column("Punteggio", .number, "Punteggio validato dal Nucleo.")
    static let excluded = Column("Escluso", .flag, "SI se il Nucleo esclude l'obiettivo dalla valutazione. Vuoto = NO.")
    static let reason = Column("Motivazione", .text, required: true, "Motivazione della decisione (obbligatoria).")
    static let minutes = Column("Verbale", .text, "Verbale in cui è stata presa la decisione, es. Verbale NdV n. 3 del 12/05/2021.")

    static let layout = SheetLayout(
        "Validazioni", purpose: "Le decisioni del Nucleo di Valutazione sugli obiettivi.",
        [
            campaign, node, score, excluded, reason, minutes,
        ])

    static func rows(_ items: [Validation]) -> [RowValues] {
        items.map { v in
            var r = RowValues()
            r.set(campaign, v.campaignKey)
            r.set(node, v.nodeKey)
            r.set(score, v.score)
            r.set(excluded, v.excluded)
            r.set(reason, v.reason)
            r.set(minutes, v.minutes)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [Validation] {
        table.rows.compactMap { row in
            let c = row.reference(campaign, ctx.campaigns), n = row.reference(node, ctx.nodes)
            let s = row.number(score), e = row.has(excluded) ? row.flag(excluded) : false, r = row.text(reason), m = row.text(minutes)
            guard let c, let n, let e, let r else { return nil }
            return Validation(campaignKey: c, nodeKey: n, score: s, excluded: e, reason: r, minutes: m)
        }
    }
}
