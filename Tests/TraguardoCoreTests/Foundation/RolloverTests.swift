import Foundation
import Testing
import TraguardoCore

@Suite("Rollover to next year")
struct RolloverTests {
    @Test func pluriennaliCarryOnWithTheirNextStageAndTheRestCloses() throws {
        let b = try BundleSeedTests.bundle("cassano-d-adda")
        let result = PlanRollover.next(b)
        let next = result.bundle
        #expect(next.plan.year == 2025)
        #expect(next.plan.key == "PIAO-2025-2027")
        #expect(next.plan.state == .bozza)
        #expect(next.plan.approval == nil)
        #expect(BundleIntegrity.problems(in: next).isEmpty)
        let multiYear = b.nodes.filter {
            $0.level == .operationalObjective && ($0.horizon.map { h in (h.stage ?? 1) < (h.stageCount ?? 0) } ?? false)
        }
        #expect(!multiYear.isEmpty)
        #expect(result.carried.count + result.concluded.count == 36)
        for old in multiYear {
            let carried = try #require(next.nodes.first { $0.key == old.key })
            #expect(carried.horizon?.stage == (old.horizon?.stage ?? 0) + 1)
        }
        #expect(next.nodes.filter { $0.level == .strategicDirection }.count == 9, "the strategic cascade carries over whole")
        #expect(next.campaigns.isEmpty && next.values.isEmpty && next.validations.isEmpty)
        #expect(next.indicators.allSatisfy { ind in next.nodes.contains { $0.key == ind.nodeKey } })
    }

    @Test func finalActualsBecomeTheNewBaselines() throws {
        let b = try BundleSeedTests.bundle("unione-bellusco-mezzago")
        var withStages = b
        let key = try #require(b.values.first { $0.indicatorKey != nil && $0.actual?.number != nil }?.nodeKey)
        let index = try #require(withStages.nodes.firstIndex { $0.key == key })
        withStages.nodes[index].horizon = Horizon(stage: 1, stageCount: 2)
        let next = PlanRollover.next(withStages).bundle
        let value = try #require(b.values.first { $0.nodeKey == key && $0.indicatorKey != nil && $0.actual?.number != nil })
        let indicator = try #require(next.indicators.first { $0.key == value.indicatorKey })
        #expect(indicator.baseline?.number == value.actual?.number)
        #expect(indicator.baseline?.year == 2020)
    }
}
