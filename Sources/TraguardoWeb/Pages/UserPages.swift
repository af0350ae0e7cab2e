import Foundation
import TraguardoCore
import TraguardoPersistence

/// An account as the user pages list it.
struct AccountRow: Encodable, Hashable, Sendable {
    let username: String
    let name: String
    let roles: String
    let locked: Bool
    /// Where reminders go; nil: none, they are read in the app only.
    let email: String?

    /// `enteName` and `unitName` resolve the ids of the grants; `now` decides whether a lock is still on.
    init(_ account: Account, now: Date, enteName: (UUID) -> String?, unitName: (UUID) -> String?) {
        var roles = account.grants.map { g -> String in
            let units = g.unitIDs.compactMap(unitName).sorted()
            let place = enteName(g.enteID).map { " – \($0)" } ?? ""
            return g.role.label + place + (units.isEmpty ? "" : " (\(units.joined(separator: ", ")))")
        }
        if account.isSystemAdmin { roles.insert(Role.amministratore.label, at: 0) }
        username = account.username
        name = account.displayName
        email = account.email
        self.roles = roles.joined(separator: "; ")
        locked = (account.lockedUntil ?? .distantPast) > now
    }
}

/// The administrator's page: every account, and a new ente.
struct AdminPage: PageModel {
    static let template = "pages/admin"
    let layout: Layout
    let users: [AccountRow]
    let kinds: [Choice]
    let error: String?
    let createEnteAction: String
    let auditHref: String

    static func build(layout: Layout, accounts: [Account], enti: [StoredEnte], now: Date, error: String?) -> AdminPage {
        let names = Dictionary(uniqueKeysWithValues: enti.map { ($0.id, $0.ente.name) })
        return AdminPage(
            layout: layout, users: accounts.map { AccountRow($0, now: now, enteName: { names[$0] ?? "?" }, unitName: { _ in nil }) },
            kinds: EnteKind.allCases.map { Choice(value: $0.rawValue, label: $0.label) }, error: error,
            createEnteAction: Links.createEnte, auditHref: Links.globalAudit)
    }
}

/// The accounts of one ente and the form that grants a role.
struct EnteUsersPage: PageModel {
    static let template = "pages/ente-users"
    let layout: Layout
    let users: [AccountRow]
    let roles: [Choice]
    let units: [Choice]
    let error: String?
    let createAction: String

    static func build(layout: Layout, ente: String, members: [Account], org: OrganisationSnapshot, now: Date, error: String?) -> EnteUsersPage {
        let unitNames = Dictionary(uniqueKeysWithValues: org.unitIDs.map { ($0.value, org.unit($0.key)?.displayName ?? $0.key) })
        return EnteUsersPage(
            layout: layout, users: members.map { AccountRow($0, now: now, enteName: { _ in nil }, unitName: { unitNames[$0] }) },
            roles: Role.enteRoles.map { Choice(value: $0.rawValue, label: $0.label) },
            units: org.units.map { Choice(value: $0.key, label: $0.displayName) }, error: error,
            createAction: Links.ente(ente).createUser)
    }
}

/// The audit trail, filtered by entity, user, action and period.
struct AuditPage: PageModel {
    static let template = "pages/audit"

    struct Row: Encodable, Hashable, Sendable {
        let at: String
        let actor: String
        let action: String
        let entity: String
        let entityID: String
        let changed: String
        let before: String?
        let after: String?

        init(_ e: AuditEntry) {
            at = ItalianFormat.dateTime(e.at)
            actor = e.actorName
            action = e.action.label
            entity = AuditEntity(rawValue: e.entity)?.label ?? e.entity
            entityID = e.entityID
            changed = AuditDiff.changedFields(before: e.before, after: e.after).joined(separator: ", ")
            before = e.before
            after = e.after
        }
    }

    let layout: Layout
    let heading: String
    let action: String
    let rows: [Row]
    let entities: [Choice]
    let actor: String
    let actions: [Choice]
    let from: String
    let to: String
    let error: String?
    let rowCount: Int

    static func build(layout: Layout, heading: String, action: String, entries: [AuditEntry], query: AuditQuery) -> AuditPage {
        let rows = entries.map(Row.init)
        return AuditPage(
            layout: layout, heading: heading, action: action, rows: rows,
            entities: AuditEntity.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == query.entity) },
            actor: query.actor ?? "",
            actions: AuditAction.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == query.action) },
            from: query.fromText ?? "", to: query.toText ?? "", error: query.error, rowCount: rows.count)
    }
}
