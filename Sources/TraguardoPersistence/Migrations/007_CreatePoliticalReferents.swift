import FluentKit

struct CreatePoliticalReferents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PoliticalReferentRecord.schema)
            .id()
            .field("ente_id", .uuid, .required, .references(EnteRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("office", .string, .required)
            .field("deleghe", .array(of: .string), .required)
            .field("valid_from", .string)
            .field("valid_to", .string)
            .unique(on: "ente_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PoliticalReferentRecord.schema).delete()
    }
}
