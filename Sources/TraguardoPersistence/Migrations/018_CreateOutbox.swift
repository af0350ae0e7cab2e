import FluentKit

/// Users get an e-mail address, and messages the app sends (reminders before a campaign's deadline) wait in an
/// outbox: sent by SMTP when it is configured, shown in the pages either way.
struct CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("email", .string).update()
        try await database.schema("outbox")
            .id()
            .field("ente_id", .uuid, .required, .references("enti", "id", onDelete: .cascade))
            .field("campaign_key", .string)
            .field("data", .string, .required)
            .field("created_at", .datetime)
            .field("sent_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").delete()
        try await database.schema("users").deleteField("email").update()
    }
}
