import TraguardoCore
import TraguardoPersistence
import Vapor

/// Loads the signed-in user from the session, then enforces the route's declared access. Runs on every
/// route; a route that declared nothing is refused.
struct AccessMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Only a session the cookie named: touching `request.session` otherwise would create (and store) one for
        // every anonymous request, health checks included.
        if request.hasSession, let raw = request.session.data[SessionKeys.userID], let id = UUID(uuidString: raw) {
            request.principal = try await request.store.principal(userID: id)
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
            guard AccessPolicy.allows(principal, permission, enteID: nil) else {
                throw Abort(.forbidden, reason: "Non hai i permessi per questa pagina.")
            }
        case .ente(let permission):
            let principal = try request.requirePrincipal()
            // Same answer whether the ente does not exist or is not visible: no probing of other enti.
            // A user with grants reads their enti once (the switcher needs them too) and finds this one among
            // them; an administrator, who may see every ente, reads just this one.
            let slug = request.parameter("ente")
            let found =
                principal.isSystemAdmin
                ? try await request.store.ente(slug: slug) : try await request.visibleEnti().first { $0.ente.slug == slug }
            guard let ente = found else {
                throw Abort(.forbidden, reason: "Non hai i permessi per questo ente.")
            }
            guard AccessPolicy.allows(principal, permission, enteID: ente.id) else {
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
