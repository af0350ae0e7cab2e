import TraguardoCore

/// Foglio "Nodi": the cascade, from linee di mandato down to obiettivi di performance, one row per node.
enum NodeSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo unico del nodo (es. op-2024-07), usato dagli altri fogli.")
    static let level = Column("Livello", .choice(Labels.level.labels), required: true, "Livello della cascata; deve essere tra i Livelli del piano.")
    static let parent = Column("Nodo superiore", .reference(sheet: "Nodi"), "Chiave del nodo di livello più alto da cui discende.")
    static let code = Column("Codice", .text, "Codice dell'ente, es. 04.6, OB 7. Negli altri fogli si può usare al posto della chiave se è unico.")
    static let title = Column("Titolo", .text, required: true, "Titolo dell'obiettivo.")
    static let description = Column("Descrizione", .text, "Descrizione estesa.")
    static let order = Column("Ordine", .integer, "Posizione tra i nodi fratelli (vuoto = 0).")
    static let owners = Column(
        "Unità responsabili", .references(sheet: "Unità"), "Unità titolari dell'obiettivo; più unità per gli obiettivi intersettoriali.")
    static let crossCutting = Column("Trasversale", .flag, "SI per un obiettivo trasversale a tutte le unità. Vuoto = NO.")
    static let coordinator = Column("Unità di coordinamento", .reference(sheet: "Unità"), "Unità che coordina un obiettivo intersettoriale.")
    static let responsibles = Column(
        "Responsabili gestionali", .references(sheet: "Persone"), "Persone responsabili, quando la scheda nomina persone.")
    static let referents = Column("Referenti politici", .references(sheet: "Referenti politici"), "Assessori o sindaco di riferimento.")
    static let horizonFirst = Column("Orizzonte: primo anno", .integer, "Primo anno di un obiettivo pluriennale.")
    static let horizonLast = Column("Orizzonte: ultimo anno", .integer, "Ultimo anno di un obiettivo pluriennale.")
    static let horizonStage = Column("Orizzonte: fase", .integer, "Fase dell'obiettivo pluriennale in questo piano (es. 2 per \"Fase 2 di 3\").")
    static let horizonStages = Column("Orizzonte: numero fasi", .integer, "Numero totale di fasi (es. 3 per \"Fase 2 di 3\").")
    static let horizonRaw = Column("Orizzonte (testo originale)", .text, "L'orizzonte temporale come scritto nel documento.")
    static let weight = Column("Peso %", .number, "Peso dell'obiettivo in percentuale (10 = 10%).")
    static let weightRaw = Column("Peso (testo originale)", .text, "Il peso come scritto nel documento.")
    static let classifications = Column(
        "Classificazioni", .references(sheet: "Classificazioni"),
        "Chiavi o etichette delle classificazioni (standard o del foglio Classificazioni).")
    static let stakeholders = Column("Portatori di interesse", .list, "Stakeholder, separati da \" | \".")
    static let contributors = Column("Contributori", .list, "Altri soggetti che contribuiscono, separati da \" | \".")
    static let baseline = Column("Base di partenza", .text, "Situazione di partenza.")
    static let expected = Column("Risultato atteso", .text, "Traguardo atteso.")
    static let critical = Column("Fattori critici", .text, "Fattori critici di successo.")
    static let dataSource = Column("Fonte dei dati", .text, "Fonte e verificabilità dei dati.")
    static let publicValue = Column("Valore pubblico", .text, "Contributo al valore pubblico.")
    static let missione = Column("Missione", .text, "Missione del D.Lgs. 118/2011, es. 01.")
    static let programma = Column("Programma", .text, "Programma del D.Lgs. 118/2011, es. 0110.")
    static let dupRefs = Column("Rif. DUP", .list, "Riferimenti al DUP, es. 10.1.8, separati da \" | \".")
    static let dupRaw = Column("Rif. DUP (testo originale)", .text, "Il riferimento al DUP come scritto nel documento.")
    static let deadline = Column("Scadenza", .day, "Data entro cui raggiungere l'obiettivo.")
    static let deadlineRaw = Column("Scadenza (testo originale)", .text, "La scadenza come scritta nel documento (anche se non è una data valida).")
    static let inherits = Column("Eredita da", .reference(sheet: "Nodi"), "Chiave di un altro nodo di cui riprende il risultato.")
    static let notes = Column("Note", .text, "Note libere.")
    static let verbatim = Column("Testo originale (JSON)", .json, "Testi della scheda come stampati, per etichetta. Di norma non va modificato.")
    static let flags = Column("Anomalie", .list, "Incongruenze del documento su questo nodo, una per voce.")

    static let layout = SheetLayout(
        "Nodi", purpose: "La cascata degli obiettivi: linee di mandato, indirizzi, obiettivi strategici, operativi e di performance.",
        [
            key, level, parent, code, title, description, order, owners, crossCutting, coordinator, responsibles, referents,
            horizonFirst, horizonLast, horizonStage, horizonStages, horizonRaw, weight, weightRaw, classifications, stakeholders,
            contributors, baseline, expected, critical, dataSource, publicValue, missione, programma, dupRefs, dupRaw, deadline,
            deadlineRaw, inherits, notes, verbatim, flags,
        ])

    static func rows(_ nodes: [PlanNode]) -> [RowValues] {
        nodes.map { n in
            var r = RowValues()
            r.set(key, n.key)
            r.set(level, Labels.level.label(n.level))
            r.set(parent, n.parentKey)
            r.set(code, n.code)
            r.set(title, n.title)
            r.set(description, n.description)
            r.set(order, n.order)
            r.set(owners, list: n.ownerUnitKeys)
            r.set(crossCutting, n.crossCutting)
            r.set(coordinator, n.coordinatingUnitKey)
            r.set(responsibles, list: n.responsiblePersonKeys)
            r.set(referents, list: n.politicalReferentKeys)
            r.set(horizonFirst, n.horizon?.firstYear)
            r.set(horizonLast, n.horizon?.lastYear)
            r.set(horizonStage, n.horizon?.stage)
            r.set(horizonStages, n.horizon?.stageCount)
            r.set(horizonRaw, n.horizon?.raw)
            r.set(weight, n.weight)
            r.set(weightRaw, n.weightRaw)
            r.set(classifications, list: n.classifications)
            r.set(stakeholders, list: n.stakeholders)
            r.set(contributors, list: n.contributors)
            r.set(baseline, n.baseline)
            r.set(expected, n.expectedOutcome)
            r.set(critical, n.criticalFactors)
            r.set(dataSource, n.dataSource)
            r.set(publicValue, n.publicValue)
            r.set(missione, n.missione)
            r.set(programma, n.programma)
            r.set(dupRefs, list: n.dupRefs)
            r.set(dupRaw, n.dupRefRaw)
            r.set(deadline, n.deadline)
            r.set(deadlineRaw, n.deadlineRaw)
            r.set(inherits, n.inheritsFromKey)
            r.set(notes, n.notes)
            r.set(verbatim, n.verbatim.isEmpty ? nil : JSONText.encode(n.verbatim))
            r.set(flags, list: n.sourceFlags)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [PlanNode] {
        var read: [(node: PlanNode, row: RowReader)] = []
        for row in table.rows {
            let k = row.token(key), lv = row.choice(level, Labels.level), t = row.text(title)
            if let lv, let levels = ctx.levels, !levels.contains(lv) {
                row.fail(level, "il livello \"\(lv.label)\" non è tra i Livelli del piano (foglio \"Piano\").")
            }
            var n = PlanNode(key: k ?? "", level: lv ?? .performanceObjective, title: t ?? "")
            n.parentKey = row.reference(parent, ctx.nodes)
            n.code = row.token(code)
            n.description = row.text(description)
            n.order = row.has(order) ? row.integer(order) ?? 0 : 0
            n.ownerUnitKeys = row.references(owners, ctx.units)
            n.crossCutting = row.has(crossCutting) ? row.flag(crossCutting) ?? false : false
            n.coordinatingUnitKey = row.reference(coordinator, ctx.units)
            n.responsiblePersonKeys = row.references(responsibles, ctx.people)
            n.politicalReferentKeys = row.references(referents, ctx.referents)
            n.horizon = readHorizon(row)
            n.weight = row.number(weight)
            n.weightRaw = row.text(weightRaw)
            n.classifications = row.references(classifications, ctx.classifications)
            n.stakeholders = row.list(stakeholders)
            n.contributors = row.list(contributors)
            n.baseline = row.text(baseline)
            n.expectedOutcome = row.text(expected)
            n.criticalFactors = row.text(critical)
            n.dataSource = row.text(dataSource)
            n.publicValue = row.text(publicValue)
            n.missione = row.code(missione, digits: 2)
            n.programma = row.code(programma, digits: 4)
            n.dupRefs = row.list(dupRefs)
            n.dupRefRaw = row.text(dupRaw)
            n.deadline = row.day(deadline)
            n.deadlineRaw = row.text(deadlineRaw)
            n.inheritsFromKey = row.reference(inherits, ctx.nodes)
            n.notes = row.text(notes)
            n.verbatim = row.dictionary(verbatim)
            n.sourceFlags = row.list(flags)
            if k != nil && n.inheritsFromKey == k { row.fail(inherits, "un nodo non può ereditare da sé stesso.") }
            guard k != nil, lv != nil, t != nil else { continue }
            read.append((n, row))
        }
        // The parent must sit strictly higher in the cascade (a level may be skipped); this also rules out cycles.
        let levelOf = Dictionary(read.map { ($0.node.key, $0.node.level) }, uniquingKeysWith: { a, _ in a })
        for (node, row) in read {
            if let p = node.parentKey, let pl = levelOf[p], !(pl < node.level) {
                row.fail(parent, "il nodo superiore \"\(p)\" (\(pl.label)) non è di un livello più alto di \(node.level.label).")
            }
        }
        return read.map(\.node)
    }

    /// The horizon exists when any of its five cells is filled.
    private static func readHorizon(_ row: RowReader) -> Horizon? {
        let h = Horizon(
            firstYear: row.integer(horizonFirst), lastYear: row.integer(horizonLast), stage: row.integer(horizonStage),
            stageCount: row.integer(horizonStages), raw: row.text(horizonRaw))
        let any = [horizonFirst, horizonLast, horizonStage, horizonStages, horizonRaw].contains { row.has($0) }
        return any ? h : nil
    }
}
