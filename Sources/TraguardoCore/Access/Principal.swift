import Foundation

/// A user's role in one ente; a responsabile's grant lists the units they answer for.
public struct Grant: Hashable, Sendable, Codable {
    public var enteID: UUID
    public var role: Role
    public var unitIDs: Set<UUID>
    /// The person of the ente's organisation this user is (a responsabile): the units they hold on a day, from the
    /// assignments with dal/al, are theirs too.
    public var personKey: String?

    public init(enteID: UUID, role: Role, unitIDs: Set<UUID> = [], personKey: String? = nil) {
        self.enteID = enteID
        self.role = role
        self.unitIDs = unitIDs
        self.personKey = personKey
    }
}

/// The authenticated user as the access policy sees it.
public struct Principal: Hashable, Sendable {
    public var userID: UUID
    public var username: String
    public var displayName: String
    public var isSystemAdmin: Bool
    public var grants: [Grant]

    public init(userID: UUID, username: String, displayName: String, isSystemAdmin: Bool, grants: [Grant]) {
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.isSystemAdmin = isSystemAdmin
        self.grants = grants
    }

    public func roles(in enteID: UUID) -> Set<Role> {
        var roles = Set(grants.filter { $0.enteID == enteID }.map(\.role))
        if isSystemAdmin { roles.insert(.amministratore) }
        return roles
    }

    /// The person this user is in an ente's organisation, as responsabile.
    public func personKey(in enteID: UUID) -> String? {
        grants.first { $0.enteID == enteID && $0.role == .responsabile && $0.personKey != nil }?.personKey
    }

    /// Units this user answers for in an ente, as responsabile.
    public func responsibleUnits(in enteID: UUID) -> Set<UUID> {
        grants.filter { $0.enteID == enteID && $0.role == .responsabile }.reduce(into: Set()) { $0.formUnion($1.unitIDs) }
    }
}
