import Crypto
import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// What `traguardo check` found: every plan it read, and each problem with where it is, in Italian.
public struct IntegrityReport: Sendable {
    public struct Finding: Sendable, Equatable {
        /// "Città di Cassano d'Adda › PIAO-2024-2026", or "database" for the engine's own checks.
        public let place: String
        public let problem: String
    }

    public var checked: [String] = []
    public var findings: [Finding] = []
    public var isHealthy: Bool { findings.isEmpty }
}

/// Reads everything back the way the app will, after a crash, a restore or an upgrade: the engine's own checks
/// (SQLite), every ente's organisation, every plan with its links, campaigns and variations, every adopted
/// methodology, every evidence file against its checksum. Nothing is written.
public enum IntegrityCheck {
    public static func run(on db: any Database) async throws -> IntegrityReport {
        var report = IntegrityReport()
        let sql = try BackupCatalogue.sql(db)
        if !BackupCatalogue.isPostgres(sql) { try await sqliteChecks(sql, into: &report) }
        do {
            try await BackupCatalogue.requireKnownTables(db)
        } catch {
            report.findings.append(.init(place: "database", problem: String(describing: error)))
        }
        for ente in try await EnteRecord.query(on: db).sort(\.$name).all() {
            try await check(ente, on: db, into: &report)
        }
        return report
    }

    static func sqliteChecks(_ sql: any SQLDatabase, into report: inout IntegrityReport) async throws {
        for row in try await sql.raw("PRAGMA integrity_check").all() {
            let text = try row.decode(column: "integrity_check", as: String.self)
            if text != "ok" { report.findings.append(.init(place: "database", problem: "SQLite integrity_check: \(text)")) }
        }
        for row in try await sql.raw("PRAGMA foreign_key_check").all() {
            let table = try row.decode(column: "table", as: String.self), parent = try row.decode(column: "parent", as: String.self)
            report.findings.append(.init(place: "database", problem: "una riga di «\(table)» rimanda a una riga di «\(parent)» che non esiste"))
        }
        report.checked.append("database SQLite: integrity_check e foreign_key_check")
    }

    static func check(_ ente: EnteRecord, on db: any Database, into report: inout IntegrityReport) async throws {
        let enteID = try ente.requireID()
        for record in try await MethodologyStore.history(enteID: enteID, on: db) {
            let place = "\(ente.name) › metodologia \(record.year) v\(record.version)"
            do {
                let errors = try record.methodology.validate().filter { $0.severity == .error }
                for issue in errors { report.findings.append(.init(place: place, problem: "\(issue.path): \(issue.message)")) }
            } catch {
                report.findings.append(.init(place: place, problem: "dati non leggibili (\(error))"))
            }
        }
        for plan in try await PlanRecord.query(on: db).filter(\.$ente.$id == enteID).sort(\.$year).all() {
            let place = "\(ente.name) › \(plan.key)"
            do {
                let bundle = try await PlanStore.bundle(of: plan, on: db)
                for problem in BundleIntegrity.problems(in: bundle) { report.findings.append(.init(place: place, problem: problem)) }
                let problems =
                    try await nodeColumnProblems(planID: try plan.requireID(), on: db)
                    + evidenceProblems(planID: try plan.requireID(), on: db)
                report.findings += problems.map { .init(place: place, problem: $0) }
                report.checked.append(
                    "\(place): \(bundle.nodes.count) nodi, \(bundle.indicators.count) indicatori, \(bundle.campaigns.count) campagne, \(bundle.values.count) valori"
                )
            } catch {
                report.findings.append(.init(place: place, problem: "il piano non si legge per intero: \(error)"))
            }
        }
    }

    /// The columns a node is found by (key, level, parent) against the node's own data, which the pages read.
    static func nodeColumnProblems(planID: UUID, on db: any Database) async throws -> [String] {
        let rows = try await BackupCatalogue.sql(db).select().columns("key", "level", "parent_key", "data").from("plan_nodes")
            .where("plan_id", .equal, SQLBind(planID)).orderBy("sort_order").all()
        var out: [String] = []
        for row in rows {
            let key = try row.decode(column: "key", as: String.self)
            guard let node = try? DocumentCoding.decoder.decode(PlanNode.self, from: Data(try row.decode(column: "data", as: String.self).utf8))
            else {
                out.append("il nodo «\(key)» ha i dati non leggibili")
                continue
            }
            let parent = try row.decode(column: "parent_key", as: String?.self), level = try row.decode(column: "level", as: String.self)
            if node.key != key || node.level.rawValue != level || node.parentKey != parent {
                out.append(
                    "il nodo «\(key)» ha chiave, livello o nodo superiore diversi nelle colonne (superiore «\(parent ?? "nessuno")») e nei dati (superiore «\(node.parentKey ?? "nessuno")»)"
                )
            }
        }
        return out
    }

    /// Each evidence file's bytes against the size and SHA-256 recorded when it was uploaded.
    static func evidenceProblems(planID: UUID, on db: any Database) async throws -> [String] {
        let sql = try BackupCatalogue.sql(db)
        let rows = try await sql.select().column(SQLColumn("meta", table: "e")).column(SQLColumn("bytes", table: "e"))
            .from(SQLAlias(SQLIdentifier("evidence_files"), as: SQLIdentifier("e")))
            .join(
                SQLAlias(SQLIdentifier("campaigns"), as: SQLIdentifier("c")), on: SQLColumn("campaign_id", table: "e"), .equal,
                SQLColumn("id", table: "c")
            )
            .where(SQLColumn("plan_id", table: "c"), .equal, SQLBind(planID)).all()
        var out: [String] = []
        for row in rows {
            guard let meta = try? DocumentCoding.decoder.decode(Evidence.self, from: Data(try row.decode(column: "meta", as: String.self).utf8))
            else {
                out.append("un'evidenza ha i dati descrittivi non leggibili")
                continue
            }
            let bytes = try row.decode(column: "bytes", as: Data.self)
            let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            if bytes.count != meta.size || digest != meta.sha256 {
                out.append(
                    "l'evidenza «\(meta.filename)» (campagna \(meta.campaignKey), obiettivo \(meta.nodeKey)) non corrisponde all'impronta registrata al caricamento"
                )
            }
        }
        return out
    }
}
