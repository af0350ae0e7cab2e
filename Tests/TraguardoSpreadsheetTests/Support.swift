import Foundation
import Testing
import TraguardoCore

@testable import TraguardoSpreadsheet

/// Seeds and fixtures live in the repository; symlinked checkouts (the scratch package) resolve to it.
enum TestFiles {
    static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = ["pisogne", "leggiuno", "cassano-d-adda", "unione-bellusco-mezzago"]

    static func seed(_ slug: String) throws -> PlanBundle {
        let url = repository.appendingPathComponent("Sources/TraguardoPersistence/DemoData/\(slug).json")
        return try JSONDecoder().decode(PlanBundle.self, from: Data(contentsOf: url))
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: testsFolder.appendingPathComponent("Fixtures/\(name)"))
    }
}

/// Workbooks built by our writer and then edited cell by cell, as a user would.
struct EditableWorkbook {
    var sheets: [Sheet]

    init(_ bundle: PlanBundle) { sheets = PlanWorkbook.sheets(bundle) }

    private func sheetIndex(_ name: String) -> Int {
        sheets.firstIndex { $0.name == name }!
    }

    /// 0-based index of a header in row 1, with or without the "*" of obligatory columns.
    func columnIndex(_ sheet: String, _ header: String) -> Int {
        sheets[sheetIndex(sheet)].rows[0].firstIndex { cell in
            guard case .text(let t) = cell else { return false }
            return t == header || t == header + " *"
        }!
    }

    func letter(_ sheet: String, _ header: String) -> String { ColumnLetters.letters(columnIndex(sheet, header)) }

    /// Sets the cell at a 1-based row, under the named header.
    mutating func set(_ sheet: String, row: Int, _ header: String, _ cell: Cell) {
        let s = sheetIndex(sheet), c = columnIndex(sheet, header)
        while sheets[s].rows.count < row { sheets[s].rows.append([]) }
        while sheets[s].rows[row - 1].count <= c { sheets[s].rows[row - 1].append(.empty) }
        sheets[s].rows[row - 1][c] = cell
    }

    func cell(_ sheet: String, row: Int, _ header: String) -> Cell {
        sheets[sheetIndex(sheet)].cell(row: row - 1, column: columnIndex(sheet, header))
    }

    mutating func appendRow(_ sheet: String, _ cells: [String: Cell]) {
        let s = sheetIndex(sheet)
        sheets[s].rows.append([])
        let row = sheets[s].rows.count
        for (header, cell) in cells { set(sheet, row: row, header, cell) }
    }

    mutating func removeSheet(_ name: String) { sheets.remove(at: sheetIndex(name)) }

    mutating func removeColumn(_ sheet: String, _ header: String) {
        let s = sheetIndex(sheet), c = columnIndex(sheet, header)
        for r in sheets[s].rows.indices where c < sheets[s].rows[r].count { sheets[s].rows[r].remove(at: c) }
    }

    func data(_ format: SpreadsheetFormat) throws -> Data { try SpreadsheetFile.write(sheets, as: format) }

    /// The errors a read reports; records an issue if the read succeeds.
    func errors(_ format: SpreadsheetFormat) throws -> [WorkbookError] {
        do {
            _ = try PlanWorkbook.read(try data(format), as: format)
            Issue.record("the workbook was read without errors")
            return []
        } catch let e as WorkbookErrors {
            return e.errors
        }
    }
}
