import FluentKit
import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Building a plan in the browser: a segretario creates plans and edits any node; a responsabile edits
/// only nodes owned by their units. Approved plans are frozen (PlanEditor refuses).
struct PlanEditController {
    func register(_ routes: any RoutesBuilder) {
        let plans = routes.grouped("enti", ":ente", "piani")
        plans.post(use: createPlan).requires(.ente(.managePlan))
        plans.post(":plan", "stato", use: setState).requires(.ente(.managePlan))
        plans.post(":plan", "rinnovo", use: rollover).requires(.ente(.managePlan))
        plans.get(":plan", "nuovo-nodo", use: newNodeForm).requires(.ente(.editOwnUnits))
        plans.post(":plan", "nodi", use: createNode).requires(.ente(.editOwnUnits))
        plans.get(":plan", "nodi", ":node", "modifica", use: editNodeForm).requires(.ente(.editOwnUnits))
        plans.post(":plan", "nodi", ":node", use: updateNode).requires(.ente(.editOwnUnits))
        plans.post(":plan", "nodi", ":node", "elimina", use: deleteNode).requires(.ente(.editOwnUnits))
        plans.post(":plan", "nodi", ":node", "duplica", use: duplicateNode).requires(.ente(.editOwnUnits))
        plans.post(":plan", "nodi", ":node", "indicatori", use: addIndicator).requires(.ente(.editOwnUnits))
        plans.post(":plan", "nodi", ":node", "fasi", use: addPhase).requires(.ente(.editOwnUnits))
        plans.post(":plan", "nodi", ":node", "indicatori", ":item", "elimina", use: removeIndicator).requires(.ente(.editOwnUnits))
        plans.post(":plan", "nodi", ":node", "fasi", ":item", "elimina", use: removePhase).requires(.ente(.editOwnUnits))
    }

    // MARK: plans

    struct PlanForm: Content {
        var title: String?
        var firstYear: Int?
        var lastYear: Int?
        var year: Int?
        var levels: [String]?
    }

    @Sendable func createPlan(req: Request) async throws -> Response {
        let (ente, enteID) = try req.requireEnte()
        let form = try req.content.decode(PlanForm.self)
        guard let first = form.firstYear, let last = form.lastYear else { throw Abort(.unprocessableEntity, reason: "Nuovo piano: indica il primo e l'ultimo anno.") }
        let levels = (form.levels ?? []).compactMap(CascadeLevel.init(rawValue:)).sorted()
        guard !levels.isEmpty else { throw Abort(.unprocessableEntity, reason: "Nuovo piano: scegli almeno un livello della cascata.") }
        let key = "PIAO-\(first)-\(last)"
        let plan = Plan(key: key, title: form.title.trimmed, firstYear: first, lastYear: last, year: form.year ?? first, levels: levels)
        do {
            try await PlanEditor.createPlan(plan, enteID: enteID, on: req.db, actor: req.actor)
        } catch let error as PlanEditError {
            throw Abort(.unprocessableEntity, reason: "Nuovo piano: \(error.description)")
        }
        req.flash("Piano «\(plan.title)» creato.")
        return req.redirect(to: PlanController.planPath(ente.slug, key))
    }

    struct StateForm: Content {
        var state: String?
        var organ: String?
        var number: String?
        var date: String?
    }

    @Sendable func setState(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let form = try req.content.decode(StateForm.self)
        guard let state = PlanState(rawValue: form.state ?? "") else { throw Abort(.unprocessableEntity, reason: "Stato del piano non valido.") }
        var act: Act?
        if state == .approvato {
            guard let text = form.date.nonEmpty, let day = Day(parsing: text) else {
                throw Abort(.unprocessableEntity, reason: "Approvazione: la data della delibera è obbligatoria (gg/mm/aaaa).")
            }
            act = Act(organ: form.organ.nonEmpty ?? "Giunta comunale", number: form.number.nonEmpty, date: day)
        }
        try await PlanEditor.setState(state, act: act, plan: record, on: req.db, actor: req.actor)
        req.flash("Stato del piano: \(state.label).")
        return req.redirect(to: PlanController.planPath(ente.slug, record.key))
    }

    /// Next year's plan from this one (pluriennali carried with their next stage).
    @Sendable func rollover(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let result = PlanRollover.next(try await PlanStore.bundle(of: record, on: req.db))
        do {
            try await BundleImporter.importBundle(result.bundle, on: req.db, actor: req.actor)
        } catch let error as BundleImportError {
            throw Abort(.unprocessableEntity, reason: "Rinnovo: \(error.description)")
        }
        req.flash("Creato «\(result.bundle.plan.title)»: \(result.carried.count) obiettivi pluriennali proseguono, \(result.concluded.count) si chiudono con l'anno \(record.year).")
        return req.redirect(to: PlanController.planPath(ente.slug, result.bundle.plan.key))
    }

