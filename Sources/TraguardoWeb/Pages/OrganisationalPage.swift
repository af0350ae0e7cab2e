import Foundation
import TraguardoCore

/// Organisational performance in one campaign: the figures the SMVP's dimensions ask for (entered by the segretario,
/// or the Nucleo), and the points each dimension makes from them. A dimension without figures is "non rilevato".
struct OrganisationalPage: PageModel {
    static let template = "pages/organisational"

    struct Row: Encodable, Hashable, Sendable {
        let key: String
        let dimension: String
        let label: String
        let target: String
        let value: String
        let source: String
        let note: String
        let version: Int
        let result: String
    }

    struct DimensionRow: Encodable, Hashable, Sendable {
        let name: String
        let basis: String
        let achievement: String
        let points: String
        let measured: Bool
    }

    /// What the form showed when it was refused: the user's text, kept as typed.
    struct Shown: Sendable {
        var value: [String: String] = [:]
        var source: [String: String] = [:]
        var note: [String: String] = [:]
    }

    let layout: Layout
    let plan: PlanSummary
    let campaign: CampaignSummary
    let dashboardHref: String
    let saveHref: String
    let hasMethodology: Bool
    let canEdit: Bool
    let blocked: String?
    let error: String?
    let rows: [Row]
    let hasRows: Bool
    let dimensions: [DimensionRow]
    let total: String

    static func build(
        layout: Layout, context c: CampaignContext, methodology: OrganisationalPerformance?, canEnter: Bool, error: String? = nil,
        shown: Shown? = nil
    ) -> OrganisationalPage {
        let planLinks = Links.ente(c.ente).plan(c.bundle.plan.key)
        let campaign = c.data.campaign
        let fields = methodology.map(OrganisationalEntry.fields) ?? []
        let score = c.sheet.organisationalScore
        let results = Dictionary(
            (score?.dimensions ?? []).flatMap(\.indicators).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let entered = Dictionary(c.data.organisational.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        let rows = fields.map { field -> Row in
            let stored = entered[field.key]
            let result: String
            if field.isDimension {
                result = stored.map { "\(ScoreFormat.compact($0.value))%" } ?? "non rilevato"
            } else if let r = results[field.key], r.value != nil {
                result = r.met ? "raggiunto" : "non raggiunto · \(r.achievement.map { ScoreFormat.compact($0) + "%" } ?? "—")"
            } else {
                result = "non rilevato"
            }
            return Row(
                key: field.key, dimension: field.dimensionName, label: field.label, target: field.target,
                value: shown?.value[field.key] ?? stored.map { ScoreFormat.compact($0.value) } ?? "",
                source: shown?.source[field.key] ?? stored?.source ?? "", note: shown?.note[field.key] ?? stored?.note ?? "",
                version: c.data.organisationalVersions[field.key] ?? 0, result: result)
        }
        let dimensions = (score?.dimensions ?? []).map { d in
            DimensionRow(
                name: d.name, basis: basis(d.source), achievement: d.achievement.map { ScoreFormat.compact($0) + "%" } ?? "non rilevato",
                points: d.achievement == nil
                    ? "non rilevato (su \(ScoreFormat.compact(d.maxPoints)))"
                    : "\(ScoreFormat.compact(d.points)) su \(ScoreFormat.compact(d.maxPoints))",
                measured: d.achievement != nil)
        }
        let blocked: String? =
            !canEnter
            ? nil
            : OrganisationalEntry.accepts(campaign)
                ? nil
                : "La campagna è «\(campaign.state.label)»: i valori non si possono più modificare (riaprila con una motivazione per correggerli)."
        return OrganisationalPage(
            layout: layout, plan: PlanSummary(c.bundle.plan, ente: c.ente), campaign: CampaignSummary(campaign, links: planLinks),
            dashboardHref: c.links.dashboard, saveHref: c.links.organisational, hasMethodology: methodology != nil,
            canEdit: canEnter && blocked == nil && !fields.isEmpty, blocked: blocked, error: error, rows: rows, hasRows: !rows.isEmpty,
            dimensions: dimensions, total: totalText(score))
    }

    static func basis(_ source: OrgDimensionSource) -> String {
        switch source {
        case .indicators: "indicatori della dimensione"
        case .enteMean: "media degli obiettivi dell'ente"
        case .unitsMean: "media dei settori"
        case .entered: "grado inserito"
        }
    }

    static func totalText(_ score: OrganisationalScore?) -> String {
        guard let score else { return "" }
        guard score.isMeasured else { return "Non rilevata: nessuna dimensione ha dati." }
        let total = "\(ScoreFormat.compact(score.points)) punti su \(ScoreFormat.compact(score.totalPoints))"
        return score.unmeasured.isEmpty ? total : "\(total), parziale: non rilevate \(score.unmeasured.joined(separator: ", "))."
    }
}
