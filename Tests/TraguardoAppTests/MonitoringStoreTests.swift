import Fluent
import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import Vapor

@testable import TraguardoWeb

/// Campaigns, entries and decisions in their own tables, on both engines: the whole year of one objective,
/// the optimistic lock, and the move of rows written by the previous release.
@Suite("Monitoring storage")
struct MonitoringStoreTests {
    static let segretario = Actor(id: nil, name: "segretario")
    static let owner = EntryRules.Scope(unitKeys: ["U-01"], isManager: false)
    static let allow: @Sendable (Permission) -> Bool = { _ in true }

    /// The fixture's plan, approved, with a mid-year campaign open.
    static func openCampaign(_ app: Application) async throws -> (StoredPlan, PlanNode) {
        let fixture = try await Fixture.install(on: app)
        let store = app.store
        var plan = try #require(try await store.plan(enteID: fixture.alfaID, key: "P-2024"))
        _ = try await store.move(
            plan, to: .approvato, act: Act(organ: "Giunta", number: "12", date: Day(year: 2024, month: 1, day: 30)), allows: allow, actor: .system)
        plan = try #require(try await store.plan(enteID: fixture.alfaID, key: "P-2024"))
        let campaign = Campaign(
            key: "M-2024-06", title: "Monitoraggio al 30/06/2024", asOf: Day(year: 2024, month: 6, day: 30)!,
            entryDeadline: Day(year: 2024, month: 7, day: 20),
            isFinal: false)
        let created = try await store.createCampaign(campaign, in: plan, actor: segretario)
        #expect(created.state == .daAprire)
        try await store.moveCampaign("M-2024-06", of: plan, to: .aperta, reason: nil, allows: allow, actor: segretario)
        let node = try #require(try await store.bundle(of: plan).nodes.first { $0.key == "OB-1" })
        return (plan, node)
    }

