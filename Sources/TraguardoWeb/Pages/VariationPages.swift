import Foundation
import TraguardoCore

/// A variation as a history row: what changed, why, who asked, how it was decided.
struct VariationRow: Encodable, Hashable, Sendable {
    let number: Int
    let objective: String
    let objectiveHref: String
    let change: String
    let reason: String
    let requested: String
    let state: String
    let decision: String
    let pending: Bool
    let decideHref: String

    init(_ v: Variation, bundle: PlanBundle, links: PlanLinks) {
        number = v.number
        let node = bundle.nodes.first { $0.key == v.nodeKey }
        objective = [node?.code, node?.title].compactMap { $0 }.joined(separator: " – ")
        objectiveHref = links.node(v.nodeKey).card
        change = v.change.describe(indicators: bundle.indicators + [v.indicatorBefore].compactMap { $0 })
        reason = v.reason
        requested = "\(v.requestedBy), \(v.requestedOn.italian)"
        state = v.state.label
        switch v.state {
        case .approvata:
            decision = (v.act?.label ?? "") + (v.planVersion.map { " · versione \($0) del piano" } ?? "")
        case .respinta: decision = "Motivo: " + (v.rejection ?? "")
        case .richiesta: decision = "In attesa di decisione"
        }
        pending = v.state == .richiesta
        decideHref = links.decideVariation(v.number)
    }
}

/// Every variation of a plan, with the segretario's approve/reject forms for the pending ones.
struct VariationListPage: PageModel {
    static let template = "pages/variations"
    let layout: Layout
    let plan: PlanSummary
    let version: Int
    let rows: [VariationRow]
    let hasRows: Bool
    let canDecide: Bool
    let error: String?

    static func build(layout: Layout, ente: String, bundle: PlanBundle, canDecide: Bool, error: String?) -> VariationListPage {
        let links = Links.ente(ente).plan(bundle.plan.key)
        let rows = bundle.variations.reversed().map { VariationRow($0, bundle: bundle, links: links) }
        return VariationListPage(
            layout: layout, plan: PlanSummary(bundle.plan, ente: ente), version: bundle.plan.version, rows: rows, hasRows: !rows.isEmpty,
            canDecide: canDecide, error: error)
    }
}
