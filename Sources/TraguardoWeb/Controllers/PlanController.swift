import FluentKit
import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// The plan as a tree with counts and warnings, and each objective as a card like the ente's PIAO.
struct PlanController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("enti", ":ente", "piani", use: list).requires(.ente(.viewEnte))
        routes.get("enti", ":ente", "piani", ":plan", use: tree).requires(.ente(.viewEnte))
        routes.get("enti", ":ente", "piani", ":plan", "nodi", ":node", use: card).requires(.ente(.viewEnte))
    }

    struct PlanLink: Encodable {
        let key: String
        let href: String
        let title: String
        let year: Int
        let state: String
        let approval: String?
    }

    struct Choice: Encodable {
        let value: String
        let label: String
    }

    struct ListPage: Encodable {
        let layout: LayoutContext
        let plans: [PlanLink]
        let hasPlans: Bool
        let canManage: Bool
        let slug: String
        let levels: [Choice]
    }

    @Sendable func list(req: Request) async throws -> View {
        let (ente, enteID) = try req.requireEnte()
        let plans = try await PlanStore.plans(enteID: enteID, on: req.db).map {
            PlanLink(key: $0.key, href: Self.planPath(ente.slug, $0.key), title: $0.title, year: $0.year, state: $0.state.label,
                     approval: $0.approval?.label)
        }
        return try await req.view.render("pages/plans", ListPage(layout: try await LayoutContext.make(req, title: "Piani · \(ente.name)", active: "piani"),
                                                                 plans: plans, hasPlans: !plans.isEmpty,
                                                                 canManage: AccessPolicy.allows(try req.requirePrincipal(), .managePlan, enteID: enteID),
                                                                 slug: ente.slug, levels: CascadeLevel.allCases.map { Choice(value: $0.rawValue, label: $0.label) }))
    }

    struct TreeRow: Encodable {
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

    struct TreePage: Encodable {
        let layout: LayoutContext
        let plan: PlanLink
        let stats: [String]
        let warnings: [String]
        let warningCount: Int
        let rows: [TreeRow]
        let sourceFlags: [String]
        let notes: String?
        let canEdit: Bool
        let canApprove: Bool
        let hasSourceFlags: Bool
        let canRollover: Bool
    }

    @Sendable func tree(req: Request) async throws -> View {
        let (ente, bundle) = try await load(req)
        let warnings = PlanWarnings.check(bundle)
        let units = Dictionary(bundle.units.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = PlanOutline(bundle).rows.map { row in
            TreeRow(href: Self.planPath(ente.slug, bundle.plan.key) + "/nodi/" + Self.escape(row.node.key), code: row.node.code,
                    title: row.node.title, level: row.node.level.label, indent: row.depth,
                    owners: row.node.ownerUnitKeys.compactMap { units[$0]?.displayName }.joined(separator: ", "),
                    weight: row.node.weight.map { ItalianFormat.percent($0) }, children: row.children, phases: row.phases,
                    indicators: row.indicators, participants: row.participants, flags: row.node.sourceFlags.count,
                    crossCutting: row.node.crossCutting)
        }
        let page = TreePage(layout: try await LayoutContext.make(req, title: "\(bundle.plan.title) · \(ente.name)", active: "piani"),
                            plan: Self.link(ente.slug, bundle.plan), stats: PlanStatistics(bundle, warnings: warnings.count).lines,
                            warnings: warnings.map(\.message), warningCount: warnings.count, rows: rows,
                            sourceFlags: bundle.source?.flags ?? [], notes: bundle.plan.notes,
                            canEdit: try Self.mayEditPlan(req, bundle.plan), canApprove: try Self.mayApprove(req, bundle.plan),
                            hasSourceFlags: !(bundle.source?.flags.isEmpty ?? true),
                            canRollover: AccessPolicy.allows(try req.requirePrincipal(), .managePlan, enteID: try req.requireEnte().1))
        return try await req.view.render("pages/plan", page)
    }

    struct Field: Encodable {
        let label: String
        let value: String
    }

    struct IndicatorRow: Encodable {
        let key: String
        let name: String
        let type: String
        let form: String
        let direction: String
        let baseline: String
        let target: String
        let weight: String
        let flags: [String]
    }

    struct PhaseRow: Encodable {
        let key: String
        let ordinal: String
        let title: String
        let period: String
        let target: String
    }

    struct PersonRow: Encodable {
        let name: String
        let grade: String
        let activity: String
    }

    struct CardPage: Encodable {
        let layout: LayoutContext
        let plan: PlanLink
        let trail: [Field]
        let level: String
        let code: String?
        let title: String
        let fields: [Field]
        let indicators: [IndicatorRow]
        let phases: [PhaseRow]
        let people: [PersonRow]
        let verbatim: [Field]
        let flags: [String]
        let hasIndicators: Bool
        let hasPhases: Bool
        let hasPeople: Bool
        let hasVerbatim: Bool
        let hasFlags: Bool
        let canEdit: Bool
        let key: String
        let nodeHref: String
        let editHref: String
        let indicatorTypes: [Choice]
        let indicatorForms: [Choice]
        let directions: [Choice]
    }

    @Sendable func card(req: Request) async throws -> View {
        let (ente, b) = try await load(req)
        let key = req.parameters.get("node")?.removingPercentEncoding ?? ""
        guard let node = b.nodes.first(where: { $0.key == key }) else { throw Abort(.notFound, reason: "Obiettivo \"\(key)\" inesistente in questo piano.") }
        let unitName = { (k: String) in b.units.first { $0.key == k }?.displayName ?? k }
        let personName = { (k: String) in b.people.first { $0.key == k }?.displayName ?? k }
        let catalogue = Classification.standard + b.classifications
        var fields: [Field] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.trimmingCharacters(in: .whitespaces).isEmpty { fields.append(Field(label: label, value: value)) }
        }
        add("Descrizione", node.description)
        add("Unità responsabili", node.ownerUnitKeys.map(unitName).joined(separator: ", ") + (node.crossCutting ? " (obiettivo trasversale)" : ""))
        add("Unità di coordinamento", node.coordinatingUnitKey.map(unitName))
        add("Responsabili", node.responsiblePersonKeys.map(personName).joined(separator: ", "))
        add("Referenti politici", node.politicalReferentKeys.map { k in b.politicalReferents.first { $0.key == k }.map { "\($0.office.label) \($0.name)" } ?? k }.joined(separator: ", "))
        add("Orizzonte", node.horizon.map { h in h.raw ?? [h.stage.map { "Fase \($0)" }, h.stageCount.map { "di \($0)" }].compactMap { $0 }.joined(separator: " ") })
        add("Peso", node.weight.map { ItalianFormat.percent($0) + (node.weightRaw.map { " (stampato: \($0))" } ?? "") } ?? node.weightRaw)
        add("Classificazioni", node.classifications.map { k in catalogue.first { $0.key == k }?.label ?? k }.joined(separator: ", "))
        if let p = node.programma.flatMap(MissioniProgrammi.programma) {
            add("Missione / Programma", "Missione \(p.missione) – \(p.missioneName) · Programma \(p.label)")
        } else {
            add("Missione / Programma", [node.missione, node.programma].compactMap { $0 }.joined(separator: " / "))
        }
        add("Rif. DUP", node.dupRefRaw ?? node.dupRefs.joined(separator: ", "))
        add("Scadenza", node.deadline?.italian ?? node.deadlineRaw)
        add("Portatori di interesse", node.stakeholders.joined(separator: "; "))
        add("Chi contribuisce", node.contributors.joined(separator: "; "))
        add("Base di partenza", node.baseline)
        add("Traguardo atteso", node.expectedOutcome)
        add("Valore pubblico", node.publicValue)
        add("Fattori critici", node.criticalFactors)
        add("Fonte / verificabilità", node.dataSource)
        add("Note", node.notes)
        let indicators = b.indicators.filter { $0.nodeKey == node.key }.sorted { $0.order < $1.order }.map { i in
            IndicatorRow(key: Self.escape(i.key), name: i.name, type: i.type?.label ?? i.typeRaw ?? "—", form: i.form.label, direction: i.direction.symbol,
                         baseline: Self.text(i.baseline), target: Self.text(i.target), weight: i.weight.map { ItalianFormat.percent($0) } ?? "—",
                         flags: i.sourceFlags)
        }
        let phases = b.phases.filter { $0.nodeKey == node.key }.map { p in
            PhaseRow(key: Self.escape(p.key), ordinal: p.code ?? "\(p.ordinal)", title: p.title + (p.description.map { " — \($0)" } ?? ""),
                     period: p.periodRaw ?? p.due?.italian ?? "—", target: [p.indicatorText, p.targetRaw].compactMap { $0 }.joined(separator: ": "))
        }
        let people = b.participations.filter { $0.nodeKey == node.key }.map { p in
            PersonRow(name: personName(p.personKey), grade: p.gradeRaw ?? b.people.first { $0.key == p.personKey }?.staffGrade ?? "",
                      activity: [p.activity, p.share.map { ItalianFormat.percent($0) }].compactMap { $0 }.joined(separator: " · "))
        }
        let trail = PlanOutline.ancestors(of: node.key, in: b.nodes).map {
            Field(label: $0.level.label, value: [$0.code, $0.title].compactMap { $0 }.joined(separator: " – "))
        }
        let nodeHref = Self.planPath(ente.slug, b.plan.key) + "/nodi/" + Self.escape(node.key)
        let verbatim = node.verbatim.sorted { $0.key < $1.key }.map { Field(label: $0.key, value: $0.value) }
        let page = CardPage(layout: try await LayoutContext.make(req, title: node.title, active: "piani"), plan: Self.link(ente.slug, b.plan),
                            trail: trail, level: node.level.label, code: node.code, title: node.title, fields: fields,
                            indicators: indicators, phases: phases, people: people, verbatim: verbatim, flags: node.sourceFlags,
                            hasIndicators: !indicators.isEmpty, hasPhases: !phases.isEmpty, hasPeople: !people.isEmpty, hasVerbatim: !verbatim.isEmpty, hasFlags: !node.sourceFlags.isEmpty,
                            canEdit: try await Self.mayEdit(req, node: node, plan: b.plan), key: Self.escape(node.key),
                            nodeHref: nodeHref, editHref: nodeHref + "/modifica",
                            indicatorTypes: IndicatorType.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
                            indicatorForms: IndicatorForm.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
                            directions: Direction.allCases.map { Choice(value: $0.rawValue, label: $0.symbol) })
        return try await req.view.render("pages/card", page)
    }

    private func load(_ req: Request) async throws -> (EnteRecord, PlanBundle) {
        let (ente, enteID) = try req.requireEnte()
        let key = req.parameters.get("plan")?.removingPercentEncoding ?? ""
        guard let plan = try await PlanStore.record(enteID: enteID, key: key, on: req.db) else {
            throw Abort(.notFound, reason: "Piano \"\(key)\" inesistente in questo ente.")
        }
        return (ente, try await PlanStore.bundle(of: plan, on: req.db))
    }

    /// Whether to show editing controls; the edit routes check again on the server.
    static func mayEditPlan(_ req: Request, _ plan: Plan) throws -> Bool {
        let (_, enteID) = try req.requireEnte()
        let principal = try req.requirePrincipal()
        return !plan.state.isFrozen && AccessPolicy.allows(principal, .editOwnUnits, enteID: enteID)
    }

    static func mayApprove(_ req: Request, _ plan: Plan) throws -> Bool {
        let (_, enteID) = try req.requireEnte()
        let principal = try req.requirePrincipal()
        return plan.state == .bozza && AccessPolicy.allows(principal, .managePlan, enteID: enteID)
    }

    static func mayEdit(_ req: Request, node: PlanNode, plan: Plan) async throws -> Bool {
        guard try mayEditPlan(req, plan) else { return false }
        return try await mayEditUnits(req, unitKeys: node.ownerUnitKeys)
    }

    /// A segretario edits any node; a responsabile only nodes whose owners are all among their units.
    static func mayEditUnits(_ req: Request, unitKeys: [String]) async throws -> Bool {
        let (_, enteID) = try req.requireEnte()
        let principal = try req.requirePrincipal()
        if AccessPolicy.allows(principal, .managePlan, enteID: enteID) { return true }
        let org = try await OrganisationStore.snapshot(enteID: enteID, on: req.db)
        let ids = Set(unitKeys.compactMap { org.unitIDs[$0] })
        return ids.count == unitKeys.count && AccessPolicy.mayEdit(unitIDs: ids, principal: principal, enteID: enteID)
    }

    static func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? s }
    static func planPath(_ slug: String, _ key: String) -> String { "/enti/\(slug)/piani/\(escape(key))" }

    static func link(_ slug: String, _ p: Plan) -> PlanLink {
        PlanLink(key: p.key, href: planPath(slug, p.key), title: p.title, year: p.year, state: p.state.label, approval: p.approval?.label)
    }

    static func text(_ m: Measure?) -> String {
        guard let m else { return "—" }
        return m.raw ?? m.number.map { ItalianFormat.number($0, trimZeros: true) } ?? m.date?.italian ?? m.flag.map { $0 ? "SI" : "NO" } ?? m.text ?? "—"
    }

    static func text(_ t: Target?) -> String {
        guard let t else { return "—" }
        if let raw = t.raw { return raw }
        if let n = t.number { return ItalianFormat.number(n, trimZeros: true) + (t.upper.map { " – " + ItalianFormat.number($0, trimZeros: true) } ?? "") }
        return t.date?.italian ?? t.flag.map { $0 ? "SI" : "NO" } ?? t.relative ?? t.text ?? "—"
    }
}
