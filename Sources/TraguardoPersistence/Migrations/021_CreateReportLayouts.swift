import FluentKit

/// Each ente's layout choices for its documents (card fields, order of units and sections, logo, fixed texts,
/// signatures), as one JSON document per ente.
struct CreateReportLayouts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_layouts")
            .id()
            .field("ente_id", .uuid, .required, .references("enti", "id", onDelete: .cascade))
            .field("data", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "ente_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_layouts").delete()
    }
}
