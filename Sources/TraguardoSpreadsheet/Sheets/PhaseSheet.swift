import TraguardoCore

/// Foglio "Fasi": the cronoprogramma of each node.
enum PhaseSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo unico della fase (es. op1-f1), usato dal foglio Indicatori.")
    static let node = Column("Nodo", .reference(sheet: "Nodi"), required: true, "Chiave del nodo (obiettivo) a cui appartiene la fase.")
    static let ordinal = Column("Numero", .integer, "Numero d'ordine della fase nel nodo (vuoto = la successiva).")
    static let group = Column("Gruppo", .text, "Progetto o sottotitolo sotto cui si trova la fase, se c'è.")
    static let code = Column("Codice", .text, "Codice della fase nel documento.")
    static let title = Column("Titolo", .text, required: true, "Descrizione breve dell'attività.")
    static let description = Column("Descrizione", .text, "Descrizione estesa.")
    static let months = Column("Mesi", .months, "Mesi dell'anno di riferimento in cui si svolge la fase.")
    static let start = Column("Inizio", .day, "Data di inizio.")
    static let due = Column("Scadenza", .day, "Data entro cui concludere la fase.")
    static let periodRaw = Column("Periodo (testo originale)", .text, "Il periodo come scritto nel documento, es. FEBB - DIC.")
    static let weight = Column("Peso %", .number, "Peso della fase in percentuale.")
    static let indicator = Column("Indicatore (testo)", .text, "Risultato atteso della fase come scritto nel documento.")
    static let target = Column("Valore atteso (testo originale)", .text, "Valore atteso della fase come scritto nel documento.")
    static let flags = Column("Anomalie", .list, "Incongruenze del documento su questa fase, una per voce.")

    static let layout = SheetLayout(
        "Fasi", purpose: "Le fasi (cronoprogramma) degli obiettivi.",
        [
            key, node, ordinal, group, code, title, description, months, start, due, periodRaw, weight, indicator, target, flags,
        ])

    static func rows(_ phases: [Phase]) -> [RowValues] {
        phases.map { p in
            var r = RowValues()
            r.set(key, p.key)
            r.set(node, p.nodeKey)
            r.set(ordinal, p.ordinal)
            r.set(group, p.group)
            r.set(code, p.code)
            r.set(title, p.title)
            r.set(description, p.description)
            r.set(months, p.months.isEmpty ? nil : p.months.map(String.init).joined(separator: ListCodec.separator))
            r.set(start, p.start)
            r.set(due, p.due)
            r.set(periodRaw, p.periodRaw)
            r.set(weight, p.weight)
            r.set(indicator, p.indicatorText)
            r.set(target, p.targetRaw)
            r.set(flags, list: p.sourceFlags)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [Phase] {
        var countByNode: [String: Int] = [:]
        return table.rows.compactMap { row in
            let k = row.token(key), n = row.reference(node, ctx.nodes), t = row.text(title)
            let o = row.has(ordinal) ? row.integer(ordinal) : n.map { (countByNode[$0] ?? 0) + 1 }
            if let n { countByNode[n, default: 0] += 1 }
            let s = row.day(start), d = row.day(due)
            if let s, let d, d < s { row.fail(due, "la scadenza \(d.italian) precede l'inizio \(s.italian).") }
            let phase = Phase(
                key: k ?? "", nodeKey: n ?? "", ordinal: o ?? 0, group: row.text(group), code: row.token(code), title: t ?? "",
                description: row.text(description), months: row.months(months), start: s, due: d,
                periodRaw: row.text(periodRaw), weight: row.number(weight), indicatorText: row.text(indicator),
                targetRaw: row.text(target), sourceFlags: row.list(flags))
            guard k != nil, n != nil, t != nil, o != nil else { return nil }
            ctx.phaseNodes[phase.key] = phase.nodeKey
            return phase
        }
    }
}

/// Foglio "Partecipazioni": staff taking part in a node, with their share.
enum ParticipationSheet {
    static let person = Column("Persona", .reference(sheet: "Persone"), required: true, "Chiave della persona.")
    static let node = Column("Nodo", .reference(sheet: "Nodi"), required: true, "Chiave del nodo (obiettivo).")
    static let share = Column("Quota %", .number, "Peso o quota di partecipazione in percentuale.")
    static let activity = Column("Attività", .text, "Attività svolta nell'obiettivo.")
    static let grade = Column("Categoria (come indicata)", .text, "Categoria della persona come stampata su questa riga.")

    static let layout = SheetLayout(
        "Partecipazioni", purpose: "Il personale che partecipa a ciascun obiettivo.",
        [
            person, node, share, activity, grade,
        ])

    static func rows(_ items: [Participation]) -> [RowValues] {
        items.map { p in
            var r = RowValues()
            r.set(person, p.personKey)
            r.set(node, p.nodeKey)
            r.set(share, p.share)
            r.set(activity, p.activity)
            r.set(grade, p.gradeRaw)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [Participation] {
        table.rows.compactMap { row in
            let p = row.reference(person, ctx.people), n = row.reference(node, ctx.nodes)
            let item = Participation(
                personKey: p ?? "", nodeKey: n ?? "", share: row.number(share), activity: row.text(activity),
                gradeRaw: row.text(grade))
            return p != nil && n != nil ? item : nil
        }
    }
}
