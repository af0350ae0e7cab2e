import FluentKit

/// The outbox learns delivery: how many attempts, the last error, when to try again, a permanent failure, and a
/// lease so that one instance of several sends each message. `campaign_reminders` records each automatic reminder
/// round of a campaign (one per due day), so that it is queued once whatever the number of instances.
struct AddOutboxDelivery: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for (name, type) in [
            ("attempts", DatabaseSchema.DataType.int), ("last_error", .string), ("failed_at", .datetime), ("next_attempt_at", .datetime),
            ("claimed_by", .string), ("claimed_until", .datetime),
        ] {
            try await database.schema("outbox").field(.string(name), type).update()
        }
        try await database.schema("campaign_reminders")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("due_day", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "campaign_id", "due_day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("campaign_reminders").delete()
        for name in ["claimed_until", "claimed_by", "next_attempt_at", "failed_at", "last_error", "attempts"] {
            try await database.schema("outbox").deleteField(.string(name)).update()
        }
    }
}
