import FluentKit

struct CreateMethodologies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MethodologyRecord.schema)
            .id()
            .field("ente_id", .uuid, .required, .references(EnteRecord.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("version", .int, .required)
            .field("methodology_id", .string, .required)
            .field("data", .string, .required)
            .field("adopted_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "ente_id", "year", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MethodologyRecord.schema).delete()
    }
}
