import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The audit trail, filtered by entity, user, action and period. Read-only: there is no route that edits it.
struct AuditController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.enteAudit, use: entePage)
        routes.on(.globalAudit, use: globalPage)
    }

    @Sendable func entePage(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        return try await render(
            req, heading: "Registro modifiche · \(ente.ente.name)", action: Links.ente(ente.ente.slug).audit,
            enteIDs: [ente.id], section: .audit)
    }

    @Sendable func globalPage(req: Request) async throws -> Response {
        try await render(req, heading: "Registro modifiche dell'installazione", action: Links.globalAudit, enteIDs: nil, section: .admin)
    }

    private func render(_ req: Request, heading: String, action: String, enteIDs: [UUID]?, section: NavSection) async throws -> Response {
        let query = AuditQuery(req)
        let entries = try await req.store.audit(query.filter(enteIDs: enteIDs, limit: 200))
        let page = AuditPage.build(layout: try await req.layout(heading, section), heading: heading, action: action, entries: entries, query: query)
        return try await req.render(page)
    }
}

/// The filters of the audit page and API, read from the query string with Italian errors for bad dates.
struct AuditQuery {
    var entity: AuditEntity?
    var actor: String?
    var action: AuditAction?
    var from: Day?
    var to: Day?
    var fromText: String?
    var toText: String?
    var error: String?

    func filter(enteIDs: [UUID]?, limit: Int) -> AuditLog.Filter {
        var filter = AuditLog.Filter(enteIDs: enteIDs, entity: entity, actorName: actor, action: action, limit: limit)
        filter.from = from.map(Self.startOfDay)
        filter.to = to.map { Self.startOfDay($0).addingTimeInterval(86_400) }
        return filter
    }

    static func startOfDay(_ day: Day) -> Date {
        var c = DateComponents()
        c.year = day.year
        c.month = day.month
        c.day = day.day
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Rome") ?? .gmt
        return cal.date(from: c) ?? Date.distantPast
    }
}

extension AuditQuery {
    init(_ req: Request) {
        entity = req.query("entita").flatMap(AuditEntity.init(rawValue:))
        actor = req.query("utente")
        action = req.query("azione").flatMap(AuditAction.init(rawValue:))
        // A filter that names nothing known is an error, not "no filter": the answer would silently be everything.
        if let t = req.query("entita"), entity == nil { error = "Filtro «Entità»: \"\(t)\" non è un'entità del registro." }
        if let t = req.query("azione"), action == nil { error = "Filtro «Azione»: \"\(t)\" non è un'azione del registro." }
        fromText = req.query("dal")
        toText = req.query("al")
        if let t = fromText {
            from = Day(parsing: t)
            if from == nil { error = "Filtro «Dal»: \(t) non è una data valida (gg/mm/aaaa)." }
        }
        if let t = toText {
            to = Day(parsing: t)
            if to == nil { error = "Filtro «Al»: \(t) non è una data valida (gg/mm/aaaa)." }
        }
    }
}
