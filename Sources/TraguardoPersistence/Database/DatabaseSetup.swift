import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import SQLKit

public enum DatabaseSetup {
    /// The Fluent configuration for a location. One code path for both engines: only the driver differs.
    public static func factory(for location: DatabaseLocation) throws -> DatabaseConfigurationFactory {
        switch location {
        case .sqliteMemory:
            return .sqlite(.memory)
        case .sqliteFile(let path):
            return .sqlite(.file(path))
        case .postgres(let url):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = ["public"]
            return .postgres(
                configuration: config, maxConnectionsPerEventLoop: postgresConnectionsPerEventLoop, connectionPoolTimeout: .seconds(5))
        }
    }

    /// Connections each event loop may open to PostgreSQL (SQLite's driver keeps one per event loop).
    public static let postgresConnectionsPerEventLoop = 4

    /// Every migration in order. Never edit an applied one: add a new one (Fluent keys them by type name).
    public static let migrations: [any Migration] = [
        CreateEnti(),
        CreateUsers(),
        CreateMemberships(),
        CreateOrgUnits(),
        CreatePeople(),
        CreateAssignments(),
        CreatePoliticalReferents(),
        CreateAuditLog(),
        CreatePlans(),
        CreateMethodologies(),
        AddEnteRevision(),
        CreateMonitoring(),
        CreateVariations(),
        CreateAPITokens(),
        CreateEvidence(),
        AddStructureRevision(),
        AddMembershipPerson(),
        CreateOutbox(),
        AddOutboxDelivery(),
        CreateOrganisationalValues(),
        CreateReportLayouts(),
    ]

    /// SQLite only: WAL lets readers proceed while a writer commits, and a busy timeout makes a second writer
    /// wait instead of failing. These are connection settings, not data access, hence engine-specific.
    public static func tuneSQLite(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA busy_timeout=5000").run()
    }
}
