import FluentKit
import Foundation
import SQLKit
import TraguardoCore

/// Writes and reads the audit trail. Writes go through the caller's database handle, so a change and its
/// audit row commit or roll back together inside one transaction.
public enum AuditLog {
    /// Writes the row and, for a change of an ente's data, moves the ente's revision in the same transaction,
    /// so every cache keyed by it (in any app instance) stops being used the moment the change commits.
    public static func record(
        on db: any Database, actor: Actor, enteID: UUID?, entity: AuditEntity, entityID: String,
        action: AuditAction, before: (any Encodable)? = nil, after: (any Encodable)? = nil
    ) async throws {
        let entry = AuditEntry(
            at: Date(), actorID: actor.id, actorName: actor.name, enteID: enteID, entity: entity.rawValue,
            entityID: entityID, action: action, before: before.map(snapshot), after: after.map(snapshot))
        try await AuditRecord(entry).create(on: db)
        if let enteID, action != .login, action != .loginFailed, action != .logout {
            try await bumpRevision(of: enteID, structural: !Self.monitoringEntities.contains(entity), on: db)
        }
    }

    /// What campaigns hold: changing it moves `revision` but not `structure_revision`.
    static let monitoringEntities: Set<AuditEntity> = [.campaign, .entry, .validation, .submission, .minutes, .organisationalValue]

    static func bumpRevision(of enteID: UUID, structural: Bool = true, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let update = sql.update(EnteRecord.schema)
            .set(SQLIdentifier("revision"), to: SQLBinaryExpression(SQLIdentifier("revision"), .add, SQLLiteral.numeric("1")))
        if structural {
            update.set(
                SQLIdentifier("structure_revision"), to: SQLBinaryExpression(SQLIdentifier("structure_revision"), .add, SQLLiteral.numeric("1")))
        }
        try await update.where(SQLIdentifier("id"), .equal, SQLBind(enteID)).run()
    }

    /// Stable JSON (sorted keys) so two snapshots of the same state compare equal.
    public static func snapshot(_ value: any Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    public struct Filter: Sendable {
        public var enteIDs: [UUID]?
        public var entity: AuditEntity?
        /// Rows about exactly these entity ids (e.g. one objective, its indicators and its entries per campaign).
        public var entityIDs: [String]?
        public var actorName: String?
        public var action: AuditAction?
        public var from: Date?
        public var to: Date?
        public var limit: Int
        public var offset: Int

        public init(
            enteIDs: [UUID]? = nil, entity: AuditEntity? = nil, entityIDs: [String]? = nil, actorName: String? = nil,
            action: AuditAction? = nil, from: Date? = nil, to: Date? = nil, limit: Int = 100, offset: Int = 0
        ) {
            self.enteIDs = enteIDs
            self.entity = entity
            self.entityIDs = entityIDs
            self.actorName = actorName
            self.action = action
            self.from = from
            self.to = to
            self.limit = limit
            self.offset = offset
        }
    }

    /// The entity ids under which the stores record what happens to one objective: the node, its indicators and
    /// phases, its entries, decisions and evidence in each campaign, and the variations asked for it.
    public static func subjects(of node: PlanNode, in bundle: PlanBundle) -> [String] {
        [node.key] + bundle.indicators.filter { $0.nodeKey == node.key }.map(\.key)
            + bundle.phases.filter { $0.nodeKey == node.key }.map(\.key)
            + bundle.campaigns.map { "\($0.key)/\(node.key)" }
            + bundle.variations.filter { $0.nodeKey == node.key }.map { "\(bundle.plan.key)/\($0.number)" }
    }

    /// Newest first. `enteIDs` nil means every ente and the installation-wide rows (administrators only).
    /// Read through SQLKit rows: the page lists hundreds of them.
    public static func entries(on db: any Database, filter: Filter) async throws -> [AuditEntry] {
        struct Row: Decodable {
            let at: Date
            let actorID: UUID?
            let actorName: String
            let enteID: UUID?
            let entity: String
            let entityID: String
            let action: String
            let before: String?
            let after: String?

            enum CodingKeys: String, CodingKey {
                case at, entity, action, before, after
                case actorID = "actor_id", actorName = "actor_name", enteID = "ente_id", entityID = "entity_id"
            }
        }
        let query = try PlanStore.sqlDatabase(db).select()
            .columns("at", "actor_id", "actor_name", "ente_id", "entity", "entity_id", "action", "before", "after")
            .from(AuditRecord.schema)
        if let ids = filter.enteIDs {
            guard !ids.isEmpty else { return [] }
            query.where(SQLIdentifier("ente_id"), .in, SQLBind.group(ids))
        }
        if let entity = filter.entity { query.where(SQLIdentifier("entity"), .equal, SQLBind(entity.rawValue)) }
        if let ids = filter.entityIDs {
            guard !ids.isEmpty else { return [] }
            query.where(SQLIdentifier("entity_id"), .in, SQLBind.group(ids))
        }
        if let actor = filter.actorName, !actor.isEmpty { query.where(SQLIdentifier("actor_name"), .equal, SQLBind(actor)) }
        if let action = filter.action { query.where(SQLIdentifier("action"), .equal, SQLBind(action.rawValue)) }
        if let from = filter.from { query.where(SQLIdentifier("at"), .greaterThanOrEqual, SQLBind(from)) }
        if let to = filter.to { query.where(SQLIdentifier("at"), .lessThan, SQLBind(to)) }
        return try await query.orderBy("at", .descending).limit(filter.limit).offset(filter.offset).all(decoding: Row.self).map {
            AuditEntry(
                at: $0.at, actorID: $0.actorID, actorName: $0.actorName, enteID: $0.enteID, entity: $0.entity, entityID: $0.entityID,
                action: AuditAction(rawValue: $0.action) ?? .update, before: $0.before, after: $0.after)
        }
    }
}
