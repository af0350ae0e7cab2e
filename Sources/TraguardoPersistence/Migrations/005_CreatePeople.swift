import FluentKit

struct CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonRecord.schema)
            .id()
            .field("ente_id", .uuid, .required, .references(EnteRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("family_name", .string, .required)
            .field("given_name", .string, .required)
            .field("staff_grade", .string)
            .field("position", .string)
            .field("home_unit_id", .uuid, .references(OrgUnitRecord.schema, "id", onDelete: .setNull))
            .field("email", .string)
            .unique(on: "ente_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonRecord.schema).delete()
    }
}
