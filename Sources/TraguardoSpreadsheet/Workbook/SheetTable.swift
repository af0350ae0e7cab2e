/// A worksheet of the user's file matched against the layout it should follow: columns are found by header
/// (any order, case and accents ignored, unknown columns skipped) and data rows are the non-empty rows below
/// the header.
struct SheetTable {
    let layout: SheetLayout
    let exists: Bool
    /// False when an obligatory column is missing: its rows are not read, and links to it are not checked.
    let complete: Bool
    let rows: [RowReader]
    fileprivate let positions: [String: Int]

    var name: String { layout.name }

    init(layout: SheetLayout, sheet: Sheet?, log: ErrorLog) {
        self.layout = layout
        exists = sheet != nil
        guard let sheet else {
            positions = [:]; complete = true; rows = []
            return
        }
        let known = Dictionary(layout.columns.map { (Folding.fold($0.header), $0.header) }, uniquingKeysWith: { a, _ in a })
        // Users sometimes add a title above the header: the header is the first of the top rows naming a column.
        let headerIndex = sheet.rows.prefix(10).firstIndex { row in
            row.contains { known[Folding.fold(CellText.display($0))] != nil }
        } ?? 0
        var positions: [String: Int] = [:]
        for (i, cell) in sheet.rows[safe: headerIndex].enumerated() {
            if let header = known[Folding.fold(CellText.display(cell))], positions[header] == nil { positions[header] = i }
        }
        self.positions = positions
        var complete = true
        let hasData = sheet.rows.count > headerIndex + 1
        for column in layout.columns where column.required && positions[column.header] == nil && hasData {
            log.add(sheet: layout.name, row: headerIndex + 1, column: nil, field: column.header,
                    "manca la colonna obbligatoria \"\(column.header)\" nella riga di intestazione.")
            complete = false
        }
        self.complete = complete
        var rows: [RowReader] = []
        if complete {
            for (i, cells) in sheet.rows.enumerated() where i > headerIndex && !cells.allSatisfy(\.isEmpty) {
                rows.append(RowReader(sheet: layout.name, number: i + 1, cells: cells, positions: positions, log: log))
            }
        }
        self.rows = rows
    }
}

extension Array where Element == [Cell] {
    subscript(safe index: Int) -> [Cell] { indices.contains(index) ? self[index] : [] }
}
