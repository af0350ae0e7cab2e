import FluentKit
import Foundation
import TraguardoCore

/// A role of a user in an ente; for a responsabile, the units they answer for.
public final class MembershipRecord: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserRecord
    @Parent(key: "ente_id") public var ente: EnteRecord
    @Field(key: "role") public var role: String
    @Field(key: "unit_ids") public var unitIDs: [UUID]
    @OptionalField(key: "person_key") public var personKey: String?

    public init() {}

    public init(userID: UUID, enteID: UUID, role: Role, unitIDs: [UUID] = [], personKey: String? = nil) {
        self.$user.id = userID
        self.$ente.id = enteID
        self.role = role.rawValue
        self.unitIDs = unitIDs
        self.personKey = personKey
    }

    public var grant: Grant? {
        guard let role = Role(rawValue: role) else { return nil }
        return Grant(enteID: $ente.id, role: role, unitIDs: Set(unitIDs), personKey: personKey)
    }
}
