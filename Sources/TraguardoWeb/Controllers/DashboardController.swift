import FluentKit
import TraguardoCore
import TraguardoPersistence
import Vapor

struct DashboardController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(use: dashboard).requires(.signedIn)
        routes.get("scegli-ente", use: switchEnte).requires(.signedIn)
        routes.get("health", use: health).requires(.anonymous)
    }

    struct EnteCard: Encodable {
        let slug: String
        let name: String
        let kind: String
        let members: String?
        let roles: String
        let units: Int
        let people: Int
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let enti: [EnteCard]
        let hasEnti: Bool
    }

    @Sendable func dashboard(req: Request) async throws -> View {
        let principal = try req.requirePrincipal()
        var cards: [EnteCard] = []
        for ente in try await EnteStore.visible(to: principal, on: req.db) {
            let id = try ente.requireID()
            let domain = ente.domain
            cards.append(EnteCard(
                slug: ente.slug, name: ente.name, kind: domain.kind.label,
                members: domain.memberNames.isEmpty ? nil : "Comuni aderenti: " + domain.memberNames.joined(separator: ", "),
                roles: Role.allCases.filter(principal.roles(in: id).contains).map(\.label).joined(separator: ", "),
                units: try await OrgUnitRecord.query(on: req.db).filter(\.$ente.$id == id).count(),
                people: try await PersonRecord.query(on: req.db).filter(\.$ente.$id == id).count()))
        }
        return try await req.view.render("pages/dashboard", Page(layout: try await LayoutContext.make(req, title: "Enti", active: "home"), enti: cards, hasEnti: !cards.isEmpty))
    }

    /// The ente switcher is a plain GET form, so it works without JavaScript. The target page checks access.
    @Sendable func switchEnte(req: Request) async throws -> Response {
        let slug = (try? req.query.get(String.self, at: "ente")) ?? ""
        guard Ente.isValidSlug(slug) else { return req.redirect(to: "/") }
        return req.redirect(to: "/enti/\(slug)")
    }

    struct Health: Content {
        let status: String
        let version: String
    }

    @Sendable func health(req: Request) async throws -> Health {
        _ = try await EnteRecord.query(on: req.db).count()
        return Health(status: "ok", version: Traguardo.version)
    }
}
