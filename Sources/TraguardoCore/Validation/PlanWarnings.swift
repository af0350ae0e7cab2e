/// Things a planner should look at, never reasons to refuse a plan: real plans carry them (seed 002's
/// weights sum to 40% per area) and the software must hold such plans as they are.
public struct PlanWarning: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case weightsPerUnit = "pesi-unita"
        case weightsPerPerson = "pesi-responsabile"
        case missingClassification = "classificazione-mancante"
        case indicatorWithoutTarget = "indicatore-senza-target"
        case deadlineOutsidePlan = "scadenza-fuori-periodo"
        case invalidDate = "data-non-valida"
    }

    public var kind: Kind
    public var message: String
    public var nodeKey: String?
}

public enum PlanWarnings {
    /// Objectives that carry weights: the lowest level in use (performance objectives, else operational).
    static func evaluatedLevel(_ b: PlanBundle) -> CascadeLevel {
        b.plan.levels.max() ?? .performanceObjective
    }

    public static func check(_ b: PlanBundle) -> [PlanWarning] {
        var out: [PlanWarning] = []
        let level = evaluatedLevel(b)
        let objectives = b.nodes.filter { $0.level == level }
        let period = b.plan.period

        // Weights per unit and per responsabile, only where the plan uses weights at all.
        let weighted = objectives.filter { $0.weight != nil }
        if !weighted.isEmpty {
            for unit in b.units {
                let mine = weighted.filter { $0.ownerUnitKeys.contains(unit.key) }
                guard !mine.isEmpty else { continue }
                let sum = mine.reduce(0) { $0 + ($1.weight ?? 0) }
                if abs(sum - 100) > 0.001 {
                    out.append(
                        PlanWarning(
                            kind: .weightsPerUnit,
                            message:
                                "I pesi degli obiettivi di «\(unit.displayName)» sommano a \(ItalianFormat.number(sum, trimZeros: true))%, non a 100%."
                        ))
                }
            }
            let yearDay = Day(year: b.plan.year, month: 12, day: 31)!
            var byPerson: [String: Double] = [:]
            for unit in b.units {
                guard
                    let holder = Responsibility.holder(of: unit.key, on: yearDay, in: b.assignments)
                        ?? b.assignments.first(where: { $0.unitKey == unit.key })
                else { continue }
                byPerson[holder.personKey, default: 0] += weighted.filter { $0.ownerUnitKeys.contains(unit.key) }.reduce(0) { $0 + ($1.weight ?? 0) }
            }
            for (person, sum) in byPerson.sorted(by: { $0.key < $1.key }) where sum > 0 && abs(sum - 100) > 0.001 {
                let name = b.people.first { $0.key == person }?.displayName ?? person
                out.append(
                    PlanWarning(
                        kind: .weightsPerPerson,
                        message: "I pesi degli obiettivi di \(name) sommano a \(ItalianFormat.number(sum, trimZeros: true))%, non a 100%."))
            }
        }

        // The PIAO asks for objectives of semplificazione, digitalizzazione, accessibilità, pari opportunità.
        let catalogue = Classification.standard + b.classifications
        for required in catalogue where required.requiredByPIAO {
            if !b.nodes.contains(where: { $0.classifications.contains(required.key) }) {
                out.append(
                    PlanWarning(kind: .missingClassification, message: "Nessun obiettivo è classificato «\(required.label)», richiesto dal PIAO."))
            }
        }

        for ind in b.indicators where ind.target == nil || ind.target!.isEmpty {
            out.append(
                PlanWarning(kind: .indicatorWithoutTarget, message: "L'indicatore «\(ind.name)» non ha un valore atteso.", nodeKey: ind.nodeKey))
        }

        for node in b.nodes {
            if let d = node.deadline, !period.contains(d) {
                out.append(
                    PlanWarning(
                        kind: .deadlineOutsidePlan, message: "La scadenza \(d.italian) di «\(node.title)» è fuori dal periodo del piano.",
                        nodeKey: node.key))
            }
            if node.deadline == nil, let raw = node.deadlineRaw, DateScan.containsImpossibleDate(raw) {
                out.append(
                    PlanWarning(kind: .invalidDate, message: "La scadenza «\(raw)» di «\(node.title)» non è una data valida.", nodeKey: node.key))
            }
        }
        for phase in b.phases {
            if let d = phase.due, !period.contains(d) {
                out.append(
                    PlanWarning(
                        kind: .deadlineOutsidePlan, message: "La fase «\(phase.title)» scade il \(d.italian), fuori dal periodo del piano.",
                        nodeKey: phase.nodeKey))
            }
            if let raw = phase.periodRaw, DateScan.containsImpossibleDate(raw) {
                out.append(
                    PlanWarning(
                        kind: .invalidDate, message: "Il periodo «\(raw)» della fase «\(phase.title)» contiene una data impossibile.",
                        nodeKey: phase.nodeKey))
            }
        }
        return out
    }
}

/// Finds dd/mm/yy(yy) or dd.mm.yyyy patterns in free text that are not real dates (31/06, 31/09/24).
enum DateScan {
    static func containsImpossibleDate(_ text: String) -> Bool {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isNumber else {
                i += 1
                continue
            }
            var j = i
            var parts: [String] = [""]
            while j < chars.count, chars[j].isNumber || ((chars[j] == "/" || chars[j] == ".") && parts.count < 3) {
                if chars[j].isNumber { parts[parts.count - 1].append(chars[j]) } else { parts.append("") }
                j += 1
            }
            if parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), [2, 4].contains(parts[2].count),
                let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2])
            {
                if parts[2].count == 2 { y += 2000 }
                if Day(year: y, month: m, day: d) == nil { return true }
            }
            i = max(j, i + 1)
        }
        return false
    }
}
