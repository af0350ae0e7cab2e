import FluentKit

/// The figures of organisational performance entered in a campaign: one row per campaign and indicator (or
/// dimension) key, with a `version` for optimistic locking like the objectives' entries.
struct CreateOrganisationalValues: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisational_values")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("sort_order", .int, .required)
            .field("data", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .field("updated_by", .string)
            .unique(on: "campaign_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisational_values").delete()
    }
}
