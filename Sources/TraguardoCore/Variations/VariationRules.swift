/// How a variation is checked, applied to the plan, and undone to read the plan as it was on a day.
public enum VariationRules {
    /// A request: only on an approved plan (a draft is edited directly), with a reason, about something that exists.
    public static func checkRequest(
        _ change: VariationChange, nodeKey: String, reason: String, plan: Plan, nodes: [PlanNode], indicators: [Indicator]
    ) throws(VariationError) {
        guard plan.state.isFrozen else { throw .planInDraft }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired }
        guard nodes.contains(where: { $0.key == nodeKey }) else { throw .unknownNode(nodeKey) }
        let own = indicators.filter { $0.nodeKey == nodeKey }
        switch change {
        case .target(let key, let to):
            guard own.contains(where: { $0.key == key }) else { throw .unknownIndicator(key) }
            guard !to.isEmpty else { throw .emptyTarget }
        case .weight(let w):
            guard w.isFinite, (0...100).contains(w) else { throw .invalidWeight }
        case .addIndicator(let x):
            guard !x.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyName }
            guard !indicators.contains(where: { $0.key == x.key }) else { throw .duplicateIndicator(x.key) }
        case .removeIndicator(let key):
            guard own.contains(where: { $0.key == key }) else { throw .unknownIndicator(key) }
        case .deadline:
            break
        }
    }

    /// The objective and its indicators after the change.
    public static func apply(_ change: VariationChange, node: inout PlanNode, indicators: inout [Indicator]) {
        switch change {
        case .target(let key, let to):
            if let i = indicators.firstIndex(where: { $0.key == key }) { indicators[i].target = to }
        case .deadline(let day): node.deadline = day
        case .weight(let w):
            node.weight = w
            node.weightRaw = nil
        case .addIndicator(let x): indicators.append(x)
        case .removeIndicator(let key): indicators.removeAll { $0.key == key }
        }
    }

    /// The plan's objectives and indicators as they were in force on `day`: approved variations whose act is later
    /// are undone, newest first, from the snapshots taken when they were approved.
    public static func inForce(on day: Day, nodes: [PlanNode], indicators: [Indicator], variations: [Variation]) -> (
        nodes: [PlanNode], indicators: [Indicator]
    ) {
        let later = variations.filter { v in v.effectiveFrom.map { $0 > day } ?? false }.sorted { $0.number > $1.number }
        guard !later.isEmpty else { return (nodes, indicators) }
        var nodes = nodes, indicators = indicators
        for v in later {
            if let before = v.nodeBefore, let i = nodes.firstIndex(where: { $0.key == before.key }) { nodes[i] = before }
            switch v.change {
            case .addIndicator(let x): indicators.removeAll { $0.key == x.key }
            case .removeIndicator:
                if let x = v.indicatorBefore, !indicators.contains(where: { $0.key == x.key }) { indicators.append(x) }
            case .target:
                if let x = v.indicatorBefore, let i = indicators.firstIndex(where: { $0.key == x.key }) { indicators[i] = x }
            case .deadline, .weight: break
            }
        }
        return (nodes, indicators)
    }
}

public enum VariationError: Error, CustomStringConvertible, Equatable, Sendable {
    case planInDraft, reasonRequired, unknownNode(String), unknownIndicator(String), emptyTarget, invalidWeight, emptyName
    case duplicateIndicator(String), notPending(Int), unknown(Int), missingAct, rejectionReason

    public var description: String {
        switch self {
        case .planInDraft: "Il piano è in bozza: modificalo direttamente, le variazioni servono dopo l'approvazione."
        case .reasonRequired: "Una variazione va motivata: il campo «Motivazione» è obbligatorio."
        case .unknownNode(let k): "Obiettivo \"\(k)\" inesistente in questo piano."
        case .unknownIndicator(let k): "Indicatore \"\(k)\" inesistente in questo obiettivo."
        case .emptyTarget: "Il campo «Nuovo valore atteso» è obbligatorio."
        case .invalidWeight: "Il campo «Nuovo peso» deve essere un numero tra 0 e 100."
        case .emptyName: "Il campo «Indicatore» è obbligatorio."
        case .duplicateIndicator(let k): "Esiste già un indicatore con chiave \"\(k)\"."
        case .notPending(let n): "La variazione n. \(n) è già stata decisa."
        case .unknown(let n): "Variazione n. \(n) inesistente in questo piano."
        case .missingAct: "Per approvare una variazione servono l'organo e la data dell'atto (es. Giunta, n. 45, 15/07/2024)."
        case .rejectionReason: "Per respingere una variazione serve la motivazione."
        }
    }
}
