import FluentKit
import Foundation
import TraguardoCore

/// The refusals of plan changes are the core's rules; the old name stays for callers.
public typealias PlanEditError = PlanRuleError

/// Changes to a plan, one node at a time. The rules (frozen plan, hierarchy, cycles, units, lifecycle) are the
/// core's; this type reads what they need, writes what passes, and records each change with its audit row in
/// one transaction. The plan is re-read inside the transaction, so a plan approved a moment ago refuses.
public enum PlanEditor {
    @discardableResult
    public static func createPlan(_ plan: Plan, enteID: UUID, on db: any Database, actor: Actor) async throws -> PlanRecord {
        try PlanRules.checkNew(plan)
        return try await db.writeTransaction { tx in
            if try await PlanStore.record(enteID: enteID, key: plan.key, on: tx) != nil { throw PlanRuleError.duplicateKey(plan.key) }
            let record = try PlanRecord(enteID: enteID, plan: plan)
            try await record.create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: enteID, entity: .plan, entityID: plan.key, action: .create, after: plan)
            return record
        }
    }

    /// Moves the plan along its lifecycle (`PlanLifecycle`); `allows` answers for the user's permissions.
    @discardableResult
    public static func move(
        planID: UUID, to state: PlanState, act: Act?, allows: @escaping @Sendable (Permission) -> Bool,
        on db: any Database, actor: Actor
    ) async throws -> Plan {
        try await db.writeTransaction { tx in
            let record = try await load(planID, on: tx)
            let before = try record.value
            let after = try PlanLifecycle.move(before, to: state, act: act, allows: allows)
            try record.update(after)
            try await record.save(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: record.$ente.id, entity: .plan, entityID: before.key, action: .update,
                before: before, after: after)
            return after
        }
    }

    /// Creates or replaces a node after the core's checks; `previousKey` nil means a new node.
    public static func save(_ node: PlanNode, previousKey: String?, planID: UUID, on db: any Database, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            let record = try await load(planID, on: tx)
            let nodes = try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).all()
            let links = nodes.compactMap { n in
                CascadeLevel(rawValue: n.level).map { PlanRules.NodeLink(key: n.key, level: $0, parentKey: n.parentKey) }
            }
            let unitKeys = Set(try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == record.$ente.id).all().map(\.key))
            try PlanRules.check(node, previousKey: previousKey, in: try record.value, nodes: links, unitKeys: unitKeys)
            if let previousKey, let existing = nodes.first(where: { $0.key == previousKey }) {
                let before = try existing.value
                let position = existing.order  // the row's place in the plan stays where it was
                try existing.update(node)
                existing.order = position
                try await existing.save(on: tx)
                try await AuditLog.record(
                    on: tx, actor: actor, enteID: record.$ente.id, entity: .node, entityID: node.key, action: .update,
                    before: before, after: node)
            } else {
                let created = try PlanNodeRecord(planID: planID, node: node)
                created.order = (nodes.map(\.order).max() ?? -1) + 1
                try await created.create(on: tx)
                try await AuditLog.record(
                    on: tx, actor: actor, enteID: record.$ente.id, entity: .node, entityID: node.key, action: .create, after: node)
            }
        }
    }

    public static func delete(nodeKey: String, planID: UUID, on db: any Database, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            let record = try await load(planID, on: tx)
            let nodes = try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).all()
            guard let target = nodes.first(where: { $0.key == nodeKey }) else { throw PlanRuleError.unknownNode(nodeKey) }
            let links = nodes.compactMap { n in
                CascadeLevel(rawValue: n.level).map { PlanRules.NodeLink(key: n.key, level: $0, parentKey: n.parentKey) }
            }
            let node = try target.value
            try PlanRules.checkDeletion(of: node, in: try record.value, nodes: links)
            try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$nodeKey == nodeKey).delete()
            try await target.delete(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: .node, entityID: nodeKey, action: .delete, before: node)
        }
    }

    /// Copies a node with its phases and indicators under new keys, next to the original; returns the new key.
    @discardableResult
    public static func duplicate(nodeKey: String, planID: UUID, on db: any Database, actor: Actor) async throws -> String {
        try await db.writeTransaction { tx in
            let record = try await load(planID, on: tx)
            try PlanRules.requireEditable(try record.value)
            let nodes = try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).all()
            guard let original = nodes.first(where: { $0.key == nodeKey }) else { throw PlanRuleError.unknownNode(nodeKey) }
            let items = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$nodeKey == nodeKey).all()
            let phases = try items.filter { $0.kind == PlanItemKind.phase.rawValue }.map { try $0.decode(Phase.self) }
            let indicators = try items.filter { $0.kind == PlanItemKind.indicator.rawValue }.map { try $0.decode(Indicator.self) }
            let copy = PlanRules.duplicate(try original.value, phases: phases, indicators: indicators, existingKeys: Set(nodes.map(\.key)))
            let copyRecord = try PlanNodeRecord(planID: planID, node: copy.node)
            copyRecord.order = (nodes.map(\.order).max() ?? 0) + 1
            try await copyRecord.create(on: tx)
            for phase in copy.phases {
                try await PlanItemRecord(
                    planID: planID, kind: .phase, itemKey: phase.key, nodeKey: copy.node.key, order: phase.ordinal,
                    value: phase
                ).create(on: tx)
            }
            for indicator in copy.indicators {
                try await PlanItemRecord(
                    planID: planID, kind: .indicator, itemKey: indicator.key, nodeKey: copy.node.key, order: indicator.order,
                    value: indicator
                ).create(on: tx)
            }
            try await AuditLog.record(
                on: tx, actor: actor, enteID: record.$ente.id, entity: .node, entityID: copy.node.key, action: .create,
                after: copy.node)
            return copy.node.key
        }
    }

    /// Removes one indicator or phase of a node (with the values recorded for that indicator).
    public static func removeItem(_ kind: PlanItemKind, key: String, nodeKey: String, planID: UUID, on db: any Database, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            let record = try await load(planID, on: tx)
            try PlanRules.requireEditable(try record.value)
            guard
                let item = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$kind == kind.rawValue)
                    .filter(\.$itemKey == key).filter(\.$nodeKey == nodeKey).first()
            else { throw PlanRuleError.unknownItem(key) }
            if kind == .indicator {
                try await MonitoringStore.deleteEntries(indicatorKey: key, nodeKey: nodeKey, planID: planID, on: tx)
            }
            try await item.delete(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: record.$ente.id, entity: kind == .indicator ? .indicator : .phase,
                entityID: key, action: .delete, before: AnyJSON(item.data))
        }
    }

    /// Adds an indicator; its key comes from the core (`PlanKeys`), so the caller leaves it empty.
    @discardableResult
    public static func addIndicator(_ indicator: Indicator, planID: UUID, on db: any Database, actor: Actor) async throws -> Indicator {
        try await db.writeTransaction { tx in
            let record = try await load(planID, on: tx)
            try PlanRules.check(indicator, in: try record.value)
            let existing = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$kind == PlanItemKind.indicator.rawValue)
                .all()
            var added = indicator
            added.key = PlanKeys.indicator(of: indicator.nodeKey, existing: Set(existing.map(\.itemKey)))
            added.order = existing.filter { $0.nodeKey == indicator.nodeKey }.count + 1
            try await PlanItemRecord(
                planID: planID, kind: .indicator, itemKey: added.key, nodeKey: added.nodeKey, order: existing.count,
                value: added
            ).create(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: record.$ente.id, entity: .indicator, entityID: added.key, action: .create, after: added)
            return added
        }
    }

    /// Adds a phase; key and ordinal come from the core.
    @discardableResult
    public static func addPhase(_ phase: Phase, planID: UUID, on db: any Database, actor: Actor) async throws -> Phase {
        try await db.writeTransaction { tx in
            let record = try await load(planID, on: tx)
            try PlanRules.check(phase, in: try record.value)
            let existing = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$kind == PlanItemKind.phase.rawValue).all()
            var added = phase
            added.key = PlanKeys.phase(of: phase.nodeKey, existing: Set(existing.map(\.itemKey)))
            added.ordinal = existing.filter { $0.nodeKey == phase.nodeKey }.count + 1
            try await PlanItemRecord(
                planID: planID, kind: .phase, itemKey: added.key, nodeKey: added.nodeKey, order: existing.count,
                value: added
            ).create(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, enteID: record.$ente.id, entity: .phase, entityID: added.key, action: .create, after: added)
            return added
        }
    }

    static func load(_ planID: UUID, on db: any Database) async throws -> PlanRecord {
        guard let record = try await PlanRecord.find(planID, on: db) else { throw PlanRuleError.unknownNode(planID.uuidString) }
        return record
    }
}

/// A stored JSON document passed through to the audit trail as it is.
struct AnyJSON: Encodable {
    let text: String
    init(_ text: String) { self.text = text }

    func encode(to encoder: any Encoder) throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        try value.encode(to: encoder)
    }
}

/// Just enough of JSON to re-encode a stored document.
enum JSONValue: Codable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
