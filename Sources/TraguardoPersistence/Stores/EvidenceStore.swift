import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// Evidence files of an objective in a campaign. Adding and removing one follows the entry rules (the owner, while
/// the campaign takes entries); reading follows the pages' access (whoever may see the objective).
public enum EvidenceStore {
    public static func add(
        planID: UUID, campaignKey: String, node: PlanNode, filename: String, bytes: [UInt8], sha256: String, scope: EntryRules.Scope,
        on db: any Database, actor: Actor
    ) async throws -> Evidence {
        let name = EvidenceRules.safeName(filename)
        let kind = try EvidenceRules.check(filename: name, bytes: bytes)
        return try await db.writeTransaction { tx in
            let (campaignID, campaign) = try await checkedCampaign(planID: planID, key: campaignKey, node: node, scope: scope, on: tx)
            let evidence = Evidence(
                id: UUID(), campaignKey: campaign.key, nodeKey: node.key, filename: name, contentType: kind.contentType, size: bytes.count,
                sha256: sha256, uploadedBy: actor.name, uploadedAt: Date())
            try await PlanStore.sqlDatabase(tx).insert(into: "evidence_files").columns("id", "campaign_id", "node_key", "meta", "bytes", "created_at")
                .values(
                    SQLBind(evidence.id), SQLBind(campaignID), SQLBind(node.key), SQLBind(try json(evidence)), SQLBind(Data(bytes)), SQLBind(Date())
                ).run()
            try await AuditLog.record(
                on: tx, actor: actor, enteID: try await PlanEditor.load(planID, on: tx).$ente.id, entity: .entry,
                entityID: "\(campaign.key)/\(node.key)", action: .create, after: evidence)
            return evidence
        }
    }

    public static func list(planID: UUID, campaignKey: String, nodeKey: String?, on db: any Database) async throws -> [Evidence] {
        let campaign = try await MonitoringStore.campaignRecord(planID: planID, key: campaignKey, on: db)
        let query = try PlanStore.sqlDatabase(db).select().column("meta").from("evidence_files")
            .where("campaign_id", .equal, SQLBind(try campaign.requireID()))
        if let nodeKey { query.where("node_key", .equal, SQLBind(nodeKey)) }
        return try await query.orderBy("created_at").all().map { row in
            try DocumentCoding.decoder.decode(Evidence.self, from: Data(try row.decode(column: "meta", as: String.self).utf8))
        }
    }

    /// One file with its bytes, when it belongs to this plan's campaign.
    public static func file(planID: UUID, campaignKey: String, id: UUID, on db: any Database) async throws -> (Evidence, Data)? {
        let campaign = try await MonitoringStore.campaignRecord(planID: planID, key: campaignKey, on: db)
        guard
            let row = try await PlanStore.sqlDatabase(db).select().columns("meta", "bytes").from("evidence_files")
                .where("id", .equal, SQLBind(id)).where("campaign_id", .equal, SQLBind(try campaign.requireID())).first()
        else { return nil }
        let meta = try DocumentCoding.decoder.decode(Evidence.self, from: Data(try row.decode(column: "meta", as: String.self).utf8))
        return (meta, try row.decode(column: "bytes", as: Data.self))
    }

    public static func delete(
        planID: UUID, campaignKey: String, node: PlanNode, id: UUID, scope: EntryRules.Scope, on db: any Database, actor: Actor
    ) async throws {
        try await db.writeTransaction { tx in
            let (campaignID, _) = try await checkedCampaign(planID: planID, key: campaignKey, node: node, scope: scope, on: tx)
            let sql = try PlanStore.sqlDatabase(tx)
            guard
                let row = try await sql.select().column("meta").from("evidence_files").where("id", .equal, SQLBind(id))
                    .where("campaign_id", .equal, SQLBind(campaignID)).where("node_key", .equal, SQLBind(node.key)).first()
            else { throw EvidenceError.unknown }
            let meta = try DocumentCoding.decoder.decode(Evidence.self, from: Data(try row.decode(column: "meta", as: String.self).utf8))
            try await sql.delete(from: "evidence_files").where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(
                on: tx, actor: actor, enteID: try await PlanEditor.load(planID, on: tx).$ente.id, entity: .entry,
                entityID: "\(campaignKey)/\(node.key)", action: .delete, before: meta)
        }
    }

    /// The campaign, after the entry rules allow this user to change this objective's evidence now.
    private static func checkedCampaign(
        planID: UUID, key: String, node: PlanNode, scope: EntryRules.Scope, on tx: any Database
    ) async throws -> (UUID, Campaign) {
        let record = try await MonitoringStore.campaignRecord(planID: planID, key: key, on: tx)
        let campaignID = try record.requireID()
        let campaign = try record.value
        let submissions = try await SubmissionRecord.query(on: tx).filter(\.$campaign.$id == campaignID).all().map { try $0.value }
        let validation = try await ValidationRecord.query(on: tx).filter(\.$campaign.$id == campaignID).filter(\.$nodeKey == node.key).first()
        try EntryRules.checkEntry(node: node, campaign: campaign, scope: scope, submissions: submissions, validation: try validation?.value)
        return (campaignID, campaign)
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try DocumentCoding.encoder.encode(value), as: UTF8.self)
    }
}
