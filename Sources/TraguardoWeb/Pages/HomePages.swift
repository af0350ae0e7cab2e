import Foundation
import TraguardoCore
import TraguardoPersistence

/// The sign-in form.
struct LoginPage: PageModel {
    static let template = "pages/login"
    let layout: Layout
    let error: String?
    let username: String
    let next: String
    let action: String

    static func build(layout: Layout, error: String?, username: String, next: String) -> LoginPage {
        LoginPage(layout: layout, error: error, username: username, next: next, action: Endpoint.login.path())
    }
}

/// The enti the user can open, with their role in each.
struct DashboardPage: PageModel {
    static let template = "pages/dashboard"

    struct EnteCard: Encodable, Hashable, Sendable {
        let href: String
        let name: String
        let kind: String
        let members: String?
        let roles: String
        let units: Int
        let people: Int
    }

    let layout: Layout
    let enti: [EnteCard]
    let hasEnti: Bool

    /// `counts`: units and people of each ente, by id.
    static func build(layout: Layout, principal: Principal, enti: [StoredEnte], counts: [UUID: (units: Int, people: Int)]) -> DashboardPage {
        let cards = enti.map { e in
            EnteCard(
                href: Links.ente(e.ente.slug).home, name: e.ente.name, kind: e.ente.kind.label,
                members: e.ente.memberNames.isEmpty ? nil : "Comuni aderenti: " + e.ente.memberNames.joined(separator: ", "),
                roles: Role.allCases.filter(principal.roles(in: e.id).contains).map(\.label).joined(separator: ", "),
                units: counts[e.id]?.units ?? 0, people: counts[e.id]?.people ?? 0)
        }
        return DashboardPage(layout: layout, enti: cards, hasEnti: !cards.isEmpty)
    }
}
