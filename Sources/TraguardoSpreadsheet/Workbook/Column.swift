import Foundation
import TraguardoCore

/// What a column holds; drives how the Istruzioni sheet describes it.
enum ColumnFormat: Sendable {
    case text, key, integer, number, day, flag, list, json, months
    case choice([String])
    case choices([String])
    case reference(sheet: String)
    case references(sheet: String)
    /// Value whose meaning follows the indicator's Forma (number, date, SI/NO or text).
    case measure

    var italian: String {
        switch self {
        case .text: "Testo"
        case .key: "Testo breve, unico nel foglio"
        case .integer: "Numero intero"
        case .number: "Numero (es. 1.234,56)"
        case .day: "Data gg/mm/aaaa"
        case .flag: "SI oppure NO"
        case .list: "Elenco separato da \" | \" o da a capo"
        case .json: "JSON, es. {\"Etichetta\": \"testo\"}"
        case .months: "Mesi 1-12 separati da \" | \" (es. 2 | 3 | 4), intervalli 2-4 o nomi (feb, mar)"
        case .choice(let labels): "Uno tra: " + labels.joined(separator: "; ")
        case .choices(let labels): "Uno o più tra: " + labels.joined(separator: "; ") + ", separati da \" | \""
        case .reference(let sheet): "Chiave di una riga del foglio \(sheet)"
        case .references(let sheet): "Chiavi di righe del foglio \(sheet), separate da \" | \""
        case .measure: "Numero; oppure data, SI/NO o testo secondo la Forma dell'indicatore"
        }
    }
}

/// One column of an entity sheet: its Italian header, whether it is obligatory, its format and what it means.
struct Column: Sendable {
    let header: String
    let required: Bool
    let format: ColumnFormat
    let help: String

    init(_ header: String, _ format: ColumnFormat, required: Bool = false, _ help: String) {
        self.header = header
        self.required = required
        self.format = format
        self.help = help
    }

    /// The header as written in the sheet: obligatory columns carry a "*".
    var title: String { required ? header + " *" : header }
}

/// The columns of one entity sheet, in the order the writer lays them out.
struct SheetLayout: Sendable {
    let name: String
    let purpose: String
    let columns: [Column]
    /// Ente and Piano hold exactly one data row.
    let singleRow: Bool

    init(_ name: String, singleRow: Bool = false, purpose: String, _ columns: [Column]) {
        self.name = name
        self.singleRow = singleRow
        self.purpose = purpose
        self.columns = columns
    }

    /// Header row plus one row per entity; widths follow the content, within limits that keep sheets usable.
    func sheet(_ rows: [RowValues]) -> Sheet {
        var grid: [[Cell]] = [columns.map { .text($0.title) }]
        var widths = columns.map { Double(max(10, min($0.title.count + 2, 40))) }
        grid.reserveCapacity(rows.count + 1)
        for values in rows {
            var line = columns.map { values.cells[$0.header] ?? .empty }
            while let last = line.last, last.isEmpty { line.removeLast() }
            for (i, cell) in line.enumerated() { widths[i] = max(widths[i], min(Double(CellText.display(cell).count) + 2, 60)) }
            grid.append(line)
        }
        return Sheet(name: name, rows: grid, columnWidths: widths, headerRows: 1)
    }
}

/// The cells of one row being written, by column header.
struct RowValues {
    fileprivate(set) var cells: [String: Cell] = [:]

    mutating func set(_ column: Column, _ cell: Cell) { cells[column.header] = cell }
    mutating func set(_ column: Column, _ text: String?) { cells[column.header] = text.map(Cell.text) ?? .empty }
    mutating func set(_ column: Column, _ number: Double?) { cells[column.header] = number.map(Cell.number) ?? .empty }
    mutating func set(_ column: Column, _ integer: Int?) { cells[column.header] = integer.map { .number(Double($0)) } ?? .empty }
    mutating func set(_ column: Column, _ day: Day?) { cells[column.header] = day.map(Cell.date) ?? .empty }
    mutating func set(_ column: Column, _ flag: Bool?) { cells[column.header] = flag.map { .text($0 ? "SI" : "NO") } ?? .empty }
    mutating func set(_ column: Column, list: [String]) { cells[column.header] = ListCodec.cell(list) }
}

/// Header and label comparison that forgives case, accents, spaces and the "*" of obligatory columns.
enum Folding {
    static func fold(_ s: String) -> String {
        // Keys and most labels are ASCII: skip Foundation's folding, which is slow on Linux.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(
                decoding: s.utf8.compactMap { u -> UInt8? in
                    if u == 0x20 || (0x09...0x0D).contains(u) || u == 0x2A { return nil }
                    return (0x41...0x5A).contains(u) ? u + 0x20 : u
                }, as: UTF8.self)
        }
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(
            String.UnicodeScalarView(
                folded.unicodeScalars.compactMap { u -> Unicode.Scalar? in
                    if CharacterSet.whitespacesAndNewlines.contains(u) || u == "*" { return nil }
                    return u == "\u{2019}" ? "'" : u  // typographic apostrophe, as word processors write it
                }))
    }
}
