/// A change to an approved plan, requested by an objective's owner with a reason and approved (with the act that
/// adopts it) or rejected by the segretario. Approval makes a new plan version; a campaign whose reference date
/// precedes the act still scores with what was in force then.
public struct Variation: Hashable, Sendable, Codable {
    /// Progressive number within the plan: "Variazione n. 3".
    public var number: Int
    public var nodeKey: String
    public var change: VariationChange
    public var reason: String
    public var requestedBy: String
    public var requestedOn: Day
    public var state: VariationState
    /// The act that approved it ("Delibera di Giunta n. 45 del 15/07/2024"); its date is when it takes effect.
    public var act: Act?
    public var decidedBy: String?
    public var rejection: String?
    /// The plan version the approval created.
    public var planVersion: Int?
    /// The objective and indicator as they were before the approval: history, and the values in force earlier.
    public var nodeBefore: PlanNode?
    public var indicatorBefore: Indicator?

    public init(
        number: Int, nodeKey: String, change: VariationChange, reason: String, requestedBy: String, requestedOn: Day,
        state: VariationState = .richiesta
    ) {
        self.number = number
        self.nodeKey = nodeKey
        self.change = change
        self.reason = reason
        self.requestedBy = requestedBy
        self.requestedOn = requestedOn
        self.state = state
    }

    /// The day the change takes effect: the approving act's date.
    public var effectiveFrom: Day? { state == .approvata ? act?.date : nil }
}

public enum VariationState: String, CaseIterable, Sendable, Codable {
    case richiesta, approvata, respinta

    public var label: String {
        switch self {
        case .richiesta: "Richiesta"
        case .approvata: "Approvata"
        case .respinta: "Respinta"
        }
    }
}

/// What a variation changes.
public enum VariationChange: Hashable, Sendable, Codable {
    case target(indicatorKey: String, to: Target)
    case deadline(to: Day)
    case weight(to: Double)
    case addIndicator(Indicator)
    case removeIndicator(indicatorKey: String)

    public var kindLabel: String {
        switch self {
        case .target: "Valore atteso"
        case .deadline: "Scadenza"
        case .weight: "Peso"
        case .addIndicator: "Nuovo indicatore"
        case .removeIndicator: "Indicatore eliminato"
        }
    }

    /// "Valore atteso di «Atti digitalizzati»: 95%", in Italian for history and lists.
    public func describe(indicators: [Indicator]) -> String {
        let name = { (key: String) in indicators.first { $0.key == key }.map { "«\($0.name)»" } ?? "\"\(key)\"" }
        switch self {
        case .target(let key, let to): return "Valore atteso di \(name(key)): \(to.italianText)"
        case .deadline(let day): return "Scadenza: \(day.italian)"
        case .weight(let w): return "Peso: \(ItalianFormat.percent(w))"
        case .addIndicator(let x): return "Nuovo indicatore «\(x.name)»" + (x.target.map { ", atteso \($0.italianText)" } ?? "")
        case .removeIndicator(let key): return "Eliminato l'indicatore \(name(key))"
        }
    }
}