    // MARK: nodes

    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct NodeFormPage: Encodable {
        let layout: LayoutContext
        let heading: String
        let action: String
        let planHref: String
        let isNew: Bool
        let key: String
        let levels: [Option]
        let parents: [Option]
        let units: [Option]
        let classifications: [Option]
        let programmi: [Option]
        let node: NodeValues
        let error: String?
    }

    struct NodeValues: Encodable {
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
    }

    @Sendable func newNodeForm(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        var node = PlanNode(key: "", level: bundle.plan.levels.last ?? .performanceObjective, title: "")
        node.parentKey = try? req.query.get(String.self, at: "parent")
        if let level = (try? req.query.get(String.self, at: "livello")).flatMap(CascadeLevel.init(rawValue:)) { node.level = level }
        return try await renderForm(req, ente: ente, bundle: bundle, node: node, isNew: true, error: nil)
    }

    @Sendable func editNodeForm(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        let node = try Self.node(req, in: bundle)
        try await authorize(req, unitKeys: node.ownerUnitKeys)
        return try await renderForm(req, ente: ente, bundle: bundle, node: node, isNew: false, error: nil)
    }

    struct NodeForm: Content {
        var level: String?
        var parent: String?
        var code: String?
        var title: String?
        var description: String?
        var owners: [String]?
        var crossCutting: String?
        var weight: String?
        var classifications: [String]?
        var programma: String?
        var deadline: String?
        var baseline: String?
        var expectedOutcome: String?
        var criticalFactors: String?
        var dataSource: String?
        var stakeholders: String?
        var contributors: String?
        var notes: String?
    }

    @Sendable func createNode(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        var node = PlanNode(key: "N-" + UUID().uuidString.prefix(8).lowercased(), level: .performanceObjective, title: "")
        return try await saveNode(req, ente: ente, record: record, bundle: bundle, node: &node, isNew: true)
    }

    @Sendable func updateNode(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        var node = try Self.node(req, in: bundle)
        try await authorize(req, unitKeys: node.ownerUnitKeys)
        return try await saveNode(req, ente: ente, record: record, bundle: bundle, node: &node, isNew: false)
    }

    private func saveNode(_ req: Request, ente: EnteRecord, record: PlanRecord, bundle: PlanBundle, node: inout PlanNode, isNew: Bool) async throws -> Response {
        let form = try req.content.decode(NodeForm.self)
        let previous = node
        if let error = Self.apply(form, to: &node) {
            return try await renderForm(req, ente: ente, bundle: bundle, node: node, isNew: isNew, error: error, status: .unprocessableEntity)
        }
        try await authorize(req, unitKeys: node.ownerUnitKeys)
        do {
            try await PlanEditor.save(node, previousKey: isNew ? nil : previous.key, plan: record, on: req.db, actor: req.actor)
        } catch let error as PlanEditError {
            return try await renderForm(req, ente: ente, bundle: bundle, node: node, isNew: isNew, error: error.description, status: .unprocessableEntity)
        }
        req.flash(isNew ? "Nodo «\(node.title)» creato." : "Modifiche a «\(node.title)» salvate.")
        return req.redirect(to: PlanController.planPath(ente.slug, record.key) + "/nodi/" + PlanController.escape(node.key))
    }

