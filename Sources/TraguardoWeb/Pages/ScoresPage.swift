import TraguardoCore

/// Scores of a plan under the ente's methodology, each with its explanation one click away. Every figure
/// comes from `ScoreSheet`, the formatter the CLI prints with too.
struct ScoresPage: PageModel {
    static let template = "pages/scores"

    let layout: Layout
    let planHref: String
    let planTitle: String
    let methodology: String
    let methodologyHref: String
    let asOf: String
    let campaigns: [Choice]
    let hasCampaigns: Bool
    let formAction: String
    let units: [ScoreSheet.RollUp]
    let nodes: [ScoreSheet.RollUp]
    let groups: [ScoreSheet.RollUp]
    let hasGroups: Bool
    let objectives: [ScoreSheet.Objective]
    let enteMean: String
    let servicesMean: String
    let enteMeanComputed: String
    let servicesMeanComputed: String
    let enteExplanation: String
    let organisational: String?
    let issues: [String]
    let hasNodes: Bool
    let hasIssues: Bool

    static func build(
        layout: Layout, ente: String, plan: Plan, campaigns: [Campaign], campaign: String?, sheet: ScoreSheet,
        adoptedVersion: Int?
    ) -> ScoresPage {
        let links = Links.ente(ente)
        return ScoresPage(
            layout: layout, planHref: links.plan(plan.key).tree, planTitle: plan.title,
            methodology: sheet.methodologyName
                + (adoptedVersion.map { " — versione adottata n. \($0)" } ?? " — metodologia generale (nessuna adottata)"),
            methodologyHref: links.methodology, asOf: sheet.asOf.italian,
            campaigns: campaigns.map { Choice(value: $0.key, label: $0.title, selected: $0.key == campaign) },
            hasCampaigns: campaigns.count > 1, formAction: links.plan(plan.key).scores,
            units: sheet.units, nodes: sheet.nodes, groups: sheet.groups, hasGroups: !sheet.groups.isEmpty, objectives: sheet.objectives,
            enteMean: sheet.enteMean, servicesMean: sheet.servicesMean,
            enteMeanComputed: sheet.enteMeanComputed, servicesMeanComputed: sheet.servicesMeanComputed,
            enteExplanation: sheet.enteExplanation, organisational: sheet.organisational, issues: sheet.issues,
            hasNodes: !sheet.nodes.isEmpty, hasIssues: !sheet.issues.isEmpty)
    }
}
