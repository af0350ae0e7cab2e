import FluentKit
import Foundation
import TraguardoCore

/// Append-only: the code offers no update or delete of audit rows.
public final class AuditRecord: Model, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_name") public var actorName: String
    @OptionalField(key: "ente_id") public var enteID: UUID?
    @Field(key: "entity") public var entity: String
    @Field(key: "entity_id") public var entityID: String
    @Field(key: "action") public var action: String
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?

    public init() {}

    public init(_ entry: AuditEntry) {
        at = entry.at
        actorID = entry.actorID
        actorName = entry.actorName
        enteID = entry.enteID
        entity = entry.entity
        entityID = entry.entityID
        action = entry.action.rawValue
        before = entry.before
        after = entry.after
    }

    public var domain: AuditEntry {
        AuditEntry(
            at: at, actorID: actorID, actorName: actorName, enteID: enteID, entity: entity, entityID: entityID,
            action: AuditAction(rawValue: action) ?? .update, before: before, after: after)
    }
}
