import TraguardoCore

typealias MeasureValue = MeasureEntry

extension RowReader {
    /// The main value cell of a baseline, target or actual: typed cells as they are, text through the core's
    /// `MeasureText` (the same parser as the web form), errors placed on the cell.
    func measureValue(_ column: Column, form: IndicatorForm?, textColumn: Column) -> MeasureValue? {
        guard let c = present(column) else { return nil }
        switch c.plain {
        case .empty: return nil
        case .number(let v): return .number(v)
        case .date(let d): return .date(d)
        case .bool(let b): return .flag(b)
        case .text(let s):
            switch MeasureText.parse(s, form: form) {
            case .success(let entry): return entry
            case .failure(let error):
                fail(column, error.message(wordsGoTo: "nella colonna \"\(textColumn.header)\""))
                return nil
            }
        case .styled, .formula: return nil  // `plain` has turned them into numbers
        }
    }

    /// Puts the main cell's value into its field, unless the dedicated column holds one too.
    fileprivate func merge<T>(_ main: T?, into field: T?, from column: Column, mainColumn: Column) -> T? {
        guard let main else { return field }
        if field != nil {
            fail(mainColumn, "il valore è indicato anche nella colonna \"\(column.header)\": lasciarne uno solo.")
            return field
        }
        return main
    }
}

/// The columns of a `Measure` (baseline of an indicator, actual of a monitoring value).
struct MeasureColumns: Sendable {
    let value, date, flag, text, year, raw: Column

    init(_ name: String, _ what: String) {
        value = Column(name, .measure, "Valore \(what): un numero (per Forma Data, SI/NO o Traguardo/testo anche una data, SI/NO o un testo).")
        date = Column(name + ": data", .day, "Data \(what), per gli indicatori di forma Data.")
        flag = Column(name + ": SI/NO", .flag, "Valore \(what) per gli indicatori SI/NO.")
        text = Column(name + ": testo", .text, "Valore \(what) non numerico, in parole.")
        year = Column(name + ": anno", .integer, "Anno a cui si riferisce il valore \(what).")
        raw = Column(name + " (testo originale)", .text, "Il valore \(what) come scritto nel documento.")
    }

    var all: [Column] { [value, date, flag, text, year, raw] }

    func set(_ m: Measure?, into r: inout RowValues) {
        r.set(value, m?.number)
        r.set(date, m?.date)
        r.set(flag, m?.flag)
        r.set(text, m?.text)
        r.set(year, m?.year)
        r.set(raw, m?.raw)
    }

    /// Nil when every cell is empty.
    func read(_ row: RowReader, form: IndicatorForm?) -> Measure? {
        guard all.contains(where: row.has) else { return nil }
        var m = Measure(
            date: row.day(date), flag: row.has(flag) ? row.flag(flag) : nil, text: row.text(text),
            year: row.integer(year), raw: row.text(raw))
        switch row.measureValue(value, form: form, textColumn: text) {
        case .number(let v): m.number = v
        case .date(let d): m.date = row.merge(d, into: m.date, from: date, mainColumn: value)
        case .flag(let b): m.flag = row.merge(b, into: m.flag, from: flag, mainColumn: value)
        case .text(let s): m.text = row.merge(s, into: m.text, from: text, mainColumn: value)
        case nil: break
        }
        return m
    }
}

/// The columns of a `Target`: the same idea, plus an upper bound and a relative rule.
struct TargetColumns: Sendable {
    let value, upper, date, flag, text, relative, raw: Column

    init() {
        let name = "Valore atteso"
        value = Column(name, .measure, "Traguardo: un numero (per Forma Data, SI/NO o Traguardo/testo anche una data, SI/NO o un testo).")
        upper = Column(name + ": massimo", .number, "Limite superiore, per la direzione \"Tra due valori\".")
        date = Column(name + ": data", .day, "Data attesa, per gli indicatori di forma Data.")
        flag = Column(name + ": SI/NO", .flag, "Risultato atteso per gli indicatori SI/NO.")
        text = Column(name + ": testo", .text, "Traguardo non numerico, in parole.")
        relative = Column(name + ": relativo", .text, "Traguardo relativo, es. +10% rispetto al 2022, 90 giorni dalla notifica.")
        raw = Column(name + " (testo originale)", .text, "Il valore atteso come scritto nel documento.")
    }

    var all: [Column] { [value, upper, date, flag, text, relative, raw] }

    func set(_ t: Target?, into r: inout RowValues) {
        r.set(value, t?.number)
        r.set(upper, t?.upper)
        r.set(date, t?.date)
        r.set(flag, t?.flag)
        r.set(text, t?.text)
        r.set(relative, t?.relative)
        r.set(raw, t?.raw)
    }

    func read(_ row: RowReader, form: IndicatorForm?) -> Target? {
        guard all.contains(where: row.has) else { return nil }
        var t = Target(
            upper: row.number(upper), date: row.day(date), flag: row.has(flag) ? row.flag(flag) : nil,
            text: row.text(text), relative: row.text(relative), raw: row.text(raw))
        switch row.measureValue(value, form: form, textColumn: text) {
        case .number(let v): t.number = v
        case .date(let d): t.date = row.merge(d, into: t.date, from: date, mainColumn: value)
        case .flag(let b): t.flag = row.merge(b, into: t.flag, from: flag, mainColumn: value)
        case .text(let s): t.text = row.merge(s, into: t.text, from: text, mainColumn: value)
        case nil: break
        }
        return t
    }
}
