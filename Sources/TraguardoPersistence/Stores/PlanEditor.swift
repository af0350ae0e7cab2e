import FluentKit
import Foundation
import TraguardoCore

public enum PlanEditError: Error, CustomStringConvertible, Equatable {
    case frozen(String)
    case missing(String)
    case duplicateKey(String)
    case unknownNode(String)
    case unknownUnit(String)
    case levelNotInPlan(String)
    case parentLevel(parent: String, child: String)
    case hasChildren(String)
    case cycle
    case invalidYears

    public var description: String {
        switch self {
        case .frozen(let state): "Il piano è «\(state)»: le modifiche dopo l'approvazione passano per una variazione."
        case .missing(let field): "Il campo «\(field)» è obbligatorio."
        case .duplicateKey(let key): "Esiste già un nodo con chiave \"\(key)\" in questo piano."
        case .unknownNode(let key): "Nodo \"\(key)\" inesistente in questo piano."
        case .unknownUnit(let key): "Unità \"\(key)\" inesistente in questo ente."
        case .levelNotInPlan(let level): "Il livello «\(level)» non è previsto da questo piano."
        case .parentLevel(let parent, let child): "Un «\(child)» non può stare sotto un «\(parent)»: il nodo superiore deve essere di un livello più alto."
        case .hasChildren(let title): "«\(title)» ha sotto-obiettivi: spostali o eliminali prima."
        case .cycle: "Un nodo non può essere spostato sotto sé stesso o sotto un suo discendente."
        case .invalidYears: "Anni non validi: il primo anno deve precedere o coincidere con l'ultimo e l'anno di dettaglio deve stare tra i due."
        }
    }
}

