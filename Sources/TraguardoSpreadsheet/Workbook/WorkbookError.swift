/// One problem in a workbook, located as the user sees it: sheet name, row number, column letter and header.
public struct WorkbookError: Error, Hashable, Sendable, CustomStringConvertible {
    public var sheet: String
    /// 1-based spreadsheet row; 0 when the problem concerns a whole sheet or the file.
    public var row: Int
    /// Column letter ("C"); empty when the problem concerns a whole row, sheet or the file.
    public var column: String
    /// The column's Italian header, without the "*" that marks obligatory columns.
    public var field: String
    /// Italian sentence, ending with a full stop.
    public var message: String

    public init(sheet: String, row: Int, column: String, field: String, message: String) {
        self.sheet = sheet
        self.row = row
        self.column = column
        self.field = field
        self.message = message
    }

    /// «Foglio "Indicatori", riga 12, colonna F (Valore atteso): "31/06/2024" non è una data valida (gg/mm/aaaa).»
    public var description: String {
        guard !sheet.isEmpty else { return message }
        var place = "Foglio \"\(sheet)\""
        if row > 0 { place += ", riga \(row)" }
        if !column.isEmpty { place += ", colonna \(column)" + (field.isEmpty ? "" : " (\(field))") }
        return "\(place): \(message)"
    }
}

/// Every problem found in a workbook. A read that throws this has produced nothing, so an import writes nothing.
public struct WorkbookErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [WorkbookError]

    public init(_ errors: [WorkbookError]) { self.errors = errors }

    public var description: String {
        let head = errors.count == 1 ? "Il foglio di calcolo contiene un errore:" : "Il foglio di calcolo contiene \(errors.count) errori:"
        return ([head] + errors.map { "- \($0.description)" }).joined(separator: "\n")
    }
}

/// Collects problems while a workbook is read, so the user gets all of them at once.
final class ErrorLog {
    private(set) var errors: [WorkbookError] = []

    func add(_ error: WorkbookError) { errors.append(error) }

    func add(sheet: String, row: Int, column: Int?, field: String, _ message: String) {
        errors.append(WorkbookError(sheet: sheet, row: row, column: column.map(ColumnLetters.letters) ?? "", field: field, message: message))
    }

    var isEmpty: Bool { errors.isEmpty }
}
