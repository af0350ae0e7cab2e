import FluentKit
import Foundation
import SQLKit
import TraguardoCore

// MARK: API tokens

extension Store {
    /// Records a token (its hash, computed by the caller) for a user; the token itself is shown once and never stored.
    public func createAPIToken(username: String, name: String, tokenHash: String, actor: Actor) async throws {
        guard let user = try await UserRecord.query(on: db).filter(\.$username == username).first() else {
            throw PlanRuleError.missing("utente \(username)")
        }
        let userID = try user.requireID()
        try await db.writeTransaction { tx in
            try await PlanStore.sqlDatabase(tx).insert(into: "api_tokens").columns("id", "user_id", "name", "token_hash", "created_at")
                .values(SQLBind(UUID()), SQLBind(userID), SQLBind(name), SQLBind(tokenHash), SQLBind(Date())).run()
            try await AuditLog.record(
                on: tx, actor: actor, enteID: nil, entity: .user, entityID: username, action: .create, after: ["token API": name])
        }
    }

    /// The user a token hash belongs to, with their grants; nil for an unknown token or an inactive user.
    public func principal(tokenHash: String) async throws -> Principal? {
        guard
            let row = try await PlanStore.sqlDatabase(db).select().column("user_id").from("api_tokens")
                .where("token_hash", .equal, SQLBind(tokenHash)).first()
        else { return nil }
        return try await principal(userID: try row.decode(column: "user_id", as: UUID.self))
    }
}
