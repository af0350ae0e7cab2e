import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOPosix
import TraguardoPersistence

/// A migrated SQLite file database in WAL mode in a temporary folder, as `traguardo serve` uses one: what the
/// database benchmarks run against.
struct BenchDatabase {
    let databases: Databases
    let db: any Database
    let folder: URL

    /// SQLite in a temporary folder, or the PostgreSQL database of `postgresURL` (which should be empty).
    static func open(postgresURL: String? = nil) async throws -> BenchDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        if let postgresURL {
            databases.use(try DatabaseSetup.factory(for: .postgres(url: postgresURL)), as: .sqlite)
        } else {
            databases.use(.sqlite(.file(folder.appendingPathComponent("bench.sqlite").path)), as: .sqlite)
        }
        var logger = Logger(label: "traguardo-bench")
        logger.logLevel = .warning
        let migrations = Migrations()
        migrations.add(DatabaseSetup.migrations)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        let db = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
        try await DatabaseSetup.tuneSQLite(db)
        return BenchDatabase(databases: databases, db: db, folder: folder)
    }

    func close() async {
        await databases.shutdownAsync()
        try? FileManager.default.removeItem(at: folder)
    }
}
