import FluentKit

struct CreateMemberships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MembershipRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("ente_id", .uuid, .required, .references(EnteRecord.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("unit_ids", .array(of: .uuid), .required)
            .unique(on: "user_id", "ente_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MembershipRecord.schema).delete()
    }
}
