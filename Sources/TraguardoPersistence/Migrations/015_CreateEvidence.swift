import FluentKit

/// Evidence files of the entries: kept by the app (in the database, so a backup holds them and several instances
/// share them), one row per file.
struct CreateEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("evidence_files")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("node_key", .string, .required)
            .field("meta", .string, .required)
            .field("bytes", .data, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evidence_files").delete()
    }
}
