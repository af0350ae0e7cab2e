import TraguardoCore

/// Foglio "Incarichi": who heads which unit, in which capacity, from when to when.
enum AssignmentSheet {
    static let person = Column("Persona", .reference(sheet: "Persone"), required: true, "Chiave della persona incaricata.")
    static let unit = Column("Unità", .reference(sheet: "Unità"), required: true, "Chiave dell'unità diretta.")
    static let role = Column("Ruolo", .choice(Labels.assignmentRole.labels), required: true, "Titolo dell'incarico.")
    static let from = Column("Dal", .day, "Primo giorno dell'incarico (vuoto = da sempre).")
    static let to = Column("Al", .day, "Ultimo giorno dell'incarico (vuoto = fino a nuovo avviso).")
    static let act = Column("Atto di nomina", .text, "Decreto o atto di conferimento.")

    static let layout = SheetLayout(
        "Incarichi", purpose: "I responsabili delle unità nel tempo (titolari, interim, vicari).",
        [
            person, unit, role, from, to, act,
        ])

    static func rows(_ items: [Assignment]) -> [RowValues] {
        items.map { a in
            var r = RowValues()
            r.set(person, a.personKey)
            r.set(unit, a.unitKey)
            r.set(role, Labels.assignmentRole.label(a.role))
            r.set(from, a.validity.from)
            r.set(to, a.validity.to)
            r.set(act, a.act)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [Assignment] {
        table.rows.compactMap { row in
            let p = row.reference(person, ctx.people), u = row.reference(unit, ctx.units), r = row.choice(role, Labels.assignmentRole)
            let f = row.day(from), t = row.day(to), a = row.text(act)
            if let f, let t, t < f { row.fail(to, "la data di fine \(t.italian) precede l'inizio \(f.italian).") }
            guard let p, let u, let r else { return nil }
            return Assignment(personKey: p, unitKey: u, role: r, validity: DayRange(from: f, to: t), act: a)
        }
    }
}

/// Foglio "Referenti politici": sindaco, assessori and consiglieri with their deleghe.
enum ReferentSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo unico del referente (es. sindaco).")
    static let name = Column("Nome", .text, required: true, "Cognome e nome.")
    static let office = Column("Carica", .choice(Labels.office.labels), required: true, "Carica ricoperta.")
    static let deleghe = Column("Deleghe", .list, "Deleghe, separate da \" | \".")
    static let from = Column("Dal", .day, "Inizio del mandato o della delega (vuoto = da sempre).")
    static let to = Column("Al", .day, "Fine (vuoto = in carica).")

    static let layout = SheetLayout(
        "Referenti politici", purpose: "Sindaco, assessori e consiglieri delegati, referenti politici degli obiettivi.",
        [
            key, name, office, deleghe, from, to,
        ])

    static func rows(_ items: [PoliticalReferent]) -> [RowValues] {
        items.map { p in
            var r = RowValues()
            r.set(key, p.key)
            r.set(name, p.name)
            r.set(office, Labels.office.label(p.office))
            r.set(deleghe, list: p.deleghe)
            r.set(from, p.validity.from)
            r.set(to, p.validity.to)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [PoliticalReferent] {
        table.rows.compactMap { row in
            let k = row.token(key), n = row.text(name), o = row.choice(office, Labels.office)
            let d = row.list(deleghe), f = row.day(from), t = row.day(to)
            if let f, let t, t < f { row.fail(to, "la data di fine \(t.italian) precede l'inizio \(f.italian).") }
            guard let k, let n, let o else { return nil }
            return PoliticalReferent(key: k, name: n, office: o, deleghe: d, validity: DayRange(from: f, to: t))
        }
    }
}
