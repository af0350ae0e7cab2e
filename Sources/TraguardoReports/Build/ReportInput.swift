import TraguardoCore

/// What a document is made from: the plan with its organisation and campaigns, the methodology that scores it, the
/// campaign it reports on, and the ente's recorded acts and layout choices.
public struct ReportInput: Sendable {
    public var bundle: PlanBundle
    public var methodology: Methodology
    /// The version of the ente's methodology in force, printed on the cover (nil: the general preset).
    public var methodologyVersion: Int?
    /// The campaign reported on; nil takes the final campaign, or the last one.
    public var campaignKey: String?
    /// The Nucleo's minutes of the campaign.
    public var minutes: [Minutes]
    public var layout: ReportLayout
    /// The act approving the Relazione, when recorded.
    public var deliberation: Deliberation?
    public var generatedOn: Day

    public init(
        bundle: PlanBundle, methodology: Methodology, methodologyVersion: Int? = nil, campaignKey: String? = nil, minutes: [Minutes] = [],
        layout: ReportLayout = .init(), deliberation: Deliberation? = nil, generatedOn: Day
    ) {
        self.bundle = bundle
        self.methodology = methodology
        self.methodologyVersion = methodologyVersion
        self.campaignKey = campaignKey
        self.minutes = minutes
        self.layout = layout
        self.deliberation = deliberation
        self.generatedOn = generatedOn
    }
}

/// The input scored once, with the lookups every builder needs.
struct ReportContext {
    let input: ReportInput
    let report: ScoreReport
    let campaign: Campaign?
    let nodes: [String: PlanNode]
    let children: [String: [PlanNode]]
    let indicators: [String: [Indicator]]
    let phases: [String: [Phase]]
    let values: [String: [MonitoringValue]]
    let decisions: [String: Validation]
    let objectiveScores: [String: ScoreReport.ObjectiveScore]
    let people: [String: Person]
    let policy: RoundingPolicy

    init(_ input: ReportInput) {
        self.input = input
        let bundle = input.bundle
        campaign =
            input.campaignKey.flatMap { k in bundle.campaigns.first { $0.key == k } }
            ?? bundle.campaigns.last { $0.isFinal } ?? bundle.campaigns.last
        report = ScoringEngine.score(ScoringInput(bundle: bundle, methodology: input.methodology, campaignKey: campaign?.key))
        nodes = Dictionary(bundle.nodes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        children = Dictionary(grouping: bundle.nodes.filter { $0.parentKey != nil }, by: { $0.parentKey! })
            .mapValues { $0.sorted { $0.order < $1.order } }
        indicators = Dictionary(grouping: bundle.indicators, by: \.nodeKey).mapValues { $0.sorted { $0.order < $1.order } }
        phases = Dictionary(grouping: bundle.phases, by: \.nodeKey).mapValues { $0.sorted { $0.ordinal < $1.ordinal } }
        let key = campaign?.key
        values = Dictionary(grouping: bundle.values.filter { $0.campaignKey == key }, by: \.nodeKey)
        decisions = Dictionary(
            bundle.validations.filter { $0.campaignKey == key && $0.isDecision }.map { ($0.nodeKey, $0) }, uniquingKeysWith: { _, last in last })
        objectiveScores = Dictionary(report.objectives.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        people = Dictionary(bundle.people.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        policy = input.methodology.rounding
    }

    var bundle: PlanBundle { input.bundle }
    var layout: ReportLayout { input.layout }
    var asOf: Day { report.plan.asOf }

    /// The objectives scored (leaves of the cascade), in the plan's order.
    var objectives: [PlanNode] { report.objectives.compactMap { nodes[$0.key] } }

    /// The unit an objective is printed under: its coordinating unit, or its first owner.
    func homeUnit(of node: PlanNode) -> String? { node.coordinatingUnitKey ?? node.ownerUnitKeys.first }

    /// Objectives as the ente prints them: trasversali first (if the layout says so), then unit by unit in the
    /// layout's order, each in the plan's order.
    func objectivesByUnit() -> [(id: String, title: String, unit: OrgUnit?, objectives: [PlanNode])] {
        var groups: [(String, String, OrgUnit?, [PlanNode])] = []
        var rest = objectives
        if layout.crossCuttingFirst {
            let shared = rest.filter(\.crossCutting)
            if !shared.isEmpty { groups.append(("trasversali", "Obiettivi trasversali", nil, shared)) }
            rest.removeAll(where: \.crossCutting)
        }
        for unit in layout.arrange(bundle.units) {
            let own = rest.filter { homeUnit(of: $0) == unit.key }
            if !own.isEmpty { groups.append(("unita-\(unit.key)", unit.displayName, unit, own)) }
        }
        let placed = Set(groups.flatMap { $0.3.map(\.key) })
        let orphans = rest.filter { !placed.contains($0.key) }
        if !orphans.isEmpty { groups.append(("senza-unita", "Obiettivi senza unità", nil, orphans)) }
        return groups
    }

    /// "Rossi Mario" of a unit's holder at the reference date.
    func holder(of unitKey: String) -> String? {
        Responsibility.holder(of: unitKey, on: asOf, in: bundle.assignments).flatMap { people[$0.personKey]?.displayName }
    }

    func score(_ value: Double?) -> String { ScoreFormat.score(value, policy: policy) }

    /// The objective's own entry in the campaign (status, narrative).
    func entry(_ nodeKey: String) -> MonitoringValue? { values[nodeKey]?.first { $0.indicatorKey == nil } }

    func value(_ nodeKey: String, indicator: String) -> MonitoringValue? { values[nodeKey]?.first { $0.indicatorKey == indicator } }

    /// The cover lines every document shares.
    var coverLines: [String] {
        var lines = ["\(bundle.plan.title) – anno \(bundle.plan.year)"]
        if let act = bundle.plan.approval { lines.append("Approvato con \(act.label)") }
        return lines
    }

    var methodologyLine: String {
        let version = input.methodologyVersion.map { ", versione \($0) adottata dall'ente" } ?? ""
        return "Metodologia di valutazione: \(input.methodology.name)\(version)"
    }

    /// A fixed text of the layout, or the default.
    func text(_ place: String, default fallback: String) -> String { layout.texts[place] ?? fallback }
}
