import TraguardoCore
import TraguardoPersistence
import Vapor

/// Per-request state set by the middlewares: who is signed in, which ente the URL names.
extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    private struct EnteKey: StorageKey { typealias Value = EnteRecord }

    public internal(set) var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The ente of the `:ente` path parameter, already checked against the route's permission.
    public internal(set) var ente: EnteRecord? {
        get { storage[EnteKey.self] }
        set { storage[EnteKey.self] = newValue }
    }

    func requirePrincipal() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized) }
        return principal
    }

    func requireEnte() throws -> (EnteRecord, UUID) {
        guard let ente, let id = ente.id else { throw Abort(.notFound) }
        return (ente, id)
    }

    var actor: Actor {
        principal.map { Actor(id: $0.userID, name: $0.username) } ?? Actor(id: nil, name: "anonimo")
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
