import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// JSON API, version 1. Same access rules as the pages; errors are JSON with an Italian `reason`.
struct APIController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.apiMe, use: me)
        routes.on(.apiEnti, use: enti)
        routes.on(.apiEnte, use: ente)
        routes.on(.apiUnits, use: units)
        routes.on(.apiHolder, use: holder)
        routes.on(.apiAudit, use: audit)
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
        let slugs = try await req.store.enti(visibleTo: p).reduce(into: [UUID: String]()) { $0[$1.id] = $1.ente.slug }
        return Me(
            username: p.username, displayName: p.displayName, isSystemAdmin: p.isSystemAdmin,
            grants: p.grants.compactMap { g in slugs[g.enteID].map { GrantDTO(ente: $0, role: g.role) } })
    }

    @Sendable func enti(req: Request) async throws -> [Ente] {
        try await req.store.enti(visibleTo: try req.requirePrincipal()).map(\.ente)
    }

    @Sendable func ente(req: Request) async throws -> Ente {
        try req.requireEnte().ente
    }

    struct Organisation: Content {
        let units: [OrgUnit]
        let people: [Person]
        let assignments: [Assignment]
        let politicalReferents: [PoliticalReferent]
    }

    @Sendable func units(req: Request) async throws -> Organisation {
        let org = try await req.organisation()
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
        let org = try await req.organisation()
        let unitText = req.query("unita") ?? ""
        guard !unitText.isEmpty else { throw Abort(.badRequest, reason: "Parametro «unita» obbligatorio: codice o chiave dell'unità.") }
        if let raw = try? req.query.get(String.self, at: "data"), raw.trimmingCharacters(in: .whitespaces).isEmpty {
            throw Abort(.badRequest, reason: "Parametro «data» vuoto: indica una data (gg/mm/aaaa) oppure omettilo.")
        }
        guard let unit = org.units.first(where: { $0.code == unitText || $0.key == unitText }) else {
            throw Abort(.notFound, reason: "Parametro «unita»: unità \"\(unitText)\" inesistente in questo ente.")
        }
        let dateText = req.query("data") ?? ""
        guard let day = dateText.isEmpty ? ItalianFormat.day(of: Date()) : Day(parsing: dateText) else {
            throw Abort(.badRequest, reason: "Parametro «data»: \(dateText) non è una data valida (gg/mm/aaaa).")
        }
        let a = Responsibility.holder(of: unit.key, on: day, in: org.assignments)
        return Holder(unit: unit, date: day, person: a.flatMap { org.person($0.personKey) }, assignment: a)
    }

    @Sendable func audit(req: Request) async throws -> [AuditEntry] {
        let q = AuditQuery(req)
        if let error = q.error { throw Abort(.badRequest, reason: error) }
        return try await req.store.audit(q.filter(enteIDs: [try req.requireEnte().id], limit: 500))
    }
}

extension Ente: Content {}
extension OrgUnit: Content {}
extension Person: Content {}
extension Assignment: Content {}
extension PoliticalReferent: Content {}
extension AuditEntry: Content {}
extension Day: Content {}
