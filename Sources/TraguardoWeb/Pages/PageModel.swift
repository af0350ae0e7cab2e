import TraguardoCore
import TraguardoPersistence

/// A page: a plain value built by a pure function from core values, rendered by one template that reads
/// nothing else. Handlers fetch, build the model, render; snapshot tests render models without a server.
protocol PageModel: Encodable, Sendable {
    /// The Leaf template under `Views/`, e.g. "pages/card".
    static var template: String { get }
    var layout: Layout { get }
}

/// An option of a select, a checkbox of a list: the one shape every form uses.
struct Choice: Encodable, Hashable, Sendable {
    let value: String
    let label: String
    var selected: Bool = false
}

/// A label and its value, for definition lists.
struct Field: Encodable, Hashable, Sendable {
    let label: String
    let value: String
}

/// The sections of the navigation bar; a page names the one it belongs to.
enum NavSection: String, Sendable {
    case home, ente, plans, methodology, organisation, users, audit, admin
}

/// What every page's frame needs: the user, the ente switcher, navigation, the CSRF token, a flash message.
struct Layout: Encodable, Hashable, Sendable {
    struct EnteChoice: Encodable, Hashable, Sendable {
        let slug: String
        let name: String
        let current: Bool
    }

    struct NavItem: Encodable, Hashable, Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    let title: String
    let userName: String?
    let username: String?
    let enti: [EnteChoice]
    let currentEnteName: String?
    let nav: [NavItem]
    let csrf: String
    let flash: String?
    let hasEnti: Bool
    /// Too many enti for a list: the switcher is a text box (name or identifier).
    let searchSwitcher: Bool
    let hasNav: Bool
    let homeHref: String
    let logoutHref: String
    let switchEnteHref: String
    let stylesheets: [String]

    /// Above this many visible enti the switcher is a search box.
    static let switcherLimit = 50

    static func build(
        title: String, section: NavSection?, principal: Principal?, enti: [StoredEnte], current: StoredEnte?, searchSwitcher: Bool = false,
        csrf: String, flash: String?
    ) -> Layout {
        let choices = enti.map { EnteChoice(slug: $0.ente.slug, name: $0.ente.name, current: $0.id == current?.id) }
        var nav: [NavItem] = []
        func add(_ label: String, _ href: String, _ s: NavSection) { nav.append(NavItem(label: label, href: href, current: s == section)) }
        if principal != nil { add("Enti", Links.home, .home) }
        if let principal, let current {
            let links = Links.ente(current.ente.slug)
            add("Ente", links.home, .ente)
            add("Piani", links.plans, .plans)
            add("Metodologia", links.methodology, .methodology)
            add("Organizzazione", links.organisation, .organisation)
            if AccessPolicy.allows(principal, .manageEnteUsers, enteID: current.id) { add("Utenti", links.users, .users) }
            if AccessPolicy.allows(principal, .viewAudit, enteID: current.id) { add("Registro modifiche", links.audit, .audit) }
        }
        if principal?.isSystemAdmin == true { add("Amministrazione", Links.admin, .admin) }
        return Layout(
            title: title, userName: principal?.displayName, username: principal?.username, enti: choices,
            currentEnteName: current?.ente.name, nav: nav, csrf: csrf, flash: flash, hasEnti: !choices.isEmpty,
            searchSwitcher: searchSwitcher,
            hasNav: !nav.isEmpty, homeHref: Links.home, logoutHref: Links.logout, switchEnteHref: Links.switchEnte,
            stylesheets: Assets.stylesheets)
    }
}

/// The page shown for an error (403, 404, 500…).
struct ErrorPage: PageModel {
    static let template = "pages/error"
    let layout: Layout
    let heading: String
    let message: String
    let homeHref: String
}
