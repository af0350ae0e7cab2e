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
        } else if request.isAPI, let token = request.headers.bearerAuthorization?.token {
            // A machine client: no cookie, no session, no CSRF token; the same rights as its user.
            guard let principal = try await request.store.principal(tokenHash: APIToken.hash(token)) else {
                throw Abort(.unauthorized, reason: "Token API non valido o revocato.")
            }
            request.principal = principal
            request.authenticatedByToken = true
        }
        // No route matched: 405 with the methods the path has, for the API (HTTP semantics clients rely on), else 404.
        guard let route = request.route else {
            if request.isAPI {
                let allowed = request.application.routes.all.filter { $0.matches(request.url.path) }.map(\.method)
                if !allowed.isEmpty {
                    throw Abort(
                        .methodNotAllowed, headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")],
                        reason: "Metodo \(request.method.rawValue) non previsto per questo indirizzo.")
                }
            }
            return try await next.respond(to: request)
        }
        guard let access = route.access else {
            request.logger.error("Route without access rule refused: \(request.method) \(request.url.path)")
            throw Abort(.forbidden, reason: "Accesso negato.")
        }
        switch access {
        case .anonymous:
            break
        case .operations:
            guard OperationsAccess.allows(request) else {
                throw Abort(
                    .forbidden,
                    reason:
                        "Le metriche sono riservate al sistema di monitoraggio: interrogale sulla porta dell'istanza da questa macchina, oppure con il token di TRAGUARDO_METRICS_TOKEN."
                )
            }
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

extension Route {
    /// Whether a request path fits this route's pattern (a parameter matches any one segment).
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == self.path.count else { return false }
        return zip(self.path, parts).allSatisfy { component, part in
            if case .constant(let text) = component { return text == part }
            return true
        }
    }
}
