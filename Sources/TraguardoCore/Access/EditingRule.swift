import Foundation

/// Who may change which part of a plan: a segretario (or administrator) any node, a responsabile only the
/// nodes whose owner units are all among the units they answer for.
public enum EditingRule {
    /// Whether the plan can be edited at all by this user (it is in draft and they hold an editing role).
    public static func mayEdit(_ plan: Plan, principal: Principal, enteID: UUID) -> Bool {
        !plan.state.isFrozen && AccessPolicy.allows(principal, .editOwnUnits, enteID: enteID)
    }

    /// Whether the user may change a node owned by these units. `unitIDs` maps the ente's unit keys to ids.
    public static func mayEdit(ownerUnitKeys: [String], principal: Principal, enteID: UUID, unitIDs: [String: UUID]) -> Bool {
        if AccessPolicy.allows(principal, .managePlan, enteID: enteID) { return true }
        let ids = Set(ownerUnitKeys.compactMap { unitIDs[$0] })
        return ids.count == ownerUnitKeys.count && AccessPolicy.mayEdit(unitIDs: ids, principal: principal, enteID: enteID)
    }

    /// Whether the user may approve or otherwise move the plan to `state`.
    public static func mayMove(_ plan: Plan, to state: PlanState, principal: Principal, enteID: UUID) -> Bool {
        PlanLifecycle.next(from: plan.state).contains { $0.to == state && AccessPolicy.allows(principal, $0.permission, enteID: enteID) }
    }
}
