import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// The database cannot take writes (disk full, file or server read-only, I/O failure): not a bug of the request,
/// a state of the machine. The pages say so in Italian and that nothing acknowledged before is lost, instead of
/// a generic internal error.
public enum StorageFault: Error, Equatable, CustomStringConvertible {
    case full
    case readOnly
    case unavailable

    /// The fault behind an error of either driver, if it is one.
    public init?(_ error: any Error) {
        if let sqlite = error as? SQLiteError {
            switch sqlite.reason {
            case .full: self = .full
            case .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback, .readonlyBackingMoved, .readonlyDirectory,
                .permission:
                self = .readOnly
            case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync, .ioErrorFailedTruncate, .cantOpen,
                .ioErrorCorruptedFilesystem:
                self = .unavailable
            default: return nil
            }
            return
        }
        if let postgres = error as? PSQLError, let state = postgres.serverInfo?[.sqlState] {
            switch state {
            case "53100": self = .full  // disk_full
            case "25006": self = .readOnly  // read_only_sql_transaction (a standby, or default_transaction_read_only)
            case "53000", "53200", "53300", "58030": self = .unavailable  // resources, memory, connections, I/O
            default: return nil
            }
            return
        }
        return nil
    }

    public var description: String {
        let cause =
            switch self {
            case .full: "il disco del database è pieno"
            case .readOnly: "il database è in sola lettura"
            case .unavailable: "il database non riesce a scrivere"
            }
        return
            "Non è stato possibile salvare: \(cause). Questa operazione non è stata registrata; quanto salvato in precedenza è al sicuro. Riprova più tardi e avvisa l'amministratore del sistema."
    }
}
