import Testing

@testable import TraguardoCore

/// How an SMVP counts a late achievement of a date target, one worked example per variant, from the rule's own
/// description: the deadline 30/04/2024, achieved on 20/06/2024 = 1 month and 20 days late (51 days).
@Suite("Lateness of a date target")
struct LatenessRuleTests {
    static let deadline = day("2024-04-30")
    static let achieved = day("2024-06-20")

    func methodology(_ step: LateStep, maxDelay: Double? = nil, dueOnReferenceDay: Bool = false) -> Methodology {
        var m = baseMethodology()
        m.indicators.date = DateRule(lateStep: step, monthsToZero: 12, daysToZero: 365, maxDelay: maxDelay, dueOnReferenceDay: dueOnReferenceDay)
        return m
    }

    func late(_ step: LateStep, maxDelay: Double? = nil) -> (score: Double?, outcome: IndicatorOutcome, text: String) {
        let (score, outcome, report) = scoreOne(
            form: .date, .within, target: Target(date: Self.deadline), value: reading("I", "O", date: Self.achieved),
            methodology: methodology(step, maxDelay: maxDelay))
        return (score, outcome, report.explain(objective: "O")!.indicators[0].text)
    }

    @Test func wholeMonthsPlusOneHalfForAnyRemainder() {
        // 1 month 20 days = 1,5 → 100 × (1 − 1,5/12) = 87,5.
        let r = late(.monthsAndHalf)
        #expect(approx(r.score, 87.5))
        #expect(
            r.text.contains(
                "1 mese e 20 giorni di ritardo, contati 1,5 mesi (mesi interi più mezzo mese per la frazione) → 100 × (1 − 1,5/12) = 87,5"))
    }

    @Test func roundedUpToTheNextHalfMonth() {
        // 1 month 20 days = 2 (1,65 rounded up to the half) → 100 × (1 − 2/12) = 83,33.
        let r = late(.halfMonth)
        #expect(approx(r.score, 100 * (1 - 2.0 / 12)))
        #expect(r.text.contains("contati 2 mesi (arrotondato al mezzo mese superiore)"))
    }

    @Test func wholeMonthsRoundedUp() {
        let r = late(.month)
        #expect(approx(r.score, 100 * (1 - 2.0 / 12)))
        #expect(r.text.contains("contati 2 mesi (arrotondato al mese intero superiore)"))
    }

    @Test func daysOverAYear() {
        // 51 days: 100 × (1 − 51/365) = 86,03.
        let r = late(.days)
        #expect(approx(r.score, 100 * (1 - 51.0 / 365)))
        #expect(r.text.contains("51 giorni di ritardo, contati 51 giorni (in giorni) → 100 × (1 − 51/365)"))
    }

    @Test func theExactFractionOfAMonth() {
        // A month-end deadline moves to month ends: one month later is 31/05, then 20 of the 30 days to 30/06.
        let r = late(.day)
        #expect(approx(r.score, 100 * (1 - (1 + 20.0 / 30) / 12)))
    }

    @Test func beyondTheMaximumDelayTheScoreIsZero() {
        let within = late(.monthsAndHalf, maxDelay: 2)
        #expect(approx(within.score, 87.5))
        let beyond = late(.monthsAndHalf, maxDelay: 1)
        #expect(beyond.score == 0 && beyond.outcome == .tooLate)
        #expect(beyond.text.contains("contati 1,5 mesi (mesi interi più mezzo mese per la frazione): oltre il ritardo massimo di 1 mesi → 0"))
        #expect(late(.days, maxDelay: 50).score == 0)
    }

    @Test func aDeadlineOnTheReferenceDayIsDueWhenTheMethodologySaysSo() {
        // "Entro il 31/12", not achieved, at the final campaign of 31/12: missed, or still "in corso".
        let target = Target(date: day("2024-12-31"))
        let value = reading("I", "O", flag: false)
        let due = scoreOne(form: .date, .within, target: target, value: value, methodology: methodology(.halfMonth, dueOnReferenceDay: true))
        #expect(due.0 == 0 && due.1 == .missedNone)
        let notYet = scoreOne(form: .date, .within, target: target, value: value, methodology: methodology(.halfMonth))
        #expect(notYet.0 == nil && notYet.1 == .notYetDueExcluded)
        // The day before the deadline it is not due under either rule.
        let before = scoreOne(
            form: .date, .within, target: target, value: value, methodology: methodology(.halfMonth, dueOnReferenceDay: true), asOf: day("2024-12-30")
        )
        #expect(before.1 == .notYetDueExcluded)
    }

    /// Every variant, every delay from 1 to 800 days after a month end and a mid-month deadline: the score never
    /// rises as the delay grows, stays within 0–100, never exceeds the on-time score, and a maximum delay only
    /// lowers it.
    @Test(arguments: LateStep.allCases)
    func everyVariantIsMonotoneAndBounded(step: LateStep) {
        for deadline in [day("2024-01-31"), day("2024-02-15"), day("2023-11-30")] {
            var previous = 100.0
            for days in 1...800 {
                let done = deadline.adding(days: days)
                let months = DayMath.monthsLate(deadline, until: done)
                let rule = DateRule(lateStep: step)
                let s = rule.lateScore(months: months, days: days).score
                #expect(s >= 0 && s <= 100, "\(step) \(days) days: \(s)")
                #expect(s <= previous + 1e-9, "\(step): \(days) days scores \(s), more than \(previous) a day earlier")
                previous = s
                var capped = rule
                capped.maxDelay = step.countsDays ? 120 : 4
                #expect(capped.lateScore(months: months, days: days).score <= s)
            }
        }
    }
}

