import Foundation

/// A user's role in one ente; a responsabile's grant lists the units they answer for.
public struct Grant: Hashable, Sendable, Codable {
    public var enteID: UUID
    public var role: Role
    public var unitIDs: Set<UUID>

    public init(enteID: UUID, role: Role, unitIDs: Set<UUID> = []) {
        self.enteID = enteID
        self.role = role
        self.unitIDs = unitIDs
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

    /// Units this user answers for in an ente, as responsabile.
    public func responsibleUnits(in enteID: UUID) -> Set<UUID> {
        grants.filter { $0.enteID == enteID && $0.role == .responsabile }.reduce(into: Set()) { $0.formUnion($1.unitIDs) }
    }
}
