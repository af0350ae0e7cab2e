import Foundation
import TraguardoCore
import TraguardoMail
import TraguardoPersistence
import Vapor

/// Accounts and roles. The administrator manages enti and every account; a segretario grants roles in
/// their own ente (never the administrator flag).
struct UsersController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.admin, use: adminPage)
        routes.on(.createEnte, use: createEnte)
        routes.on(.enteUsers, use: entePage)
        routes.on(.createEnteUser, use: createEnteUser)
    }

    @Sendable func adminPage(req: Request) async throws -> Response {
        try await renderAdmin(req, error: nil)
    }

    private func renderAdmin(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let page = AdminPage.build(
            layout: try await req.layout("Amministrazione", .admin), accounts: try await req.store.accounts(),
            enti: try await req.store.allEnti(), now: Date(), error: error)
        return try await req.render(page, status: status)
    }

    struct EnteForm: Content {
        var slug: String?
        var name: String?
        var kind: String?
        var codiceISTAT: String?
    }

    @Sendable func createEnte(req: Request) async throws -> Response {
        let form = try req.content.decode(EnteForm.self)
        let ente = Ente(
            slug: form.slug.trimmed.lowercased(), name: form.name.trimmed, kind: EnteKind(rawValue: form.kind ?? "") ?? .comune,
            codiceISTAT: form.codiceISTAT.nonEmpty)
        do {
            try await req.store.createEnte(ente, actor: req.actor)
        } catch let error as EnteStoreError {
            return try await renderAdmin(req, error: "Nuovo ente: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Ente «\(ente.name)» creato.")
        return req.redirect(to: Links.admin)
    }

    @Sendable func entePage(req: Request) async throws -> Response {
        try await renderEnte(req, error: nil)
    }

    private func renderEnte(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let ente = try req.requireEnte()
        let page = EnteUsersPage.build(
            layout: try await req.layout("Utenti · \(ente.ente.name)", .users), ente: ente.ente.slug,
            members: try await req.store.members(of: ente.id), org: try await req.organisation(),
            now: Date(), error: error)
        return try await req.render(page, status: status)
    }

    struct UserForm: Content {
        var username: String?
        var displayName: String?
        var password: String?
        var role: String?
        var unit: String?
        var email: String?
    }

    @Sendable func createEnteUser(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let form = try req.content.decode(UserForm.self)
        guard let role = Role(rawValue: form.role ?? ""), Role.enteRoles.contains(role) else {
            return try await renderEnte(req, error: "Nuovo utente: il campo «Ruolo» non è valido.", status: .unprocessableEntity)
        }
        var unitIDs = Set<UUID>()
        if role == .responsabile {
            let org = try await req.organisation()
            guard let key = form.unit.nonEmpty, let id = org.unitIDs[key] else {
                return try await renderEnte(
                    req, error: "Nuovo utente: un responsabile deve avere un'unità (campo «Unità»).", status: .unprocessableEntity)
            }
            unitIDs = [id]
        }
        let displayName = form.displayName.trimmed
        guard !displayName.isEmpty else {
            return try await renderEnte(req, error: "Nuovo utente: il campo «Nome e cognome» è obbligatorio.", status: .unprocessableEntity)
        }
        var email: String?
        if let text = form.email.nonEmpty {
            guard let address = MailAddress(address: text) else {
                return try await renderEnte(
                    req, error: "Nuovo utente: il campo «E-mail» (\(text)) non è un indirizzo valido.", status: .unprocessableEntity)
            }
            email = address.address
        }
        do {
            try await req.store.createUser(
                NewUser(
                    username: form.username.trimmed.lowercased(), displayName: displayName, password: form.password ?? "",
                    grants: [Grant(enteID: ente.id, role: role, unitIDs: unitIDs)], email: email), actor: req.actor)
        } catch let error as UserStoreError {
            return try await renderEnte(req, error: "Nuovo utente: \(error.description)", status: .unprocessableEntity)
        }
        req.flash("Utente creato.")
        return req.redirect(to: Links.ente(ente.ente.slug).users)
    }
}
