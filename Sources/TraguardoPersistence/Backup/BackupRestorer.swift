import FluentKit
import Foundation
import SQLKit

/// Puts an archive back into a migrated database in one transaction: everything or nothing. The target must be
/// empty unless `replace` is set, in which case its rows (and login sessions) are deleted in the same transaction.
public enum BackupRestorer {
    @discardableResult
    public static func restore(_ archive: BackupArchive, into db: any Database, replace: Bool) async throws -> BackupManifest {
        let manifest = archive.manifest
        let sql = try BackupCatalogue.sql(db)
        let postgres = BackupCatalogue.isPostgres(sql)
        let known = Set(try await sql.select().column("name").from("_fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) })
        let newer = manifest.migrations.filter { !known.contains($0) }
        guard newer.isEmpty else { throw BackupError.newerMigrations(newer) }
        do {
            try await db.writeTransaction { tx in
                let sql = try BackupCatalogue.sql(tx)
                try await clear(sql, replace: replace)
                for table in manifest.tables {
                    try await load(table, from: archive, into: sql, postgres: postgres)
                }
            }
        } catch let error as BackupError {
            throw error
        } catch {
            throw BackupError.database(String(describing: error))
        }
        return manifest
    }

    static func clear(_ sql: any SQLDatabase, replace: Bool) async throws {
        var filled: [String] = []
        for table in BackupSchema.tables {
            let count =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table.name).first()?
                .decode(column: "n", as: Int.self) ?? 0
            if count > 0 { filled.append("\(table.name): \(count) righe") }
        }
        guard !filled.isEmpty else { return }
        guard replace else { throw BackupError.notEmpty(filled) }
        for table in BackupSchema.tables.reversed() {
            if !table.selfReferences.isEmpty {
                try await sql.update(table.name).set(SQLIdentifier(table.selfReferences[0]), to: SQLLiteral.null).run()
                for column in table.selfReferences.dropFirst() {
                    try await sql.update(table.name).set(SQLIdentifier(column), to: SQLLiteral.null).run()
                }
            }
            try await sql.delete(from: table.name).run()
        }
        try await sql.delete(from: "_fluent_sessions").run()
    }

    /// Multi-row INSERTs in batches that stay under both engines' limit of bound parameters; self-references
    /// are set afterwards.
    static func load(_ table: BackupManifest.TableEntry, from archive: BackupArchive, into sql: any SQLDatabase, postgres: Bool) async throws {
        guard let schema = BackupSchema.tables.first(where: { $0.name == table.name }) else { throw BackupError.unknownTable(table.name) }
        let deferred = Set(schema.selfReferences)
        var links: [(id: any SQLExpression, column: String, value: any SQLExpression)] = []
        let batch = max(1, 30_000 / max(1, table.columns.count) / 4)
        try await archive.rows(of: table, batchSize: batch, postgres: postgres) { rows in
            let insert = sql.insert(into: table.name).columns(table.columns.map(\.name))
            for row in rows {
                var values: [any SQLExpression] = []
                for (value, column) in zip(row, table.columns) {
                    let expression = value.sql(column.kind, postgres: postgres) ?? SQLLiteral.null
                    if deferred.contains(column.name), value != .null, let idIndex = table.columns.firstIndex(where: { $0.name == "id" }) {
                        links.append((row[idIndex].sql(.uuid, postgres: postgres) ?? SQLLiteral.null, column.name, expression))
                        values.append(SQLLiteral.null)
                    } else {
                        values.append(expression)
                    }
                }
                insert.values(values)
            }
            try await insert.run()
        }
        for link in links {
            try await sql.update(table.name).set(SQLIdentifier(link.column), to: link.value).where(SQLIdentifier("id"), .equal, link.id).run()
        }
    }
}
