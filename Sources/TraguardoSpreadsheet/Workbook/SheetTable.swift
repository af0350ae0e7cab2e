/// A worksheet of the user's file matched against the layout it should follow: columns are found by header
/// (any order, case and accents ignored, unknown columns skipped) and data rows are the rows below the header
/// with a value in a known column (a note in an extra column alone does not make a row).
struct SheetTable {
    let layout: SheetLayout
    let exists: Bool
    /// False when an obligatory column is missing: its rows are not read, and links to it are not checked.
    let complete: Bool
    let rows: [RowReader]
    private let positions: [String: Int]

    var name: String { layout.name }

    init(layout: SheetLayout, sheet: Sheet?, log: ErrorLog) {
        self.layout = layout
        exists = sheet != nil
        guard let sheet else {
            positions = [:]
            complete = true
            rows = []
            return
        }
        let known = Dictionary(layout.columns.map { (Folding.fold($0.header), $0.header) }, uniquingKeysWith: { a, _ in a })
        // Users sometimes add a title above the header: the header is the top row naming the most columns.
        let named = sheet.rows.prefix(10).map { row in row.filter { known[Folding.fold(CellText.display($0))] != nil }.count }
        let headerIndex = named.indices.max { named[$0] < named[$1] || (named[$0] == named[$1] && $0 > $1) } ?? 0
        var positions: [String: Int] = [:]
        for (i, cell) in sheet.rows[safe: headerIndex].enumerated() {
            if let header = known[Folding.fold(CellText.display(cell))], positions[header] == nil { positions[header] = i }
        }
        self.positions = positions
        var complete = true
        let hasData = sheet.rows.count > headerIndex + 1
        for column in layout.columns where column.required && positions[column.header] == nil && hasData {
            log.add(
                sheet: layout.name, row: headerIndex + 1, column: nil, field: column.header,
                "manca la colonna obbligatoria \"\(column.header)\" nella riga di intestazione.")
            complete = false
        }
        self.complete = complete
        var rows: [RowReader] = []
        if complete {
            let used = Array(positions.values)
            for (i, cells) in sheet.rows.enumerated() where i > headerIndex && used.contains(where: { $0 < cells.count && !cells[$0].isEmpty }) {
                rows.append(RowReader(sheet: layout.name, number: i + 1, cells: cells, positions: positions, log: log))
            }
        }
        self.rows = rows
    }
}

extension Array where Element == [Cell] {
    subscript(safe index: Int) -> [Cell] { indices.contains(index) ? self[index] : [] }
}
