import FluentKit

/// A second counter beside `revision`: it moves with changes of the ente's structure (organisation, plans, nodes,
/// indicators, methodology, variations) but not with monitoring entries, so an owner's save does not make every
/// instance decode the whole plan again, only the campaign's rows.
struct AddStructureRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("enti").field("structure_revision", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("enti").deleteField("structure_revision").update()
    }
}