/// The preview of a methodology change lists every score that moves, computed or validated: an objective the Nucleo
/// validated keeps its effective score while its computed one moves, and that is a change a reader must see.
@Suite("Preview of a methodology change")
struct MethodologyChangePreviewTests {
    @Test func aComputedScoreThatMovesUnderAValidatedOneIsListed() throws {
        let nodes = [objective("O")]
        let indicators = [indicator("I", "O", form: .date, .within, target: Target(date: day("2024-04-30")))]
        let values = [reading("I", "O", date: day("2024-06-20"))]
        let validation = Validation(campaignKey: "C", nodeKey: "O", kind: .modifica, score: 90, reason: "Ritardo giustificato dal Nucleo")
        func report(_ step: LateStep) -> ScoreReport {
            var m = baseMethodology()
            m.indicators.date.lateStep = step
            return ScoringEngine.score(
                ScoringInput(
                    methodology: m, nodes: nodes, indicators: indicators, units: standardUnits, values: values, validations: [validation],
                    campaignKey: "C", asOf: day("2024-12-31")))
        }
        let before = report(.halfMonth), after = report(.monthsAndHalf)
        let changes = after.changes(from: before)
        let objective = try #require(changes.first { $0.level == .objective })
        #expect(objective.before == 90 && objective.after == 90)
        let rounding = RoundingPolicy()
        #expect(
            objective.italianLine(before: rounding, after: rounding) == "Obiettivo «Obiettivo O»: 83,33 (validato 90,00) → 87,50 (validato 90,00)")
    }
}

/// An objective with nothing due yet at the reference date, the worked example of `ObjectiveScoring.nothingDue`: at
/// 30/06 one indicator "entro il 30/09" with 40% progress reported, under an SMVP that values "non consuntivato" 50.
@Suite("An objective with nothing due yet")
struct NothingDueTests {
    func score(_ rule: NotYetDueRule, progress: Double? = 40) -> (Double?, ObjectiveOutcome, String) {
        var m = baseMethodology()
        m.statuses.removeAll { $0.status == .nonConsuntivato }
        m.statuses.append(StatusTreatment(status: .nonConsuntivato, counting: .fixed, value: 50))
        m.objectives.nothingDue = rule
        let report = ScoringEngine.score(
            ScoringInput(
                methodology: m, nodes: [objective("O")],
                indicators: [indicator("I", "O", form: .date, .within, target: Target(date: day("2024-09-30")))], units: standardUnits,
                values: [reading("I", "O", progress: progress)], campaignKey: "C", asOf: day("2024-06-30")))
        let o = report.objectives[0]
        return (o.computed, o.outcome, report.explain(objective: "O")?.text ?? "")
    }

    @Test func excludedIsNotCountedAndNeverTheNotReportedValue() {
        let (computed, outcome, text) = score(.excluded)
        #expect(computed == nil && outcome == .nothingDueExcluded)
        #expect(text.contains("Nessun indicatore ancora in scadenza alla data di riferimento: non conteggiato (non vale come «non consuntivato»)"))
    }

    @Test func fullGivesAHundred() {
        let (computed, outcome, _) = score(.full)
        #expect(computed == 100 && outcome == .nothingDueFull)
    }

    @Test func progressGivesTheReportedProgressOrNothing() {
        let (computed, outcome, text) = score(.progress)
        #expect(computed == 40 && outcome == .nothingDueProgress)
        #expect(text.contains("vale l'avanzamento medio dichiarato, 40,00"))
        #expect(score(.progress, progress: nil).1 == .notReported, "no value at all is non rilevato")
    }
}
