import TraguardoCore
import TraguardoPersistence
import Vapor

/// Nodes of the cascade: the card, the forms, and the changes (create, edit, duplicate, delete). A responsabile
/// changes only nodes of their units (`EditingRule`); the structural rules are the core's (`PlanRules`).
struct NodeController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.card, use: card)
        routes.on(.newNode, use: newForm)
        routes.on(.createNode, use: create)
        routes.on(.editNode, use: editForm)
        routes.on(.updateNode, use: update)
        routes.on(.deleteNode, use: delete)
        routes.on(.duplicateNode, use: duplicate)
    }

    @Sendable func card(req: Request) async throws -> Response {
        let ente = try req.requireEnte()
        let principal = try req.requirePrincipal()
        return try await req.renderKept(.plans) {
            let bundle = try await req.bundle(of: try await req.plan())
            let node = try req.node(in: bundle)
            let owns = try await req.mayEdit(node.ownerUnitKeys)
            let canEdit = owns && EditingRule.mayEdit(bundle.plan, principal: principal, enteID: ente.id)
            // The Nucleo and the segretario read what happened to the objective, campaign after campaign.
            let history =
                req.allows(.viewAudit)
                ? try await req.store.audit(AuditLog.Filter(enteIDs: [ente.id], entityIDs: AuditLog.subjects(of: node, in: bundle), limit: 200))
                : nil
            return (
                node.title,
                {
                    CardPage.build(
                        layout: $0, ente: ente.ente.slug, bundle: bundle, node: node, canEdit: canEdit, canRequestVariation: owns, history: history)
                }
            )
        }
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let bundle = try await req.bundle(of: try await req.plan())
        var node = PlanNode(key: "", level: bundle.plan.levels.last ?? .performanceObjective, title: "")
        node.parentKey = req.query("parent")
        if let level = req.query("livello").flatMap(CascadeLevel.init(rawValue:)) { node.level = level }
        return try await form(req, bundle: bundle, node: node, isNew: true, error: nil)
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let bundle = try await req.bundle(of: try await req.plan())
        let node = try req.node(in: bundle)
        try await req.authorizeEdit(node.ownerUnitKeys)
        return try await form(req, bundle: bundle, node: node, isNew: false, error: nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let bundle = try await req.bundle(of: plan)
        let node = PlanNode(key: PlanKeys.node(existing: Set(bundle.nodes.map(\.key))), level: .performanceObjective, title: "")
        return try await save(req, plan: plan, bundle: bundle, node: node, isNew: true)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let bundle = try await req.bundle(of: plan)
        let node = try req.node(in: bundle)
        try await req.authorizeEdit(node.ownerUnitKeys)
        return try await save(req, plan: plan, bundle: bundle, node: node, isNew: false)
    }

    private func save(_ req: Request, plan: StoredPlan, bundle: PlanBundle, node original: PlanNode, isNew: Bool) async throws -> Response {
        var node = original
        if let error = try req.content.decode(NodeForm.self).apply(to: &node) {
            return try await form(req, bundle: bundle, node: node, isNew: isNew, error: error, status: .unprocessableEntity)
        }
        try await req.authorizeEdit(node.ownerUnitKeys)
        do {
            try await req.store.save(node, previousKey: isNew ? nil : original.key, in: plan, actor: req.actor)
        } catch let error as PlanRuleError {
            return try await form(req, bundle: bundle, node: node, isNew: isNew, error: error.description, status: .unprocessableEntity)
        }
        req.flash(isNew ? "Nodo «\(node.title)» creato." : "Modifiche a «\(node.title)» salvate.")
        return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).node(node.key).card)
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let node = try req.node(in: try await req.bundle(of: plan))
        try await req.authorizeEdit(node.ownerUnitKeys)
        try await Refusals.asAbort { try await req.store.deleteNode(node.key, in: plan, actor: req.actor) }
        req.flash("«\(node.title)» eliminato.")
        return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).tree)
    }

    @Sendable func duplicate(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let node = try req.node(in: try await req.bundle(of: plan))
        try await req.authorizeEdit(node.ownerUnitKeys)
        let key = try await Refusals.asAbort { try await req.store.duplicateNode(node.key, in: plan, actor: req.actor) }
        req.flash("Copia di «\(node.title)» creata.")
        return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).node(key).edit)
    }

    private func form(_ req: Request, bundle: PlanBundle, node: PlanNode, isNew: Bool, error: String?, status: HTTPStatus = .ok) async throws
        -> Response
    {
        let title = isNew ? "Nuovo obiettivo" : "Modifica «\(node.title)»"
        let page = NodeFormPage.build(
            layout: try await req.layout(title, .plans), ente: try req.requireEnte().ente.slug, bundle: bundle,
            node: node, isNew: isNew, error: error)
        return try await req.render(page, status: status)
    }
}

