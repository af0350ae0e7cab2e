import FluentKit
import Foundation
import SQLKit
import Synchronization
import ZIPFoundation

/// Writes every table into one portable archive (manifest + one JSON Lines file per table), from one consistent
/// snapshot taken while the app keeps running: a read-only transaction, REPEATABLE READ on PostgreSQL; on SQLite
/// in WAL mode a reader's transaction sees one state and does not stop writers.
public enum BackupWriter {
    @discardableResult
    public static func write(from db: any Database, to url: URL) async throws -> BackupManifest {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-backup-\(UUID().uuidString)")
        // Private: the rows hold password hashes and evidence.
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await BackupCatalogue.requireKnownTables(db)
        let manifest = try await db.transaction { tx in
            let sql = try BackupCatalogue.sql(tx)
            if BackupCatalogue.isPostgres(sql) {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            }
            var tables: [BackupManifest.TableEntry] = []
            for table in BackupSchema.tables {
                let file = BackupManifest.file(for: table.name)
                let rows = try await dump(table, on: sql, to: scratch.appendingPathComponent(table.name + ".jsonl"))
                tables.append(.init(name: table.name, file: file, columns: table.columns, rows: rows))
            }
            let migrations = try await sql.select().column("name").from("_fluent_migrations").all()
                .map { try $0.decode(column: "name", as: String.self) }.sorted()
            let last = try await sql.select().column(SQLFunction("MAX", args: SQLIdentifier("at")), as: "last").from("audit_log").first()
            let lastChange = try last.flatMap { try $0.decodeNil(column: "last") ? nil : try $0.decode(column: "last", as: Date.self) }
            return BackupManifest(migrations: migrations, lastChange: lastChange.map(BackupTime.text), tables: tables)
        }
        try zip(manifest, from: scratch, to: url)
        return manifest
    }

    /// Streams a table, ordered by id, into a JSON Lines file: one array of values per row in the schema's order.
    static func dump(_ table: BackupSchema.Table, on sql: any SQLDatabase, to file: URL) async throws -> Int {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw BackupError.database("impossibile scrivere in \(file.path)")
        }
        let out = try FileHandle(forWritingTo: file)
        defer { try? out.close() }
        let sink = LineSink(out: out, columns: table.columns)
        try await sql.select().columns(table.columns.map { SQLIdentifier($0.name) }).from(table.name).orderBy("id").run { row in
            sink.append(row)
        }
        return try sink.finish()
    }

    /// Writes the archive next to its destination and renames it into place, so a failed backup leaves no
    /// truncated file under the expected name.
    static func zip(_ manifest: BackupManifest, from scratch: URL, to url: URL) throws {
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).parziale")
        defer { try? FileManager.default.removeItem(at: partial) }
        let archive: Archive
        do {
            archive = try Archive(url: partial, accessMode: .create)
        } catch {
            throw BackupError.database("impossibile scrivere «\(url.path)»: \(error.localizedDescription)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let manifestData = try encoder.encode(manifest)
        try add(archive, BackupManifest.path, size: manifestData.count) { offset, size in manifestData.subdata(in: offset..<offset + size) }
        for table in manifest.tables {
            let source = scratch.appendingPathComponent(table.name + ".jsonl")
            let handle = try FileHandle(forReadingFrom: source)
            defer { try? handle.close() }
            let size = (try FileManager.default.attributesOfItem(atPath: source.path)[.size] as? NSNumber)?.intValue ?? 0
            try add(archive, table.file, size: size) { offset, length in
                try handle.seek(toOffset: UInt64(offset))
                return try handle.read(upToCount: length) ?? Data()
            }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial.path)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: partial, to: url)
    }

    /// A fixed date on every entry: the archive's bytes depend only on the data.
    private static func add(_ archive: Archive, _ path: String, size: Int, _ read: @escaping (Int, Int) throws -> Data) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(size), modificationDate: Date(timeIntervalSince1970: 1_704_067_200),
            compressionMethod: .deflate
        ) { position, length in try read(Int(position), length) }
    }
}

/// Collects encoded rows and writes them in blocks; the database calls `append` once per row, in order.
private final class LineSink: Sendable {
    private struct State {
        var buffer = Data()
        var rows = 0
        let encoder = BackupCoding.encoder()
        var error: (any Error)?
    }
    private let out: FileHandle
    private let columns: [BackupSchema.Column]
    private let state = Mutex(State())

    init(out: FileHandle, columns: [BackupSchema.Column]) {
        self.out = out
        self.columns = columns
    }

    func append(_ row: any SQLRow) {
        state.withLock { s in
            guard s.error == nil else { return }
            do {
                s.buffer.append(try s.encoder.encode(columns.map { try BackupValue.read(row, $0) }))
                s.buffer.append(0x0A)
                s.rows += 1
                if s.buffer.count > 1 << 20 {
                    try out.write(contentsOf: s.buffer)
                    s.buffer.removeAll(keepingCapacity: true)
                }
            } catch {
                s.error = error
            }
        }
    }

    func finish() throws -> Int {
        try state.withLock { s in
            if let error = s.error { throw error }
            try out.write(contentsOf: s.buffer)
            return s.rows
        }
    }
}

enum BackupCoding {
    /// One row per line: compact, slashes as they are, nothing that depends on the machine.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}
