import FluentKit
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Accounts and roles. The administrator manages enti and every account; a segretario grants roles in
/// their own ente (never the administrator flag).
struct UsersController {
    let users: UserStore

    func register(_ routes: any RoutesBuilder) {
        routes.get("admin", use: adminPage).requires(.system(.administer))
        routes.post("admin", "enti", use: createEnte).requires(.system(.administer))
        routes.get("enti", ":ente", "utenti", use: entePage).requires(.ente(.manageEnteUsers))
        routes.post("enti", ":ente", "utenti", use: createEnteUser).requires(.ente(.manageEnteUsers))
    }

    struct UserRow: Encodable {
        let username: String
        let name: String
        let roles: String
        let locked: Bool
    }

    struct Option: Encodable {
        let value: String
        let label: String
    }

    struct AdminPage: Encodable {
        let layout: LayoutContext
        let enti: [Option]
        let users: [UserRow]
        let kinds: [Option]
        let error: String?
    }

    @Sendable func adminPage(req: Request) async throws -> Response {
        try await renderAdmin(req, error: nil)
    }

    private func renderAdmin(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let enti = try await EnteRecord.query(on: req.db).sort(\.$name).all()
        let names = Dictionary(uniqueKeysWithValues: enti.compactMap { e in e.id.map { ($0, e.name) } })
        let users = try await UserRecord.query(on: req.db).with(\.$memberships).sort(\.$username).all()
        let rows = users.map { u in
            var roles = u.memberships.compactMap { m in Role(rawValue: m.role).map { "\($0.label) – \(names[m.$ente.id] ?? "?")" } }
            if u.isSystemAdmin { roles.insert(Role.amministratore.label, at: 0) }
            return UserRow(username: u.username, name: u.displayName, roles: roles.joined(separator: "; "),
                           locked: (u.lockedUntil ?? .distantPast) > Date())
        }
        let page = AdminPage(layout: try await LayoutContext.make(req, title: "Amministrazione", active: "admin"),
                             enti: enti.map { Option(value: $0.slug, label: $0.name) }, users: rows,
                             kinds: EnteKind.allCases.map { Option(value: $0.rawValue, label: $0.label) }, error: error)
        return try await req.view.render("pages/admin", page).encodeResponse(status: status, for: req)
    }

    struct EnteForm: Content {
        var slug: String?
        var name: String?
        var kind: String?
        var codiceISTAT: String?
    }

    @Sendable func createEnte(req: Request) async throws -> Response {
        let form = try req.content.decode(EnteForm.self)
        let ente = Ente(slug: form.slug.trimmed.lowercased(), name: form.name.trimmed, kind: EnteKind(rawValue: form.kind ?? "") ?? .comune,
                        codiceISTAT: form.codiceISTAT.nonEmpty)
        do {
            try await EnteStore.create(ente, on: req.db, actor: req.actor)
        } catch let error as EnteStoreError {
            return try await renderAdmin(req, error: "Nuovo ente: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Ente «\(ente.name)» creato.")
        return req.redirect(to: "/admin")
    }

    struct EntePage: Encodable {
        let layout: LayoutContext
        let slug: String
        let users: [UserRow]
        let roles: [Option]
        let units: [Option]
        let error: String?
    }

    @Sendable func entePage(req: Request) async throws -> Response {
        try await renderEnte(req, error: nil)
    }

    private func renderEnte(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let memberships = try await MembershipRecord.query(on: req.db).filter(\.$ente.$id == enteID).with(\.$user).all()
        let org = try await OrganisationStore.snapshot(enteID: enteID, on: req.db)
        let unitName = Dictionary(uniqueKeysWithValues: org.unitIDs.map { ($0.value, org.unit($0.key)?.displayName ?? $0.key) })
        let grouped = Dictionary(grouping: memberships, by: { $0.user.username })
        let rows = grouped.keys.sorted().map { username in
            let ms = grouped[username]!
            let roles = ms.compactMap { m -> String? in
                guard let role = Role(rawValue: m.role) else { return nil }
                let units = m.unitIDs.compactMap { unitName[$0] }
                return units.isEmpty ? role.label : "\(role.label) (\(units.joined(separator: ", ")))"
            }
            return UserRow(username: username, name: ms[0].user.displayName, roles: roles.joined(separator: "; "),
                           locked: (ms[0].user.lockedUntil ?? .distantPast) > Date())
        }
        let page = EntePage(layout: try await LayoutContext.make(req, title: "Utenti · \(ente.name)", active: "utenti"), slug: ente.slug,
                            users: rows, roles: Role.enteRoles.map { Option(value: $0.rawValue, label: $0.label) },
                            units: org.units.map { Option(value: $0.key, label: $0.displayName) }, error: error)
        return try await req.view.render("pages/ente-users", page).encodeResponse(status: status, for: req)
    }

    struct UserForm: Content {
        var username: String?
        var displayName: String?
        var password: String?
        var role: String?
        var unit: String?
    }

    @Sendable func createEnteUser(req: Request) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let form = try req.content.decode(UserForm.self)
        guard let role = Role(rawValue: form.role ?? ""), Role.enteRoles.contains(role) else {
            return try await renderEnte(req, error: "Nuovo utente: il campo «Ruolo» non è valido.", status: .unprocessableEntity)
        }
        var unitIDs = Set<UUID>()
        if role == .responsabile {
            let org = try await OrganisationStore.snapshot(enteID: enteID, on: req.db)
            guard let key = form.unit.nonEmpty, let id = org.unitIDs[key] else {
                return try await renderEnte(req, error: "Nuovo utente: un responsabile deve avere un'unità (campo «Unità»).", status: .unprocessableEntity)
            }
            unitIDs = [id]
        }
        let displayName = form.displayName.trimmed
        guard !displayName.isEmpty else {
            return try await renderEnte(req, error: "Nuovo utente: il campo «Nome e cognome» è obbligatorio.", status: .unprocessableEntity)
        }
        do {
            try await users.create(NewUser(username: form.username.trimmed.lowercased(), displayName: displayName, password: form.password ?? "",
                                           grants: [Grant(enteID: enteID, role: role, unitIDs: unitIDs)]), on: req.db, actor: req.actor)
        } catch let error as UserStoreError {
            return try await renderEnte(req, error: "Nuovo utente: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Utente creato.")
        return req.redirect(to: "/enti/\(ente.slug)/utenti")
    }
}
