import FluentKit
import Foundation
import TraguardoCore

/// Reads and writes whole plans. Rows keep their original order (`sort_order`), so an export returns the
/// arrays exactly as they were imported.
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

    /// Writes the plan part of a bundle (plan, nodes and their rows) in the caller's transaction.
    static func insert(_ bundle: PlanBundle, enteID: UUID, on db: any Database) async throws -> PlanRecord {
        let plan = try PlanRecord(enteID: enteID, plan: bundle.plan)
        try await plan.create(on: db)
        let planID = try plan.requireID()
        let nodes = try bundle.nodes.enumerated().map { index, node in
            let record = try PlanNodeRecord(planID: planID, node: node)
            record.order = index
            return record
        }
        try await nodes.create(on: db)
        var items: [PlanItemRecord] = []
        func add<T: Encodable>(_ kind: PlanItemKind, _ values: [T], key: (T) -> String, node: (T) -> String?) throws {
            for (i, v) in values.enumerated() {
                items.append(try PlanItemRecord(planID: planID, kind: kind, itemKey: key(v), nodeKey: node(v), order: i, value: v))
            }
        }
        try add(.phase, bundle.phases, key: \.key, node: \.nodeKey)
        try add(.indicator, bundle.indicators, key: \.key, node: \.nodeKey)
        try add(.participation, bundle.participations, key: \.personKey, node: \.nodeKey)
        try add(.campaign, bundle.campaigns, key: \.key, node: { _ in nil })
        try add(.value, bundle.values, key: { $0.indicatorKey ?? "" }, node: \.nodeKey)
        try add(.validation, bundle.validations, key: \.campaignKey, node: \.nodeKey)
        try add(.classification, bundle.classifications, key: \.key, node: { _ in nil })
        if let source = bundle.source { try add(.source, [source], key: { _ in "source" }, node: { _ in nil }) }
        // Chunks keep each INSERT well under SQLite's bound-parameter limit.
        for start in stride(from: 0, to: items.count, by: 500) {
            try await Array(items[start..<min(start + 500, items.count)]).create(on: db)
        }
        return plan
    }

    /// The full bundle of one plan with the ente's organisation: what `traguardo export` writes.
    public static func bundle(of plan: PlanRecord, on db: any Database) async throws -> PlanBundle {
        let planID = try plan.requireID()
        let ente = try await EnteRecord.find(plan.$ente.id, on: db)!
        let org = try await OrganisationStore.snapshot(enteID: plan.$ente.id, on: db)
        let nodes = try await PlanNodeRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$order).all().map { try $0.value }
        let items = try await PlanItemRecord.query(on: db).filter(\.$plan.$id == planID).sort(\.$order).all()
        func decode<T: Decodable>(_ kind: PlanItemKind, _ type: T.Type) throws -> [T] {
            try items.filter { $0.kind == kind.rawValue }.map { try $0.decode(T.self) }
        }
        return PlanBundle(
            ente: ente.domain, source: try decode(.source, BundleSource.self).first, units: org.units, people: org.people,
            assignments: org.assignments, politicalReferents: org.referents, classifications: try decode(.classification, Classification.self),
            plan: try plan.value, nodes: nodes, phases: try decode(.phase, Phase.self), indicators: try decode(.indicator, Indicator.self),
            participations: try decode(.participation, Participation.self), campaigns: try decode(.campaign, Campaign.self),
            values: try decode(.value, MonitoringValue.self), validations: try decode(.validation, Validation.self))
    }

    public static func delete(_ plan: PlanRecord, on db: any Database, actor: Actor) async throws {
        try await PlanItemRecord.query(on: db).filter(\.$plan.$id == plan.requireID()).delete()
        try await PlanNodeRecord.query(on: db).filter(\.$plan.$id == plan.requireID()).delete()
        try await plan.delete(on: db)
        try await AuditLog.record(on: db, actor: actor, enteID: plan.$ente.id, entity: "piano", entityID: plan.key, action: .delete,
                                  before: try plan.value)
    }
}
