import TraguardoCore

/// Foglio "Ente": the one public body the plan belongs to.
enum EnteSheet {
    static let slug = Column(
        "Slug", .key, required: true,
        "Identificativo dell'ente negli indirizzi web: lettere minuscole, cifre e trattini (es. cassano-d-adda).")
    static let name = Column("Nome", .text, required: true, "Denominazione ufficiale, es. Comune di Pisogne.")
    static let kind = Column("Tipo", .choice(Labels.enteKind.labels), required: true, "Tipo di ente.")
    static let istat = Column("Codice ISTAT", .text, "Codice ISTAT del comune (6 cifre), se noto.")
    static let ipa = Column("Codice IPA", .text, "Codice dell'Indice delle Pubbliche Amministrazioni, se noto.")
    static let employees = Column("Dipendenti", .integer, "Numero di dipendenti.")
    static let population = Column("Abitanti", .integer, "Popolazione residente.")
    static let memberSlugs = Column("Comuni aderenti (slug)", .list, "Solo per un'Unione di Comuni: slug dei comuni aderenti.")
    static let memberNames = Column("Comuni aderenti (nome)", .list, "Solo per un'Unione di Comuni: nomi dei comuni aderenti, nello stesso ordine.")

    static let layout = SheetLayout(
        "Ente", singleRow: true, purpose: "I dati dell'ente: una sola riga.",
        [
            slug, name, kind, istat, ipa, employees, population, memberSlugs, memberNames,
        ])

    static func rows(_ e: Ente) -> [RowValues] {
        var r = RowValues()
        r.set(slug, e.slug)
        r.set(name, e.name)
        r.set(kind, Labels.enteKind.label(e.kind))
        r.set(istat, e.codiceISTAT)
        r.set(ipa, e.codiceIPA)
        r.set(employees, e.employees)
        r.set(population, e.population)
        r.set(memberSlugs, list: e.memberSlugs)
        r.set(memberNames, list: e.memberNames)
        return [r]
    }

    static func read(_ row: RowReader) -> Ente? {
        let s = row.token(slug)
        if let s, !Ente.isValidSlug(s) {
            row.fail(slug, "\"\(s)\" non è uno slug valido: usare solo lettere minuscole senza accenti, cifre e trattini singoli.")
        }
        let n = row.text(name), k = row.choice(kind, Labels.enteKind)
        let ente = Ente(
            slug: s ?? "", name: n ?? "", kind: k ?? .comune, codiceISTAT: row.code(istat, digits: 6),
            codiceIPA: row.token(ipa), employees: row.integer(employees), population: row.integer(population),
            memberSlugs: row.list(memberSlugs), memberNames: row.list(memberNames))
        guard let s, Ente.isValidSlug(s), n != nil, k != nil else { return nil }
        return ente
    }
}
