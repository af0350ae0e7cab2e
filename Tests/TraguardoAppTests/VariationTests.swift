import Foundation
import Testing
import TraguardoCore
import TraguardoPersistence
import VaporTesting

@testable import TraguardoWeb

/// After approval the plan changes only through a variation with its act: requested by the owner, approved by the
/// segretario, a new plan version; campaigns before the act keep the target then in force.
@Suite("Variations of an approved plan")
struct VariationTests {
    @Test func aTargetChangedByActScoresOnlyCampaignsAfterTheAct() async throws {
        try await withTestApp { app in
            _ = try await Fixture.install(on: app)
            var segretario = Client(app: app)
            _ = try await segretario.login("segretario")
            var owner = Client(app: app)
            _ = try await owner.login("responsabile")
            let plan = "/enti/alfa/piani/P-2024"
            let card = plan + "/nodi/OB-1"
            // In draft, the plan is edited directly: a variation is refused.
            _ = try await owner.send(.GET, card)
            let draft = try await owner.send(
                .POST, card + "/variazioni", form: ["kind": "target", "indicator": "OB-1-I1", "target": "60", "reason": "x"])
            #expect(draft.status == .unprocessableEntity)
            #expect(draft.body.string.contains("modificalo direttamente, le variazioni servono dopo"))
            _ = try await segretario.send(.GET, plan)
            _ = try await segretario.send(
                .POST, plan + "/stato", form: ["state": "approvato", "organ": "Giunta", "number": "5", "date": "31/01/2024"])
            // Two campaigns, before and after the act, each with the same reading.
            let store = app.store
            let alfa = try #require(try await store.allEnti().first { $0.ente.slug == "alfa" })
            let stored = try #require(try await store.plan(enteID: alfa.id, key: "P-2024"))
            for (key, day) in [("M-06", Day(year: 2024, month: 6, day: 30)!), ("C-12", Day(year: 2024, month: 12, day: 31)!)] {
                try await store.createCampaign(Campaign(key: key, title: key, asOf: day, isFinal: key == "C-12"), in: stored, actor: .system)
                try await store.moveCampaign(key, of: stored, to: .aperta, reason: nil, allows: { _ in true }, actor: .system)
                let node = try #require(try await store.bundle(of: stored).nodes.first { $0.key == "OB-1" })
                try await store.saveEntries(
                    campaign: key, node: node, objective: MonitoringValue(campaignKey: "", nodeKey: ""),
                    indicators: [MonitoringValue(campaignKey: "", nodeKey: "", indicatorKey: "OB-1-I1", actual: Measure(number: 45))],
                    expectedVersion: 0,
                    scope: EntryRules.Scope(unitKeys: [], isManager: true), in: stored, actor: .system)
            }
            _ = try await owner.send(.GET, card)
            let noReason = try await owner.send(.POST, card + "/variazioni", form: ["kind": "target", "indicator": "OB-1-I1", "target": "60"])
            #expect(noReason.status == .unprocessableEntity)
            let requested = try await owner.send(
                .POST, card + "/variazioni",
                form: ["kind": "target", "indicator": "OB-1-I1", "target": "60", "reason": "Organico ridotto da luglio."])
            #expect(requested.status == .seeOther)
            let list = try await segretario.send(.GET, plan + "/variazioni")
            #expect(list.body.string.contains("Valore atteso di «Atti digitalizzati»: 60"))
            let noAct = try await segretario.send(.POST, plan + "/variazioni/1/decisione", form: ["decision": "approva", "organ": "Giunta"])
            #expect(noAct.status == .unprocessableEntity)
            let approved = try await segretario.send(
                .POST, plan + "/variazioni/1/decisione", form: ["decision": "approva", "organ": "Giunta", "number": "45", "date": "15/07/2024"])
            #expect(approved.status == .seeOther)
            let again = try await segretario.send(
                .POST, plan + "/variazioni/1/decisione", form: ["decision": "respingi", "rejection": "ripensamento"])
            #expect(again.body.string.contains("La variazione n. 1 è già stata decisa."))
            let current = try #require(try await store.plan(enteID: alfa.id, key: "P-2024"))
            let bundle = try await store.bundle(of: current)
            #expect(bundle.plan.version == 2)
            #expect(bundle.indicators.first { $0.key == "OB-1-I1" }?.target?.number == 60)
            // 45 against 90 before the act, against 60 after it.
            let mid = try await segretario.send(.GET, plan + "/punteggi?campagna=M-06")
            #expect(mid.body.string.contains("50,00"))
            let final = try await segretario.send(.GET, plan + "/punteggi?campagna=C-12")
            #expect(final.body.string.contains("75,00"))
            let history = try await owner.send(.GET, card)
            #expect(history.body.string.contains("Delibera") || history.body.string.contains("Giunta n. 45 del 15/07/2024"))
            #expect(history.body.string.contains("Organico ridotto da luglio."))
            // A rejection needs its reason.
            _ = try await owner.send(.POST, card + "/variazioni", form: ["kind": "deadline", "deadline": "31/03/2025", "reason": "Gara deserta."])
            let bare = try await segretario.send(.POST, plan + "/variazioni/2/decisione", form: ["decision": "respingi"])
            #expect(bare.body.string.contains("Per respingere una variazione serve la motivazione."))
            let rejected = try await segretario.send(
                .POST, plan + "/variazioni/2/decisione", form: ["decision": "respingi", "rejection": "Termine di legge."])
            #expect(rejected.status == .seeOther)
            let exported = try await store.bundle(of: stored)
            #expect(exported.variations.map(\.state) == [.approvata, .respinta])
            #expect(exported.nodes.first { $0.key == "OB-1" }?.deadline == nil)
        }
    }
}
