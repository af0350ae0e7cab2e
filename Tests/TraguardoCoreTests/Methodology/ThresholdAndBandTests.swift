import Testing

@testable import TraguardoCore

/// Thresholds under which an indicator or an objective scores zero, and bands for the objective's score, each with
/// the worked example of its description.
@Suite("Thresholds and bands")
struct ThresholdAndBandTests {
    /// One objective with two "≥ 100" indicators at the given actuals (mean of the two ratios).
    func objectiveScore(_ a: Double, _ b: Double, _ configure: (inout Methodology) -> Void) -> (Double?, String) {
        var m = baseMethodology()
        configure(&m)
        let report = score(
            [objective("O")],
            indicators: [indicator("I1", "O", target: Target(number: 100)), indicator("I2", "O", target: Target(number: 100))],
            values: [reading("I1", "O", number: a), reading("I2", "O", number: b)], methodology: m)
        return (report.objectives[0].computed, report.explain(objective: "O")?.text ?? "")
    }

    @Test func anObjectiveBelowTheThresholdScoresZero() {
        // 50 and 60 → 55, under 60 → 0; 60 and 60 → 60, kept.
        let (below, text) = objectiveScore(50, 60) { $0.objectives.zeroBelow = 60 }
        #expect(below == 0)
        #expect(text.contains("/ 2 = 55,00."))
        #expect(text.contains("Regola della metodologia (sotto 60 vale 0): 55,00 → 0,00."))
        #expect(objectiveScore(60, 60) { $0.objectives.zeroBelow = 60 }.0 == 60)
    }

    @Test func bandsMapTheObjectivesScore() {
        // ≥ 90 → 100, ≥ 70 → 80, ≥ 50 → 50, else 0: 75 and 100 → 87,5 → 80.
        let bands = [ScoreBand(from: 90, score: 100), ScoreBand(from: 70, score: 80), ScoreBand(from: 50, score: 50), ScoreBand(from: 0, score: 0)]
        let (score, text) = objectiveScore(75, 100) { $0.objectives.bands = bands }
        #expect(score == 80)
        #expect(text.contains("fasce da 90 → 100, da 70 → 80, da 50 → 50, da 0 → 0): 87,50 → 80,00"))
        #expect(objectiveScore(40, 40) { $0.objectives.bands = bands }.0 == 0)
        #expect(objectiveScore(95, 100) { $0.objectives.bands = bands }.0 == 100)
    }

    @Test func anIndicatorBelowItsThresholdScoresZeroAndSaysWhy() throws {
        // Late by 7 months (30/04 → 30/11, half-month steps): 100 × (1 − 7/12) = 41,67, under 50 → 0.
        var m = baseMethodology()
        m.indicators.zeroBelow = 50
        let (score, _, report) = scoreOne(
            form: .date, .within, target: Target(date: day("2024-04-30")), value: reading("I", "O", date: day("2024-11-30")), methodology: m)
        #expect(score == 0)
        let text = try #require(report.explain(objective: "O")).indicators[0].text
        #expect(text.contains("= 41,67; sotto la soglia minima di 50 dell'indicatore → 0."))
    }

    @Test func badThresholdsAndBandsAreNamed() {
        var m = baseMethodology()
        m.objectives.zeroBelow = 120
        m.objectives.bands = [ScoreBand(from: 50, score: 50), ScoreBand(from: 50, score: 60)]
        let paths = m.validate().filter { $0.severity == .error }.map(\.path)
        #expect(paths.contains("objectives.zeroBelow") && paths.contains("objectives.bands"))
    }
}
