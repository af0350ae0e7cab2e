import TraguardoCore
import TraguardoPersistence
import Vapor

/// What every page's layout needs: the user, the ente switcher, navigation, the CSRF token, a flash message.
struct LayoutContext: Encodable {
    struct EnteLink: Encodable {
        let slug: String
        let name: String
        let current: Bool
    }

    struct NavItem: Encodable {
        let label: String
        let href: String
        let active: Bool
    }

    let title: String
    let userName: String?
    let username: String?
    let enti: [EnteLink]
    let currentEnte: EnteLink?
    let nav: [NavItem]
    let csrf: String
    let flash: String?
    let isAdmin: Bool
    let hasEnti: Bool
    let hasNav: Bool

    static func make(_ req: Request, title: String, active: String = "") async throws -> LayoutContext {
        let principal = req.principal
        var enti: [EnteLink] = []
        if let principal {
            enti = try await EnteStore.visible(to: principal, on: req.db).map {
                EnteLink(slug: $0.slug, name: $0.name, current: $0.id == req.ente?.id)
            }
        }
        let current = enti.first(where: \.current)
        var nav: [NavItem] = []
        if principal != nil {
            nav.append(NavItem(label: "Enti", href: "/", active: active == "home"))
        }
        if let principal, let ente = req.ente, let enteID = ente.id {
            nav.append(NavItem(label: "Ente", href: "/enti/\(ente.slug)", active: active == "ente"))
            nav.append(NavItem(label: "Piani", href: "/enti/\(ente.slug)/piani", active: active == "piani"))
            nav.append(NavItem(label: "Metodologia", href: "/enti/\(ente.slug)/metodologia", active: active == "metodologia"))
            nav.append(NavItem(label: "Organizzazione", href: "/enti/\(ente.slug)/organizzazione", active: active == "organizzazione"))
            if AccessPolicy.allows(principal, .manageEnteUsers, enteID: enteID) {
                nav.append(NavItem(label: "Utenti", href: "/enti/\(ente.slug)/utenti", active: active == "utenti"))
            }
            if AccessPolicy.allows(principal, .viewAudit, enteID: enteID) {
                nav.append(NavItem(label: "Registro modifiche", href: "/enti/\(ente.slug)/registro", active: active == "registro"))
            }
        }
        if principal?.isSystemAdmin == true {
            nav.append(NavItem(label: "Amministrazione", href: "/admin", active: active == "admin"))
        }
        let flash = req.session.data[SessionKeys.flash]
        if flash != nil { req.session.data[SessionKeys.flash] = nil }
        return LayoutContext(title: title, userName: principal?.displayName, username: principal?.username, enti: enti,
                             currentEnte: current, nav: nav, csrf: CSRFMiddleware.token(for: req), flash: flash,
                             isAdmin: principal?.isSystemAdmin ?? false, hasEnti: !enti.isEmpty, hasNav: !nav.isEmpty)
    }
}

extension Request {
    /// A one-time message shown on the next page (after a redirect).
    func flash(_ message: String) {
        session.data[SessionKeys.flash] = message
    }
}
