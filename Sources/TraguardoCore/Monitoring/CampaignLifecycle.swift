/// The life of a monitoring campaign: which state may follow which, who may make the move, what it needs.
public enum CampaignLifecycle {
    public struct Transition: Hashable, Sendable {
        public let from: CampaignState
        public let to: CampaignState
        public let permission: Permission
        /// Reopening a closed campaign (or giving it back to the owners) is recorded with its reason.
        public let needsReason: Bool
        public let label: String
    }

    public static let transitions: [Transition] = [
        Transition(from: .daAprire, to: .aperta, permission: .managePlan, needsReason: false, label: "Apri la campagna"),
        Transition(from: .aperta, to: .inValidazione, permission: .managePlan, needsReason: false, label: "Trasmetti al Nucleo"),
        Transition(from: .riaperta, to: .inValidazione, permission: .managePlan, needsReason: false, label: "Trasmetti al Nucleo"),
        Transition(from: .inValidazione, to: .riaperta, permission: .managePlan, needsReason: true, label: "Riapri l'inserimento"),
        Transition(from: .inValidazione, to: .chiusa, permission: .validate, needsReason: false, label: "Chiudi la campagna"),
        Transition(from: .chiusa, to: .riaperta, permission: .managePlan, needsReason: true, label: "Riapri la campagna"),
    ]

    public static func next(from state: CampaignState) -> [Transition] {
        transitions.filter { $0.from == state }
    }

    /// The campaign in its new state, or an Italian refusal. A campaign opens only on an approved plan.
    public static func move(
        _ campaign: Campaign, to state: CampaignState, reason: String?, plan: Plan, allows: (Permission) -> Bool
    ) throws(MonitoringError) -> Campaign {
        guard state != campaign.state else { throw .sameState(state.label) }
        guard let transition = transitions.first(where: { $0.from == campaign.state && $0.to == state }) else {
            throw .transitionNotAllowed(from: campaign.state.label, to: state.label)
        }
        guard allows(transition.permission) else { throw .forbidden(transition.label) }
        if state == .aperta && plan.state == .bozza { throw .planNotApproved }
        var moved = campaign
        moved.state = state
        if transition.needsReason {
            let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw .reasonRequired(transition.label) }
            moved.reopenReason = reason
        }
        return moved
    }

    /// A new campaign on a plan: checks the key, the dates and the plan's state.
    public static func create(_ campaign: Campaign, on plan: Plan, existing: [Campaign]) throws(MonitoringError) -> Campaign {
        let key = campaign.key.trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { throw .missing("Codice") }
        guard !campaign.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing("Titolo") }
        guard plan.state != .bozza else { throw .planNotApproved }
        guard !existing.contains(where: { $0.key == key }) else { throw .duplicateCampaign(key) }
        if campaign.isFinal, let other = existing.first(where: { $0.isFinal && $0.asOf.year == campaign.asOf.year }) {
            throw .duplicateFinal(other.title)
        }
        if let deadline = campaign.entryDeadline, deadline < campaign.asOf { throw .deadlineBeforeReference }
        var c = campaign
        c.key = key
        c.state = .daAprire
        return c
    }
}
