import FluentKit
import Foundation

/// A local account. The password hash never leaves this record (audit snapshots use `UserSnapshot`).
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "is_system_admin") public var isSystemAdmin: Bool
    @Field(key: "is_active") public var isActive: Bool
    @Field(key: "failed_logins") public var failedLogins: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @OptionalField(key: "last_login_at") public var lastLoginAt: Date?
    @OptionalField(key: "email") public var email: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Children(for: \.$user) public var memberships: [MembershipRecord]

    public init() {}

    public init(username: String, displayName: String, passwordHash: String, isSystemAdmin: Bool) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.isSystemAdmin = isSystemAdmin
        self.isActive = true
        self.failedLogins = 0
    }

    public var snapshot: UserSnapshot {
        UserSnapshot(username: username, displayName: displayName, isSystemAdmin: isSystemAdmin, isActive: isActive)
    }
}

public struct UserSnapshot: Codable, Sendable {
    public var username: String
    public var displayName: String
    public var isSystemAdmin: Bool
    public var isActive: Bool
}
