import Foundation
import TraguardoCore
import Vapor

/// The fields of the node form, read into a node with Italian messages that name the field.
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

    /// Writes the form into the node; returns the message for the first invalid field.
    func apply(to node: inout PlanNode) -> String? {
        guard let level = CascadeLevel(rawValue: level ?? "") else { return "Il campo «Livello» non è valido." }
        node.level = level
        node.parentKey = parent.nonEmpty
        node.code = code.nonEmpty
        node.title = title.trimmed
        node.description = description.nonEmpty
        node.ownerUnitKeys = owners ?? []
        node.crossCutting = crossCutting != nil
        if let text = weight.nonEmpty {
            guard let weight = ItalianFormat.parseNumber(text), (0...100).contains(weight) else {
                return "Il campo «Peso» deve essere un numero tra 0 e 100 (es. 12,5)."
            }
            node.weight = weight
        } else {
            node.weight = nil
        }
        node.classifications = classifications ?? []
        let programme = programma.nonEmpty.flatMap(MissioniProgrammi.programma)
        node.programma = programme?.code
        node.missione = programme?.missione
        if let text = deadline.nonEmpty {
            guard let day = Day(parsing: text) else { return "Il campo «Scadenza» (\(text)) non è una data valida (gg/mm/aaaa)." }
            node.deadline = day
        } else {
            node.deadline = nil
        }
        node.baseline = baseline.nonEmpty
        node.expectedOutcome = expectedOutcome.nonEmpty
        node.criticalFactors = criticalFactors.nonEmpty
        node.dataSource = dataSource.nonEmpty
        node.stakeholders = Self.lines(stakeholders)
        node.contributors = Self.lines(contributors)
        node.notes = notes.nonEmpty
        return node.title.isEmpty ? "Il campo «Titolo» è obbligatorio." : nil
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The indicator form of a card. Baseline and target go through the core's `MeasureText`, as in the spreadsheet.
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

    /// The indicator (its key is given by the store), or the message for the first invalid field.
    func indicator(of nodeKey: String) -> Result<Indicator, FormError> {
        guard let form = IndicatorForm(rawValue: self.form ?? "") else { return .failure(FormError("Indicatore: il campo «Misura» non è valido.")) }
        var indicator = Indicator(
            key: "", nodeKey: nodeKey, name: name.trimmed, type: IndicatorType(rawValue: type ?? ""), form: form,
            direction: Direction(rawValue: direction ?? "") ?? .atLeast, unit: unit.nonEmpty, dataSource: dataSource.nonEmpty)
        do {
            indicator.baseline = try Self.value(baseline, field: "Base", form: form)
            indicator.target = try Self.value(target, field: "Valore atteso", form: form)
        } catch {
            return .failure(error)
        }
        if let text = weight.nonEmpty {
            guard let w = ItalianFormat.parseNumber(text), (0...100).contains(w) else {
                return .failure(FormError("Indicatore: il campo «Peso» deve essere un numero tra 0 e 100."))
            }
            indicator.weight = w
        }
        return .success(indicator)
    }

    /// A typed value read by the indicator's form (the spreadsheet's parser), nil when the field is empty.
    static func value<V: TypedValue>(_ text: String?, field: String, form: IndicatorForm) throws(FormError) -> V? {
        guard let text = text.nonEmpty else { return nil }
        switch MeasureText.parse(text, form: form) {
        case .success(let entry): return V(entry, raw: text)
        case .failure(let error): throw FormError("Indicatore: il campo «\(field)» — " + error.message())
        }
    }
}

/// The phase form of a card.
struct PhaseForm: Content {
    var title: String?
    var period: String?
    var due: String?

    func phase(of nodeKey: String) -> Result<Phase, FormError> {
        var phase = Phase(key: "", nodeKey: nodeKey, ordinal: 0, title: title.trimmed, periodRaw: period.nonEmpty)
        if let text = due.nonEmpty {
            guard let day = Day(parsing: text) else {
                return .failure(FormError("Fase: il campo «Scadenza» (\(text)) non è una data valida (gg/mm/aaaa)."))
            }
            phase.due = day
        }
        return .success(phase)
    }
}

/// A new plan.
struct PlanForm: Content {
    var title: String?
    var firstYear: Int?
    var lastYear: Int?
    var year: Int?
    var levels: [String]?

    func plan() -> Result<Plan, FormError> {
        guard let first = firstYear, let last = lastYear else { return .failure(FormError("Nuovo piano: indica il primo e l'ultimo anno.")) }
        let levels = (levels ?? []).compactMap(CascadeLevel.init(rawValue:)).sorted()
        guard !levels.isEmpty else { return .failure(FormError("Nuovo piano: scegli almeno un livello della cascata.")) }
        return .success(
            Plan(
                key: PlanKeys.plan(firstYear: first, lastYear: last), title: title.trimmed, firstYear: first, lastYear: last,
                year: year ?? first, levels: levels))
    }
}

/// A lifecycle move, with the act when the move is an approval.
struct MoveForm: Content {
    var state: String?
    var organ: String?
    var number: String?
    var date: String?

    func move() -> Result<(PlanState, Act?), FormError> {
        guard let state = PlanState(rawValue: state ?? "") else { return .failure(FormError("Stato del piano non valido.")) }
        var act: Act?
        if let text = date.nonEmpty {
            guard let day = Day(parsing: text) else { return .failure(FormError("Approvazione: «\(text)» non è una data valida (gg/mm/aaaa).")) }
            act = Act(organ: organ.nonEmpty ?? "Giunta comunale", number: number.nonEmpty, date: day)
        }
        return .success((state, act))
    }
}

/// An Italian message about a form, shown to the user.
struct FormError: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
