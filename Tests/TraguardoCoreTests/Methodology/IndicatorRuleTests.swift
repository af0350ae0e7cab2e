import Testing
import TraguardoCore

@Suite("Indicator rules")
struct IndicatorRuleTests {
    func higher(_ actual: Double, target: Double = 100, _ m: Methodology = baseMethodology()) -> (Double?, IndicatorOutcome) {
        let r = scoreOne(target: Target(number: target), value: reading("I", "O", number: actual), methodology: m)
        return (r.0, r.1)
    }

    @Test func higherBetterRatioIsCappedAt100() {
        #expect(higher(80) == (80, .ratio))
        #expect(higher(120) == (100, .capped))
        #expect(higher(0, target: 0) == (100, .ratio))
        #expect(higher(-5) == (0, .ratio))
    }

    @Test func higherBetterUncappedRewardsOverachievement() {
        let m = baseMethodology { $0.indicators.higherBetter.cap = nil }
        #expect(higher(120, m) == (120, .ratio))
    }

    @Test func higherBetterFloorZeroesBelowThreshold() {
        let m = baseMethodology { $0.indicators.higherBetter.floor = 50 }
        #expect(higher(40, m) == (0, .belowFloor))
        #expect(higher(60, m) == (60, .ratio))
    }

    @Test func higherBetterBands() {
        let m = baseMethodology {
            $0.indicators.higherBetter.bands = [
                .init(from: 0, score: 0), .init(from: 50, score: 50), .init(from: 75, score: 75), .init(from: 100, score: 100),
            ]
        }
        #expect(higher(49, m) == (0, .band))
        #expect(higher(50, m) == (50, .band))
        #expect(higher(80, m) == (75, .band))
        #expect(higher(130, m) == (100, .band))
    }

    @Test func lowerBetterPartialRules() {
        func lower(_ a: Double, _ rule: PartialRule) -> (Double?, IndicatorOutcome) {
            let m = baseMethodology { $0.indicators.lowerBetter.partial = rule }
            let r = scoreOne(.atMost, target: Target(number: 30), value: reading("I", "O", number: a), methodology: m)
            return (r.0, r.1)
        }
        #expect(lower(28, .proportional) == (100, .ceilingMet))
        #expect(approx(lower(41, .proportional).0, 30.0 / 41 * 100))
        #expect(approx(lower(41, .linear).0, (2 - 41.0 / 30) * 100))
        #expect(lower(41, .none) == (0, .ceilingMissed))
        #expect(lower(90, .linear).0 == 0)
    }

    @Test func exactNegativeAndRange() {
        #expect(scoreOne(.equal, target: Target(number: 5), value: reading("I", "O", number: 5)).1 == .exactMet)
        #expect(scoreOne(.equal, target: Target(number: 5), value: reading("I", "O", number: 4)).0 == 0)
        let prop = baseMethodology { $0.indicators.exactPartial = .proportional }
        #expect(scoreOne(.equal, target: Target(number: 5), value: reading("I", "O", number: 4), methodology: prop).0 == 80)
        #expect(scoreOne(.negative, target: nil, value: reading("I", "O", number: -3)).1 == .negativeMet)
        #expect(scoreOne(.negative, target: nil, value: reading("I", "O", number: 2)).0 == 0)
        #expect(scoreOne(.range, target: Target(number: 10, upper: 20), value: reading("I", "O", number: 15)).0 == 100)
        #expect(scoreOne(.range, target: Target(number: 10, upper: 20), value: reading("I", "O", number: 25)).1 == .rangeMissed)
    }

    @Test func yesNo() {
        #expect(scoreOne(form: .boolean, target: Target(flag: true), value: reading("I", "O", flag: true)).0 == 100)
        #expect(scoreOne(form: .boolean, target: Target(flag: true), value: reading("I", "O", flag: false)).0 == 0)
        #expect(scoreOne(form: .boolean, target: Target(flag: false), value: reading("I", "O", flag: false)).0 == 100)
        #expect(scoreOne(form: .boolean, target: nil, value: reading("I", "O", number: 1)).0 == 100)
    }

    func dated(
        _ done: String?, due: String = "2024-06-30", flag: Bool? = nil, progress: Double? = nil, status: ProgressStatus? = nil,
        extended: String? = nil, asOf: String = "2024-12-31", _ m: Methodology = baseMethodology()
    ) -> (Double?, IndicatorOutcome) {
        let v = reading("I", "O", date: done.map(day), flag: flag, progress: progress, status: status, extended: extended.map(day))
        let r = scoreOne(form: .date, .within, target: Target(date: day(due)), value: v, methodology: m, asOf: day(asOf))
        return (r.0, r.1)
    }

