import TraguardoCore
import TraguardoPersistence
import Vapor

/// Plans: the list, a new plan, the tree, lifecycle moves and next year's plan.
struct PlanController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.plans, use: list)
        routes.on(.createPlan, use: create)
        routes.on(.plan, use: tree)
        routes.on(.movePlan, use: move)
        routes.on(.rollover, use: rollover)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let page = PlanListPage.build(
            layout: try await req.layout("Piani · \(ente.ente.name)", .plans), ente: ente.ente.slug,
            plans: try await req.store.plans(enteID: ente.id), canManage: req.allows(.managePlan))
        return try await req.render(page)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let plan = try req.content.decode(PlanForm.self).plan().get()
        do {
            try await req.store.createPlan(plan, enteID: ente.id, actor: req.actor)
        } catch let error as PlanRuleError {
            throw Abort(.unprocessableEntity, reason: "Nuovo piano: \(error.description)")
        }
        req.flash("Piano «\(plan.title)» creato.")
        return req.redirect(to: Links.ente(ente.ente.slug).plan(plan.key).tree)
    }

    @Sendable func tree(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let principal = try req.requirePrincipal()
        let canRollover = req.allows(.managePlan)
        return try await req.renderKept(.plans) {
            let plan = try await req.plan()
            let bundle = try await req.bundle(of: plan)
            let digest = try await req.application.caches.trees.value(plan.id, revision: ente.structureRevision) {
                PlanTreePage.digest(ente: ente.ente.slug, bundle: bundle)
            }
            let canEdit = EditingRule.mayEdit(bundle.plan, principal: principal, enteID: ente.id)
            return (
                "\(bundle.plan.title) · \(ente.ente.name)",
                {
                    PlanTreePage.build(
                        layout: $0, ente: ente.ente.slug, bundle: bundle, canEdit: canEdit, canRollover: canRollover,
                        mayMove: { AccessPolicy.allows(principal, $0.permission, enteID: ente.id) }, digest: digest)
                }
            )
        }
    }

    /// A lifecycle move (approval with its act, then monitoring, …); the core refuses the rest in Italian.
    @Sendable func move(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let principal = try req.requirePrincipal()
        let plan = try await req.plan()
        let (state, act) = try req.content.decode(MoveForm.self).move().get()
        do {
            _ = try await req.store.move(plan, to: state, act: act, allows: { AccessPolicy.allows(principal, $0, enteID: ente.id) }, actor: req.actor)
        } catch let error as PlanRuleError {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
        req.flash("Stato del piano: \(state.label).")
        return req.redirect(to: Links.ente(ente.ente.slug).plan(plan.plan.key).tree)
    }

    /// Next year's plan from this one (pluriennali carried with their next stage).
    @Sendable func rollover(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let plan = try await req.plan()
        let result = PlanRollover.next(try await req.bundle(of: plan))
        do {
            try await req.store.importBundle(result.bundle, actor: req.actor)
        } catch let error as BundleImportError {
            throw Abort(.unprocessableEntity, reason: "Rinnovo: \(error.description)")
        }
        req.flash(
            "Creato «\(result.bundle.plan.title)»: \(result.carried.count) obiettivi pluriennali proseguono, \(result.concluded.count) si chiudono con l'anno \(plan.plan.year)."
        )
        return req.redirect(to: Links.ente(ente.ente.slug).plan(result.bundle.plan.key).tree)
    }
}

extension FormError: AbortError {
    var status: HTTPResponseStatus { .unprocessableEntity }
    var reason: String { message }
}
