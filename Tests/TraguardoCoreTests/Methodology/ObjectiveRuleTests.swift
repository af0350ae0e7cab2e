import Testing
import TraguardoCore

@Suite("Objective rules")
struct ObjectiveRuleTests {
    let two = [indicator("A", "O", target: Target(number: 100), weight: 60), indicator("B", "O", target: Target(number: 100), weight: 40)]
    let readings = [reading("A", "O", number: 100), reading("B", "O", number: 50)]

    @Test func weightedMeanOfIndicators() {
        let r = score([objective("O")], indicators: two, values: readings)
        #expect(r.objective("O")?.computed == 80)
        #expect(r.objective("O")?.outcome == .indicators)
        #expect(r.explain(objective: "O")?.indicatorWeighting == .explicit)
    }

    @Test func equalWeightsWhenNoneAreGiven() {
        let inds = two.map {
            var i = $0
            i.weight = nil
            return i
        }
        #expect(score([objective("O")], indicators: inds, values: readings).objective("O")?.computed == 75)
    }

    @Test func partialWeightsFallBackToEqualWeightsWithAWarning() {
        var inds = two
        inds[1].weight = nil
        let r = score([objective("O")], indicators: inds, values: readings)
        #expect(r.objective("O")?.computed == 75)
        #expect(r.issues.contains { $0.message.contains("solo alcuni indicatori hanno un peso") })
    }

    @Test func uncountedIndicatorsLeaveTheMean() {
        let r = score(
            [objective("O")], indicators: two, values: [reading("A", "O", number: 90), reading("B", "O", number: 10, status: .nonValutabile)])
        #expect(r.objective("O")?.computed == 90)
    }

    @Test func sourcesAreTriedInOrder() {
        let values = readings + [grade("O", direct: 98, status: .inLinea)]
        #expect(score([objective("O")], indicators: two, values: values).objective("O")?.computed == 80)
        let direct = baseMethodology { $0.objectives.sources = [.directScore, .indicators] }
        #expect(score([objective("O")], indicators: two, values: values, methodology: direct).objective("O")?.outcome == .directScore)
        let status = baseMethodology { $0.objectives.sources = [.statusGrade] }
        #expect(score([objective("O")], values: [grade("O", status: .inLinea)], methodology: status).objective("O")?.computed == 100)
        #expect(score([objective("O")], values: [grade("O", status: .nonInLineaAzioniAvviate)], methodology: status).objective("O")?.computed == 98)
        #expect(score([objective("O")], values: [grade("O", status: .nonInLineaAzioniImmediate)], methodology: status).objective("O")?.computed == 90)
    }

    @Test func statusesThatChangeCounting() {
        let nodes = ["R", "V", "N", "X"].map { objective($0) } + [objective("K")]
        let values = [
            grade("R", direct: 80, status: .rinviato), grade("V", status: .nonValutabile), grade("N", status: .nonConsuntivato),
            grade("K", direct: 100),
        ]
        let m = baseMethodology {
            $0.statuses = StatusTreatment.defaults.map { t in
                t.status == .nonConsuntivato ? StatusTreatment(status: .nonConsuntivato, counting: .fixed, value: 50) : t
            }
        }
        let r = score(nodes, values: values, methodology: m)
        #expect(r.objective("R")?.outcome == .excludedStatus)
        #expect(r.objective("V")?.counted == false)
        #expect(r.objective("N")?.effective == 50)
        // Nothing entered is "non rilevato", not "non consuntivato": it is left out, never given the fixed value.
        #expect(r.objective("X")?.outcome == .notReported)
        #expect(r.objective("X")?.counted == false)
        #expect(r.unit("U1")?.score == 75)  // (50 + 100) / 2
        #expect(r.unit("U1")?.counted == 2)
        #expect(r.unit("U1")?.total == 5)
    }

    @Test func nucleoValidatedScoreOverridesEverywhere() {
        let nodes = [objective("A"), objective("B")]
        let r = score(
            nodes, values: [grade("A", direct: 73.456), grade("B", direct: 100)],
            validations: [Validation(campaignKey: "C", nodeKey: "A", score: 75, reason: "Fattori esogeni riconosciuti", minutes: "Verbale n. 2")],
            methodology: baseMethodology { $0.objectives.sources = [.directScore] })
        let a = r.objective("A")!
        #expect(a.computed == 73.456)  // consuntivo stays unrounded
        #expect(a.validated == 75)
        #expect(a.effective == 75)
        #expect(r.unit("U1")?.score == 87.5)
        #expect(r.ente.objectivesMean == 87.5)
        let e = r.explain(objective: "A")!
        #expect(e.text.contains("Validato dal Nucleo: 75,00"))
        #expect(e.text.contains("Fattori esogeni riconosciuti"))
    }

    @Test func validationWithoutReasonIsIgnoredAndReported() {
        let r = score(
            [objective("A")], values: [grade("A", direct: 60)], validations: [validation("A", score: 90, reason: "  ")],
            methodology: baseMethodology { $0.objectives.sources = [.directScore] })
        #expect(r.objective("A")?.effective == 60)
        #expect(r.issues.contains { $0.message.contains("senza motivazione") })
        let lax = baseMethodology {
            $0.objectives.sources = [.directScore]
            $0.nucleo.reasonRequired = false
        }
        #expect(
            score(
                [objective("A")], values: [grade("A", direct: 60)], validations: [validation("A", score: 90, reason: "")],
                methodology: lax
            ).objective("A")?.effective == 90)
    }

    @Test func exclusionByDecisionNeedsAReason() {
        let values = [grade("A", direct: 60), grade("B", direct: 100)]
        let r = score(
            [objective("A"), objective("B")], values: values, validations: [validation("A", excluded: true, reason: "Obiettivo superato da norma")])
        #expect(r.objective("A")?.outcome == .excludedByDecision)
        #expect(r.unit("U1")?.score == 100)
        let noReason = score([objective("A"), objective("B")], values: values, validations: [validation("A", excluded: true, reason: "")])
        #expect(noReason.objective("A")?.counted == true)
    }

    @Test func inheritanceTakesTheReferencedScore() {
        let nodes = [
            objective("A"), objective("B", inherits: "A"), objective("C", inherits: "D"), objective("D", inherits: "C"),
            objective("E", inherits: "missing"),
        ]
        let r = score(nodes, values: [grade("A", direct: 90)])
        #expect(r.objective("B")?.effective == 90)
        #expect(r.objective("B")?.outcome == .inherited)
        #expect(r.objective("C")?.outcome == .circularReference)
        #expect(r.objective("E")?.outcome == .missingReference)
        #expect(r.issues.contains { $0.message.contains("non è un obiettivo valutabile") })
    }

    @Test func inheritanceUsesTheReferencedValidatedScore() {
        let r = score([objective("A"), objective("B", inherits: "A")], values: [grade("A", direct: 80)], validations: [validation("A", score: 90)])
        #expect(r.objective("B")?.computed == 90)
    }

    @Test func objectivesStartingAfterTheYearAreNotScored() {
        let r = score([objective("A", from: 2025), objective("B")], values: [grade("A", direct: 10), grade("B", direct: 100)], year: 2024)
        #expect(r.objective("A")?.outcome == .excludedHorizon)
        #expect(r.unit("U1")?.score == 100)
        let keep = baseMethodology { $0.objectives.excludeBeforeHorizon = false }
        #expect(score([objective("A", from: 2025)], values: [grade("A", direct: 10)], methodology: keep, year: 2024).objective("A")?.counted == true)
    }
}
