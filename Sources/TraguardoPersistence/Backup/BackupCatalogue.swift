import FluentKit
import SQLKit

/// The live database's tables and columns, read from the engine's own catalogue, to hold them against
/// `BackupSchema` before anything is written.
public enum BackupCatalogue {
    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw BackupError.database("il database non parla SQL") }
        return sql
    }

    static func isPostgres(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "postgresql" }

    /// Every table of the database (Fluent's own included).
    public static func tables(_ db: any Database) async throws -> [String] {
        let sql = try sql(db)
        if isPostgres(sql) {
            return try await sql.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")
                .all().map { try $0.decode(column: "name", as: String.self) }.sorted()
        }
        return try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .all().map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    /// A table's column names as the database has them.
    public static func columns(of table: String, _ db: any Database) async throws -> [String] {
        let sql = try sql(db)
        if isPostgres(sql) {
            return try await sql.raw(
                "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table)"
            ).all().map { try $0.decode(column: "name", as: String.self) }.sorted()
        }
        return try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))")
            .all().map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    /// Stops a backup of a database with a table the schema does not list: leaving it out would lose data silently.
    static func requireKnownTables(_ db: any Database) async throws {
        let known = Set(BackupSchema.tables.map(\.name)).union(BackupSchema.excludedTables)
        if let unknown = try await tables(db).first(where: { !known.contains($0) }) { throw BackupError.tableNotInCatalogue(unknown) }
    }
}
