import Foundation

/// One line of the append-only audit trail: who changed what, when, and the state before and after.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var at: Date
    public var actorID: UUID?
    public var actorName: String
    public var enteID: UUID?
    public var entity: String
    public var entityID: String
    public var action: AuditAction
    /// JSON snapshots; nil before a creation and after a deletion.
    public var before: String?
    public var after: String?

    public init(
        at: Date, actorID: UUID?, actorName: String, enteID: UUID?, entity: String, entityID: String,
        action: AuditAction, before: String?, after: String?
    ) {
        self.at = at
        self.actorID = actorID
        self.actorName = actorName
        self.enteID = enteID
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.before = before
        self.after = after
    }
}

public enum AuditAction: String, CaseIterable, Sendable, Codable {
    case create, update, delete, login, loginFailed = "login-failed", logout, `import`

    public var label: String {
        switch self {
        case .create: "Creazione"
        case .update: "Modifica"
        case .delete: "Eliminazione"
        case .login: "Accesso"
        case .loginFailed: "Accesso non riuscito"
        case .logout: "Uscita"
        case .import: "Importazione"
        }
    }
}

public enum AuditDiff {
    /// The top-level fields whose values differ between two JSON object snapshots, sorted by name.
    public static func changedFields(before: String?, after: String?) -> [String] {
        let b = object(before), a = object(after)
        let keys = Set(b.keys).union(a.keys)
        return keys.filter { !equal(b[$0], a[$0]) }.sorted()
    }

    private static func object(_ json: String?) -> [String: Any] {
        guard let data = json?.data(using: .utf8),
            let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return obj
    }

    private static func equal(_ x: Any?, _ y: Any?) -> Bool {
        switch (x, y) {
        case (nil, nil): return true
        case (let x?, let y?): return (x as? NSObject)?.isEqual(y) ?? false
        default: return false
        }
    }
}
