import Testing

@testable import TraguardoCore

/// Every roll-up carries the computed (consuntivo) mean beside the effective one, as the entes' documents print them.
/// Worked example: in one unit, objective A computed 60 and validated 80 by the Nucleo, objective B computed 90 and
/// not validated; both under one operational objective.
@Suite("Computed and validated columns at every level")
struct TwoColumnsTests {
    @Test func unitNodeAndEnteCarryBothMeans() throws {
        let nodes = [
            objective("OP", level: .operationalObjective),
            objective("A", parent: "OP"), objective("B", parent: "OP"),
        ]
        let report = score(
            nodes, values: [grade("A", direct: 60), grade("B", direct: 90)],
            validations: [Validation(campaignKey: "C", nodeKey: "A", kind: .modifica, score: 80, reason: "Obiettivo raggiunto nei fatti")])
        let unit = try #require(report.unit("U1"))
        #expect(unit.computed == 75 && unit.score == 85)
        let node = try #require(report.node("OP"))
        #expect(node.computed == 75 && node.score == 85)
        #expect(report.ente.objectivesMeanComputed == 75 && report.ente.objectivesMean == 85)
        #expect(report.ente.unitsMeanComputed == 75 && report.ente.unitsMean == 85)
        let sheet = ScoreSheet(report)
        #expect(sheet.units.first { $0.key == "U1" }?.computed == "75,00")
        #expect(sheet.enteMeanComputed == "75,00" && sheet.enteMean == "85,00")
        #expect(sheet.plainText.contains("media degli obiettivi 75,00 / 85,00"))
    }

    @Test func withoutValidationsTheColumnsAgreeAndAnEmptyUnitIsNotRilevatoInBoth() throws {
        let report = score([objective("A"), objective("B", units: ["U2"])], values: [grade("A", direct: 70)])
        #expect(report.unit("U1")?.computed == 70 && report.unit("U1")?.score == 70)
        let sheet = ScoreSheet(report)
        let u2 = try #require(sheet.units.first { $0.key == "U2" })
        #expect(u2.computed == ScoreSheet.notReported && u2.score == ScoreSheet.notReported)
    }
}
