import Foundation
import TraguardoCore

/// The first file of a backup archive: what it holds, written last so its counts are the rows actually read.
/// It says nothing about when the backup ran (that is the file's name): two backups of the same data are the
/// same bytes, whichever engine they came from.
public struct BackupManifest: Codable, Equatable, Sendable {
    public struct TableEntry: Codable, Equatable, Sendable {
        public let name: String
        public let file: String
        public let columns: [BackupSchema.Column]
        public var rows: Int
    }

    public static let formatName = "traguardo-backup"
    public static let currentVersion = 1
    public static let path = "manifest.json"

    public var format = formatName
    public var formatVersion = currentVersion
    public var traguardoVersion = Traguardo.version
    /// The migrations the source database had run: a restore needs a Traguardo that knows all of them.
    public var migrations: [String]
    /// The latest entry of the audit trail, the data's own "as of".
    public var lastChange: String?
    public var tables: [TableEntry]

    public var totalRows: Int { tables.reduce(0) { $0 + $1.rows } }

    static func file(for table: String) -> String { "tabelle/\(table).jsonl" }
}

/// Why a backup or a restore stopped, in Italian, naming the table, the row and the column when there is one.
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case notAnArchive(String)
    case missingManifest
    case unsupportedFormat(String)
    case newerMigrations([String])
    case tableNotInCatalogue(String)
    case unknownTable(String)
    case unknownColumn(table: String, column: String)
    case wrongKind(table: String, column: String, expected: String, found: String)
    case missingFile(String)
    case malformedRow(file: String, line: Int, detail: String)
    case badValue(file: String, line: Int, column: String, kind: String)
    case rowCount(table: String, declared: Int, found: Int)
    case notEmpty([String])
    case database(String)

    public var description: String {
        switch self {
        case .notAnArchive(let path): "«\(path)» non è un archivio di backup di Traguardo (serve il file .zip scritto da «traguardo backup»)."
        case .missingManifest: "L'archivio non contiene manifest.json: non è un backup di Traguardo o è incompleto."
        case .unsupportedFormat(let what):
            "Formato di backup non supportato (\(what)): serve «\(BackupManifest.formatName)» versione \(BackupManifest.currentVersion)."
        case .newerMigrations(let names):
            "Il backup viene da una versione più recente di Traguardo (migrazioni sconosciute: \(names.joined(separator: ", "))): aggiorna Traguardo prima di ripristinarlo."
        case .tableNotInCatalogue(let name):
            "La tabella «\(name)» del database non è nell'elenco di quelle da salvare (BackupSchema): il backup si ferma invece di ometterla."
        case .unknownTable(let name): "Il backup contiene la tabella «\(name)», che questa versione di Traguardo non conosce."
        case .unknownColumn(let table, let column):
            "Il backup contiene la colonna «\(table).\(column)», che questa versione di Traguardo non conosce."
        case .wrongKind(let table, let column, let expected, let found):
            "La colonna «\(table).\(column)» nel backup è di tipo \(found), ma il database si aspetta \(expected)."
        case .missingFile(let file): "Nell'archivio manca il file «\(file)» elencato in manifest.json."
        case .malformedRow(let file, let line, let detail): "\(file), riga \(line): riga non leggibile (\(detail))."
        case .badValue(let file, let line, let column, let kind): "\(file), riga \(line), colonna «\(column)»: il valore non è un \(kind) valido."
        case .rowCount(let table, let declared, let found):
            "Tabella «\(table)»: manifest.json dichiara \(declared) righe ma l'archivio ne contiene \(found): archivio incompleto o alterato."
        case .notEmpty(let tables):
            "Il database di destinazione non è vuoto (\(tables.joined(separator: ", "))): usa --sostituisci per rimpiazzarne il contenuto, in un'unica transazione."
        case .database(let detail): "Il database ha rifiutato il ripristino, che è stato annullato per intero: \(detail)"
        }
    }
}

extension BackupSchema.Kind {
    /// The kind's name in messages.
    var italian: String {
        switch self {
        case .uuid: "identificativo (UUID)"
        case .text: "testo"
        case .int: "numero intero"
        case .bool: "vero/falso"
        case .timestamp: "data e ora (ISO 8601, microsecondi)"
        case .bytes: "contenuto binario (Base64)"
        case .strings: "elenco di testi"
        case .uuids: "elenco di identificativi"
        }
    }
}
