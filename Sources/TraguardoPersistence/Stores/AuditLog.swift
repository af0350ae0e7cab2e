import FluentKit
import Foundation
import TraguardoCore

/// Writes and reads the audit trail. Writes go through the caller's database handle, so a change and its
/// audit row commit or roll back together inside one transaction.
public enum AuditLog {
    public static func record(on db: any Database, actor: Actor, enteID: UUID?, entity: String, entityID: String,
                              action: AuditAction, before: (any Encodable)? = nil, after: (any Encodable)? = nil) async throws {
        let entry = AuditEntry(at: Date(), actorID: actor.id, actorName: actor.name, enteID: enteID, entity: entity,
                               entityID: entityID, action: action, before: before.map(snapshot), after: after.map(snapshot))
        try await AuditRecord(entry).create(on: db)
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
        public var entity: String?
        public var actorName: String?
        public var action: AuditAction?
        public var from: Date?
        public var to: Date?
        public var limit: Int
        public var offset: Int

        public init(enteIDs: [UUID]? = nil, entity: String? = nil, actorName: String? = nil, action: AuditAction? = nil,
                    from: Date? = nil, to: Date? = nil, limit: Int = 100, offset: Int = 0) {
            self.enteIDs = enteIDs
            self.entity = entity
            self.actorName = actorName
            self.action = action
            self.from = from
            self.to = to
            self.limit = limit
            self.offset = offset
        }
    }

    /// Newest first. `enteIDs` nil means every ente and the installation-wide rows (administrators only).
    public static func entries(on db: any Database, filter: Filter) async throws -> [AuditRecord] {
        let query = AuditRecord.query(on: db)
        if let ids = filter.enteIDs { query.filter(\.$enteID ~~ ids) }
        if let entity = filter.entity, !entity.isEmpty { query.filter(\.$entity == entity) }
        if let actor = filter.actorName, !actor.isEmpty { query.filter(\.$actorName == actor) }
        if let action = filter.action { query.filter(\.$action == action.rawValue) }
        if let from = filter.from { query.filter(\.$at >= from) }
        if let to = filter.to { query.filter(\.$at < to) }
        return try await query.sort(\.$at, .descending).range(filter.offset..<(filter.offset + filter.limit)).all()
    }
}
