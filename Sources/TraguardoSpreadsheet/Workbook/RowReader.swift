import TraguardoCore

/// One data row being read. Every accessor returns nil (or an empty list) for an empty or wrong cell and logs
/// the problem with the row and the column's letter, so reading goes on and the user gets every error.
struct RowReader {
    let sheet: String
    /// 1-based row number as the spreadsheet shows it.
    let number: Int
    let cells: [Cell]
    let positions: [String: Int]
    let log: ErrorLog

    func cell(_ column: Column) -> Cell {
        guard let i = positions[column.header], i < cells.count else { return .empty }
        return cells[i]
    }

    func has(_ column: Column) -> Bool { !cell(column).isEmpty }

    func fail(_ column: Column, _ message: String) {
        log.add(sheet: sheet, row: number, column: positions[column.header], field: column.header, message)
    }

    func failRow(_ message: String) {
        log.add(sheet: sheet, row: number, column: nil, field: "", message)
    }

    /// The cell when it has a value; logs a missing obligatory value.
    func present(_ column: Column) -> Cell? {
        let c = cell(column)
        if c.isEmpty {
            if column.required { fail(column, "campo obbligatorio mancante.") }
            return nil
        }
        return c
    }

    /// Free text, kept exactly as typed (line breaks and inner spaces matter in transcribed documents).
    func text(_ column: Column) -> String? { present(column).flatMap(CellText.string) }

    /// Keys, codes and other short identifiers: outer spaces are a typing accident.
    func token(_ column: Column) -> String? {
        text(column).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    func integer(_ column: Column) -> Int? {
        guard let c = present(column) else { return nil }
        let value: Double?
        switch c {
        case .number(let v): value = v
        case .text(let s): value = ItalianFormat.parseNumber(s)
        default: value = nil
        }
        // Int(exactly:) also refuses infinities and NaN.
        guard let value, let int = Int(exactly: value) else {
            fail(column, "\(CellText.quoted(c)) non è un numero intero.")
            return nil
        }
        return int
    }

    func number(_ column: Column) -> Double? {
        guard let c = present(column) else { return nil }
        switch c {
        case .number(let v): return v
        case .text(let s): if let v = ItalianFormat.parseNumber(s), v.isFinite { return v }
        default: break
        }
        fail(column, "\(CellText.quoted(c)) non è un numero valido (es. 1.234,56).")
        return nil
    }

    func day(_ column: Column) -> Day? {
        guard let c = present(column) else { return nil }
        if let d = CellParsing.day(c) { return d }
        fail(column, "\(CellText.quoted(c)) non è una data valida (gg/mm/aaaa).")
        return nil
    }

    func flag(_ column: Column) -> Bool? {
        guard let c = present(column) else { return nil }
        if let b = CellParsing.flag(c) { return b }
        fail(column, "\(CellText.quoted(c)) non è un valore valido: scrivere SI oppure NO.")
        return nil
    }

    func choice<V>(_ column: Column, _ choices: Choices<V>) -> V? {
        guard let c = present(column) else { return nil }
        if let v = choices.value(CellText.display(c)) { return v }
        fail(column, "\(CellText.quoted(c)) non è un valore ammesso. Valori ammessi: \(choices.labels.joined(separator: "; ")).")
        return nil
    }

    func list(_ column: Column) -> [String] {
        guard let c = present(column) else { return [] }
        return ListCodec.decode(CellText.display(c))
    }

    func choiceList<V>(_ column: Column, _ choices: Choices<V>) -> [V] {
        list(column).compactMap { item in
            if let v = choices.value(item) { return v }
            fail(column, "\"\(item)\" non è un valore ammesso. Valori ammessi: \(choices.labels.joined(separator: "; ")).")
            return nil
        }
    }

    func dictionary(_ column: Column) -> [String: String] {
        guard let c = present(column) else { return [:] }
        if let d: [String: String] = JSONText.decode(CellText.display(c)) { return d }
        fail(column, "il contenuto non è un JSON valido nella forma {\"Etichetta\": \"testo\", …}.")
        return [:]
    }

    func months(_ column: Column) -> [Int] {
        guard let c = present(column) else { return [] }
        if let months = CellParsing.months(c) { return months }
        fail(
            column,
            "\(CellText.quoted(c)) non è un elenco di mesi valido: usare i numeri da 1 a 12 (es. 2 | 3 | 4), "
                + "intervalli (2-4) o i nomi abbreviati (gen, feb, …).")
        return []
    }

    /// A link to a row of another sheet; logs a key that does not exist there.
    func reference(_ column: Column, _ index: KeyIndex) -> String? {
        token(column).flatMap { resolve($0, column, index) }
    }

    func references(_ column: Column, _ index: KeyIndex) -> [String] {
        list(column).compactMap { resolve($0, column, index) }
    }

    private func resolve(_ token: String, _ column: Column, _ index: KeyIndex) -> String? {
        if let key = index.resolve(token) { return key }
        fail(column, "\(index.noun) \"\(token)\" non esiste nel foglio \"\(index.sheet)\".")
        return nil
    }
}

extension RowReader {
    /// A numeric code such as the ISTAT code or the Missione: a spreadsheet that turned "01" into 1 gets its
    /// leading zeros back.
    func code(_ column: Column, digits: Int) -> String? {
        if case .number(let v) = cell(column), let n = Int(exactly: v), n >= 0 {
            let s = String(n)
            return String(repeating: "0", count: max(0, digits - s.count)) + s
        }
        return token(column)
    }
}
