/// Why a file could not be opened as a spreadsheet, in Italian for the user.
public enum SpreadsheetFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAnArchive
    case missingPart(String)
    /// A part that belongs to no single sheet (the list of sheets, the shared strings, the styles) is not
    /// complete, well-formed XML, or could not be extracted. `line` is 0 when unknown.
    case malformedPart(String, line: Int)
    /// The XML holding a sheet is damaged or cut short. `sheet` is the name the user sees in the workbook;
    /// `part` the internal file (in ODS, `content.xml` holds every sheet, and `sheet` is the one being read).
    case damagedSheet(sheet: String, part: String, line: Int)
    case partTooLarge(String)

    /// The sheet the problem belongs to, when it belongs to one.
    public var sheet: String? {
        if case .damagedSheet(let sheet, _, _) = self { return sheet }
        return nil
    }

    /// The sentence without the sheet: what a `WorkbookError` located on `sheet` carries as its message.
    public var message: String {
        switch self {
        case .notAnArchive:
            "Il file non è un foglio di calcolo XLSX o ODS leggibile (non è un archivio ZIP valido)."
        case .missingPart(let part):
            "Il file è incompleto: manca la parte interna \"\(part)\"."
        case .malformedPart(let part, let line):
            "Il file è danneggiato o troncato (parte interna \"\(part)\"\(Self.lineText(line))): nulla è stato importato."
        case .damagedSheet(_, let part, let line):
            "il file è danneggiato o troncato (parte interna \"\(part)\"\(Self.lineText(line))): nulla è stato importato."
        case .partTooLarge(let part):
            "Il file è troppo grande: la parte interna \"\(part)\" supera il limite consentito."
        }
    }

    /// «Foglio "Fasi": il file è danneggiato o troncato (parte interna "xl/worksheets/sheet10.xml", riga 2): nulla è stato importato.»
    public var description: String {
        guard let sheet else { return message }
        return "Foglio \"\(sheet)\": \(message)"
    }

    private static func lineText(_ line: Int) -> String { line > 0 ? ", riga \(line)" : "" }
}
