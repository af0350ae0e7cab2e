import FluentKit
import SQLKit

struct CreatePlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanRecord.schema)
            .id()
            .field("ente_id", .uuid, .required, .references(EnteRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("year", .int, .required)
            .field("state", .string, .required)
            .field("data", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "ente_id", "key")
            .create()
        try await database.schema(PlanNodeRecord.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("level", .string, .required)
            .field("parent_key", .string)
            .field("sort_order", .int, .required)
            .field("data", .string, .required)
            .unique(on: "plan_id", "key")
            .create()
        try await database.schema(PlanItemRecord.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(PlanRecord.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("item_key", .string, .required)
            .field("node_key", .string)
            .field("sort_order", .int, .required)
            .field("data", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "plan_items_plan_kind").on(PlanItemRecord.schema).column("plan_id").column("kind").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanItemRecord.schema).delete()
        try await database.schema(PlanNodeRecord.schema).delete()
        try await database.schema(PlanRecord.schema).delete()
    }
}