/// Changes to a plan in the browser, one node at a time; each change and its audit row commit together.
/// Only a plan in "bozza" may change (an approved plan is frozen).
public enum PlanEditor {
    @discardableResult
    public static func createPlan(_ plan: Plan, enteID: UUID, on db: any Database, actor: Actor) async throws -> PlanRecord {
        guard !plan.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw PlanEditError.missing("Titolo") }
        guard plan.firstYear <= plan.lastYear, (plan.firstYear...plan.lastYear).contains(plan.year) else { throw PlanEditError.invalidYears }
        return try await db.transaction { tx in
            if try await PlanStore.record(enteID: enteID, key: plan.key, on: tx) != nil { throw PlanEditError.duplicateKey(plan.key) }
            let record = try PlanRecord(enteID: enteID, plan: plan)
            try await record.create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: enteID, entity: "piano", entityID: plan.key, action: .create, after: plan)
            return record
        }
    }

    public static func setState(_ state: PlanState, act: Act?, plan record: PlanRecord, on db: any Database, actor: Actor) async throws {
        try await db.transaction { tx in
            let before = try record.value
            var after = before
            after.state = state
            if let act { after.approval = act }
            try record.update(after)
            try await record.save(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: "piano", entityID: before.key, action: .update, before: before, after: after)
        }
    }

    /// Creates or replaces a node after checking its links; `previousKey` nil means a new node.
    public static func save(_ node: PlanNode, previousKey: String?, plan record: PlanRecord, on db: any Database, actor: Actor) async throws {
        let plan = try record.value
        guard !plan.state.isFrozen else { throw PlanEditError.frozen(plan.state.label) }
        guard !node.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw PlanEditError.missing("Titolo") }
        guard plan.levels.contains(node.level) else { throw PlanEditError.levelNotInPlan(node.level.label) }
        let planID = try record.requireID()
        try await db.transaction { tx in
            let nodes = try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).all()
            let byKey = Dictionary(nodes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            // Keys are stable once given: bundles, values and scores refer to them.
            if let previousKey, previousKey != node.key { throw PlanEditError.unknownNode(node.key) }
            if previousKey == nil, byKey[node.key] != nil { throw PlanEditError.duplicateKey(node.key) }
            if let parentKey = node.parentKey {
                guard let parent = byKey[parentKey], let parentLevel = CascadeLevel(rawValue: parent.level) else { throw PlanEditError.unknownNode(parentKey) }
                guard parentLevel < node.level else { throw PlanEditError.parentLevel(parent: parentLevel.label, child: node.level.label) }
                if let previousKey {
                    var cursor: String? = parentKey
                    while let c = cursor {
                        if c == previousKey { throw PlanEditError.cycle }
                        cursor = byKey[c]?.parentKey
                    }
                }
            }
            let unitKeys = Set(try await OrgUnitRecord.query(on: tx).filter(\.$ente.$id == record.$ente.id).all().map(\.key))
            for unit in node.ownerUnitKeys + [node.coordinatingUnitKey].compactMap({ $0 }) where !unitKeys.contains(unit) {
                throw PlanEditError.unknownUnit(unit)
            }
            if let previousKey {
                guard let existing = byKey[previousKey] else { throw PlanEditError.unknownNode(previousKey) }
                let before = try existing.value
                try existing.update(node)
                existing.order = node.order
                try await existing.save(on: tx)
                try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: "nodo", entityID: node.key, action: .update, before: before, after: node)
            } else {
                let created = try PlanNodeRecord(planID: planID, node: node)
                created.order = (nodes.map(\.order).max() ?? -1) + 1
                try await created.create(on: tx)
                try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: "nodo", entityID: node.key, action: .create, after: node)
            }
        }
    }

    public static func delete(nodeKey: String, plan record: PlanRecord, on db: any Database, actor: Actor) async throws {
        let plan = try record.value
        guard !plan.state.isFrozen else { throw PlanEditError.frozen(plan.state.label) }
        let planID = try record.requireID()
        try await db.transaction { tx in
            guard let node = try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$key == nodeKey).first() else {
                throw PlanEditError.unknownNode(nodeKey)
            }
            if try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$parentKey == nodeKey).count() > 0 {
                throw PlanEditError.hasChildren(try node.value.title)
            }
            try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$nodeKey == nodeKey).delete()
            try await node.delete(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: "nodo", entityID: nodeKey, action: .delete, before: try node.value)
        }
    }

    /// Copies a node with its phases and indicators under new keys, next to the original.
    @discardableResult
    public static func duplicate(nodeKey: String, plan record: PlanRecord, on db: any Database, actor: Actor) async throws -> String {
        let plan = try record.value
        guard !plan.state.isFrozen else { throw PlanEditError.frozen(plan.state.label) }
        let planID = try record.requireID()
        return try await db.transaction { tx in
            let nodes = try await PlanNodeRecord.query(on: tx).filter(\.$plan.$id == planID).all()
            guard let original = nodes.first(where: { $0.key == nodeKey }) else { throw PlanEditError.unknownNode(nodeKey) }
            let keys = Set(nodes.map(\.key))
            var newKey = "\(nodeKey)-copia"
            var n = 2
            while keys.contains(newKey) { newKey = "\(nodeKey)-copia\(n)"; n += 1 }
            var copy = try original.value
            copy.key = newKey
            copy.title += " (copia)"
            let copyRecord = try PlanNodeRecord(planID: planID, node: copy)
            copyRecord.order = (nodes.map(\.order).max() ?? 0) + 1
            try await copyRecord.create(on: tx)
            let items = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$nodeKey == nodeKey).all()
            for item in items where item.kind == PlanItemKind.phase.rawValue || item.kind == PlanItemKind.indicator.rawValue {
                if item.kind == PlanItemKind.phase.rawValue {
                    var phase = try item.decode(Phase.self)
                    phase.key = newKey + "-" + phase.key
                    phase.nodeKey = newKey
                    try await PlanItemRecord(planID: planID, kind: .phase, itemKey: phase.key, nodeKey: newKey, order: item.order, value: phase).create(on: tx)
                } else {
                    var indicator = try item.decode(Indicator.self)
                    indicator.key = newKey + "-" + indicator.key
                    indicator.nodeKey = newKey
                    indicator.phaseKey = indicator.phaseKey.map { newKey + "-" + $0 }
                    try await PlanItemRecord(planID: planID, kind: .indicator, itemKey: indicator.key, nodeKey: newKey, order: item.order, value: indicator).create(on: tx)
                }
            }
            try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: "nodo", entityID: newKey, action: .create, after: copy)
            return newKey
        }
    }

    /// Removes one indicator or phase of a node (with the values recorded for that indicator).
    public static func removeItem(_ kind: PlanItemKind, key: String, nodeKey: String, plan record: PlanRecord, on db: any Database, actor: Actor) async throws {
        let plan = try record.value
        guard !plan.state.isFrozen else { throw PlanEditError.frozen(plan.state.label) }
        let planID = try record.requireID()
        try await db.transaction { tx in
            guard let item = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$kind == kind.rawValue)
                .filter(\.$itemKey == key).filter(\.$nodeKey == nodeKey).first() else { throw PlanEditError.unknownNode(key) }
            if kind == .indicator {
                try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$kind == PlanItemKind.value.rawValue)
                    .filter(\.$itemKey == key).delete()
            }
            try await item.delete(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: kind == .indicator ? "indicatore" : "fase",
                                      entityID: key, action: .delete, before: AnyJSON(item.data))
        }
    }

    public static func addIndicator(_ indicator: Indicator, plan record: PlanRecord, on db: any Database, actor: Actor) async throws {
        let plan = try record.value
        guard !plan.state.isFrozen else { throw PlanEditError.frozen(plan.state.label) }
        guard !indicator.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw PlanEditError.missing("Indicatore") }
        let planID = try record.requireID()
        try await db.transaction { tx in
            let count = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$kind == PlanItemKind.indicator.rawValue).count()
            try await PlanItemRecord(planID: planID, kind: .indicator, itemKey: indicator.key, nodeKey: indicator.nodeKey, order: count, value: indicator).create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: "indicatore", entityID: indicator.key, action: .create, after: indicator)
        }
    }

    public static func addPhase(_ phase: Phase, plan record: PlanRecord, on db: any Database, actor: Actor) async throws {
        let plan = try record.value
        guard !plan.state.isFrozen else { throw PlanEditError.frozen(plan.state.label) }
        guard !phase.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw PlanEditError.missing("Fase") }
        let planID = try record.requireID()
        try await db.transaction { tx in
            let count = try await PlanItemRecord.query(on: tx).filter(\.$plan.$id == planID).filter(\.$kind == PlanItemKind.phase.rawValue).count()
            try await PlanItemRecord(planID: planID, kind: .phase, itemKey: phase.key, nodeKey: phase.nodeKey, order: count, value: phase).create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: record.$ente.id, entity: "fase", entityID: phase.key, action: .create, after: phase)
        }
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
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
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
