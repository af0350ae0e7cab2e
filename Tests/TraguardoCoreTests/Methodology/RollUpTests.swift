import Testing
import TraguardoCore

@Suite("Roll-ups")
struct RollUpTests {
    @Test func unitSimpleOrWeightedMean() {
        let nodes = [objective("A", weight: 30), objective("B", weight: 10)]
        let values = [grade("A", direct: 100), grade("B", direct: 60)]
        #expect(score(nodes, values: values).unit("U1")?.score == 80)
        let weighted = baseMethodology { $0.rollUps.unitMean = .weighted }
        #expect(score(nodes, values: values, methodology: weighted).unit("U1")?.score == 90)
        let missing = [objective("A", weight: 30), objective("B")]
        let r = score(missing, values: values, methodology: weighted)
        #expect(r.unit("U1")?.score == 80)
        #expect(r.issues.contains { $0.message.contains("usata la media semplice") })
    }

    @Test func trasversaliCountInEveryOwnerUnit() {
        let nodes = [objective("T", units: ["U1", "U2", "U3"], crossCutting: true), objective("A", units: ["U1"]), objective("B", units: ["U2"])]
        let values = [grade("T", direct: 100), grade("A", direct: 50), grade("B", direct: 80)]
        let r = score(nodes, values: values)
        #expect(r.unit("U1")?.score == 75)
        #expect(r.unit("U2")?.score == 90)
        #expect(r.unit("U3")?.score == 100)
        #expect(approx(r.ente.objectivesMean, 76.67))  // each objective once
        #expect(approx(r.ente.unitsMean, 88.33))  // media dei servizi
        let onlyCoordinator = baseMethodology { $0.rollUps.crossCuttingInEveryOwner = false }
        let nodes2 = [objective("T", units: ["U1", "U2"], crossCutting: true, coordinating: "U2"), objective("A", units: ["U1"])]
        let r2 = score(nodes2, values: [grade("T", direct: 100), grade("A", direct: 50)], methodology: onlyCoordinator)
        #expect(r2.unit("U1")?.score == 50)
        #expect(r2.unit("U2")?.score == 100)
    }

    @Test func trasversaleWithoutOwnersGoesToEveryUnitThatOwnsSomething() {
        let nodes = [objective("T", units: [], crossCutting: true), objective("A", units: ["U1"]), objective("B", units: ["U2"])]
        let r = score(nodes, values: [grade("T", direct: 100), grade("A", direct: 50), grade("B", direct: 50)])
        #expect(r.unit("U1")?.score == 75)
        #expect(r.unit("U2")?.score == 75)
        #expect(r.unit("U3")?.score == nil)
    }

    @Test func subunitsRollUpIntoTheirParent() {
        let units = [
            OrgUnit(key: "S", code: "1", name: "Settore", kind: .settore),
            OrgUnit(key: "S1", code: "1.1", name: "Servizio", kind: .servizio, parentKey: "S"),
        ]
        let nodes = [objective("A", units: ["S"]), objective("B", units: ["S1"])]
        let values = [grade("A", direct: 100), grade("B", direct: 50)]
        #expect(score(nodes, values: values, units: units).unit("S")?.score == 75)
        let flat = baseMethodology { $0.rollUps.includeSubunits = false }
        #expect(score(nodes, values: values, units: units, methodology: flat).unit("S")?.score == 100)
    }

    func cascade(_ m: Methodology = baseMethodology()) -> ScoreReport {
        let nodes = [
            objective("IND", units: [], level: .strategicDirection),
            objective("S1", units: [], parent: "IND", level: .strategicObjective),
            objective("S2", units: [], parent: "IND", level: .strategicObjective),
            objective("S3", units: [], parent: "IND", level: .strategicObjective),
            objective("O1", parent: "S1"), objective("O2", parent: "S1"), objective("O3", parent: "S2"),
        ]
        return score(nodes, values: [grade("O1", direct: 100), grade("O2", direct: 50), grade("O3", direct: 90)], methodology: m)
    }

    @Test func indirizzoIsTheMeanOfTheMeansOfItsStrategicObjectives() {
        let r = cascade()
        #expect(r.node("S1")?.score == 75)
        #expect(r.node("S2")?.score == 90)
        #expect(r.node("IND")?.score == 82.5)  // not the mean of the objectives (80)
        #expect(approx(r.ente.objectivesMean, 80))
        #expect(r.objective("S3")?.outcome == .childlessExcluded)
        let e = r.explain(node: "IND")!
        #expect(e.text.contains("(75 + 90) / 2 = 165 / 2 = 82,50"))
        #expect(e.excluded.map(\.key) == ["S3"])
        #expect(e.excluded.first?.note == "nodo senza obiettivi figli: non conteggiato")
    }

    @Test func strategicObjectiveWithoutOperationalOnesCanCountAsFull() {
        let r = cascade(baseMethodology { $0.rollUps.childlessNode = .full })
        #expect(r.node("IND")?.score == 88.33)
        #expect(approx(r.ente.objectivesMean, 80))  // childless nodes stay out of objective means
    }

    @Test func roundingMoments() {
        let nodes = [objective("A"), objective("B"), objective("C")]
        let values = [grade("A", direct: 100), grade("B", direct: 100), grade("C", direct: 66.666)]
        let end = score(nodes, values: values)
        #expect(end.unit("U1")?.score == 88.89)
        #expect(approx(end.unit("U1")?.exact, 266.666 / 3))
        let each = score(nodes, values: values, methodology: baseMethodology { $0.rounding = .init(when: .eachLevel, decimals: 0) })
        #expect(each.objective("C")?.effective == 67)
        #expect(each.objective("C")?.computed == 66.666)
        #expect(each.unit("U1")?.score == 89)
        let display = score(nodes, values: values, methodology: baseMethodology { $0.rounding.when = .display })
        #expect(approx(display.unit("U1")?.score, 266.666 / 3))
    }

    @Test func unitExplanationListsCountedAndExcluded() {
        let nodes = [objective("T", units: ["U1", "U2"], crossCutting: true), objective("A"), objective("R")]
        let r = score(nodes, values: [grade("T", direct: 100), grade("A", direct: 97), grade("R", status: .rinviato)])
        let e = r.explain(unit: "U1")!
        #expect(e.counted.count == 2)
        #expect(e.excluded.map(\.key) == ["R"])
        #expect(e.text.contains("(100 + 97) / 2 = 197 / 2 = 98,50"))
        #expect(e.text.contains("Rinviato"))
        #expect(r.explainEnte().counted.count == 2)
    }
}
