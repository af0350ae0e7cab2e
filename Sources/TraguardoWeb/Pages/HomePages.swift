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

    /// A running campaign and what it asks of the user.
    struct Task: Encodable, Hashable, Sendable {
        let ente: String
        let title: String
        let href: String
        let state: String
        let progress: String
        let deadline: String?
        let late: Bool

        static func build(ente: Ente, plan: Plan, toDo: MonitoringToDo, data: CampaignData, asNucleo: Bool, today: Day) -> Task {
            let links = Links.ente(ente.slug).plan(plan.key).campaign(toDo.campaign.key)
            let progress: String
            if asNucleo {
                let decided = toDo.items.filter { item in data.validation(of: item.nodeKey).map { $0.kind != .integrazione } ?? false }.count
                progress = "\(decided) obiettivi validati su \(toDo.items.count)"
            } else {
                progress = "\(toDo.completed) obiettivi completi su \(toDo.items.count)"
            }
            let days = toDo.daysLeft(today: today)
            let deadline =
                days.map { d in d >= 0 ? "scadenza tra \(d) giorni (\(toDo.campaign.entryDeadline!.italian))" : "scaduta da \(-d) giorni" }
                ?? "senza scadenza"
            return Task(
                ente: ente.name, title: toDo.campaign.title, href: links.dashboard, state: toDo.campaign.state.label, progress: progress,
                deadline: toDo.campaign.state.acceptsEntries ? deadline : nil, late: (days ?? 0) < 0 && toDo.campaign.state.acceptsEntries)
        }
    }

    let layout: Layout
    let enti: [EnteCard]
    let hasEnti: Bool
    let tasks: [Task]
    let hasTasks: Bool
    /// Many enti: a search form and a line saying how many are shown of how many.
    let showSearch: Bool
    let search: String
    let shownText: String?
    let homeHref: String

    /// `counts`: units and people of each ente, by id; `total`: how many the user may see in all.
    static func build(
        layout: Layout, principal: Principal, enti: [StoredEnte], counts: [UUID: (units: Int, people: Int)], tasks: [Task] = [],
        total: Int? = nil, search: String = "", searchLimit: Int = .max
    ) -> DashboardPage {
        let cards = enti.map { e in
            EnteCard(
                href: Links.ente(e.ente.slug).home, name: e.ente.name, kind: e.ente.kind.label,
                members: e.ente.memberNames.isEmpty ? nil : "Comuni aderenti: " + e.ente.memberNames.joined(separator: ", "),
                roles: Role.allCases.filter(principal.roles(in: e.id).contains).map(\.label).joined(separator: ", "),
                units: counts[e.id]?.units ?? 0, people: counts[e.id]?.people ?? 0)
        }
        let total = total ?? enti.count
        let showSearch = total > searchLimit || !search.isEmpty
        let shown: String? =
            !showSearch
            ? nil
            : search.isEmpty
                ? "Enti accessibili: \(ItalianFormat.number(Double(total), decimals: 0)); qui i primi \(cards.count) in ordine di nome. Cerca per nome o identificativo."
                : cards.count == searchLimit
                    ? "I primi \(cards.count) enti che contengono «\(search)»: precisa la ricerca per vederne altri."
                    : "Enti che contengono «\(search)»: \(cards.count)."
        return DashboardPage(
            layout: layout, enti: cards, hasEnti: !cards.isEmpty || !search.isEmpty, tasks: tasks, hasTasks: !tasks.isEmpty, showSearch: showSearch,
            search: search, shownText: shown, homeHref: Links.home)
    }
}
