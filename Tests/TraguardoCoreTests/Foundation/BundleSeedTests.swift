import Foundation
import Testing
import TraguardoCore

/// The demo bundles decode into the domain model and keep what the analyses counted.
@Suite("Seed bundles")
struct BundleSeedTests {
    static func bundle(_ slug: String) throws -> PlanBundle {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TraguardoPersistence/DemoData/\(slug).json")
        return try JSONDecoder().decode(PlanBundle.self, from: Data(contentsOf: url))
    }

    @Test func cassanoHasNineSettoriWithTheirTitolari() throws {
        let b = try Self.bundle("cassano-d-adda")
        #expect(b.units.count == 9)
        #expect(b.assignments.count == 9)
        #expect(Responsibility.holder(of: "U-02", on: Day(iso: "2024-05-15")!, in: b.assignments) == nil)
        #expect(b.nodes.filter { $0.level == .strategicDirection }.count == 9)
        #expect(b.nodes.filter { $0.level == .strategicObjective }.count == 13)
        #expect(b.nodes.filter { $0.level == .operationalObjective }.count == 36)
        #expect(b.indicators.count == 147)
        #expect(b.participations.count == 165)
        #expect(Set(b.participations.map(\.personKey)).count == 72)
    }

    @Test func pisogneHas29ObjectivesByArea() throws {
        let b = try Self.bundle("pisogne")
        let objectives = b.nodes.filter { $0.level == .performanceObjective }
        #expect(objectives.count == 29)
        #expect(objectives.filter(\.crossCutting).count == 4)
        let byArea = Dictionary(grouping: objectives.filter { !$0.crossCutting }, by: { $0.ownerUnitKeys.first ?? "" }).values.map(\.count).sorted(
            by: >)
        #expect(byArea == [7, 5, 5, 4, 4])
    }

    @Test func leggiunoHas20ExecutiveObjectivesAt10PercentAnd105Phases() throws {
        let b = try Self.bundle("leggiuno")
        #expect(b.units.count == 5)
        let executive = b.nodes.filter { $0.level == .performanceObjective && !$0.classifications.contains("performance-organizzativa") }
        #expect(executive.count == 20)
        #expect(executive.allSatisfy { $0.weight == 10 })
        #expect(b.phases.count == 105)
    }

    @Test func belluscoMezzagoHas38CardsIn6CdR() throws {
        let b = try Self.bundle("unione-bellusco-mezzago")
        #expect(b.ente.kind == .unioneDiComuni)
        #expect(b.units.count == 6)
        #expect(b.nodes.filter { $0.level == .performanceObjective }.count == 38)
    }
}
