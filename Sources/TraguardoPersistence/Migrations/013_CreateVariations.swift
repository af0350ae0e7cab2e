import FluentKit

/// Variations of an approved plan: one row per request, numbered within the plan, with its decision.
struct CreateVariations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_variations")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("node_key", .string, .required)
            .field("state", .string, .required)
            .field("data", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "plan_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_variations").delete()
    }
}
