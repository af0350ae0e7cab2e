/// The Nucleo di Valutazione's word on an objective in a campaign: a validated score that overrides the computed
/// one in every roll-up, or an exclusion; both need a reason.
public struct Validation: Hashable, Sendable, Codable {
    public var campaignKey: String
    public var nodeKey: String
    public var score: Double?
    public var excluded: Bool
    public var reason: String
    /// The minutes (verbale) the decision was taken in, e.g. "Verbale NdV n. 3 del 12/05/2021".
    public var minutes: String?

    public init(campaignKey: String, nodeKey: String, score: Double? = nil, excluded: Bool = false, reason: String, minutes: String? = nil) {
        self.campaignKey = campaignKey
        self.nodeKey = nodeKey
        self.score = score
        self.excluded = excluded
        self.reason = reason
        self.minutes = minutes
    }
}
