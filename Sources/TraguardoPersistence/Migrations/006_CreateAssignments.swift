import FluentKit

struct CreateAssignments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AssignmentRecord.schema)
            .id()
            .field("ente_id", .uuid, .required, .references(EnteRecord.schema, "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(PersonRecord.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(OrgUnitRecord.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("valid_from", .string)
            .field("valid_to", .string)
            .field("act", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssignmentRecord.schema).delete()
    }
}
