import Foundation
import TraguardoCore

/// One objective in one campaign: the owner's entry form (a value per indicator in the indicator's own form,
/// status, reason, stato di attuazione), the score the methodology computes from it with its explanation, and the
/// Nucleo's decision.
struct EntryPage: PageModel {
    static let template = "pages/entry"

    struct IndicatorRow: Encodable, Hashable, Sendable {
        let key: String
        let index: Int
        let name: String
        let form: String
        let expected: String
        let baseline: String
        let value: String
        let progress: String
        let hint: String
        let score: String
    }

    let layout: Layout
    let plan: PlanSummary
    let campaign: CampaignSummary
    let dashboardHref: String
    let cardHref: String
    let code: String
    let title: String
    let units: String
    let fields: [Field]
    let canEdit: Bool
    let blocked: String?
    let error: String?
    let version: Int
    let saveHref: String
    let previewHref: String
    let indicators: [IndicatorRow]
    let hasIndicators: Bool
    let statuses: [Choice]
    let statusReason: String
    let narrative: String
    let sentBack: String?
    let computed: String
    let explanation: String
    let decision: String?
    let decisionReason: String?
    let canDecide: Bool
    let decideHref: String
    let kinds: [Choice]
    let minutes: [Choice]
    let validatedInput: String
    let script = Assets.entryScript
    let evidence: [EvidenceRow]
    let hasEvidence: Bool
    let uploadHref: String

    struct EvidenceRow: Encodable, Hashable, Sendable {
        let name: String
        let size: String
        let by: String
        let href: String
        let deleteHref: String
    }

    /// What the form shows: the stored entries, or what the user sent when it was refused.
    struct Values: Sendable {
        var objective: MonitoringValue?
        var indicators: [String: (value: String, progress: String)] = [:]
    }

    static func build(
        layout: Layout, context c: CampaignContext, node: PlanNode, blocked: String?, error: String?, shown: Values? = nil,
        evidence: [Evidence] = []
    ) -> EntryPage {
        let campaign = c.data.campaign
        let objective = shown?.objective ?? c.data.objectiveEntry(node.key)
        let score = c.sheet.objectives.first { $0.key == node.key }
        let indicators = c.bundle.indicators.filter { $0.nodeKey == node.key }.sorted { $0.order < $1.order }
        let rows = indicators.enumerated().map { i, x -> IndicatorRow in
            let stored = c.data.entry(node.key, indicator: x.key)
            let typed = shown?.indicators[x.key]
            return IndicatorRow(
                key: x.key, index: i, name: x.name, form: x.form.label,
                expected: x.target.map { "\(x.direction.symbol) \($0.italianText)" } ?? "—", baseline: x.baseline?.italianText ?? "—",
                value: typed?.value ?? stored?.actual?.italianText ?? "",
                progress: typed?.progress ?? stored?.progress.map { ItalianFormat.number($0, decimals: 0) } ?? "",
                hint: hint(x.form), score: i < (score?.indicators.count ?? 0) ? score!.indicators[i] : "")
        }
        let decision = c.data.validation(of: node.key)
        var fields: [Field] = []
        if let deadline = node.deadline { fields.append(Field(label: "Scadenza", value: deadline.italian)) }
        if let outcome = node.expectedOutcome { fields.append(Field(label: "Risultato atteso", value: outcome)) }
        if let w = node.weight { fields.append(Field(label: "Peso", value: ItalianFormat.percent(w))) }
        return EntryPage(
            layout: layout, plan: PlanSummary(c.bundle.plan, ente: c.ente),
            campaign: CampaignSummary(campaign, links: Links.ente(c.ente).plan(c.bundle.plan.key)), dashboardHref: c.links.dashboard,
            cardHref: Links.ente(c.ente).plan(c.bundle.plan.key).node(node.key).card, code: node.code ?? node.key, title: node.title,
            units: node.ownerUnitKeys.map(c.unitName).joined(separator: ", "), fields: fields, canEdit: blocked == nil, blocked: blocked,
            error: error,
            version: c.data.version(of: node.key), saveHref: c.links.saveEntry(node.key), previewHref: c.links.previewEntry(node.key),
            indicators: rows, hasIndicators: !rows.isEmpty,
            statuses: [Choice(value: "", label: "— non indicato —", selected: objective?.status == nil)]
                + ProgressStatus.ownerChoices.map { Choice(value: $0.rawValue, label: $0.label, selected: objective?.status == $0) },
            statusReason: objective?.statusReason ?? "", narrative: objective?.narrative ?? "",
            sentBack: decision?.kind == .integrazione ? decision?.reason : nil,
            computed: score?.computed ?? ScoreSheet.notReported, explanation: score?.explanation ?? "",
            decision: decision.map { d in d.kind == .modifica ? "\(d.kind.label): \(score?.validated ?? "")" : d.kind.label },
            decisionReason: decision.flatMap { $0.reason.isEmpty ? nil : $0.reason },
            canDecide: c.isNucleo && campaign.state == .inValidazione, decideHref: c.links.decide(node.key),
            kinds: ValidationKind.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == (decision?.kind ?? .conferma)) },
            minutes: [Choice(value: "", label: "— nessuno —")] + c.data.minutes.map { Choice(value: $0.label, label: $0.label) },
            validatedInput: decision?.kind == .modifica ? decision?.score.map { ItalianFormat.number($0, decimals: 2) } ?? "" : "",
            evidence: evidence.map { e in
                EvidenceRow(
                    name: e.filename, size: ItalianFormat.number(Double(e.size) / 1024, decimals: 0) + " KB",
                    by: e.uploadedBy + (e.uploadedAt.map { " il " + ItalianFormat.day(of: $0).italian } ?? ""),
                    href: c.links.evidence(node.key, e.id),
                    deleteHref: c.links.deleteEvidence(node.key, e.id))
            }, hasEvidence: !evidence.isEmpty, uploadHref: c.links.uploadEvidence(node.key))
    }

    static func hint(_ form: IndicatorForm) -> String {
        switch form {
        case .number: "un numero, es. 1.234,5"
        case .percent: "una percentuale, es. 87,5"
        case .ratio: "un rapporto, es. 0,75"
        case .date: "una data gg/mm/aaaa"
        case .boolean: "SI oppure NO"
        case .milestone: "il traguardo raggiunto, in parole o con una data"
        case .progress: "avanzamento in %, es. 60"
        }
    }
}
