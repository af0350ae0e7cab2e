import FluentKit
import Foundation
import TraguardoCore

public final class OrgUnitRecord: Model, @unchecked Sendable {
    public static let schema = "org_units"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "ente_id") public var ente: EnteRecord
    @Field(key: "key") public var key: String
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @OptionalParent(key: "parent_id") public var parent: OrgUnitRecord?
    @Field(key: "sort_order") public var order: Int
    @OptionalField(key: "notes") public var notes: String?

    public init() {}

    public init(enteID: UUID, unit: OrgUnit, parentID: UUID?) {
        self.$ente.id = enteID
        self.$parent.id = parentID
        apply(unit)
    }

    public func apply(_ unit: OrgUnit) {
        key = unit.key
        code = unit.code
        name = unit.name
        kind = unit.kind.rawValue
        order = unit.order
        notes = unit.notes
    }

    /// The domain value; `parentKey` needs the parent's key, which the caller resolves.
    public func domain(parentKey: String?) -> OrgUnit {
        OrgUnit(key: key, code: code, name: name, kind: OrgUnitKind(rawValue: kind) ?? .unita, parentKey: parentKey, order: order, notes: notes)
    }
}