    @Test func dateOnTimeAndLateInHalfMonthSteps() {
        #expect(dated("2024-06-15") == (100, .onTime))
        #expect(dated("2024-06-30") == (100, .onTime))
        #expect(approx(dated("2024-07-01").0, 100 * (1 - 0.5 / 12)))  // one day late = half a month
        #expect(approx(dated("2024-07-15").0, 100 * (1 - 0.5 / 12)))
        #expect(approx(dated("2024-07-16").0, 100 * (1 - 1.0 / 12)))  // past half of July = one month
        #expect(approx(dated("2024-07-31").0, 100 * (1 - 1.0 / 12)))  // 30/06 → 31/07 is one month (end of month)
        #expect(approx(dated("2024-04-15", due: "2024-03-31").0, 100 * (1 - 0.5 / 12)))
        #expect(approx(dated("2024-04-16", due: "2024-03-31").0, 100 * (1 - 1.0 / 12)))
        #expect(dated("2025-09-01") == (0, .tooLate))
    }

    @Test func dateStepIsConfigurable() {
        let months = baseMethodology { $0.indicators.date.lateStep = .month }
        #expect(approx(dated("2024-07-01", months).0, 100 * (1 - 1.0 / 12)))
        let days = baseMethodology { $0.indicators.date.lateStep = .day }
        #expect(approx(dated("2024-07-31", days).0, 100 * (1 - 1.0 / 12)))
        #expect(approx(dated("2024-07-16", days).0, 100 * (1 - (16.0 / 31) / 12)))
    }

    @Test func dateMissedUsesProgressOrZero() {
        #expect(dated(nil, flag: false, progress: 80) == (80, .missedProgress))
        #expect(dated(nil, flag: false) == (0, .missedNone))
        #expect(dated(nil, status: .nonRaggiunto) == (0, .missedNone))
        #expect(dated(nil) == (nil, .missingExcluded))
    }

    @Test func dateNotYetDueIsNotPenalised() {
        #expect(dated(nil, due: "2024-12-31", progress: 40, status: .inCorso, asOf: "2024-06-30") == (nil, .notYetDueExcluded))
        let full = baseMethodology { $0.indicators.date.notYetDue = .full }
        #expect(dated(nil, due: "2024-12-31", progress: 40, status: .inCorso, asOf: "2024-06-30", full) == (100, .notYetDueFull))
        let progress = baseMethodology { $0.indicators.date.notYetDue = .progress }
        #expect(dated(nil, due: "2024-12-31", progress: 40, asOf: "2024-06-30", progress) == (40, .notYetDueProgress))
    }

    @Test func extendedDeadlineComparesWithTheNewDate() {
        #expect(dated("2024-09-15", extended: "2024-09-30") == (100, .onTime))
        #expect(approx(dated("2024-10-01", extended: "2024-09-30").0, 100 * (1 - 0.5 / 12)))
    }

    @Test func achievedWithoutDateTakesTheConfiguredDeduction() {
        #expect(dated(nil, flag: true) == (87.5, .achievedNoDate))
        #expect(dated(nil, due: "2024-12-31", flag: true, asOf: "2024-06-30") == (100, .onTime))
        let m = baseMethodology { $0.indicators.date.achievedWithoutDateScore = 100 }
        #expect(dated(nil, flag: true, m).0 == 100)
    }

    @Test func exclusionsAndMissingValues() {
        #expect(scoreOne(target: Target(number: 10), value: reading("I", "O", number: 5, status: .rinviato)).1 == .statusExcluded)
        #expect(scoreOne(target: nil, value: reading("I", "O", number: 5)).1 == .noTarget)
        #expect(scoreOne(target: Target(number: 10), value: nil).1 == .missingExcluded)
        let zero = baseMethodology { $0.indicators.missingValue = .zero }
        #expect(scoreOne(target: Target(number: 10), value: nil, methodology: zero).0 == 0)
    }

    @Test func milestoneAndProgress() {
        #expect(scoreOne(form: .milestone, target: Target(text: "Regolamento"), value: reading("I", "O", flag: true)).0 == 100)
        #expect(scoreOne(form: .milestone, target: Target(text: "Regolamento"), value: reading("I", "O", progress: 60)).0 == 60)
        #expect(scoreOne(form: .progress, target: nil, value: reading("I", "O", progress: 70)).0 == 70)
        #expect(scoreOne(form: .milestone, target: Target(date: day("2024-06-30")), value: reading("I", "O", date: day("2024-06-01"))).1 == .onTime)
    }
}
