import FluentKit
import TraguardoCore
import TraguardoPersistence
import Vapor

/// JSON API, version 1. Same access rules as the pages; errors are JSON with an Italian `reason`.
struct APIController {
    func register(_ routes: any RoutesBuilder) {
        let api = routes.grouped("api", "v1")
        api.get("me", use: me).requires(.signedIn)
        api.get("enti", use: enti).requires(.signedIn)
        api.get("enti", ":ente", use: ente).requires(.ente(.viewEnte))
        api.get("enti", ":ente", "unita", use: units).requires(.ente(.viewEnte))
        api.get("enti", ":ente", "responsabile", use: holder).requires(.ente(.viewEnte))
        api.get("enti", ":ente", "registro", use: audit).requires(.ente(.viewAudit))
    }

    struct Me: Content {
        let username: String
        let displayName: String
        let isSystemAdmin: Bool
        let grants: [GrantDTO]
    }

    struct GrantDTO: Content {
        let ente: String
        let role: Role
    }

    @Sendable func me(req: Request) async throws -> Me {
        let p = try req.requirePrincipal()
        let slugs = try await EnteStore.visible(to: p, on: req.db).reduce(into: [UUID: String]()) { $0[$1.id!] = $1.slug }
        return Me(username: p.username, displayName: p.displayName, isSystemAdmin: p.isSystemAdmin,
                  grants: p.grants.compactMap { g in slugs[g.enteID].map { GrantDTO(ente: $0, role: g.role) } })
    }

    @Sendable func enti(req: Request) async throws -> [Ente] {
        try await EnteStore.visible(to: try req.requirePrincipal(), on: req.db).map(\.domain)
    }

    @Sendable func ente(req: Request) async throws -> Ente {
        try req.requireEnte().0.domain
    }

    struct Organisation: Content {
        let units: [OrgUnit]
        let people: [Person]
        let assignments: [Assignment]
        let politicalReferents: [PoliticalReferent]
    }

    @Sendable func units(req: Request) async throws -> Organisation {
        let org = try await OrganisationStore.snapshot(enteID: try req.requireEnte().1, on: req.db)
        return Organisation(units: org.units, people: org.people, assignments: org.assignments, politicalReferents: org.referents)
    }

    struct Holder: Content {
        let unit: OrgUnit
        let date: Day
        let person: Person?
        let assignment: Assignment?
    }

    /// "Who is responsabile of settore 02 on 15/05/2024": `?unita=02&data=15/05/2024` (code or key; ISO dates too).
    @Sendable func holder(req: Request) async throws -> Holder {
        let org = try await OrganisationStore.snapshot(enteID: try req.requireEnte().1, on: req.db)
        let unitText = (try? req.query.get(String.self, at: "unita")) ?? ""
        guard let unit = org.units.first(where: { $0.code == unitText || $0.key == unitText }) else {
            throw Abort(.badRequest, reason: "Parametro «unita»: unità \"\(unitText)\" inesistente in questo ente.")
        }
        let dateText = (try? req.query.get(String.self, at: "data")) ?? ""
        guard let day = dateText.isEmpty ? ItalianFormat.day(of: Date()) : Day(parsing: dateText) else {
            throw Abort(.badRequest, reason: "Parametro «data»: \(dateText) non è una data valida (gg/mm/aaaa).")
        }
        let a = Responsibility.holder(of: unit.key, on: day, in: org.assignments)
        return Holder(unit: unit, date: day, person: a.flatMap { org.person($0.personKey) }, assignment: a)
    }

    @Sendable func audit(req: Request) async throws -> [AuditEntry] {
        let q = AuditQuery(req)
        if let error = q.error { throw Abort(.badRequest, reason: error) }
        var filter = AuditLog.Filter(enteIDs: [try req.requireEnte().1], entity: q.entity, actorName: q.actor, action: q.action, limit: 500)
        filter.from = q.from.map(AuditController.startOfDay)
        filter.to = q.to.map { AuditController.startOfDay($0).addingTimeInterval(86_400) }
        return try await AuditLog.entries(on: req.db, filter: filter).map(\.domain)
    }
}

extension Ente: Content {}
extension OrgUnit: Content {}
extension Person: Content {}
extension Assignment: Content {}
extension PoliticalReferent: Content {}
extension AuditEntry: Content {}
extension Day: Content {}
