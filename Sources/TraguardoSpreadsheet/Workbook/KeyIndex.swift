/// The keys of one entity sheet, so other sheets can link to its rows. A link matches the key exactly, else
/// the key ignoring case and accents, else (for units and nodes) the row's Codice when only one row has it.
struct KeyIndex {
    let sheet: String
    /// "l'unità", "il nodo": how messages name a missing row.
    let noun: String
    /// False when the sheet could not be read: links to it are then not checked, to avoid a cascade of errors.
    let checked: Bool
    private(set) var keys: Set<String> = []
    private var rowOf: [String: Int] = [:]
    private var folded: [String: String?] = [:]
    private var aliases: [String: String?] = [:]

    init(sheet: String, noun: String, checked: Bool = true) {
        self.sheet = sheet
        self.noun = noun
        self.checked = checked
    }

    /// Reads the key column of `table`, logging a repeated key at the row that repeats it.
    init(_ table: SheetTable, key: Column, alias: Column? = nil, noun: String, log: ErrorLog) {
        self.init(sheet: table.name, noun: noun, checked: table.complete)
        for row in table.rows {
            guard let k = CellText.string(row.cell(key))?.trimmingCharacters(in: .whitespacesAndNewlines), !k.isEmpty else { continue }
            if let first = rowOf[k] {
                row.fail(key, "la chiave \"\(k)\" è già usata alla riga \(first).")
                continue
            }
            insert(k, row: row.number)
            if let alias, let a = CellText.string(row.cell(alias))?.trimmingCharacters(in: .whitespacesAndNewlines), !a.isEmpty {
                let f = Folding.fold(a)
                aliases[f] = aliases[f] == nil ? .some(k) : .some(nil)
            }
        }
    }

    mutating func insert(_ key: String, row: Int = 0) {
        keys.insert(key)
        rowOf[key] = row
        let f = Folding.fold(key)
        folded[f] = folded[f] == nil ? .some(key) : .some(nil)
    }

    /// Also accepts a label as an alias (the classification catalogue).
    mutating func insertAlias(_ alias: String, for key: String) {
        let f = Folding.fold(alias)
        aliases[f] = aliases[f] == nil ? .some(key) : .some(nil)
    }

    func contains(_ key: String) -> Bool { keys.contains(key) }

    func resolve(_ token: String) -> String? {
        guard checked else { return token }
        if keys.contains(token) { return token }
        let f = Folding.fold(token)
        if let hit = folded[f], let key = hit { return key }
        if let hit = aliases[f], let key = hit { return key }
        return nil
    }
}