    @Test func anObjectivesYearFromDraftToClosedCampaign() async throws {
        try await withTestApp { app in
            let store = app.store
            let (plan, node) = try await Self.openCampaign(app)
            let objective = MonitoringValue(campaignKey: "", nodeKey: "", status: .inLinea, narrative: "Avviata la conservazione digitale.")
            let value = MonitoringValue(campaignKey: "", nodeKey: "", indicatorKey: "OB-1-I1", actual: Measure(number: 45))
            let v1 = try await store.saveEntries(
                campaign: "M-2024-06", node: node, objective: objective, indicators: [value], expectedVersion: 0, scope: Self.owner, in: plan,
                actor: Actor(id: nil, name: "responsabile"))
            #expect(v1 == 1)
            // A second writer who read version 0 is refused, and nothing it sent is written.
            await #expect(throws: MonitoringError.conflict) {
                try await store.saveEntries(
                    campaign: "M-2024-06", node: node, objective: objective,
                    indicators: [MonitoringValue(campaignKey: "", nodeKey: "", indicatorKey: "OB-1-I1", actual: Measure(number: 99))],
                    expectedVersion: 0, scope: Self.owner, in: plan, actor: Actor(id: nil, name: "altro"))
            }
            var data = try #require(try await store.campaign("M-2024-06", of: plan))
            #expect(data.entry("OB-1", indicator: "OB-1-I1")?.actual?.number == 45)
            #expect(data.version(of: "OB-1") == 1)
            // RINVIATO without a reason is refused before anything is read.
            await #expect(throws: MonitoringError.statusReasonRequired("Rinviato")) {
                try await store.saveEntries(
                    campaign: "M-2024-06", node: node, objective: MonitoringValue(campaignKey: "", nodeKey: "", status: .rinviato), indicators: [],
                    expectedVersion: 1, scope: Self.owner, in: plan, actor: .system)
            }
            // Somebody else's unit is not theirs.
            await #expect(throws: MonitoringError.notYourObjective(node.title)) {
                try await store.saveEntries(
                    campaign: "M-2024-06", node: node, objective: objective, indicators: [], expectedVersion: 1,
                    scope: EntryRules.Scope(unitKeys: ["U-02"], isManager: false), in: plan, actor: .system)
            }
            try await store.submit(
                unit: "U-01", campaign: "M-2024-06", on: Day(year: 2024, month: 7, day: 10)!, in: plan, actor: Actor(id: nil, name: "responsabile"))
            await #expect(throws: MonitoringError.unitSubmitted("U-01")) {
                try await store.saveEntries(
                    campaign: "M-2024-06", node: node, objective: objective, indicators: [], expectedVersion: 1, scope: Self.owner, in: plan,
                    actor: .system)
            }
            try await store.giveBack(
                unit: "U-01", campaign: "M-2024-06", note: "Manca l'evidenza.", on: Day(year: 2024, month: 7, day: 11)!, in: plan,
                actor: Self.segretario)
            let v2 = try await store.saveEntries(
                campaign: "M-2024-06", node: node, objective: objective,
                indicators: [MonitoringValue(campaignKey: "", nodeKey: "", indicatorKey: "OB-1-I1", actual: Measure(number: 50))],
                expectedVersion: 1, scope: Self.owner, in: plan, actor: .system)
            #expect(v2 == 2)
            // The Nucleo works only once the data are handed over.
            await #expect(throws: MonitoringError.notInValidation) {
                try await store.decide(
                    .conferma, node: "OB-1", campaign: "M-2024-06", score: nil, reason: "", computed: 55.56, rounding: RoundingPolicy(), minutes: nil,
                    in: plan, actor: .system)
            }
            try await store.moveCampaign("M-2024-06", of: plan, to: .inValidazione, reason: nil, allows: Self.allow, actor: Self.segretario)
            await #expect(throws: MonitoringError.validationReasonRequired(computed: "55,56", validated: "60,00")) {
                try await store.decide(
                    .modifica, node: "OB-1", campaign: "M-2024-06", score: 60, reason: " ", computed: 55.56, rounding: RoundingPolicy(), minutes: nil,
                    in: plan, actor: .system)
            }
            // Equal once rounded as the methodology rounds: no reason needed.
            try await store.decide(
                .modifica, node: "OB-1", campaign: "M-2024-06", score: 55.555, reason: "", computed: 55.5561, rounding: RoundingPolicy(),
                minutes: nil,
                in: plan, actor: .system)
            let confirmed = try await store.decide(
                .conferma, node: "OB-1", campaign: "M-2024-06", score: nil, reason: "", computed: 55.56, rounding: RoundingPolicy(),
                minutes: "Verbale n. 1 del 15/07/2024", in: plan, actor: .system)
            #expect(confirmed.kind == .conferma && !confirmed.excluded)
            try await store.addMinutes(
                Minutes(
                    campaignKey: "M-2024-06", number: "1", date: Day(year: 2024, month: 7, day: 15)!, place: "Sala giunta",
                    members: ["Dott. Bianchi"],
                    agenda: "Validazione monitoraggio", decisions: "Confermati i punteggi."), in: plan, actor: .system)
            try await store.moveCampaign("M-2024-06", of: plan, to: .chiusa, reason: nil, allows: Self.allow, actor: .system)
            await #expect(throws: MonitoringError.notOpen("Chiusa")) {
                try await store.saveEntries(
                    campaign: "M-2024-06", node: node, objective: objective, indicators: [], expectedVersion: 2, scope: Self.owner, in: plan,
                    actor: .system)
            }
            await #expect(throws: MonitoringError.reasonRequired("Riapri la campagna")) {
                try await store.moveCampaign("M-2024-06", of: plan, to: .riaperta, reason: "", allows: Self.allow, actor: .system)
            }
            data = try #require(try await store.campaign("M-2024-06", of: plan))
            #expect(data.campaign.state == .chiusa)
            #expect(data.validations.count == 1 && data.minutes.map(\.label) == ["Verbale n. 1 del 15/07/2024"])
            #expect(data.submission(of: "U-01")?.state == .restituita)
            // The bundle carries the campaign, its entries and the decision; the audit trail every step.
            let bundle = try await store.bundle(of: plan)
            #expect(bundle.campaigns.map(\.key) == ["M-2024-06"] && bundle.values.count == 2 && bundle.validations.count == 1)
            let trail = try await store.audit(AuditLog.Filter(enteIDs: [plan.enteID]))
            #expect(Set(trail.map(\.entity)).isSuperset(of: ["campagna", "valore-monitoraggio", "invio-settore", "validazione", "verbale"]))
        }
    }

    /// A save moves the ente's revision (caches of campaign rows and scores) but not its structure revision (the
    /// decoded plan stays valid); a variation, which changes the plan, moves both.
    @Test func monitoringMovesTheRevisionNotTheStructure() async throws {
        try await withTestApp { app in
            let store = app.store
            let (plan, node) = try await Self.openCampaign(app)
            let before = try #require(try await store.ente(slug: "alfa"))
            try await store.saveEntries(
                campaign: "M-2024-06", node: node, objective: MonitoringValue(campaignKey: "", nodeKey: "", status: .inLinea), indicators: [],
                expectedVersion: 0, scope: Self.owner, in: plan, actor: .system)
            let afterSave = try #require(try await store.ente(slug: "alfa"))
            #expect(afterSave.revision == before.revision + 1)
            #expect(afterSave.structureRevision == before.structureRevision)
            try await store.requestVariation(
                .weight(to: 50), node: "OB-1", reason: "Riequilibrio dei pesi.", on: Day(year: 2024, month: 7, day: 1)!, in: plan, actor: .system)
            let afterVariation = try #require(try await store.ente(slug: "alfa"))
            #expect(afterVariation.structureRevision == before.structureRevision + 1)
        }
    }

    /// Many writers each read the counter and its version, write counter + 1, and retry on conflict: the final
    /// count equals the number of writers, so no update was lost.
    @Test func parallelWritersLoseNoUpdate() async throws {
        try await withTestApp { app in
            let store = app.store
            let (plan, node) = try await Self.openCampaign(app)
            let writers = 12
            try await withThrowingTaskGroup(of: Int.self) { group in
                for w in 0..<writers {
                    group.addTask {
                        var conflicts = 0
                        while true {
                            let data = try #require(try await store.campaign("M-2024-06", of: plan))
                            let current = data.entry("OB-1", indicator: "OB-1-I1")?.actual?.number ?? 0
                            do {
                                try await store.saveEntries(
                                    campaign: "M-2024-06", node: node,
                                    objective: MonitoringValue(campaignKey: "", nodeKey: "", narrative: "scrittore \(w)"),
                                    indicators: [
                                        MonitoringValue(campaignKey: "", nodeKey: "", indicatorKey: "OB-1-I1", actual: Measure(number: current + 1))
                                    ],
                                    expectedVersion: data.version(of: "OB-1"), scope: Self.owner, in: plan, actor: Actor(id: nil, name: "w\(w)"))
                                return conflicts
                            } catch MonitoringError.conflict {
                                conflicts += 1
                            }
                        }
                    }
                }
                var total = 0
                for try await c in group { total += c }
                print("parallel writers: \(writers) writes, \(total) conflicts retried")
            }
            let data = try #require(try await store.campaign("M-2024-06", of: plan))
            #expect(data.entry("OB-1", indicator: "OB-1-I1")?.actual?.number == Double(writers))
            #expect(data.version(of: "OB-1") == writers)
        }
    }

    @Test func campaignsOpenOnlyOnApprovedPlansAndEachFinalIsItsOwnSnapshot() async throws {
        try await withTestApp { app in
            let fixture = try await Fixture.install(on: app)
            let store = app.store
            let draft = try #require(try await store.plan(enteID: fixture.alfaID, key: "P-2024"))
            let final = Campaign(key: "F-2024", title: "Consuntivo 2024", asOf: Day(year: 2024, month: 12, day: 31)!, isFinal: true)
            await #expect(throws: MonitoringError.planNotApproved) { try await store.createCampaign(final, in: draft, actor: .system) }
            _ = try await store.move(
                draft, to: .approvato, act: Act(organ: "Giunta", number: "1", date: Day(year: 2024, month: 1, day: 10)), allows: Self.allow,
                actor: .system)
            try await store.createCampaign(final, in: draft, actor: .system)
            await #expect(throws: MonitoringError.duplicateCampaign("F-2024")) { try await store.createCampaign(final, in: draft, actor: .system) }
            var second = final
            second.key = "F-2024-bis"
            await #expect(throws: MonitoringError.duplicateFinal("Consuntivo 2024")) {
                try await store.createCampaign(second, in: draft, actor: .system)
            }
        }
    }
}
