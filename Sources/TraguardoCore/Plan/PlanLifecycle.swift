/// The life of a plan: which state may follow which, who may move it there, and what the move needs.
/// An approved PIAO is a deliberation of the Giunta, so no transition leads back to `bozza`: after approval the
/// plan changes only through a recorded variation.
public enum PlanLifecycle {
    public struct Transition: Hashable, Sendable {
        public let from: PlanState
        public let to: PlanState
        /// The permission the user needs in the ente (mapped to roles by `AccessPolicy`).
        public let permission: Permission
        /// Approval records the act (organ, number, date) that adopted the plan.
        public let needsAct: Bool
        /// The button's label, in Italian.
        public let label: String
    }

    public static let transitions: [Transition] = [
        Transition(from: .bozza, to: .approvato, permission: .managePlan, needsAct: true, label: "Approva il piano"),
        Transition(from: .approvato, to: .inMonitoraggio, permission: .managePlan, needsAct: false, label: "Avvia il monitoraggio"),
        Transition(from: .inMonitoraggio, to: .consuntivato, permission: .managePlan, needsAct: false, label: "Chiudi la rendicontazione"),
        Transition(from: .consuntivato, to: .validato, permission: .validate, needsAct: false, label: "Valida la rendicontazione"),
        Transition(from: .validato, to: .pubblicato, permission: .managePlan, needsAct: false, label: "Segna come pubblicato"),
    ]

    /// The moves out of `state`, whoever may make them.
    public static func next(from state: PlanState) -> [Transition] {
        transitions.filter { $0.from == state }
    }

    /// The plan in its new state, or an Italian refusal. `allows` answers whether the user holds a permission
    /// in the plan's ente.
    public static func move(_ plan: Plan, to state: PlanState, act: Act?, allows: (Permission) -> Bool) throws(PlanRuleError) -> Plan {
        guard state != plan.state else { throw .sameState(state.label) }
        guard let transition = transitions.first(where: { $0.from == plan.state && $0.to == state }) else {
            if state == .bozza { throw .backToDraft(plan.state.label, plan.approval?.label) }
            throw .transitionNotAllowed(from: plan.state.label, to: state.label)
        }
        guard allows(transition.permission) else { throw .transitionForbidden(to: state.label, role: transition.permission) }
        var moved = plan
        moved.state = state
        if transition.needsAct {
            guard let act, act.date != nil else { throw .missingAct }
            guard !act.organ.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missingAct }
            moved.approval = act
        }
        return moved
    }
}
