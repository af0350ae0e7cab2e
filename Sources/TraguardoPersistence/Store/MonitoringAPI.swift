import Foundation
import SQLKit
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

    /// Saves the organisational-performance figures of a campaign (all or nothing, each figure locked by its version).
    public func saveOrganisational(
        _ changes: [OrganisationalStore.Change], campaign: String, methodology: OrganisationalPerformance?, in plan: StoredPlan, actor: Actor
    ) async throws {
        try await OrganisationalStore.save(planID: plan.id, campaignKey: campaign, changes: changes, methodology: methodology, on: db, actor: actor)
    }
}

/// A campaign that is running (open, reopened or in validation), with its plan, for the home page.
public struct RunningCampaign: Sendable {
    public let enteID: UUID
    public let plan: StoredPlan
    public let campaign: Campaign
}

extension Store {
    /// The running campaigns of these enti, newest reference date first; one query for all of them.
    public func runningCampaigns(enti: [UUID]) async throws -> [RunningCampaign] {
        guard !enti.isEmpty else { return [] }
        let sql = try PlanStore.sqlDatabase(db)
        let rows = try await sql.select()
            .column(SQLColumn("data", table: CampaignRecord.schema), as: "campaign")
            .column(SQLColumn("id", table: PlanRecord.schema), as: "plan_id")
            .column(SQLColumn("ente_id", table: PlanRecord.schema), as: "ente_id")
            .column(SQLColumn("data", table: PlanRecord.schema), as: "plan")
            .from(CampaignRecord.schema)
            .join(PlanRecord.schema, on: SQLColumn("plan_id", table: CampaignRecord.schema), .equal, SQLColumn("id", table: PlanRecord.schema))
            .where(SQLColumn("ente_id", table: PlanRecord.schema), .in, SQLBind.group(enti))
            .where(
                SQLColumn("state", table: CampaignRecord.schema), .in,
                SQLBind.group([CampaignState.aperta, .riaperta, .inValidazione].map(\.rawValue))
            )
            .orderBy(SQLColumn("as_of", table: CampaignRecord.schema), SQLDirection.descending).all()
        return try rows.map { row in
            let decoder = DocumentCoding.decoder
            let plan = try decoder.decode(Plan.self, from: Data(try row.decode(column: "plan", as: String.self).utf8))
            let enteID = try row.decode(column: "ente_id", as: UUID.self)
            return RunningCampaign(
                enteID: enteID, plan: StoredPlan(id: try row.decode(column: "plan_id", as: UUID.self), enteID: enteID, plan: plan),
                campaign: try decoder.decode(Campaign.self, from: Data(try row.decode(column: "campaign", as: String.self).utf8)))
        }
    }
}

// MARK: variations

extension Store {
    public func variations(of plan: StoredPlan) async throws -> [Variation] {
        try await VariationStore.all(planID: plan.id, on: db)
    }

    @discardableResult
    public func requestVariation(_ change: VariationChange, node: String, reason: String, on day: Day, in plan: StoredPlan, actor: Actor)
        async throws -> Variation
    {
        try await VariationStore.request(change, nodeKey: node, reason: reason, on: day, planID: plan.id, on: db, actor: actor)
    }

    @discardableResult
    public func decideVariation(_ number: Int, approve: Bool, act: Act?, rejection: String?, in plan: StoredPlan, actor: Actor) async throws
        -> Variation
    {
        try await VariationStore.decide(number: number, approve: approve, act: act, rejection: rejection, planID: plan.id, on: db, actor: actor)
    }
}

// MARK: evidence files

extension Store {
    public func addEvidence(
        campaign: String, node: PlanNode, filename: String, bytes: [UInt8], sha256: String, scope: EntryRules.Scope, in plan: StoredPlan,
        actor: Actor
    ) async throws -> Evidence {
        try await EvidenceStore.add(
            planID: plan.id, campaignKey: campaign, node: node, filename: filename, bytes: bytes, sha256: sha256, scope: scope, on: db, actor: actor)
    }

    public func evidence(campaign: String, node: String?, in plan: StoredPlan) async throws -> [Evidence] {
        try await EvidenceStore.list(planID: plan.id, campaignKey: campaign, nodeKey: node, on: db)
    }

    public func evidenceFile(_ id: UUID, campaign: String, in plan: StoredPlan) async throws -> (Evidence, Data)? {
        try await EvidenceStore.file(planID: plan.id, campaignKey: campaign, id: id, on: db)
    }

    public func deleteEvidence(_ id: UUID, campaign: String, node: PlanNode, scope: EntryRules.Scope, in plan: StoredPlan, actor: Actor) async throws
    {
        try await EvidenceStore.delete(planID: plan.id, campaignKey: campaign, node: node, id: id, scope: scope, on: db, actor: actor)
    }
}

/// The campaigns of a plan with their entries and decisions, in their stored order.
public struct PlanMonitoring: Sendable {
    public let campaigns: [Campaign]
    public let values: [MonitoringValue]
    public let validations: [Validation]
    public let organisational: [OrganisationalValue]
}

extension Store {
    /// What the plan's campaigns hold, without the plan: a few small queries.
    public func monitoring(of plan: StoredPlan) async throws -> PlanMonitoring {
        let rows = try await MonitoringStore.all(planID: plan.id, on: db)
        return PlanMonitoring(
            campaigns: rows.campaigns, values: rows.values, validations: rows.validations, organisational: rows.organisational)
    }
}

// MARK: entries from a file

extension Store {
    /// Saves several objectives' entries in one transaction: all or nothing (a stale version anywhere refuses the lot).
    public func saveEntries(
        campaign: String, batch: [(node: PlanNode, objective: MonitoringValue, indicators: [MonitoringValue], expectedVersion: Int)],
        scope: EntryRules.Scope, in plan: StoredPlan, actor: Actor
    ) async throws {
        try await db.writeTransaction { tx in
            for item in batch {
                _ = try await MonitoringStore.saveEntries(
                    planID: plan.id, campaignKey: campaign, node: item.node, objective: item.objective, indicators: item.indicators,
                    expectedVersion: item.expectedVersion, scope: scope, on: tx, actor: actor)
            }
        }
    }
}