/// Indicators of a card: add and remove.
struct IndicatorController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.addIndicator, use: add)
        routes.on(.removeIndicator, use: remove)
    }

    @Sendable func add(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let node = try req.node(in: try await req.bundle(of: plan))
        try await req.authorizeEdit(node.ownerUnitKeys)
        let indicator = try req.content.decode(IndicatorInput.self).indicator(of: node.key).get()
        try await Refusals.asAbort(prefix: "Indicatore: ") { try await req.store.add(indicator, to: plan, actor: req.actor) }
        req.flash("Indicatore aggiunto.")
        return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).node(node.key).card)
    }

    @Sendable func remove(req: Request) async throws -> Response {
        try await removeItem(req, .indicator, "Indicatore eliminato.")
    }
}

/// Phases of a card: add and remove.
struct PhaseController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.addPhase, use: add)
        routes.on(.removePhase, use: remove)
    }

    @Sendable func add(req: Request) async throws -> Response {
        let plan = try await req.plan()
        let node = try req.node(in: try await req.bundle(of: plan))
        try await req.authorizeEdit(node.ownerUnitKeys)
        let phase = try req.content.decode(PhaseForm.self).phase(of: node.key).get()
        try await Refusals.asAbort(prefix: "Fase: ") { try await req.store.add(phase, to: plan, actor: req.actor) }
        req.flash("Fase aggiunta.")
        return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).node(node.key).card)
    }

    @Sendable func remove(req: Request) async throws -> Response {
        try await removeItem(req, .phase, "Fase eliminata.")
    }
}

private func removeItem(_ req: Request, _ kind: PlanItemKind, _ message: String) async throws -> Response {
    let plan = try await req.plan()
    let node = try req.node(in: try await req.bundle(of: plan))
    try await req.authorizeEdit(node.ownerUnitKeys)
    try await Refusals.asAbort { try await req.store.remove(kind, key: req.parameter("item"), of: node.key, in: plan, actor: req.actor) }
    req.flash(message)
    return req.redirect(to: Links.ente(try req.requireEnte().ente.slug).plan(plan.plan.key).node(node.key).card)
}

extension Request {
    /// The node named by the `:node` parameter, or an Italian 404.
    func node(in bundle: PlanBundle) throws -> PlanNode {
        let key = parameter("node")
        guard let node = bundle.nodes.first(where: { $0.key == key }) else {
            throw Abort(.notFound, reason: "Obiettivo \"\(key)\" inesistente in questo piano.")
        }
        return node
    }

    /// The per-unit rule of `EditingRule`: a segretario any node, a responsabile only nodes of their units.
    func mayEdit(_ ownerUnitKeys: [String]) async throws -> Bool {
        let principal = try requirePrincipal()
        let ente = try requireEnte()
        guard AccessPolicy.allows(principal, .editOwnUnits, enteID: ente.id) else { return false }
        if AccessPolicy.allows(principal, .managePlan, enteID: ente.id) { return true }
        let unitIDs = try await organisation().unitIDs
        return EditingRule.mayEdit(ownerUnitKeys: ownerUnitKeys, principal: principal, enteID: ente.id, unitIDs: unitIDs)
    }

    func authorizeEdit(_ ownerUnitKeys: [String]) async throws {
        guard try await mayEdit(ownerUnitKeys) else {
            throw Abort(.forbidden, reason: "Puoi modificare solo gli obiettivi delle unità di cui sei responsabile.")
        }
    }
}
