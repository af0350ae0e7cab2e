import FluentKit
import Foundation
import SQLKit

/// Campaigns, entries, validations, unit submissions and minutes get tables of their own, with identity and
/// uniqueness (one entry per campaign, objective and indicator; one decision per campaign and objective), and a
/// `version` for optimistic locking. Rows that earlier releases kept as JSON in `plan_items` move here unchanged.
struct CreateMonitoring: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("campaigns")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("as_of", .string, .required)
            .field("state", .string, .required)
            .field("sort_order", .int, .required)
            .field("data", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "plan_id", "key")
            .create()
        // `indicator_key` is "" for the objective as a whole: NULLs never collide in a unique index.
        try await database.schema("monitoring_entries")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("node_key", .string, .required)
            .field("indicator_key", .string, .required)
            .field("sort_order", .int, .required)
            .field("data", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .field("updated_by", .string)
            .unique(on: "campaign_id", "node_key", "indicator_key")
            .create()
        try await database.schema("validations")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("node_key", .string, .required)
            .field("sort_order", .int, .required)
            .field("data", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .field("updated_by", .string)
            .unique(on: "campaign_id", "node_key")
            .create()
        try await database.schema("unit_submissions")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("unit_key", .string, .required)
            .field("state", .string, .required)
            .field("data", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "campaign_id", "unit_key")
            .create()
        try await database.schema("campaign_minutes")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("number", .string, .required)
            .field("date", .string, .required)
            .field("data", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "campaign_id", "number")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await LegacyMonitoringRows.move(on: sql)
    }

    func revert(on database: any Database) async throws {
        for table in ["campaign_minutes", "unit_submissions", "validations", "monitoring_entries", "campaigns"] {
            try await database.schema(table).delete()
        }
    }
}

/// Moves campaign, value and validation rows out of `plan_items`, plan by plan. The JSON is copied as it was
/// (the domain types still decode it); a value or validation naming a campaign the plan does not list gets that
/// campaign created from its key, so nothing is dropped; of two values for the same campaign, objective and
/// indicator the later one is kept, as the scoring engine always did.
enum LegacyMonitoringRows {
    struct Row: Decodable {
        let planID: UUID
        let kind: String
        let nodeKey: String?
        let itemKey: String
        let sortOrder: Int
        let data: String

        enum CodingKeys: String, CodingKey {
            case planID = "plan_id", kind, nodeKey = "node_key", itemKey = "item_key", sortOrder = "sort_order", data
        }
    }

    struct Keys: Decodable {
        let campaignKey: String?
        let key: String?
        let asOf: String?
        let indicatorKey: String?
    }

    static func move(on sql: any SQLDatabase) async throws {
        let rows = try await sql.select().columns("plan_id", "kind", "node_key", "item_key", "sort_order", "data").from("plan_items")
            .where("kind", .in, ["campaign", "value", "validation"]).orderBy("sort_order").all(decoding: Row.self)
        guard !rows.isEmpty else { return }
        let decoder = JSONDecoder()
        let now = Date()
        for (planID, planRows) in Dictionary(grouping: rows, by: \.planID) {
            var campaignIDs: [String: UUID] = [:]
            var order = 0
            func addCampaign(_ key: String, asOf: String, data: String) async throws -> UUID {
                let id = UUID()
                try await sql.insert(into: "campaigns")
                    .columns("id", "plan_id", "key", "as_of", "state", "sort_order", "data", "version", "updated_at")
                    .values(
                        SQLBind(id), SQLBind(planID), SQLBind(key), SQLBind(asOf), SQLBind(Self.state(of: data)), SQLBind(order), SQLBind(data),
                        SQLBind(1), SQLBind(now)
                    ).run()
                order += 1
                campaignIDs[key] = id
                return id
            }
            for row in planRows where row.kind == "campaign" {
                let keys = try decoder.decode(Keys.self, from: Data(row.data.utf8))
                guard let key = keys.key, campaignIDs[key] == nil else { continue }
                _ = try await addCampaign(key, asOf: keys.asOf ?? "", data: row.data)
            }
            var entries: [String: (campaign: UUID, node: String, indicator: String, order: Int, data: String)] = [:]
            var validations: [String: (campaign: UUID, node: String, order: Int, data: String)] = [:]
            for row in planRows where row.kind != "campaign" {
                let keys = try decoder.decode(Keys.self, from: Data(row.data.utf8))
                let campaignKey = keys.campaignKey ?? ""
                var campaign = campaignIDs[campaignKey]
                if campaign == nil {
                    let placeholder =
                        #"{"asOf":"0001-01-01","isFinal":false,"key":"\#(campaignKey)","state":"chiusa","title":"Campagna \#(campaignKey)"}"#
                    campaign = try await addCampaign(campaignKey, asOf: "0001-01-01", data: placeholder)
                }
                let node = row.nodeKey ?? ""
                if row.kind == "value" {
                    let indicator = keys.indicatorKey ?? ""
                    entries["\(campaignKey)\u{1F}\(node)\u{1F}\(indicator)"] = (campaign!, node, indicator, row.sortOrder, row.data)
                } else {
                    validations["\(campaignKey)\u{1F}\(node)"] = (campaign!, node, row.sortOrder, row.data)
                }
            }
            for e in entries.values.sorted(by: { $0.order < $1.order }) {
                try await sql.insert(into: "monitoring_entries")
                    .columns("id", "campaign_id", "node_key", "indicator_key", "sort_order", "data", "version", "updated_at")
                    .values(
                        SQLBind(UUID()), SQLBind(e.campaign), SQLBind(e.node), SQLBind(e.indicator), SQLBind(e.order), SQLBind(e.data), SQLBind(1),
                        SQLBind(now)
                    )
                    .run()
            }
            for v in validations.values.sorted(by: { $0.order < $1.order }) {
                try await sql.insert(into: "validations")
                    .columns("id", "campaign_id", "node_key", "sort_order", "data", "version", "updated_at")
                    .values(SQLBind(UUID()), SQLBind(v.campaign), SQLBind(v.node), SQLBind(v.order), SQLBind(v.data), SQLBind(1), SQLBind(now))
                    .run()
            }
        }
        try await sql.delete(from: "plan_items").where("kind", .in, ["campaign", "value", "validation"]).run()
    }

    /// The state column in today's vocabulary (the JSON keeps what it said; the domain type reads both).
    static func state(of data: String) -> String {
        struct S: Decodable { let state: String? }
        let raw = (try? JSONDecoder().decode(S.self, from: Data(data.utf8)).state) ?? nil
        switch raw {
        case "preparazione": return "da-aprire"
        case "validata", nil: return "chiusa"
        default: return raw!
        }
    }
}
