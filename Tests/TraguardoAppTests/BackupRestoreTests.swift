import Crypto
import Fluent
import Foundation
import SQLKit
import Testing
import TraguardoCore
import Vapor
import ZIPFoundation

@testable import TraguardoPersistence
@testable import TraguardoWeb

/// `traguardo backup` / `restore` / `check` on the engine under test (SQLite, and PostgreSQL in scripts/test), with a
/// second app on SQLite as the other engine of the round trip.
@Suite("Backup, restore and integrity check", .serialized)
struct BackupRestoreTests {
    /// The demo with an evidence file added, so every kind of column (bytes included) has rows.
    static func installDemo(on app: Application) async throws {
        let bundles = try DemoInstaller.bundledFiles().map { try BundleImporter.decode(try Data(contentsOf: $0)) }
        _ = try await DemoInstaller(users: app.userStore).install(on: app.db, bundles: bundles)
        let sql = try #require(app.db as? any SQLDatabase)
        let campaign = try #require(try await sql.select().column("id").from("campaigns").orderBy("key").first()).decode(column: "id", as: UUID.self)
        let bytes = Data("%PDF-1.4 relazione di prova\n".utf8)
        let evidence = Evidence(
            id: UUID(), campaignKey: "M", nodeKey: "OO-01", filename: "relazione.pdf", contentType: "application/pdf", size: bytes.count,
            sha256: SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined(), uploadedBy: "Anna Rossi", uploadedAt: Date())
        try await sql.insert(into: "evidence_files").columns("id", "campaign_id", "node_key", "meta", "bytes", "created_at")
            .values(
                SQLBind(evidence.id), SQLBind(campaign), SQLBind("OO-01"),
                SQLBind(String(decoding: try DocumentCoding.encoder.encode(evidence), as: UTF8.self)),
                SQLBind(bytes), SQLBind(Date())
            ).run()
    }

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-test-\(UUID().uuidString)-\(name)")
    }

    /// A second app on an in-memory SQLite database: the other engine of a round trip.
    static func withSQLiteApp<T>(_ body: (Application) async throws -> T) async throws -> T {
        let onSQLite: (inout Settings) -> Void = { $0.database = .sqliteMemory }
        return try await withTestApp(adjusting: onSQLite, body)
    }

    @Test func theSchemaListsEveryTableAndColumnOfTheLiveDatabase() async throws {
        try await withTestApp { app in
            let live = Set(try await BackupCatalogue.tables(app.db)).subtracting(BackupSchema.excludedTables)
            #expect(live == Set(BackupSchema.tables.map(\.name)))
            for table in BackupSchema.tables {
                #expect(try await BackupCatalogue.columns(of: table.name, app.db) == table.columns.map(\.name).sorted(), "\(table.name)")
            }
        }
    }

    @Test func aRoundTripThroughTheOtherEngineGivesTheSameArchive() async throws {
        let first = Self.temporaryFile("1.zip"), second = Self.temporaryFile("2.zip"), third = Self.temporaryFile("3.zip")
        defer { for url in [first, second, third] { try? FileManager.default.removeItem(at: url) } }
        try await withTestApp { app in
            try await Self.installDemo(on: app)
            let manifest = try await BackupWriter.write(from: app.db, to: first)
            #expect(manifest.tables.first { $0.name == "evidence_files" }?.rows == 1)
            #expect(manifest.tables.first { $0.name == "audit_log" }!.rows > 0)
            #expect(manifest.totalRows > 2000)
        }
        try await Self.withSQLiteApp { other in
            try await BackupRestorer.restore(try BackupArchive(url: first), into: other.db, replace: false)
            try await BackupWriter.write(from: other.db, to: second)
            let report = try await IntegrityCheck.run(on: other.db)
            #expect(report.isHealthy, "\(report.findings)")
            #expect(report.checked.count == 5)
            // The restored data is usable: a demo user logs in with the password of the archive.
            var client = Client(app: other)
            #expect(try await client.login("nucleo", password: DemoInstaller.password).status == .seeOther)
        }
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        // Back into the engine under test, over what is there (--sostituisci), and out again.
        try await withTestApp { app in
            try await Self.installDemo(on: app)
            try await BackupRestorer.restore(try BackupArchive(url: second), into: app.db, replace: true)
            try await BackupWriter.write(from: app.db, to: third)
        }
        #expect(try Data(contentsOf: first) == Data(contentsOf: third))
    }

    @Test func aRestoreNeverMixesWithDataAlreadyThere() async throws {
        let archive = Self.temporaryFile("a.zip")
        defer { try? FileManager.default.removeItem(at: archive) }
        try await withTestApp { (app: Application) async throws in
            try await Self.installDemo(on: app)
            try await BackupWriter.write(from: app.db, to: archive)
            let before = try await BackupCatalogue.sql(app.db).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
                .first()!.decode(column: "n", as: Int.self)
            await #expect {
                try await BackupRestorer.restore(try BackupArchive(url: archive), into: app.db, replace: false)
            } throws: { error in
                guard case BackupError.notEmpty(let tables) = error else { return false }
                return tables.contains { $0.hasPrefix("enti: 4 righe") } && "\(error)".contains("--sostituisci")
            }
            let after = try await BackupCatalogue.sql(app.db).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
                .first()!.decode(column: "n", as: Int.self)
            #expect(before == after)
        }
    }

    /// An archive damaged in its last table: the restore names file, line and column, and leaves the database empty
    /// although every earlier table had already been inserted.
    @Test func aDamagedArchiveIsRefusedWithItsPlaceAndNothingIsWritten() async throws {
        let good = Self.temporaryFile("good.zip"), bad = Self.temporaryFile("bad.zip")
        defer { for url in [good, bad] { try? FileManager.default.removeItem(at: url) } }
        try await withTestApp { app in
            try await Self.installDemo(on: app)
            try await BackupWriter.write(from: app.db, to: good)
        }
        let source = try Archive(url: good, accessMode: .read)
        let target = try Archive(url: bad, accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if entry.path == "tabelle/audit_log.jsonl" {
                var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines[2] = lines[2].replacingOccurrences(of: #"^\["[0-9A-F-]+","#, with: #"["non-un-uuid","#, options: .regularExpression)
                data = Data(lines.joined(separator: "\n").utf8)
            }
            try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let damaged = try BackupArchive(url: bad)
        await #expect(throws: BackupError.badValue(file: "tabelle/audit_log.jsonl", line: 3, column: "id", kind: "identificativo (UUID)")) {
            try await damaged.verify()
        }
        try await withTestApp { (app: Application) async throws in
            await #expect(throws: BackupError.badValue(file: "tabelle/audit_log.jsonl", line: 3, column: "id", kind: "identificativo (UUID)")) {
                try await BackupRestorer.restore(damaged, into: app.db, replace: false)
            }
            #expect(try await DemoInstaller.isEmpty(app.db))
            #expect(try await EnteRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func checkSaysWhatIsWrongAndWhere() async throws {
        try await withTestApp { app in
            try await Self.installDemo(on: app)
            #expect(try await IntegrityCheck.run(on: app.db).isHealthy)
            let sql = try #require(app.db as? any SQLDatabase)
            // A node whose parent vanished (what a half-written import would leave), a column that no longer agrees
            // with the node's data, and an altered evidence file.
            let cassano = try #require(try await PlanRecord.query(on: app.db).filter(\.$key == "PIAO-2024-2026").first()).requireID()
            let row = try #require(
                try await sql.select().columns("id", "data").from("plan_nodes").where("plan_id", .equal, SQLBind(cassano))
                    .where("key", .equal, SQLBind("OO-01")).first())
            let data = try row.decode(column: "data", as: String.self)
            let broken = data.replacingOccurrences(of: #""parentKey":"[^"]+""#, with: #""parentKey":"NON-ESISTE""#, options: .regularExpression)
            #expect(broken != data)
            try await sql.update("plan_nodes").set("data", to: SQLBind(broken)).where(
                "id", .equal, SQLBind(try row.decode(column: "id", as: UUID.self))
            )
            .run()
            try await sql.update("plan_nodes").set("level", to: SQLBind("obiettivo-strategico")).where("plan_id", .equal, SQLBind(cassano))
                .where("key", .equal, SQLBind("OO-02")).run()
            try await sql.update("evidence_files").set("bytes", to: SQLBind(Data("alterato".utf8))).run()
            let report = try await IntegrityCheck.run(on: app.db)
            let lines = report.findings.map { "\($0.place): \($0.problem)" }
            #expect(lines.contains { $0.contains("› PIAO-2024-2026") && $0.contains("parentKey: nodo \"NON-ESISTE\" inesistente") }, "\(lines)")
            #expect(
                lines.contains { $0.contains("› PIAO-2024-2026") && $0.contains("il nodo «OO-02» ha chiave, livello o nodo superiore diversi") },
                "\(lines)")
            #expect(lines.contains { $0.contains("l'evidenza «relazione.pdf»") && $0.contains("non corrisponde all'impronta") }, "\(lines)")
        }
    }
}
