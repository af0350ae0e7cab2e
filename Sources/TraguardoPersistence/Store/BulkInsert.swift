import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// Multi-row INSERTs of plain bound values, for imports. Fluent's `[Model].create` reflects every property of
/// every record (Mirror), which cost more than the database itself when a plan brings a thousand rows.
enum BulkInsert {
    /// Values of one row, in the order of `columns`; nil is written as NULL.
    typealias Row = [(any Encodable & Sendable)?]

    static func run(_ db: any Database, into table: String, columns: [String], rows: [Row]) async throws {
        guard !rows.isEmpty, let sql = db as? any SQLDatabase else { return }
        // Well under SQLite's 32,766 bound parameters (and PostgreSQL's 65,535) per statement.
        let perStatement = max(1, 16_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + perStatement, rows.count)] {
                insert.values(row.map { value -> any SQLExpression in value.map { SQLBind($0) } ?? SQLLiteral.null })
            }
            try await insert.run()
        }
    }

    /// Audit entries, as `AuditLog.record` writes them one by one.
    static func audit(_ entries: [AuditEntry], on db: any Database) async throws {
        try await run(
            db, into: AuditRecord.schema,
            columns: ["id", "at", "actor_id", "actor_name", "ente_id", "entity", "entity_id", "action", "before", "after"],
            rows: entries.map { e in
                [UUID(), e.at, e.actorID, e.actorName, e.enteID, e.entity, e.entityID, e.action.rawValue, e.before, e.after]
            })
    }
}
