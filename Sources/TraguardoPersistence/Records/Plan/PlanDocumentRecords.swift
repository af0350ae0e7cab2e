import FluentKit
import Foundation
import TraguardoCore

/// Plan rows keep their identifying and linking fields in columns (for queries and integrity) and the
/// whole domain value as JSON text in `data`, so every field the seeds carry survives a round trip without a
/// column per quirk. JSON text (not a native json type) keeps the one code path on SQLite and PostgreSQL.
protocol DomainDocument: Model {
    associatedtype Value: Codable
    var data: String { get set }
}

extension DomainDocument {
    var value: Value {
        get throws { try DocumentCoding.decoder.decode(Value.self, from: Data(data.utf8)) }
    }

    func store(_ value: Value) throws {
        data = String(decoding: try DocumentCoding.encoder.encode(value), as: UTF8.self)
    }
}

enum DocumentCoding {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
    static let decoder = JSONDecoder()
}

public final class PlanRecord: Model, DomainDocument, @unchecked Sendable {
    public static let schema = "plans"
    typealias Value = Plan

    @ID(key: .id) public var id: UUID?
    @Parent(key: "ente_id") public var ente: EnteRecord
    @Field(key: "key") public var key: String
    @Field(key: "year") public var year: Int
    @Field(key: "state") public var state: String
    @Field(key: "data") public var data: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    init(enteID: UUID, plan: Plan) throws {
        self.$ente.id = enteID
        try update(plan)
    }

    func update(_ plan: Plan) throws {
        key = plan.key
        year = plan.year
        state = plan.state.rawValue
        try store(plan)
    }
}

public final class PlanNodeRecord: Model, DomainDocument, @unchecked Sendable {
    public static let schema = "plan_nodes"
    typealias Value = PlanNode

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    @Field(key: "key") public var key: String
    @Field(key: "level") public var level: String
    @OptionalField(key: "parent_key") public var parentKey: String?
    @Field(key: "sort_order") public var order: Int
    @Field(key: "data") public var data: String

    public init() {}

    init(planID: UUID, node: PlanNode) throws {
        self.$plan.id = planID
        try update(node)
    }

    func update(_ node: PlanNode) throws {
        key = node.key
        level = node.level.rawValue
        parentKey = node.parentKey
        order = node.order
        try store(node)
    }
}

/// Phases, indicators, participations and classifications: rows of a plan keyed by the node they belong to.
/// (Campaigns, entries and validations have their own tables since migration 012.)
public final class PlanItemRecord: Model, @unchecked Sendable {
    public static let schema = "plan_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PlanRecord
    /// phase, indicator, participation, classification, source
    @Field(key: "kind") public var kind: String
    @Field(key: "item_key") public var itemKey: String
    @OptionalField(key: "node_key") public var nodeKey: String?
    @Field(key: "sort_order") public var order: Int
    @Field(key: "data") public var data: String

    public init() {}

    init<T: Encodable>(planID: UUID, kind: PlanItemKind, itemKey: String, nodeKey: String?, order: Int, value: T) throws {
        self.$plan.id = planID
        self.kind = kind.rawValue
        self.itemKey = itemKey
        self.nodeKey = nodeKey
        self.order = order
        self.data = String(decoding: try DocumentCoding.encoder.encode(value), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try DocumentCoding.decoder.decode(T.self, from: Data(data.utf8))
    }
}

public enum PlanItemKind: String, CaseIterable, Sendable {
    case phase, indicator, participation, classification, source
}
