import FluentKit

struct CreateEnti: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EnteRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("codice_istat", .string)
            .field("codice_ipa", .string)
            .field("employees", .int)
            .field("population", .int)
            .field("member_slugs", .array(of: .string), .required)
            .field("member_names", .array(of: .string), .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EnteRecord.schema).delete()
    }
}
