import Foundation
import TraguardoCore

// MARK: monitoring campaigns, entries, validation

extension Store {
    public func campaigns(of plan: StoredPlan) async throws -> [Campaign] {
        try await MonitoringStore.campaigns(planID: plan.id, on: db)
    }

    public func campaign(_ key: String, of plan: StoredPlan) async throws -> CampaignData? {
        try await MonitoringStore.data(planID: plan.id, campaignKey: key, on: db)
    }

    @discardableResult
    public func createCampaign(_ campaign: Campaign, in plan: StoredPlan, actor: Actor) async throws -> Campaign {
        try await MonitoringStore.create(campaign, planID: plan.id, on: db, actor: actor)
    }

    @discardableResult
    public func moveCampaign(
        _ key: String, of plan: StoredPlan, to state: CampaignState, reason: String?, allows: @escaping @Sendable (Permission) -> Bool, actor: Actor
    ) async throws -> Campaign {
        try await MonitoringStore.move(planID: plan.id, campaignKey: key, to: state, reason: reason, allows: allows, on: db, actor: actor)
    }

    /// Saves one objective's entries if nobody saved since `expectedVersion`; returns the new version.
    @discardableResult
    public func saveEntries(
        campaign: String, node: PlanNode, objective: MonitoringValue, indicators: [MonitoringValue], expectedVersion: Int,
        scope: EntryRules.Scope, in plan: StoredPlan, actor: Actor
    ) async throws -> Int {
        try await MonitoringStore.saveEntries(
            planID: plan.id, campaignKey: campaign, node: node, objective: objective, indicators: indicators, expectedVersion: expectedVersion,
            scope: scope, on: db, actor: actor)
    }

    public func submit(unit: String, campaign: String, on day: Day, in plan: StoredPlan, actor: Actor) async throws {
        try await MonitoringStore.submit(planID: plan.id, campaignKey: campaign, unitKey: unit, on: day, on: db, actor: actor)
    }

    public func giveBack(unit: String, campaign: String, note: String, on day: Day, in plan: StoredPlan, actor: Actor) async throws {
        try await MonitoringStore.giveBack(planID: plan.id, campaignKey: campaign, unitKey: unit, note: note, on: day, on: db, actor: actor)
    }

    @discardableResult
    public func decide(
        _ kind: ValidationKind, node: String, campaign: String, score: Double?, reason: String, computed: Double?, rounding: RoundingPolicy,
        minutes: String?, in plan: StoredPlan, actor: Actor
    ) async throws -> Validation {
        try await MonitoringStore.decide(
            planID: plan.id, campaignKey: campaign, nodeKey: node, kind: kind, score: score, reason: reason, computed: computed, rounding: rounding,
            minutes: minutes, on: db, actor: actor)
    }

    public func addMinutes(_ minutes: Minutes, in plan: StoredPlan, actor: Actor) async throws {
        try await MonitoringStore.addMinutes(minutes, planID: plan.id, on: db, actor: actor)
    }
}
