import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The ente's layout of its documents: shown to everyone who reads the ente, changed by the segretario.
struct ReportLayoutController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.reportLayout, use: page)
        routes.on(.saveReportLayout, use: save)
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req, current: try await req.store.reportLayout(enteID: try req.requireEnte().id))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let form = try req.content.decode(ReportLayoutForm.self)
        let current = try await req.store.reportLayout(enteID: ente.id)
        switch form.apply(to: current, units: try await req.organisation().units) {
        case .failure(let error):
            return try await render(req, current: current, error: error.message, status: .unprocessableEntity)
        case .success(let layout):
            try await req.store.saveReportLayout(layout, enteID: ente.id, actor: req.actor)
            req.flash("Impaginazione dei documenti salvata: vale per i prossimi documenti generati.")
            return req.redirect(to: Links.ente(ente.ente.slug).reportLayout)
        }
    }

    private func render(_ req: Request, current: ReportLayout, error: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let ente = try req.requireEnte()
        let page = ReportLayoutPage.build(
            layout: try await req.layout("Impaginazione dei documenti · \(ente.ente.name)", .plans), ente: ente.ente.slug,
            units: try await req.organisation().units, current: current, canEdit: req.allows(.managePlan), error: error)
        return try await req.render(page, status: status)
    }
}
