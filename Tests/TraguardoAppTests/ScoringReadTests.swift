import Foundation
import Testing
import TraguardoCore
import Vapor

@testable import TraguardoPersistence
@testable import TraguardoWeb

@Suite("The lean read for scoring")
struct ScoringReadTests {
    /// Every demo plan and campaign scores the same from the lean read as from the whole bundle.
    @Test func scoresEqualThoseOfTheWholeBundle() async throws {
        try await withTestApp { app in
            try await BackupRestoreTests.installDemo(on: app)
            var compared = 0
            for ente in try await EnteRecord.query(on: app.db).all() {
                guard let stored = try await PlanStore.find(enteID: try ente.requireID(), on: app.db) else { continue }
                let bundle = try await PlanStore.bundle(of: stored, on: app.db)
                let methodology = try await MethodologyStore.current(enteID: stored.enteID, year: stored.plan.year, on: app.db).methodology
                for campaign in bundle.campaigns {
                    let lean = try #require(
                        try await PlanStore.scoringInput(of: stored, campaignKey: campaign.key, methodology: methodology, on: app.db))
                    let whole = ScoringInput(bundle: bundle, methodology: methodology, campaignKey: campaign.key)
                    let a = ScoreSheet(ScoringEngine.score(lean)), b = ScoreSheet(ScoringEngine.score(whole))
                    #expect(a.objectives.map(\.computed) == b.objectives.map(\.computed), "\(ente.slug) \(campaign.key)")
                    #expect(a.objectives.map(\.validated) == b.objectives.map(\.validated), "\(ente.slug) \(campaign.key)")
                    #expect(a.units.map(\.computed) == b.units.map(\.computed), "\(ente.slug) \(campaign.key)")
                    compared += 1
                }
            }
            #expect(compared == 4)
        }
    }
}
