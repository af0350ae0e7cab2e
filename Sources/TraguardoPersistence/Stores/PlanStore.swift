import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// A plan as the layers above see it: its id, its ente and the core value.
public struct StoredPlan: Hashable, Sendable {
    public let id: UUID
    public let enteID: UUID
    public let plan: Plan
}

/// Reads and writes whole plans. Rows keep their original order (`sort_order`), so an export returns the
/// arrays exactly as they were imported. Bulk reads go through SQLKit: a plan has thousands of rows and
/// turning each into a Fluent model costs more than the query.
public enum PlanStore {
    public static func plans(enteID: UUID, on db: any Database) async throws -> [Plan] {
        try await PlanRecord.query(on: db).filter(\.$ente.$id == enteID).sort(\.$year, .descending).all().map { try $0.value }
    }

    public static func record(enteID: UUID, year: Int? = nil, key: String? = nil, on db: any Database) async throws -> PlanRecord? {
        let query = PlanRecord.query(on: db).filter(\.$ente.$id == enteID)
        if let year { query.filter(\.$year == year) }
        if let key { query.filter(\.$key == key) }
        return try await query.sort(\.$year, .descending).first()
    }

    /// The plan with that key, or the latest (of `year` when given).
    public static func find(enteID: UUID, key: String? = nil, year: Int? = nil, on db: any Database) async throws -> StoredPlan? {
        guard let record = try await record(enteID: enteID, year: year, key: key, on: db) else { return nil }
        return StoredPlan(id: try record.requireID(), enteID: record.$ente.id, plan: try record.value)
    }

    /// Writes the plan part of a bundle (plan, nodes and their rows) in the caller's transaction.
    static func insert(_ bundle: PlanBundle, enteID: UUID, on db: any Database) async throws -> PlanRecord {
        let plan = try PlanRecord(enteID: enteID, plan: bundle.plan)
        try await plan.create(on: db)
        let planID = try plan.requireID()
        // Plain multi-row INSERTs: the same columns the records map, without reflecting a thousand models.
        let encoder = DocumentCoding.encoder
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        try await BulkInsert.run(
            db, into: PlanNodeRecord.schema, columns: ["id", "plan_id", "key", "level", "parent_key", "sort_order", "data"],
            rows: try bundle.nodes.enumerated().map { index, node in
                [UUID(), planID, node.key, node.level.rawValue, node.parentKey, index, try json(node)]
            })
        var items: [BulkInsert.Row] = []
        func add<T: Encodable>(_ kind: PlanItemKind, _ values: [T], key: (T) -> String, node: (T) -> String?) throws {
            for (i, v) in values.enumerated() { items.append([UUID(), planID, kind.rawValue, key(v), node(v), i, try json(v)]) }
        }
        try add(.phase, bundle.phases, key: \.key, node: \.nodeKey)
        try add(.indicator, bundle.indicators, key: \.key, node: \.nodeKey)
        try add(.participation, bundle.participations, key: \.personKey, node: \.nodeKey)
        try add(.classification, bundle.classifications, key: \.key, node: { _ in nil })
        if let source = bundle.source { try add(.source, [source], key: { _ in "source" }, node: { _ in nil }) }
        try await BulkInsert.run(
            db, into: PlanItemRecord.schema, columns: ["id", "plan_id", "kind", "item_key", "node_key", "sort_order", "data"], rows: items)
        try await MonitoringStore.insert(
            campaigns: bundle.campaigns, values: bundle.values, validations: bundle.validations, organisational: bundle.organisationalValues,
            planID: planID, on: db)
        try await VariationStore.insert(bundle.variations, planID: planID, on: db)
        return plan
    }

    /// The full bundle of one plan with the ente's organisation: what `traguardo export` writes.
    public static func bundle(of plan: PlanRecord, on db: any Database) async throws -> PlanBundle {
        try await bundle(of: StoredPlan(id: try plan.requireID(), enteID: plan.$ente.id, plan: try plan.value), on: db)
    }

    public static func bundle(of stored: StoredPlan, on db: any Database) async throws -> PlanBundle {
        guard let ente = try await EnteRecord.find(stored.enteID, on: db) else { throw PlanRuleError.unknownNode(stored.plan.key) }
        let org = try await OrganisationStore.snapshot(enteID: stored.enteID, on: db)
        let sql = try sqlDatabase(db)
        let nodes = try await sql.select().column("data").from(PlanNodeRecord.schema)
            .where(SQLIdentifier("plan_id"), .equal, SQLBind(stored.id)).orderBy("sort_order").all()
            .map { try DocumentCoding.decoder.decode(PlanNode.self, from: Data(try $0.decode(column: "data", as: String.self).utf8)) }
        let rows = try await sql.select().column("kind").column("data").from(PlanItemRecord.schema)
            .where(SQLIdentifier("plan_id"), .equal, SQLBind(stored.id)).orderBy("sort_order").all()
        var byKind: [String: [String]] = [:]
        for row in rows {
            byKind[try row.decode(column: "kind", as: String.self), default: []].append(try row.decode(column: "data", as: String.self))
        }
        func decode<T: Decodable>(_ kind: PlanItemKind, _ type: T.Type) throws -> [T] {
            try (byKind[kind.rawValue] ?? []).map { try DocumentCoding.decoder.decode(T.self, from: Data($0.utf8)) }
        }
        let monitoring = try await MonitoringStore.all(planID: stored.id, on: db)
        return PlanBundle(
            ente: ente.domain, source: try decode(.source, BundleSource.self).first, units: org.units, people: org.people,
            assignments: org.assignments, politicalReferents: org.referents, classifications: try decode(.classification, Classification.self),
            plan: stored.plan, nodes: nodes, phases: try decode(.phase, Phase.self), indicators: try decode(.indicator, Indicator.self),
            participations: try decode(.participation, Participation.self), campaigns: monitoring.campaigns,
            values: monitoring.values, validations: monitoring.validations, variations: try await VariationStore.all(planID: stored.id, on: db),
            organisationalValues: monitoring.organisational)
    }

    public static func delete(_ plan: PlanRecord, on db: any Database, actor: Actor) async throws {
        try await MonitoringStore.deleteAll(planID: plan.requireID(), on: db)
        try await VariationRecord.query(on: db).filter(\.$plan.$id == plan.requireID()).delete()
        try await PlanItemRecord.query(on: db).filter(\.$plan.$id == plan.requireID()).delete()
        try await PlanNodeRecord.query(on: db).filter(\.$plan.$id == plan.requireID()).delete()
        try await plan.delete(on: db)
        try await AuditLog.record(
            on: db, actor: actor, enteID: plan.$ente.id, entity: .plan, entityID: plan.key, action: .delete,
            before: try plan.value)
    }

    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw PlanRuleError.missing("database SQL") }
        return sql
    }
}
