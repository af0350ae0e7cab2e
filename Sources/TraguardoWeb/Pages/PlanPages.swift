import Foundation
import TraguardoCore
import TraguardoPersistence

/// A plan as a link with its state, for lists and headings.
struct PlanSummary: Encodable, Hashable, Sendable {
    let key: String
    let href: String
    let title: String
    let year: Int
    let state: String
    let approval: String?

    init(_ plan: Plan, ente: String) {
        key = plan.key
        href = Links.ente(ente).plan(plan.key).tree
        title = plan.title
        year = plan.year
        state = plan.state.label
        approval = plan.approval?.label
    }
}

/// The ente's plans, and the form that starts a new one.
struct PlanListPage: PageModel {
    static let template = "pages/plans"
    let layout: Layout
    let plans: [PlanSummary]
    let hasPlans: Bool
    let canManage: Bool
    let levels: [Choice]
    let createHref: String
    let importHref: String

    static func build(layout: Layout, ente: String, plans: [Plan], canManage: Bool) -> PlanListPage {
        let links = Links.ente(ente)
        let summaries = plans.map { PlanSummary($0, ente: ente) }
        return PlanListPage(
            layout: layout, plans: summaries, hasPlans: !summaries.isEmpty, canManage: canManage,
            levels: CascadeLevel.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: true) },
            createHref: links.createPlan, importHref: links.importForm)
    }
}

/// The plan as a tree with counts, statistics, warnings and the moves of its lifecycle.
struct PlanTreePage: PageModel {
    static let template = "pages/plan"

    struct Row: Encodable, Hashable, Sendable {
        let href: String
        let code: String?
        let title: String
        let level: String
        let indent: Int
        let owners: String
        let weight: String?
        let children: Int
        let phases: Int
        let indicators: Int
        let participants: Int
        let flags: Int
        let crossCutting: Bool
    }

    /// A lifecycle move the user may make, as a form.
    struct Move: Encodable, Hashable, Sendable {
        let state: String
        let label: String
        let needsAct: Bool
    }

    struct Export: Encodable, Hashable, Sendable {
        let label: String
        let href: String
    }

    let layout: Layout
    let plan: PlanSummary
    let stats: [String]
    let warnings: [String]
    let warningCount: Int
    let rows: [Row]
    let sourceFlags: [String]
    let notes: String?
    let canEdit: Bool
    let canRollover: Bool
    let hasSourceFlags: Bool
    let moves: [Move]
    let hasMoves: Bool
    let scoresHref: String
    let documentsHref: String
    let campaignsHref: String
    let variationsHref: String
    let exports: [Export]
    let newNodeHref: String
    let moveHref: String
    let rolloverHref: String

    /// What the page shows that depends only on the plan (outline, counts, warnings): computed once per revision
    /// of the ente's data and kept (`DerivedCaches.trees`).
    struct Digest: Sendable {
        let rows: [Row]
        let stats: [String]
        let warnings: [String]
    }

    static func digest(ente: String, bundle: PlanBundle) -> Digest {
        let links = Links.ente(ente).plan(bundle.plan.key)
        let warnings = PlanWarnings.check(bundle)
        let units = Dictionary(bundle.units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = PlanOutline(bundle).rows.map { row in
            Row(
                href: links.node(row.node.key).card, code: row.node.code, title: row.node.title, level: row.node.level.label,
                indent: row.depth, owners: row.node.ownerUnitKeys.compactMap { units[$0]?.displayName }.joined(separator: ", "),
                weight: row.node.weight.map { ItalianFormat.percent($0) }, children: row.children, phases: row.phases,
                indicators: row.indicators, participants: row.participants, flags: row.node.sourceFlags.count,
                crossCutting: row.node.crossCutting)
        }
        return Digest(rows: rows, stats: PlanStatistics(bundle, warnings: warnings.count).lines, warnings: warnings.map(\.message))
    }

    /// `mayMove` answers whether the user may make a lifecycle transition; `digest` defaults to computing it.
    static func build(
        layout: Layout, ente: String, bundle: PlanBundle, canEdit: Bool, canRollover: Bool,
        mayMove: (PlanLifecycle.Transition) -> Bool, digest: Digest? = nil
    ) -> PlanTreePage {
        let links = Links.ente(ente).plan(bundle.plan.key)
        let digest = digest ?? Self.digest(ente: ente, bundle: bundle)
        let moves = PlanLifecycle.next(from: bundle.plan.state).filter(mayMove).map {
            Move(state: $0.to.rawValue, label: $0.label, needsAct: $0.needsAct)
        }
        return PlanTreePage(
            layout: layout, plan: PlanSummary(bundle.plan, ente: ente), stats: digest.stats, warnings: digest.warnings,
            warningCount: digest.warnings.count, rows: digest.rows, sourceFlags: bundle.source?.flags ?? [], notes: bundle.plan.notes,
            canEdit: canEdit, canRollover: canRollover, hasSourceFlags: !(bundle.source?.flags.isEmpty ?? true), moves: moves,
            hasMoves: !moves.isEmpty, scoresHref: links.scores, documentsHref: links.documents(), campaignsHref: links.campaigns,
            variationsHref: links.variations,
            exports: [
                Export(label: "Excel", href: links.export("xlsx")), Export(label: "ODS", href: links.export("ods")),
                Export(label: "JSON", href: links.export("json")),
            ],
            newNodeHref: links.newNode, moveHref: links.move, rolloverHref: links.rollover)
    }
}
