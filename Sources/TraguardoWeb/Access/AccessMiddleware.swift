import TraguardoCore
import TraguardoPersistence
import Vapor

/// Loads the signed-in user from the session, then enforces the route's declared access. Runs on every
/// route; a route that declared nothing is refused.
struct AccessMiddleware: AsyncMiddleware {
    let users: UserStore

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = request.session.data[SessionKeys.userID], let id = UUID(uuidString: raw) {
            request.principal = try await users.principal(userID: id, on: request.db)
            if request.principal == nil { request.session.destroy() }
        }
        // No route matched: let the router answer 404.
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let access = route.access else {
            request.logger.error("Route without access rule refused: \(request.method) \(request.url.path)")
            throw Abort(.forbidden, reason: "Accesso negato.")
        }
        switch access {
        case .anonymous:
            break
        case .signedIn:
            _ = try request.requirePrincipal()
        case .system(let permission):
            let principal = try request.requirePrincipal()
            guard AccessPolicy.allows(principal, permission, enteID: nil) else { throw Abort(.forbidden, reason: "Non hai i permessi per questa pagina.") }
        case .ente(let permission):
            let principal = try request.requirePrincipal()
            guard let slug = request.parameters.get("ente"), let ente = try await EnteStore.find(slug: slug, on: request.db), let id = ente.id else {
                // Same answer whether the ente does not exist or is not visible: no probing of other enti.
                throw Abort(.forbidden, reason: "Non hai i permessi per questo ente.")
            }
            guard AccessPolicy.allows(principal, permission, enteID: id) else {
                throw Abort(.forbidden, reason: "Non hai i permessi per questa operazione in questo ente.")
            }
            request.ente = ente
        }
        return try await next.respond(to: request)
    }
}

enum SessionKeys {
    static let userID = "uid"
    static let csrf = "csrf"
    static let flash = "flash"
}
