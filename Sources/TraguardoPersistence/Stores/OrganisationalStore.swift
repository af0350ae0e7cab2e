import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// The figures of organisational performance of a campaign. The form saves them together (all or nothing); each
/// figure is locked by its own version, so two people correcting different figures do not collide and the second
/// writer of the same figure gets the conflict message.
public enum OrganisationalStore {
    static let table = "organisational_values"

    /// One figure as the form sends it: the new value (nil clears it) and the version the writer read (0: none).
    public struct Change: Sendable {
        public var key: String
        public var value: OrganisationalValue?
        public var expectedVersion: Int

        public init(key: String, value: OrganisationalValue?, expectedVersion: Int) {
            self.key = key
            self.value = value
            self.expectedVersion = expectedVersion
        }
    }

    static func read(campaignID: UUID, on sql: any SQLDatabase) async throws -> (values: [OrganisationalValue], versions: [String: Int]) {
        var values: [OrganisationalValue] = []
        var versions: [String: Int] = [:]
        for row in try await sql.select().columns("key", "data", "version").from(table).where("campaign_id", .equal, SQLBind(campaignID))
            .orderBy("sort_order").all()
        {
            values.append(try decode(row))
            versions[try row.decode(column: "key", as: String.self)] = try row.decode(column: "version", as: Int.self)
        }
        return (values, versions)
    }

    /// Every campaign's figures of a plan (for the bundle), in campaign then entry order.
    static func all(planID: UUID, on sql: any SQLDatabase) async throws -> [OrganisationalValue] {
        try await sql.select().column(SQLColumn("data", table: table)).from(table)
            .join(CampaignRecord.schema, on: SQLColumn("campaign_id", table: table), .equal, SQLColumn("id", table: CampaignRecord.schema))
            .where(SQLColumn("plan_id", table: CampaignRecord.schema), .equal, SQLBind(planID))
            .orderBy(SQLColumn("sort_order", table: CampaignRecord.schema)).orderBy(SQLColumn("sort_order", table: table)).all()
            .map(decode)
    }

    /// A bundle's figures (import), in the caller's transaction.
    static func insert(_ values: [OrganisationalValue], campaignIDs: [String: UUID], on sql: any SQLDatabase) async throws {
        let now = Date()
        for (i, value) in values.enumerated() {
            guard let campaign = campaignIDs[value.campaignKey] else { throw MonitoringError.unknownCampaign(value.campaignKey) }
            try await insert(value, campaignID: campaign, order: i, by: nil, now: now, on: sql)
        }
    }

    /// Saves the form's figures after the core's rules (the campaign's state, the methodology's keys, percents in
    /// 0–100). A figure whose version moved since the writer read it refuses the whole save.
    public static func save(
        planID: UUID, campaignKey: String, changes: [Change], methodology: OrganisationalPerformance?, on db: any Database, actor: Actor
    ) async throws {
        try await WriteConflict.mapped {
            try await db.writeTransaction { tx in
                let record = try await MonitoringStore.campaignRecord(planID: planID, key: campaignKey, on: tx)
                let campaignID = try record.requireID()
                let values = changes.compactMap { change in
                    change.value.map { value in
                        var value = value
                        value.campaignKey = campaignKey
                        value.key = change.key
                        return value
                    }
                }
                try OrganisationalEntry.check(values, methodology: methodology, campaign: try record.value)
                let sql = try PlanStore.sqlDatabase(tx)
                let (before, versions) = try await read(campaignID: campaignID, on: sql)
                let now = Date()
                var order = before.count
                for change in changes {
                    let current = before.first { $0.key == change.key }
                    guard (versions[change.key] ?? 0) == change.expectedVersion else { throw MonitoringError.conflict }
                    let value = values.first { $0.key == change.key }
                    guard value != current else { continue }
                    let row = sql.update(table).where("campaign_id", .equal, SQLBind(campaignID)).where("key", .equal, SQLBind(change.key))
                    // The version in the WHERE again: on PostgreSQL a concurrent writer may commit between our read and write.
                    if let value, current != nil {
                        let updated = try await row.set("data", to: SQLBind(try json(value))).set("version", to: SQLBind(change.expectedVersion + 1))
                            .set("updated_at", to: SQLBind(now)).set("updated_by", to: SQLBind(actor.name))
                            .where("version", .equal, SQLBind(change.expectedVersion)).returning("id").all()
                        guard !updated.isEmpty else { throw MonitoringError.conflict }
                    } else if let value {
                        try await insert(value, campaignID: campaignID, order: order, by: actor.name, now: now, on: sql)
                        order += 1
                    } else {
                        let deleted = try await sql.delete(from: table).where("campaign_id", .equal, SQLBind(campaignID))
                            .where("key", .equal, SQLBind(change.key)).where("version", .equal, SQLBind(change.expectedVersion)).returning("id").all()
                        guard !deleted.isEmpty else { throw MonitoringError.conflict }
                    }
                }
                let after = try await read(campaignID: campaignID, on: sql).values
                guard after != before else { return }
                try await AuditLog.record(
                    on: tx, actor: actor, enteID: try await PlanEditor.load(planID, on: tx).$ente.id, entity: .organisationalValue,
                    entityID: campaignKey, action: before.isEmpty ? .create : .update, before: before.isEmpty ? nil : before, after: after)
            }
        }
    }

    private static func insert(
        _ value: OrganisationalValue, campaignID: UUID, order: Int, by: String?, now: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: table).columns("id", "campaign_id", "key", "sort_order", "data", "version", "updated_at", "updated_by")
            .values(
                SQLBind(UUID()), SQLBind(campaignID), SQLBind(value.key), SQLBind(order), SQLBind(try json(value)), SQLBind(1), SQLBind(now),
                SQLBind(by)
            ).run()
    }

    private static func decode(_ row: any SQLRow) throws -> OrganisationalValue {
        try DocumentCoding.decoder.decode(OrganisationalValue.self, from: Data(try row.decode(column: "data", as: String.self).utf8))
    }

    private static func json(_ value: OrganisationalValue) throws -> String {
        String(decoding: try DocumentCoding.encoder.encode(value), as: UTF8.self)
    }
}
