import FluentKit
import Foundation
import TraguardoCore

public struct NewUser: Sendable {
    public var username: String
    public var displayName: String
    public var password: String
    public var isSystemAdmin: Bool
    public var grants: [Grant]
    public var email: String?

    public init(
        username: String, displayName: String, password: String, isSystemAdmin: Bool = false, grants: [Grant] = [], email: String? = nil
    ) {
        self.username = username
        self.displayName = displayName
        self.password = password
        self.isSystemAdmin = isSystemAdmin
        self.grants = grants
        self.email = email
    }
}

public enum LoginOutcome: Sendable {
    case success(userID: UUID)
    case invalidCredentials
    case locked(until: Date)
}

public enum UserStoreError: Error, CustomStringConvertible, Equatable {
    case invalidUsername(String)
    case duplicateUsername(String)
    case weakPassword
    case unknownUser(String)

    public var description: String {
        switch self {
        case .invalidUsername(let u):
            "Nome utente non valido (\"\(u)\"): usa da 3 a 64 caratteri tra lettere minuscole, cifre, punto, trattino e trattino basso."
        case .duplicateUsername(let u): "Esiste già un utente \"\(u)\"."
        case .weakPassword: "La password deve avere almeno 8 caratteri."
        case .unknownUser(let u): "Utente \"\(u)\" inesistente."
        }
    }
}

public struct UserStore: Sendable {
    public let hasher: any PasswordHashing
    public let throttle: LoginThrottle

    public init(hasher: any PasswordHashing, throttle: LoginThrottle = LoginThrottle()) {
        self.hasher = hasher
        self.throttle = throttle
    }

    public static func isValidUsername(_ name: String) -> Bool {
        (3...64).contains(name.count) && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".contains($0) }
    }

    /// Creates the account and its grants in one transaction, audited.
    @discardableResult
    public func create(_ new: NewUser, on db: any Database, actor: Actor) async throws -> UserRecord {
        guard UserStore.isValidUsername(new.username) else { throw UserStoreError.invalidUsername(new.username) }
        guard new.password.count >= 8 else { throw UserStoreError.weakPassword }
        let hash = try await hasher.hash(new.password)
        return try await db.writeTransaction { tx in
            if try await UserRecord.query(on: tx).filter(\.$username == new.username).first() != nil {
                throw UserStoreError.duplicateUsername(new.username)
            }
            let user = UserRecord(username: new.username, displayName: new.displayName, passwordHash: hash, isSystemAdmin: new.isSystemAdmin)
            user.email = new.email
            try await user.create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, enteID: nil, entity: .user, entityID: new.username, action: .create, after: user.snapshot)
            for grant in new.grants {
                try await addGrant(grant, to: user, on: tx, actor: actor)
            }
            return user
        }
    }

    public func addGrant(_ grant: Grant, to user: UserRecord, on db: any Database, actor: Actor) async throws {
        let membership = MembershipRecord(
            userID: try user.requireID(), enteID: grant.enteID, role: grant.role,
            unitIDs: grant.unitIDs.sorted { $0.uuidString < $1.uuidString }, personKey: grant.personKey)
        try await membership.create(on: db)
        try await AuditLog.record(
            on: db, actor: actor, enteID: grant.enteID, entity: .role, entityID: user.username,
            action: .create, after: GrantSnapshot(username: user.username, role: grant.role.rawValue, unitIDs: membership.unitIDs))
    }

    /// Checks the password and applies the back-off. A locked account is refused before the password is
    /// checked, so guessing during the lock gains nothing.
    public func authenticate(username: String, password: String, on db: any Database, now: Date = Date()) async throws -> LoginOutcome {
        guard let user = try await UserRecord.query(on: db).filter(\.$username == username).first(), user.isActive else {
            _ = try? await hasher.verify(password, against: hasher.dummyHash)  // same cost whether or not the user exists
            try await AuditLog.record(
                on: db, actor: Actor(id: nil, name: username), enteID: nil, entity: .session, entityID: username, action: .loginFailed)
            return .invalidCredentials
        }
        if let until = user.lockedUntil, until > now { return .locked(until: until) }
        if try await hasher.verify(password, against: user.passwordHash) {
            user.failedLogins = 0
            user.lockedUntil = nil
            user.lastLoginAt = now
            try await user.save(on: db)
            try await AuditLog.record(
                on: db, actor: Actor(id: user.id, name: user.username), enteID: nil, entity: .session, entityID: user.username, action: .login)
            return .success(userID: try user.requireID())
        }
        user.failedLogins += 1
        let lock = throttle.lockSeconds(afterFailures: user.failedLogins)
        user.lockedUntil = lock > 0 ? now.addingTimeInterval(TimeInterval(lock)) : nil
        try await user.save(on: db)
        try await AuditLog.record(
            on: db, actor: Actor(id: nil, name: username), enteID: nil, entity: .session, entityID: username, action: .loginFailed)
        if let until = user.lockedUntil { return .locked(until: until) }
        return .invalidCredentials
    }

    /// The principal the access policy needs, or nil if the account is gone or disabled.
    public func principal(userID: UUID, on db: any Database) async throws -> Principal? {
        guard let user = try await UserRecord.query(on: db).filter(\.$id == userID).with(\.$memberships).first(), user.isActive else { return nil }
        return Principal(
            userID: userID, username: user.username, displayName: user.displayName,
            isSystemAdmin: user.isSystemAdmin, grants: user.memberships.compactMap(\.grant))
    }

    public func setPassword(username: String, password: String, on db: any Database, actor: Actor) async throws {
        guard password.count >= 8 else { throw UserStoreError.weakPassword }
        guard let user = try await UserRecord.query(on: db).filter(\.$username == username).first() else {
            throw UserStoreError.unknownUser(username)
        }
        user.passwordHash = try await hasher.hash(password)
        user.failedLogins = 0
        user.lockedUntil = nil
        try await user.save(on: db)
        try await AuditLog.record(
            on: db, actor: actor, enteID: nil, entity: .user, entityID: username, action: .update,
            before: ["password": "***"], after: ["password": "*** (cambiata)"])
    }
}

struct GrantSnapshot: Codable {
    var username: String
    var role: String
    var unitIDs: [UUID]
}
