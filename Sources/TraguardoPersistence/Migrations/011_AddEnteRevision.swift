import FluentKit
import SQLKit

/// A counter bumped by every audited change of an ente's data, in the change's own transaction. Work derived
/// from a plan (the decoded plan, its score reports) is kept under this number and reused until it moves, by
/// every app instance that shares the database.
struct AddEnteRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EnteRecord.schema)
            .field("revision", .int, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EnteRecord.schema).deleteField("revision").update()
    }
}
