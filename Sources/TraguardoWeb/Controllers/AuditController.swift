import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The audit trail, filtered by entity, user, action and period. Read-only: there is no route that edits it.
struct AuditController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("enti", ":ente", "registro", use: entePage).requires(.ente(.viewAudit))
        routes.get("admin", "registro", use: globalPage).requires(.system(.administer))
    }

    struct Row: Encodable {
        let at: String
        let actor: String
        let action: String
        let entity: String
        let entityID: String
        let changed: String
        let before: String?
        let after: String?
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let heading: String
        let action: String
        let rows: [Row]
        let entity: String
        let actor: String
        let selectedAction: String
        let from: String
        let to: String
        let actions: [LabelledValue]
        let error: String?
        let rowCount: Int
    }

    struct LabelledValue: Encodable {
        let value: String
        let label: String
    }

    @Sendable func entePage(req: Request) async throws -> View {
        let (ente, enteID) = try req.requireEnte()
        return try await render(req, heading: "Registro modifiche · \(ente.name)", action: "/enti/\(ente.slug)/registro", enteIDs: [enteID], active: "registro")
    }

    @Sendable func globalPage(req: Request) async throws -> View {
        try await render(req, heading: "Registro modifiche dell'installazione", action: "/admin/registro", enteIDs: nil, active: "admin")
    }

    private func render(_ req: Request, heading: String, action: String, enteIDs: [UUID]?, active: String) async throws -> View {
        let q = AuditQuery(req)
        var filter = AuditLog.Filter(enteIDs: enteIDs, entity: q.entity, actorName: q.actor, action: q.action, limit: 200)
        filter.from = q.from.map(Self.startOfDay)
        filter.to = q.to.map { Self.startOfDay($0).addingTimeInterval(86_400) }
        let rows = try await AuditLog.entries(on: req.db, filter: filter).map { r in
            Row(at: ItalianFormat.dateTime(r.at), actor: r.actorName, action: AuditAction(rawValue: r.action)?.label ?? r.action,
                entity: r.entity, entityID: r.entityID,
                changed: AuditDiff.changedFields(before: r.before, after: r.after).joined(separator: ", "),
                before: r.before, after: r.after)
        }
        let page = Page(layout: try await LayoutContext.make(req, title: heading, active: active), heading: heading, action: action,
                        rows: rows, entity: q.entity ?? "", actor: q.actor ?? "", selectedAction: q.action?.rawValue ?? "",
                        from: q.fromText ?? "", to: q.toText ?? "",
                        actions: AuditAction.allCases.map { LabelledValue(value: $0.rawValue, label: $0.label) }, error: q.error,
                        rowCount: rows.count)
        return try await req.view.render("pages/audit", page)
    }

    static func startOfDay(_ day: Day) -> Date {
        var c = DateComponents()
        c.year = day.year; c.month = day.month; c.day = day.day
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Rome") ?? .gmt
        return cal.date(from: c) ?? Date.distantPast
    }
}

/// The filters of the audit page and API, read from the query string with Italian errors for bad dates.
struct AuditQuery {
    var entity: String?
    var actor: String?
    var action: AuditAction?
    var from: Day?
    var to: Day?
    var fromText: String?
    var toText: String?
    var error: String?

    init(_ req: Request) {
        entity = (try? req.query.get(String.self, at: "entita")).nonEmpty
        actor = (try? req.query.get(String.self, at: "utente")).nonEmpty
        action = (try? req.query.get(String.self, at: "azione")).flatMap(AuditAction.init(rawValue:))
        fromText = (try? req.query.get(String.self, at: "dal")).nonEmpty
        toText = (try? req.query.get(String.self, at: "al")).nonEmpty
        if let t = fromText { from = Day(parsing: t); if from == nil { error = "Filtro «Dal»: \(t) non è una data valida (gg/mm/aaaa)." } }
        if let t = toText { to = Day(parsing: t); if to == nil { error = "Filtro «Al»: \(t) non è una data valida (gg/mm/aaaa)." } }
    }
}
