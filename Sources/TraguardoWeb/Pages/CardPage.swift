import Foundation
import TraguardoCore

/// One objective as the ente's PIAO prints it: fields, phases, indicators, participants, the document's own
/// inconsistencies and verbatim text; with the editing forms when the user may edit it.
struct CardPage: PageModel {
    static let template = "pages/card"

    struct IndicatorRow: Encodable, Hashable, Sendable {
        let name: String
        let type: String
        let form: String
        let direction: String
        let baseline: String
        let target: String
        let weight: String
        let flags: [String]
        let removeHref: String
    }

    struct PhaseRow: Encodable, Hashable, Sendable {
        let ordinal: String
        let title: String
        let period: String
        let target: String
        let removeHref: String
    }

    struct PersonRow: Encodable, Hashable, Sendable {
        let name: String
        let grade: String
        let activity: String
    }

    let layout: Layout
    let plan: PlanSummary
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
    let editHref: String
    let addChildHref: String
    let duplicateHref: String
    let deleteHref: String
    let addIndicatorHref: String
    let addPhaseHref: String
    let indicatorTypes: [Choice]
    let indicatorForms: [Choice]
    let directions: [Choice]
    let variations: [VariationRow]
    let hasVariations: Bool
    let canRequestVariation: Bool
    let requestVariationHref: String
    let variationsHref: String
    let indicatorChoices: [Choice]
    /// The objective's audit trail (for those who may read the ente's): nil hides the section.
    let history: [AuditPage.Row]?
    let hasHistory: Bool

    /// `canRequestVariation`: the plan is approved and the user answers for the objective.
    /// `history`: the audit rows about the objective, when the user may read them.
    static func build(
        layout: Layout, ente: String, bundle b: PlanBundle, node: PlanNode, canEdit: Bool, canRequestVariation: Bool = false,
        history: [AuditEntry]? = nil
    ) -> CardPage {
        let links = Links.ente(ente).plan(b.plan.key)
        let nodeLinks = links.node(node.key)
        let unitName = { (k: String) in b.units.first { $0.key == k }?.displayName ?? k }
        let personName = { (k: String) in b.people.first { $0.key == k }?.displayName ?? k }
        let indicators = b.indicators.filter { $0.nodeKey == node.key }.sorted { $0.order < $1.order }.map { i in
            IndicatorRow(
                name: i.name, type: i.type?.label ?? i.typeRaw ?? "—", form: i.form.label, direction: i.direction.symbol,
                baseline: i.baseline?.italianText ?? "—", target: i.target?.italianText ?? "—",
                weight: i.weight.map { ItalianFormat.percent($0) } ?? "—", flags: i.sourceFlags,
                removeHref: nodeLinks.removeIndicator(i.key))
        }
        let phases = b.phases.filter { $0.nodeKey == node.key }.map { p in
            PhaseRow(
                ordinal: p.code ?? "\(p.ordinal)", title: p.title + (p.description.map { " — \($0)" } ?? ""),
                period: p.periodRaw ?? p.due?.italian ?? "—", target: [p.indicatorText, p.targetRaw].compactMap { $0 }.joined(separator: ": "),
                removeHref: nodeLinks.removePhase(p.key))
        }
        let people = b.participations.filter { $0.nodeKey == node.key }.map { p in
            PersonRow(
                name: personName(p.personKey), grade: p.gradeRaw ?? b.people.first { $0.key == p.personKey }?.staffGrade ?? "",
                activity: [p.activity, p.share.map { ItalianFormat.percent($0) }].compactMap { $0 }.joined(separator: " · "))
        }
        let trail = PlanOutline.ancestors(of: node.key, in: b.nodes).map {
            Field(label: $0.level.label, value: [$0.code, $0.title].compactMap { $0 }.joined(separator: " – "))
        }
        let verbatim = node.verbatim.sorted { $0.key < $1.key }.map { Field(label: $0.key, value: $0.value) }
        return CardPage(
            layout: layout, plan: PlanSummary(b.plan, ente: ente), trail: trail, level: node.level.label, code: node.code, title: node.title,
            fields: fields(of: node, in: b, unitName: unitName, personName: personName), indicators: indicators, phases: phases,
            people: people, verbatim: verbatim, flags: node.sourceFlags, hasIndicators: !indicators.isEmpty, hasPhases: !phases.isEmpty,
            hasPeople: !people.isEmpty, hasVerbatim: !verbatim.isEmpty, hasFlags: !node.sourceFlags.isEmpty, canEdit: canEdit,
            editHref: nodeLinks.edit, addChildHref: links.newNode(parent: node.key), duplicateHref: nodeLinks.duplicate,
            deleteHref: nodeLinks.delete, addIndicatorHref: nodeLinks.addIndicator, addPhaseHref: nodeLinks.addPhase,
            indicatorTypes: IndicatorType.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
            indicatorForms: IndicatorForm.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
            directions: Direction.allCases.map { Choice(value: $0.rawValue, label: $0.symbol) },
            variations: b.variations.filter { $0.nodeKey == node.key }.reversed().map { VariationRow($0, bundle: b, links: links) },
            hasVariations: b.variations.contains { $0.nodeKey == node.key }, canRequestVariation: canRequestVariation && b.plan.state.isFrozen,
            requestVariationHref: nodeLinks.requestVariation, variationsHref: links.variations,
            indicatorChoices: b.indicators.filter { $0.nodeKey == node.key }.sorted { $0.order < $1.order }.map {
                Choice(value: $0.key, label: $0.name)
            }, history: history.map { $0.map(AuditPage.Row.init) }, hasHistory: history?.isEmpty == false)
    }

    /// The card's fields in the PIAO's order; empty ones are left out.
    static func fields(of node: PlanNode, in b: PlanBundle, unitName: (String) -> String, personName: (String) -> String) -> [Field] {
        var fields: [Field] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.trimmingCharacters(in: .whitespaces).isEmpty { fields.append(Field(label: label, value: value)) }
        }
        let catalogue = Classification.standard + b.classifications
        add("Descrizione", node.description)
        add("Unità responsabili", node.ownerUnitKeys.map(unitName).joined(separator: ", ") + (node.crossCutting ? " (obiettivo trasversale)" : ""))
        add("Unità di coordinamento", node.coordinatingUnitKey.map(unitName))
        add("Responsabili", node.responsiblePersonKeys.map(personName).joined(separator: ", "))
        add(
            "Referenti politici",
            node.politicalReferentKeys.map { k in
                b.politicalReferents.first { $0.key == k }.map { "\($0.office.label) \($0.name)" } ?? k
            }.joined(separator: ", "))
        add(
            "Orizzonte",
            node.horizon.map { h in h.raw ?? [h.stage.map { "Fase \($0)" }, h.stageCount.map { "di \($0)" }].compactMap { $0 }.joined(separator: " ")
            })
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
        return fields
    }
}
