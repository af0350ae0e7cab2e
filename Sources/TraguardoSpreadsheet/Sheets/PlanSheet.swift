import TraguardoCore

/// Foglio "Piano": the plan's cycle, state, approving act and the document it transcribes.
enum PlanSheet {
    static let key = Column("Chiave", .key, required: true, "Identificativo del piano, es. piao-2024.")
    static let title = Column("Titolo", .text, required: true, "Es. PIAO 2024-2026.")
    static let firstYear = Column("Primo anno", .integer, required: true, "Primo anno del ciclo, es. 2024.")
    static let lastYear = Column("Ultimo anno", .integer, required: true, "Ultimo anno del ciclo, es. 2026.")
    static let year = Column("Anno di riferimento", .integer, required: true, "Anno dettagliato e valutato (PEG/PDO), es. 2024.")
    static let state = Column("Stato", .choice(Labels.planState.labels), "Vuoto = Bozza.")
    static let version = Column("Versione", .integer, "1 per il piano approvato, poi +1 per ogni variazione. Vuoto = 1.")
    static let levels = Column("Livelli", .choices(Labels.level.labels), "Livelli della cascata usati dall'ente, dall'alto. Vuoto = tutti.")
    static let notes = Column("Note", .text, "Note libere sul piano.")
    static let actOrgan = Column("Atto: organo", .text, "Organo che ha approvato il piano, es. Giunta Comunale. Obbligatorio se si indica l'atto.")
    static let actNumber = Column("Atto: numero", .text, "Numero dell'atto di approvazione.")
    static let actDate = Column("Atto: data", .day, "Data dell'atto di approvazione.")
    static let actRaw = Column("Atto (testo originale)", .text, "L'atto come scritto nel documento.")
    static let document = Column("Documento di origine", .text, "Titolo del documento trascritto, se il piano viene da un documento.")
    static let documentDescription = Column("Descrizione del documento", .text, "Descrizione del documento di origine.")
    static let documentFlags = Column("Anomalie del documento", .list, "Incongruenze del documento nel suo insieme, una per voce.")

    static let layout = SheetLayout(
        "Piano", singleRow: true, purpose: "Il piano: ciclo, stato, atto di approvazione. Una sola riga.",
        [
            key, title, firstYear, lastYear, year, state, version, levels, notes,
            actOrgan, actNumber, actDate, actRaw, document, documentDescription, documentFlags,
        ])

    static func rows(_ p: Plan, source: BundleSource?) -> [RowValues] {
        var r = RowValues()
        r.set(key, p.key)
        r.set(title, p.title)
        r.set(firstYear, p.firstYear)
        r.set(lastYear, p.lastYear)
        r.set(year, p.year)
        r.set(state, Labels.planState.label(p.state))
        r.set(version, p.version)
        r.set(levels, list: p.levels.map(Labels.level.label))
        r.set(notes, p.notes)
        r.set(actOrgan, p.approval?.organ)
        r.set(actNumber, p.approval?.number)
        r.set(actDate, p.approval?.date)
        r.set(actRaw, p.approval?.raw)
        r.set(document, source?.document)
        r.set(documentDescription, source?.description)
        r.set(documentFlags, list: source?.flags ?? [])
        return [r]
    }

    static func read(_ row: RowReader) -> (plan: Plan, source: BundleSource?)? {
        let k = row.token(key), t = row.text(title)
        let first = row.integer(firstYear), last = row.integer(lastYear), y = row.integer(year)
        let s = row.has(state) ? row.choice(state, Labels.planState) : .bozza
        let v = row.has(version) ? row.integer(version) : 1
        let lv = row.choiceList(levels, Labels.level)
        let approval = readAct(row)
        let n = row.text(notes)
        var source: BundleSource?
        let doc = row.text(document), docDescription = row.text(documentDescription), flags = row.list(documentFlags)
        if let doc {
            source = BundleSource(document: doc, description: docDescription, flags: flags)
        } else if docDescription != nil || !flags.isEmpty {
            row.fail(document, "indicare il documento di origine, dato che ne sono indicate descrizione o anomalie.")
        }
        if let first, let last, last < first { row.fail(lastYear, "l'ultimo anno precede il primo anno del ciclo.") }
        guard let k, let t, let first, let last, let y, let s, let v else { return nil }
        let plan = Plan(
            key: k, title: t, firstYear: first, lastYear: last, year: y, approval: approval, state: s, version: v,
            levels: lv.isEmpty ? CascadeLevel.allCases : lv, notes: n)
        return (plan, source)
    }

    /// The act exists when any of its cells is filled; then the organ is obligatory.
    private static func readAct(_ row: RowReader) -> Act? {
        let organ = row.text(actOrgan), number = row.token(actNumber), date = row.day(actDate), raw = row.text(actRaw)
        guard organ != nil || number != nil || row.has(actDate) || raw != nil else { return nil }
        guard let organ else {
            row.fail(actOrgan, "indicare l'organo che ha approvato il piano, dato che è indicato l'atto.")
            return nil
        }
        return Act(organ: organ, number: number, date: date, raw: raw)
    }
}
