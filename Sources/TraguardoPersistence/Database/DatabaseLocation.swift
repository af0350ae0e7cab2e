import Foundation

/// Where the data lives, from `DATABASE_URL`: `sqlite:///abs/path.sqlite`, `sqlite://./rel.sqlite`,
/// `sqlite::memory:` (tests) or `postgres://user:pass@host:port/db`.
public enum DatabaseLocation: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public static let defaultURL = "sqlite://./traguardo.sqlite"

    public init(url: String) throws(DatabaseLocationError) {
        let text = url.trimmingCharacters(in: .whitespaces)
        if text == "sqlite::memory:" || text == "sqlite://:memory:" {
            self = .sqliteMemory
        } else if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw .missingPath(url) }
            self = .sqliteFile(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
                throw .malformedPostgres(url)
            }
            guard components.path.count > 1 else { throw .missingDatabaseName(url) }
            self = .postgres(url: text)
        } else {
            throw .unsupportedScheme(url)
        }
    }

    public var engineName: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// The most connections one app instance opens, for the metrics and the sizing of PostgreSQL's max_connections.
    public func poolSize(eventLoops: Int) -> Int {
        switch self {
        case .sqliteFile, .sqliteMemory: eventLoops
        case .postgres: eventLoops * DatabaseSetup.postgresConnectionsPerEventLoop
        }
    }

    /// The URL without the password, safe to print.
    public var redacted: String {
        switch self {
        case .sqliteFile(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var c = URLComponents(string: url) else { return "postgres://…" }
            if c.password != nil { c.password = "***" }
            return c.string ?? "postgres://…"
        }
    }
}

public enum DatabaseLocationError: Error, Equatable, CustomStringConvertible {
    case unsupportedScheme(String)
    case missingPath(String)
    case malformedPostgres(String)
    case missingDatabaseName(String)

    public var description: String {
        switch self {
        case .unsupportedScheme(let url):
            "DATABASE_URL non valido (\"\(url)\"): usa sqlite:///percorso/file.sqlite oppure postgres://utente:password@host:5432/database."
        case .missingPath(let url):
            "DATABASE_URL non valido (\"\(url)\"): manca il percorso del file SQLite, ad esempio sqlite://./traguardo.sqlite."
        case .malformedPostgres(let url):
            "DATABASE_URL non valido (\"\(url)\"): manca l'host PostgreSQL, ad esempio postgres://utente:password@127.0.0.1:5432/traguardo."
        case .missingDatabaseName(let url):
            "DATABASE_URL non valido (\"\(url)\"): manca il nome del database dopo l'host, ad esempio …:5432/traguardo."
        }
    }
}
