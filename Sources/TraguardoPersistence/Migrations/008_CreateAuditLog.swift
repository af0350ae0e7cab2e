import FluentKit
import SQLKit

struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditRecord.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("ente_id", .uuid)
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("action", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        // The audit page filters by ente and orders by time; SQLKit's index builder is portable.
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "audit_log_ente_at").on(AuditRecord.schema).column("ente_id").column("at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditRecord.schema).delete()
    }
}
