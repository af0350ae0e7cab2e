import Foundation
import TraguardoCore

/// The form that creates or edits a node of the cascade.
struct NodeFormPage: PageModel {
    static let template = "pages/node-form"

    struct Values: Encodable, Hashable, Sendable {
        var code = ""
        var title = ""
        var description = ""
        var weight = ""
        var deadline = ""
        var baseline = ""
        var expectedOutcome = ""
        var criticalFactors = ""
        var dataSource = ""
        var stakeholders = ""
        var contributors = ""
        var notes = ""
        var crossCutting = false

        init(_ node: PlanNode) {
            code = node.code ?? ""
            title = node.title
            description = node.description ?? ""
            weight = node.weight.map { ItalianFormat.number($0, trimZeros: true) } ?? ""
            deadline = node.deadline?.italian ?? ""
            baseline = node.baseline ?? ""
            expectedOutcome = node.expectedOutcome ?? ""
            criticalFactors = node.criticalFactors ?? ""
            dataSource = node.dataSource ?? ""
            stakeholders = node.stakeholders.joined(separator: "\n")
            contributors = node.contributors.joined(separator: "\n")
            notes = node.notes ?? ""
            crossCutting = node.crossCutting
        }
    }

    let layout: Layout
    let heading: String
    let action: String
    let planHref: String
    let isNew: Bool
    let levels: [Choice]
    let parents: [Choice]
    let units: [Choice]
    let classifications: [Choice]
    let programmi: [Choice]
    let node: Values
    let error: String?

    static func build(layout: Layout, ente: String, bundle: PlanBundle, node: PlanNode, isNew: Bool, error: String?) -> NodeFormPage {
        let links = Links.ente(ente).plan(bundle.plan.key)
        let catalogue = Classification.standard + bundle.classifications
        return NodeFormPage(
            layout: layout, heading: isNew ? "Nuovo nodo del piano" : "Modifica «\(node.title)»",
            action: isNew ? links.createNode : links.node(node.key).update, planHref: links.tree, isNew: isNew,
            levels: bundle.plan.levels.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == node.level) },
            parents: bundle.nodes.filter { ($0.level < node.level || isNew) && $0.key != node.key && $0.level != .performanceObjective }.map {
                Choice(
                    value: $0.key, label: "\($0.level.label): \([$0.code, $0.title].compactMap { $0 }.joined(separator: " – "))",
                    selected: $0.key == node.parentKey)
            },
            units: bundle.units.map { Choice(value: $0.key, label: $0.displayName, selected: node.ownerUnitKeys.contains($0.key)) },
            classifications: catalogue.map { Choice(value: $0.key, label: $0.label, selected: node.classifications.contains($0.key)) },
            programmi: MissioniProgrammi.all.filter { !$0.name.contains("solo per le Regioni") }.map {
                Choice(value: $0.code, label: $0.label, selected: $0.code == node.programma)
            },
            node: Values(node), error: error)
    }
}
