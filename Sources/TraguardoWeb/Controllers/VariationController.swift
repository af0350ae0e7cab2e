import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Variations of an approved plan: requested from a card by the objective's owner, decided by the segretario.
struct VariationController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.variations, use: list)
        routes.on(.requestVariation, use: request)
        routes.on(.decideVariation, use: decide)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await render(req, error: nil)
    }

    private func render(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let bundle = try await req.bundle(of: try await req.plan())
        let page = VariationListPage.build(
            layout: try await req.layout("Variazioni · \(bundle.plan.title)", .plans), ente: try req.requireEnte().ente.slug, bundle: bundle,
            canDecide: req.allows(.managePlan), error: error)
        return try await req.render(page, status: status)
    }

    @Sendable func request(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let bundle = try await req.bundle(of: plan)
        let node = try req.node(in: bundle)
        try await req.authorizeEdit(node.ownerUnitKeys)
        let form = try req.content.decode(VariationForm.self)
        let change: VariationChange
        switch form.change(node: node, indicators: bundle.indicators.filter { $0.nodeKey == node.key }) {
        case .success(let c): change = c
        case .failure(let error): throw Abort(.unprocessableEntity, reason: error.message)
        }
        let variation = try await Refusals.asAbort {
            try await req.store.requestVariation(
                change, node: node.key, reason: form.reason ?? "", on: ItalianFormat.day(of: Date()), in: plan, actor: req.actor)
        }
        req.flash("Variazione n. \(variation.number) richiesta: la decide il segretario con il suo atto.")
        return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).node(node.key).card)
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let plan = try await req.plan()
        guard let number = Int(req.parameter("item")) else { throw Abort(.notFound, reason: "Variazione inesistente.") }
        let form = try req.content.decode(VariationDecisionForm.self)
        let act: Act?
        switch form.act() {
        case .success(let a): act = a
        case .failure(let error): return try await render(req, error: error.message, status: .unprocessableEntity)
        }
        do {
            let v = try await req.store.decideVariation(
                number, approve: form.decision == "approva", act: act, rejection: form.rejection, in: plan, actor: req.actor)
            req.flash(
                v.state == .approvata
                    ? "Variazione n. \(number) approvata con \(v.act?.label ?? "l'atto"): il piano è ora alla versione \(v.planVersion ?? 0)."
                    : "Variazione n. \(number) respinta.")
            return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).variations)
        } catch let error as VariationError {
            return try await render(req, error: error.description, status: error.httpStatus)
        }
    }
}
