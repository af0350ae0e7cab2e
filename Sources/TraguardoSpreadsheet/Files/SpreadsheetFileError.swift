/// Why a file could not be opened as a spreadsheet, in Italian for the user.
public enum SpreadsheetFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAnArchive
    case missingPart(String)
    case malformedPart(String, line: Int)
    case partTooLarge(String)

    public var description: String {
        switch self {
        case .notAnArchive:
            "Il file non è un foglio di calcolo XLSX o ODS leggibile (non è un archivio ZIP valido)."
        case .missingPart(let part):
            "Il file è incompleto: manca la parte interna \"\(part)\"."
        case .malformedPart(let part, let line):
            "Il file è danneggiato: la parte interna \"\(part)\" non è XML valido (riga \(line))."
        case .partTooLarge(let part):
            "Il file è troppo grande: la parte interna \"\(part)\" supera il limite consentito."
        }
    }
}
