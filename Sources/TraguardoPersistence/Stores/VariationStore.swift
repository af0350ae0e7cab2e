import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// Variations of an approved plan: a request, then an approval that changes the plan (new version) or a rejection.
/// The approval writes the objective and indicator rows directly: it is the one way an approved plan changes.
public enum VariationStore {
    public static func all(planID: UUID, on db: any Database) async throws -> [Variation] {
        try await PlanStore.sqlDatabase(db).select().column("data").from(VariationRecord.schema).where("plan_id", .equal, SQLBind(planID))
            .orderBy("number").all()
            .map { try DocumentCoding.decoder.decode(Variation.self, from: Data(try $0.decode(column: "data", as: String.self).utf8)) }
    }

    /// Writes a bundle's variations (import), in the caller's transaction.
    static func insert(_ variations: [Variation], planID: UUID, on db: any Database) async throws {
        for v in variations { try await VariationRecord(planID: planID, variation: v).create(on: db) }
    }

    @discardableResult
    public static func request(
        _ change: VariationChange, nodeKey: String, reason: String, on day: Day, planID: UUID, on db: any Database, actor: Actor
    ) async throws -> Variation {
        try await db.writeTransaction { tx in
            let plan = try await PlanEditor.load(planID, on: tx)
            let nodes = try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).all().map { try $0.value }
            let indicators = try await indicatorRecords(planID, on: tx).map { try $0.decode(Indicator.self) }
            var change = change
            if case .addIndicator(var x) = change {
                x.nodeKey = nodeKey
                x.key = PlanKeys.indicator(of: nodeKey, existing: Set(indicators.map(\.key)))
                x.order = indicators.filter { $0.nodeKey == nodeKey }.count + 1
                change = .addIndicator(x)
            }
            try VariationRules.checkRequest(change, nodeKey: nodeKey, reason: reason, plan: try plan.value, nodes: nodes, indicators: indicators)
            let number = (try await VariationRecord.query(on: tx).filter(\.$plan.$id == planID).max(\.$number) ?? 0) + 1
            let variation = Variation(
                number: number, nodeKey: nodeKey, change: change, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                requestedBy: actor.name, requestedOn: day)
            try await VariationRecord(planID: planID, variation: variation).create(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: plan.$ente.id, entity: .variation, entityID: "\(plan.key)/\(number)", action: .create, after: variation)
            return variation
        }
    }

    /// Approves (with the act) or rejects (with a reason) a pending variation. Approval applies the change to the
    /// objective and its indicators, keeps what they were before, and moves the plan to its next version.
    @discardableResult
    public static func decide(
        number: Int, approve: Bool, act: Act?, rejection: String?, planID: UUID, on db: any Database, actor: Actor
    ) async throws -> Variation {
        try await db.writeTransaction { tx in
            let plan = try await PlanEditor.load(planID, on: tx)
            guard let record = try await VariationRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$number == number).first() else {
                throw VariationError.unknown(number)
            }
            var variation = try record.value
            let before = variation
            guard variation.state == .richiesta else { throw VariationError.notPending(number) }
            variation.decidedBy = actor.name
            if approve {
                guard let act, act.date != nil, !act.organ.trimmingCharacters(in: .whitespaces).isEmpty else { throw VariationError.missingAct }
                try await apply(&variation, planID: planID, on: tx, actor: actor, enteID: plan.$ente.id)
                var value = try plan.value
                value.version += 1
                try plan.update(value)
                try await plan.save(on: tx)
                variation.state = .approvata
                variation.act = act
                variation.planVersion = value.version
            } else {
                let reason = (rejection ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty else { throw VariationError.rejectionReason }
                variation.state = .respinta
                variation.rejection = reason
            }
            try record.update(variation)
            try await record.save(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: plan.$ente.id, entity: .variation, entityID: "\(plan.key)/\(number)", action: .update,
                before: before, after: variation)
            return variation
        }
    }

    private static func apply(_ variation: inout Variation, planID: UUID, on tx: any Database, actor: Actor, enteID: UUID) async throws {
        guard let nodeRecord = try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$key == variation.nodeKey).first()
        else { throw VariationError.unknownNode(variation.nodeKey) }
        var node = try nodeRecord.value
        let rows = try await indicatorRecords(planID, on: tx).filter { $0.nodeKey == variation.nodeKey }
        var indicators = try rows.map { try $0.decode(Indicator.self) }
        variation.nodeBefore = node
        switch variation.change {
        case .target(let key, _), .removeIndicator(let key): variation.indicatorBefore = indicators.first { $0.key == key }
        default: break
        }
        VariationRules.apply(variation.change, node: &node, indicators: &indicators)
        try nodeRecord.update(node)
        try await nodeRecord.save(on: tx)
        for row in rows {
            if let updated = indicators.first(where: { $0.key == row.itemKey }) {
                row.data = String(decoding: try DocumentCoding.encoder.encode(updated), as: UTF8.self)
                try await row.save(on: tx)
            } else {
                try await row.delete(on: tx)
            }
        }
        if case .addIndicator(let x) = variation.change {
            let count = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$kind == PlanItemKind.indicator.rawValue)
                .count()
            try await PlanItemRecord(planID: planID, kind: .indicator, itemKey: x.key, nodeKey: x.nodeKey, order: count, value: x).create(on: tx)
        }
    }

    private static func indicatorRecords(_ planID: UUID, on db: any Database) async throws -> [PlanItemRecord] {
        try await PlanItemRecord.query(on: db).filter(\.$plan.$id == planID).filter(\.$kind == PlanItemKind.indicator.rawValue).sort(\.$order).all()
    }
}
