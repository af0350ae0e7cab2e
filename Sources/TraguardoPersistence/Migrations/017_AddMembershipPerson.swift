import FluentKit

/// A responsabile's membership may name the person of the ente's organisation the user is: their to-do then follows
/// the assignments (dal/al) on each campaign's reference date, not only the units granted by hand.
struct AddMembershipPerson: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("memberships").field("person_key", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("memberships").deleteField("person_key").update()
    }
}
