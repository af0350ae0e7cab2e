import FluentKit

struct CreateOrgUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrgUnitRecord.schema)
            .id()
            .field("ente_id", .uuid, .required, .references(EnteRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references(OrgUnitRecord.schema, "id", onDelete: .setNull))
            .field("sort_order", .int, .required)
            .field("notes", .string)
            .unique(on: "ente_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrgUnitRecord.schema).delete()
    }
}
