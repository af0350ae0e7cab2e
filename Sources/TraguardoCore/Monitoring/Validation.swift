/// The Nucleo di Valutazione's word on an objective in a campaign: it confirms the computed score, sets another
/// one, excludes the objective, or sends it back to the owner for integration. A changed score and an exclusion
/// count in every roll-up instead of the computed score.
public struct Validation: Hashable, Sendable, Codable {
    public var campaignKey: String
    public var nodeKey: String
    public var kind: ValidationKind
    public var score: Double?
    public var excluded: Bool
    /// Why the Nucleo departed from the computed score, or what it asks the owner to add.
    public var reason: String
    /// The computed score the Nucleo saw when it decided (kept to show later changes of the computation).
    public var computedScore: Double?
    /// The minutes (verbale) the decision was taken in, e.g. "Verbale NdV n. 3 del 12/05/2021".
    public var minutes: String?

    public init(
        campaignKey: String, nodeKey: String, kind: ValidationKind? = nil, score: Double? = nil, excluded: Bool = false, reason: String,
        computedScore: Double? = nil, minutes: String? = nil
    ) {
        self.campaignKey = campaignKey
        self.nodeKey = nodeKey
        self.kind = kind ?? (excluded ? .esclusione : .modifica)
        self.score = score
        self.excluded = excluded || kind == .esclusione
        self.reason = reason
        self.computedScore = computedScore
        self.minutes = minutes
    }

    /// Whether the decision replaces the computed score in the roll-ups (a request for integration does not).
    public var isDecision: Bool { kind != .integrazione }

    enum CodingKeys: String, CodingKey { case campaignKey, nodeKey, kind, score, excluded, reason, computedScore, minutes }

    /// Bundles written before decisions had a kind carry only `score` and `excluded`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let excluded = try c.decodeIfPresent(Bool.self, forKey: .excluded) ?? false
        self.init(
            campaignKey: try c.decode(String.self, forKey: .campaignKey), nodeKey: try c.decode(String.self, forKey: .nodeKey),
            kind: try c.decodeIfPresent(ValidationKind.self, forKey: .kind), score: try c.decodeIfPresent(Double.self, forKey: .score),
            excluded: excluded, reason: try c.decodeIfPresent(String.self, forKey: .reason) ?? "",
            computedScore: try c.decodeIfPresent(Double.self, forKey: .computedScore), minutes: try c.decodeIfPresent(String.self, forKey: .minutes))
    }
}

public enum ValidationKind: String, CaseIterable, Sendable, Codable {
    /// The computed score stands (no reason needed).
    case conferma
    /// Another score replaces the computed one (a reason is needed when it differs beyond rounding).
    case modifica
    /// The objective is left out of every roll-up.
    case esclusione
    /// Sent back to the owner to add entries or evidence; the campaign's entries reopen for that objective.
    case integrazione

    public var label: String {
        switch self {
        case .conferma: "Confermato"
        case .modifica: "Punteggio modificato"
        case .esclusione: "Escluso"
        case .integrazione: "Rinviato per integrazione"
        }
    }
}
