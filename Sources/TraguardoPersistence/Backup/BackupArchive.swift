import Foundation
import ZIPFoundation

/// A backup archive opened for reading: the manifest checked against this version's schema, and each table's rows
/// decoded and checked line by line, in batches, so a national-size archive never sits in memory at once.
/// Unchecked Sendable: the ZIP reader is a class, but an archive is read by one task at a time (the restore's
/// transaction), never concurrently.
public struct BackupArchive: @unchecked Sendable {
    public let manifest: BackupManifest
    private let archive: Archive
    private let url: URL

    public init(url: URL) throws {
        self.url = url
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw BackupError.notAnArchive(url.path)
        }
        guard let entry = archive[BackupManifest.path] else { throw BackupError.missingManifest }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw BackupError.notAnArchive(url.path)
        }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data) else {
            throw BackupError.unsupportedFormat("manifest.json non leggibile")
        }
        guard manifest.format == BackupManifest.formatName, manifest.formatVersion == BackupManifest.currentVersion else {
            throw BackupError.unsupportedFormat("«\(manifest.format)» versione \(manifest.formatVersion)")
        }
        for table in manifest.tables {
            guard let schema = BackupSchema.tables.first(where: { $0.name == table.name }) else { throw BackupError.unknownTable(table.name) }
            for column in table.columns {
                guard let known = schema.columns.first(where: { $0.name == column.name }) else {
                    throw BackupError.unknownColumn(table: table.name, column: column.name)
                }
                guard known.kind == column.kind else {
                    throw BackupError.wrongKind(table: table.name, column: column.name, expected: known.kind.italian, found: column.kind.italian)
                }
            }
        }
        self.manifest = manifest
    }

    /// The rows of one table in batches, each value checked against its column's kind; the row count is checked
    /// against the manifest at the end.
    func rows(
        of table: BackupManifest.TableEntry, batchSize: Int, postgres: Bool = false, _ body: ([[BackupValue]]) async throws -> Void
    ) async throws {
        guard let entry = archive[table.file] else { throw BackupError.missingFile(table.file) }
        // A private folder: the rows hold password hashes and evidence.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = folder.appendingPathComponent("tabella.jsonl")
        do {
            _ = try archive.extract(entry, to: scratch)
        } catch {
            throw BackupError.malformedRow(file: table.file, line: 0, detail: "file danneggiato nell'archivio")
        }
        let handle = try FileHandle(forReadingFrom: scratch)
        defer { try? handle.close() }
        let decoder = JSONDecoder()
        var pending = Data(), batch: [[BackupValue]] = [], line = 0, batchBytes = 0
        func take(_ bytes: Data) throws {
            line += 1
            let values: [BackupValue]
            do {
                values = try decoder.decode([BackupValue].self, from: bytes)
            } catch {
                throw BackupError.malformedRow(file: table.file, line: line, detail: "JSON non valido")
            }
            guard values.count == table.columns.count else {
                throw BackupError.malformedRow(
                    file: table.file, line: line, detail: "\(values.count) valori invece di \(table.columns.count)")
            }
            for (value, column) in zip(values, table.columns) where value.sql(column.kind, postgres: postgres) == nil {
                throw BackupError.badValue(file: table.file, line: line, column: column.name, kind: column.kind.italian)
            }
            batch.append(values)
            batchBytes += bytes.count
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try take(pending[start..<newline])
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
            // By rows, and by bytes: a batch of evidence files (up to 10 MB each) must not fill the memory.
            if batch.count >= batchSize || batchBytes > 32 << 20 {
                try await body(batch)
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
        }
        if !pending.isEmpty { try take(pending) }
        if !batch.isEmpty { try await body(batch) }
        guard line == table.rows else { throw BackupError.rowCount(table: table.name, declared: table.rows, found: line) }
    }

    /// Reads every row of every table without writing anything: `traguardo restore --verifica`.
    public func verify() async throws {
        for table in manifest.tables { try await rows(of: table, batchSize: 1000) { _ in } }
    }
}
