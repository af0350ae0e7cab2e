import TraguardoCore
import TraguardoPersistence
import Vapor

/// Local username/password sign-in. Other identity sources (SPID/CIE through a proxy) will sign users in
/// by calling `signIn(_:user:)` after their own checks.
struct AuthController {
    let users: UserStore

    func register(_ routes: any RoutesBuilder) {
        routes.get("login", use: loginPage).requires(.anonymous)
        routes.post("login", use: login).requires(.anonymous)
        routes.post("logout", use: logout).requires(.signedIn)
    }

    struct LoginPage: Encodable {
        let layout: LayoutContext
        let error: String?
        let username: String
        let next: String
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable func loginPage(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: "/") }
        let next = Self.safeNext(try? req.query.get(String.self, at: "next"))
        return try await render(req, error: nil, username: "", next: next, status: .ok)
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let next = Self.safeNext(form.next)
        guard !username.isEmpty, let password = form.password, !password.isEmpty else {
            return try await render(req, error: "Inserisci nome utente e password.", username: username, next: next, status: .badRequest)
        }
        switch try await users.authenticate(username: username, password: password, on: req.db) {
        case .success(let user):
            try await signIn(req, user: user)
            return req.redirect(to: next)
        case .invalidCredentials:
            return try await render(req, error: "Nome utente o password non corretti.", username: username, next: next, status: .unauthorized)
        case .locked(let until):
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            return try await render(req, error: "Troppi tentativi non riusciti: l'account è bloccato per \(minutes) \(minutes == 1 ? "minuto" : "minuti"). Riprova più tardi.",
                                    username: username, next: next, status: .tooManyRequests)
        }
    }

    /// A new session id on sign-in (no session fixation) and a fresh CSRF token.
    func signIn(_ req: Request, user: UserRecord) async throws {
        if let old = req.session.id {
            try? await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.session.data[SessionKeys.userID] = try user.requireID().uuidString
        _ = CSRFMiddleware.token(for: req)
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if let principal = req.principal {
            try await AuditLog.record(on: req.db, actor: req.actor, enteID: nil, entity: "sessione", entityID: principal.username, action: .logout)
        }
        req.session.destroy()
        return req.redirect(to: "/login")
    }

    private func render(_ req: Request, error: String?, username: String, next: String, status: HTTPStatus) async throws -> Response {
        let page = LoginPage(layout: try await LayoutContext.make(req, title: "Accedi"), error: error, username: username, next: next)
        return try await req.view.render("pages/login", page).encodeResponse(status: status, for: req)
    }

    /// Only local paths, so the login form cannot be used to bounce users to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