    /// Reads the form into the node; returns an Italian message naming the field when a value is not valid.
    static func apply(_ form: NodeForm, to node: inout PlanNode) -> String? {
        guard let level = CascadeLevel(rawValue: form.level ?? "") else { return "Il campo «Livello» non è valido." }
        node.level = level
        node.parentKey = form.parent.nonEmpty
        node.code = form.code.nonEmpty
        node.title = form.title.trimmed
        node.description = form.description.nonEmpty
        node.ownerUnitKeys = form.owners ?? []
        node.crossCutting = form.crossCutting != nil
        if let text = form.weight.nonEmpty {
            guard let weight = ItalianFormat.parseNumber(text), (0...100).contains(weight) else { return "Il campo «Peso» deve essere un numero tra 0 e 100 (es. 12,5)." }
            node.weight = weight
        } else {
            node.weight = nil
        }
        node.classifications = form.classifications ?? []
        if let code = form.programma.nonEmpty, let p = MissioniProgrammi.programma(code) {
            node.programma = p.code
            node.missione = p.missione
        } else {
            node.programma = nil
            node.missione = nil
        }
        if let text = form.deadline.nonEmpty {
            guard let day = Day(parsing: text) else { return "Il campo «Scadenza» (\(text)) non è una data valida (gg/mm/aaaa)." }
            node.deadline = day
        } else {
            node.deadline = nil
        }
        node.baseline = form.baseline.nonEmpty
        node.expectedOutcome = form.expectedOutcome.nonEmpty
        node.criticalFactors = form.criticalFactors.nonEmpty
        node.dataSource = form.dataSource.nonEmpty
        node.stakeholders = Self.lines(form.stakeholders)
        node.contributors = Self.lines(form.contributors)
        node.notes = form.notes.nonEmpty
        return node.title.isEmpty ? "Il campo «Titolo» è obbligatorio." : nil
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Sendable func deleteNode(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        let node = try Self.node(req, in: bundle)
        try await authorize(req, unitKeys: node.ownerUnitKeys)
        do {
            try await PlanEditor.delete(nodeKey: node.key, plan: record, on: req.db, actor: req.actor)
        } catch let error as PlanEditError {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
        req.flash("«\(node.title)» eliminato.")
        return req.redirect(to: PlanController.planPath(ente.slug, record.key))
    }

    @Sendable func duplicateNode(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        let node = try Self.node(req, in: bundle)
        try await authorize(req, unitKeys: node.ownerUnitKeys)
        let key: String
        do {
            key = try await PlanEditor.duplicate(nodeKey: node.key, plan: record, on: req.db, actor: req.actor)
        } catch let error as PlanEditError {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
        req.flash("Copia di «\(node.title)» creata.")
        return req.redirect(to: PlanController.planPath(ente.slug, record.key) + "/nodi/" + PlanController.escape(key) + "/modifica")
    }

    struct IndicatorInput: Content {
        var name: String?
        var type: String?
        var form: String?
        var direction: String?
        var unit: String?
        var baseline: String?
        var target: String?
        var weight: String?
        var dataSource: String?
    }

    @Sendable func addIndicator(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        let node = try Self.node(req, in: bundle)
        try await authorize(req, unitKeys: node.ownerUnitKeys)
        let f = try req.content.decode(IndicatorInput.self)
        guard let form = IndicatorForm(rawValue: f.form ?? "") else { throw Abort(.unprocessableEntity, reason: "Indicatore: il campo «Misura» non è valido.") }
        let n = bundle.indicators.filter { $0.nodeKey == node.key }.count + 1
        var indicator = Indicator(key: "\(node.key)-I\(n)-\(UUID().uuidString.prefix(4).lowercased())", nodeKey: node.key, order: n, name: f.name.trimmed,
                                  type: IndicatorType(rawValue: f.type ?? ""), form: form, direction: Direction(rawValue: f.direction ?? "") ?? .atLeast,
                                  unit: f.unit.nonEmpty, dataSource: f.dataSource.nonEmpty)
        if let text = f.baseline.nonEmpty { indicator.baseline = Measure(number: ItalianFormat.parseNumber(text), date: Day(parsing: text), raw: text) }
        if let text = f.target.nonEmpty {
            let flag: Bool? = ["si", "sì"].contains(text.lowercased()) ? true : (text.lowercased() == "no" ? false : nil)
            indicator.target = Target(number: ItalianFormat.parseNumber(text), date: Day(parsing: text), flag: flag, raw: text)
            if form == .date && indicator.target?.date == nil {
                throw Abort(.unprocessableEntity, reason: "Indicatore: il campo «Valore atteso» (\(text)) non è una data valida (gg/mm/aaaa).")
            }
        }
        if let text = f.weight.nonEmpty {
            guard let w = ItalianFormat.parseNumber(text), (0...100).contains(w) else { throw Abort(.unprocessableEntity, reason: "Indicatore: il campo «Peso» deve essere un numero tra 0 e 100.") }
            indicator.weight = w
        }
        do {
            try await PlanEditor.addIndicator(indicator, plan: record, on: req.db, actor: req.actor)
        } catch let error as PlanEditError {
            throw Abort(.unprocessableEntity, reason: "Indicatore: \(error.description)")
        }
        req.flash("Indicatore aggiunto.")
        return req.redirect(to: PlanController.planPath(ente.slug, record.key) + "/nodi/" + PlanController.escape(node.key))
    }

    struct PhaseForm: Content {
        var title: String?
        var period: String?
        var due: String?
    }

    @Sendable func addPhase(req: Request) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        let node = try Self.node(req, in: bundle)
        try await authorize(req, unitKeys: node.ownerUnitKeys)
        let f = try req.content.decode(PhaseForm.self)
        let n = bundle.phases.filter { $0.nodeKey == node.key }.count + 1
        var phase = Phase(key: "\(node.key)-F\(n)-\(UUID().uuidString.prefix(4).lowercased())", nodeKey: node.key, ordinal: n, title: f.title.trimmed, periodRaw: f.period.nonEmpty)
        if let text = f.due.nonEmpty {
            guard let day = Day(parsing: text) else { throw Abort(.unprocessableEntity, reason: "Fase: il campo «Scadenza» (\(text)) non è una data valida (gg/mm/aaaa).") }
            phase.due = day
        }
        do {
            try await PlanEditor.addPhase(phase, plan: record, on: req.db, actor: req.actor)
        } catch let error as PlanEditError {
            throw Abort(.unprocessableEntity, reason: "Fase: \(error.description)")
        }
        req.flash("Fase aggiunta.")
        return req.redirect(to: PlanController.planPath(ente.slug, record.key) + "/nodi/" + PlanController.escape(node.key))
    }

    @Sendable func removeIndicator(req: Request) async throws -> Response { try await remove(req, .indicator, "Indicatore eliminato.") }
    @Sendable func removePhase(req: Request) async throws -> Response { try await remove(req, .phase, "Fase eliminata.") }

    private func remove(_ req: Request, _ kind: PlanItemKind, _ message: String) async throws -> Response {
        let (ente, record) = try await plan(req)
        let bundle = try await PlanStore.bundle(of: record, on: req.db)
        let node = try Self.node(req, in: bundle)
        try await authorize(req, unitKeys: node.ownerUnitKeys)
        let key = req.parameters.get("item")?.removingPercentEncoding ?? ""
        do {
            try await PlanEditor.removeItem(kind, key: key, nodeKey: node.key, plan: record, on: req.db, actor: req.actor)
        } catch let error as PlanEditError {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
        req.flash(message)
        return req.redirect(to: PlanController.planPath(ente.slug, record.key) + "/nodi/" + PlanController.escape(node.key))
    }

    // MARK: helpers

    private func plan(_ req: Request) async throws -> (EnteRecord, PlanRecord) {
        let (ente, enteID) = try req.requireEnte()
        let key = req.parameters.get("plan")?.removingPercentEncoding ?? ""
        guard let record = try await PlanStore.record(enteID: enteID, key: key, on: req.db) else {
            throw Abort(.notFound, reason: "Piano \"\(key)\" inesistente in questo ente.")
        }
        return (ente, record)
    }

    static func node(_ req: Request, in bundle: PlanBundle) throws -> PlanNode {
        let key = req.parameters.get("node")?.removingPercentEncoding ?? ""
        guard let node = bundle.nodes.first(where: { $0.key == key }) else { throw Abort(.notFound, reason: "Obiettivo \"\(key)\" inesistente in questo piano.") }
        return node
    }

    private func authorize(_ req: Request, unitKeys: [String]) async throws {
        guard try await PlanController.mayEditUnits(req, unitKeys: unitKeys) else {
            throw Abort(.forbidden, reason: "Puoi modificare solo gli obiettivi delle unità di cui sei responsabile.")
        }
    }

    private func renderForm(_ req: Request, ente: EnteRecord, bundle: PlanBundle, node: PlanNode, isNew: Bool, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let planHref = PlanController.planPath(ente.slug, bundle.plan.key)
        let values = NodeValues(code: node.code ?? "", title: node.title, description: node.description ?? "",
                                weight: node.weight.map { ItalianFormat.number($0, trimZeros: true) } ?? "", deadline: node.deadline?.italian ?? "",
                                baseline: node.baseline ?? "", expectedOutcome: node.expectedOutcome ?? "", criticalFactors: node.criticalFactors ?? "",
                                dataSource: node.dataSource ?? "", stakeholders: node.stakeholders.joined(separator: "\n"),
                                contributors: node.contributors.joined(separator: "\n"), notes: node.notes ?? "", crossCutting: node.crossCutting)
        let catalogue = Classification.standard + bundle.classifications
        let page = NodeFormPage(
            layout: try await LayoutContext.make(req, title: isNew ? "Nuovo obiettivo" : "Modifica «\(node.title)»", active: "piani"),
            heading: isNew ? "Nuovo nodo del piano" : "Modifica «\(node.title)»",
            action: isNew ? planHref + "/nodi" : planHref + "/nodi/" + PlanController.escape(node.key), planHref: planHref, isNew: isNew, key: node.key,
            levels: bundle.plan.levels.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == node.level) },
            parents: bundle.nodes.filter { $0.level < node.level || isNew }.filter { $0.key != node.key && $0.level != .performanceObjective }.map {
                Option(value: $0.key, label: "\($0.level.label): \([$0.code, $0.title].compactMap { $0 }.joined(separator: " – "))", selected: $0.key == node.parentKey)
            },
            units: bundle.units.map { Option(value: $0.key, label: $0.displayName, selected: node.ownerUnitKeys.contains($0.key)) },
            classifications: catalogue.map { Option(value: $0.key, label: $0.label, selected: node.classifications.contains($0.key)) },
            programmi: MissioniProgrammi.all.filter { !$0.name.contains("solo per le Regioni") }.map {
                Option(value: $0.code, label: $0.label, selected: $0.code == node.programma)
            },
            node: values, error: error)
        return try await req.view.render("pages/node-form", page).encodeResponse(status: status, for: req)
    }
}

