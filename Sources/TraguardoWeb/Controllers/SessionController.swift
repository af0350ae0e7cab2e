import TraguardoCore
import TraguardoPersistence
import Vapor

/// Local username/password sign-in. Other identity sources (SPID/CIE through a proxy) will sign users in
/// by calling `signIn(_:userID:)` after their own checks.
struct SessionController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.loginPage, use: loginPage)
        routes.on(.login, use: login)
        routes.on(.logout, use: logout)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable func loginPage(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: Links.home) }
        return try await render(req, error: nil, username: "", next: Self.safeNext(req.query("next")), status: .ok)
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = form.username.trimmed.lowercased()
        let next = Self.safeNext(form.next)
        guard !username.isEmpty, let password = form.password, !password.isEmpty else {
            return try await render(req, error: "Inserisci nome utente e password.", username: username, next: next, status: .badRequest)
        }
        switch try await req.store.authenticate(username: username, password: password) {
        case .success(let userID):
            try await Self.signIn(req, userID: userID)
            return req.redirect(to: next)
        case .invalidCredentials:
            return try await render(req, error: "Nome utente o password non corretti.", username: username, next: next, status: .unauthorized)
        case .locked(let until):
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            return try await render(
                req,
                error: "Troppi tentativi non riusciti: l'account è bloccato per \(minutes) \(minutes == 1 ? "minuto" : "minuti"). Riprova più tardi.",
                username: username, next: next, status: .tooManyRequests)
        }
    }

    /// A new session id on sign-in (no session fixation) and a fresh CSRF token.
    static func signIn(_ req: Request, userID: UUID) async throws {
        if let old = req.session.id {
            try? await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.session.data[SessionKeys.userID] = userID.uuidString
        _ = CSRFMiddleware.token(for: req)
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if let principal = req.principal { try await req.store.recordLogout(principal) }
        req.session.destroy()
        return req.redirect(to: Links.login)
    }

    private func render(_ req: Request, error: String?, username: String, next: String, status: HTTPStatus) async throws -> Response {
        try await req.render(LoginPage.build(layout: try await req.layout("Accedi"), error: error, username: username, next: next), status: status)
    }

    /// Only local paths, so the login form cannot be used to bounce users to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return Links.home }
        return next
    }
}

/// The signed-in home and the ente switcher.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.home, use: dashboard)
        routes.on(.switchEnte, use: switchEnte)
    }

    /// The enti shown at most: beyond it the page searches by name (`?cerca=`).
    static let shownEnti = 60

    @Sendable func dashboard(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let search: String? = req.query("cerca")
        let total = try await req.enteCount()
        let enti =
            total > Self.shownEnti || search != nil
            ? try await req.store.enti(visibleTo: principal, matching: search, limit: Self.shownEnti) : try await req.visibleEnti()
        let counts = try await req.store.counts(enti: enti.map(\.id))
        // The to-do is the user's work in the enti where they hold a role: an administrator's view of every ente is
        // not a list of tasks (and reading every running campaign of a national installation took minutes).
        let served = enti.filter { e in principal.grants.contains { $0.enteID == e.id } }
        let tasks = try await monitoringTasks(req, principal: principal, enti: served)
        return try await req.render(
            DashboardPage.build(
                layout: try await req.layout("Enti", .home), principal: principal, enti: enti, counts: counts, tasks: tasks,
                total: total, search: search ?? "", searchLimit: Self.shownEnti))
    }

    /// What the running campaigns ask of this user: a responsabile's to-do, the segretario's progress, the Nucleo's
    /// validations, across every ente they serve.
    private func monitoringTasks(_ req: Request, principal: Principal, enti: [StoredEnte]) async throws -> [DashboardPage.Task] {
        var tasks: [DashboardPage.Task] = []
        let today = ItalianFormat.day(of: Date())
        for running in try await req.store.runningCampaigns(enti: enti.map(\.id)) {
            guard let ente = enti.first(where: { $0.id == running.enteID }) else { continue }
            let allows = { (p: Permission) in AccessPolicy.allows(principal, p, enteID: ente.id) }
            let isManager = allows(.managePlan)
            var scope = EntryRules.Scope(unitKeys: [], isManager: isManager)
            if !isManager && allows(.editOwnUnits) {
                let org = try await req.application.caches.organisations.value(ente.id, revision: ente.structureRevision) {
                    try await req.store.organisation(enteID: ente.id)
                }
                scope = .responsabile(principal, enteID: ente.id, organisation: org, on: running.campaign.asOf)
            }
            let asNucleo = allows(.validate) && running.campaign.state == .inValidazione
            guard isManager || !scope.unitKeys.isEmpty || asNucleo else { continue }
            let bundle = try await req.application.planBundle(running.plan, ente: ente, store: req.store)
            let read = try await req.application.caches.campaigns.value(
                CampaignKey(plan: running.plan.id, campaign: running.campaign.key), revision: ente.revision
            ) { CampaignRead(data: try await req.store.campaign(running.campaign.key, of: running.plan)) }
            guard let data = read.data else { continue }
            let toDo = MonitoringToDo.build(
                campaign: running.campaign, nodes: bundle.nodes, indicators: bundle.indicators, values: data.values, validations: data.validations,
                scope: isManager || asNucleo ? EntryRules.Scope(unitKeys: [], isManager: true) : scope)
            tasks.append(DashboardPage.Task.build(ente: ente.ente, plan: running.plan.plan, toDo: toDo, data: data, asNucleo: asNucleo, today: today))
        }
        return tasks
    }

    /// The ente switcher is a plain GET form, so it works without JavaScript. The target page checks access.
    /// With the search box the text may be a name: an identifier of a visible ente opens it, anything else searches.
    @Sendable func switchEnte(req: Request) async throws -> Response {
        let text = (req.query("ente") ?? "").trimmingCharacters(in: .whitespaces)
        if Ente.isValidSlug(text), try await req.store.ente(slug: text) != nil {
            return req.redirect(to: Links.ente(text).home)
        }
        guard !text.isEmpty else { return req.redirect(to: Links.home) }
        return req.redirect(to: Links.home + "?cerca=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

}
