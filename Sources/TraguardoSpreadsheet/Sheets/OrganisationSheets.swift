import TraguardoCore

/// Foglio "Unità": settori, aree, servizi, uffici, centri di responsabilità and their hierarchy.
enum UnitSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo unico dell'unità, usato dagli altri fogli (es. s02).")
    static let code = Column("Codice", .text, "Codice dell'ente, es. 02 o AREA 3. Negli altri fogli si può usare al posto della chiave se è unico.")
    static let name = Column("Nome", .text, required: true, "Es. FINANZIARIO E TRIBUTI.")
    static let kind = Column("Tipo", .choice(Labels.unitKind.labels), required: true, "Tipo di unità.")
    static let parent = Column("Unità superiore", .reference(sheet: "Unità"), "Chiave dell'unità di cui fa parte, se c'è.")
    static let order = Column("Ordine", .integer, "Posizione nell'elenco (vuoto = 0).")
    static let notes = Column("Note", .text, "Note libere.")

    static let layout = SheetLayout(
        "Unità", purpose: "Le unità organizzative (settori, aree, servizi, uffici, CdR).",
        [
            key, code, name, kind, parent, order, notes,
        ])

    static func rows(_ units: [OrgUnit]) -> [RowValues] {
        units.map { u in
            var r = RowValues()
            r.set(key, u.key)
            r.set(code, u.code.isEmpty ? nil : u.code)
            r.set(name, u.name)
            r.set(kind, Labels.unitKind.label(u.kind))
            r.set(parent, u.parentKey)
            r.set(order, u.order)
            r.set(notes, u.notes)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [OrgUnit] {
        var read: [(unit: OrgUnit, row: RowReader)] = []
        for row in table.rows {
            let k = row.token(key), n = row.text(name), t = row.choice(kind, Labels.unitKind)
            let p = row.reference(parent, ctx.units), o = row.has(order) ? row.integer(order) : 0
            let c = row.token(code) ?? "", nt = row.text(notes)
            guard let k, let n, let t, let o else { continue }
            read.append((OrgUnit(key: k, code: c, name: n, kind: t, parentKey: p, order: o, notes: nt), row))
        }
        // A unit that is its own ancestor would loop every tree view.
        let parents = Dictionary(read.map { ($0.unit.key, $0.unit.parentKey) }, uniquingKeysWith: { a, _ in a })
        for (unit, row) in read where unit.parentKey != nil {
            var seen: Set<String> = [unit.key]
            var next = unit.parentKey
            while let p = next {
                if !seen.insert(p).inserted {
                    row.fail(parent, "la gerarchia delle unità forma un ciclo: l'unità \"\(unit.key)\" risulta superiore a sé stessa.")
                    break
                }
                next = parents[p] ?? nil
            }
        }
        return read.map(\.unit)
    }
}

/// Foglio "Persone": staff and external managers.
enum PersonSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo unico della persona (es. rossi-m).")
    static let familyName = Column("Cognome", .text, required: true, "Cognome.")
    static let givenName = Column("Nome", .text, "Nome.")
    static let grade = Column("Categoria", .text, "Categoria o area come scritta dall'ente (C4, D1, Funzionario EQ).")
    static let position = Column("Posizione", .text, "Ruolo o profilo, es. Responsabile di settore.")
    static let homeUnit = Column("Unità di appartenenza", .reference(sheet: "Unità"), "Chiave dell'unità in cui lavora.")
    static let email = Column("Email", .text, "Indirizzo di posta elettronica.")

    static let layout = SheetLayout(
        "Persone", purpose: "Il personale che partecipa agli obiettivi o ne è responsabile.",
        [
            key, familyName, givenName, grade, position, homeUnit, email,
        ])

    static func rows(_ people: [Person]) -> [RowValues] {
        people.map { p in
            var r = RowValues()
            r.set(key, p.key)
            r.set(familyName, p.familyName)
            r.set(givenName, p.givenName.isEmpty ? nil : p.givenName)
            r.set(grade, p.staffGrade)
            r.set(position, p.position)
            r.set(homeUnit, p.homeUnitKey)
            r.set(email, p.email)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [Person] {
        table.rows.compactMap { row in
            let k = row.token(key), f = row.text(familyName), g = row.text(givenName) ?? ""
            let p = Person(
                key: k ?? "", familyName: f ?? "", givenName: g, staffGrade: row.text(grade), position: row.text(position),
                homeUnitKey: row.reference(homeUnit, ctx.units), email: row.token(email))
            return k != nil && f != nil ? p : nil
        }
    }
}

/// Foglio "Classificazioni": the ente's own tags, beyond the standard catalogue.
enum ClassificationSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo della classificazione, usato nel foglio Nodi.")
    static let label = Column("Etichetta", .text, required: true, "Nome mostrato, es. Transizione digitale.")
    static let required = Column("Richiesta dal PIAO", .flag, "SI se il PIAO chiede almeno un obiettivo con questa classificazione. Vuoto = NO.")

    static let layout = SheetLayout(
        "Classificazioni",
        purpose: "Classificazioni proprie dell'ente, in aggiunta a quelle standard: "
            + Classification.standard.map { "\($0.key) (\($0.label))" }.joined(separator: ", ") + ".", [key, label, required])

    static func rows(_ items: [Classification]) -> [RowValues] {
        items.map { c in
            var r = RowValues()
            r.set(key, c.key)
            r.set(label, c.label)
            r.set(required, c.requiredByPIAO)
            return r
        }
    }

    static func read(_ table: SheetTable, _ ctx: WorkbookContext) -> [Classification] {
        table.rows.compactMap { row in
            let k = row.token(key), l = row.text(label), r = row.has(required) ? row.flag(required) : false
            guard let k, let l, let r else { return nil }
            return Classification(key: k, label: l, requiredByPIAO: r)
        }
    }
}
