import TraguardoCore
import TraguardoPersistence
import Vapor

/// Per-request state set by the middlewares: who is signed in, which ente the URL names.
extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    private struct EnteKey: StorageKey { typealias Value = StoredEnte }
    private struct TokenKey: StorageKey { typealias Value = Bool }

    /// Signed in by an API token (`Authorization: Bearer …`) rather than a session cookie.
    var authenticatedByToken: Bool {
        get { storage[TokenKey.self] ?? false }
        set { storage[TokenKey.self] = newValue }
    }

    public internal(set) var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The ente of the `:ente` path parameter, already checked against the route's permission.
    public internal(set) var ente: StoredEnte? {
        get { storage[EnteKey.self] }
        set { storage[EnteKey.self] = newValue }
    }

    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized) }
        return principal
    }

    func requireEnte() throws -> StoredEnte {
        guard let ente else { throw Abort(.notFound) }
        return ente
    }

    /// Whether the signed-in user holds a permission in the ente of the URL.
    func allows(_ permission: Permission) -> Bool {
        guard let principal, let ente else { return false }
        return AccessPolicy.allows(principal, permission, enteID: ente.id)
    }

    var actor: Actor {
        principal.map { Actor(id: $0.userID, name: $0.username) } ?? Actor(id: nil, name: "anonimo")
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// A path parameter as the user wrote it. The router has percent-decoded it already: decoding again would
    /// turn a key holding "%" into nothing.
    func parameter(_ name: String) -> String {
        parameters.get(name) ?? ""
    }

    /// A query-string value, nil when missing or blank.
    func query(_ name: String) -> String? {
        (try? query.get(String.self, at: name)).nonEmpty
    }
}

extension Optional where Wrapped == String {
    var trimmed: String { (self ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    var nonEmpty: String? { trimmed.isEmpty ? nil : trimmed }
}
