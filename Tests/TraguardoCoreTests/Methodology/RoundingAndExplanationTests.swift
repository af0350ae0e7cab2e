import Foundation
import Testing
import TraguardoCore

@Suite("Rounding, formatting and explanations")
struct RoundingAndExplanationTests {
    @Test func halfUpIsRobustToBinaryRepresentation() {
        #expect(RoundingMode.halfUp.round(99.075, decimals: 2) == 99.08)
        #expect(RoundingMode.halfUp.round(2.675, decimals: 2) == 2.68)
        #expect(RoundingMode.halfUp.round(1288.0 / 13, decimals: 2) == 99.08)
        #expect(RoundingMode.halfUp.round(1228.0 / 14, decimals: 2) == 87.71)
        #expect(RoundingMode.halfUp.round(87.5, decimals: 0) == 88)
        #expect(RoundingMode.halfUp.round(-2.5, decimals: 0) == -3)
        #expect(RoundingMode.halfEven.round(2.5, decimals: 0) == 2)
        #expect(RoundingMode.halfEven.round(3.5, decimals: 0) == 4)
        #expect(RoundingMode.halfEven.round(2.675, decimals: 2) == 2.68)
        #expect(RoundingMode.down.round(99.079, decimals: 2) == 99.07)
        #expect(RoundingMode.down.round(0.29, decimals: 2) == 0.29)
    }

    @Test func italianNumbers() {
        let p = RoundingPolicy()
        #expect(ScoreFormat.score(99.0769, policy: p) == "99,08")
        #expect(ScoreFormat.score(nil, policy: p) == "—")
        #expect(ScoreFormat.compact(87.5) == "87,5")
        #expect(ScoreFormat.compact(100) == "100")
        #expect(ScoreFormat.number(12141, decimals: 0) == "12.141")
        #expect(ScoreFormat.number(2.5, decimals: 0, mode: .halfEven) == "2")
    }

    @Test func dateExplanationInItalian() throws {
        let v = reading("I", "O", date: day("2024-07-16"), extended: day("2024-06-30"))
        let (_, _, report) = scoreOne(form: .date, .within, target: Target(date: day("2024-05-31")), value: v)
        let e = try #require(report.explain(objective: "O"))
        let text = e.indicators[0].text
        #expect(text.contains("entro 31/05/2024 (prorogata al 30/06/2024, scadenza originaria 31/05/2024)"))
        #expect(
            text.contains("realizzato il 16/07/2024, 16 giorni di ritardo, contati 1 mese (arrotondato al mezzo mese superiore) → 100 × (1 − 1/12)"))
        #expect(text.contains("= 91,67"))
        let pct = scoreOne(form: .percent, target: Target(number: 80), value: reading("I", "O", number: 64.52)).2
        #expect(pct.explain(objective: "O")!.indicators[0].text.contains("(≥ 80%): consuntivo 64,52% = 80,65% del target → 80,65"))
        #expect(e.indicators[0].lateMonths == 1)
        #expect(e.indicators[0].extendedDeadline == day("2024-06-30"))
    }

    @Test func objectiveExplanationIsStructuredAndRendered() throws {
        let inds = [
            indicator("A", "O", target: Target(number: 100)), indicator("B", "O", .atMost, target: Target(number: 30)),
            indicator("C", "O", target: Target(number: 5)),
        ]
        let r = score(
            [objective("O")], indicators: inds,
            values: [reading("A", "O", number: 80), reading("B", "O", number: 28), reading("C", "O", number: 1, status: .rinviato)])
        let e = try #require(r.explain(objective: "O"))
        #expect(e.outcome == .indicators)
        #expect(e.indicators.map(\.counted) == [true, true, false])
        #expect(e.indicatorWeighting == .equal)
        #expect(e.computed == 90)
        #expect(e.text.contains("media semplice (pesi uguali) di 2 indicatori conteggiati: (80,00 + 100,00) / 2 = 90,00"))
        #expect(e.text.contains("stato «Rinviato» → non conteggiato"))
        #expect(e.text.contains("80% del target"))
        let json = try JSONEncoder().encode(e)
        #expect(try JSONDecoder().decode(ObjectiveExplanation.self, from: json) == e)
        let summary = r.summary()
        #expect(summary.objectives.count == 1)
        #expect(summary.units.first?.explanation != nil)
        #expect(try JSONDecoder().decode(ScoreSummary.self, from: JSONEncoder().encode(summary)) == summary)
    }

    @Test func compileProblemsAreReportedInItalian() {
        let nodes = [objective("A"), objective("A"), objective("B", parent: "X"), objective("C", units: ["NOPE"])]
        let r = score(
            nodes, indicators: [indicator("I", "ZZ", target: Target(number: 1))], values: [grade("C", direct: 100)],
            validations: [validation("QQ", score: 1)])
        let text = r.issues.map(\.message).joined(separator: "\n")
        #expect(text.contains("Chiave duplicata «A»"))
        #expect(text.contains("Nodo padre «X» di «B» non trovato"))
        #expect(text.contains("riferito a un obiettivo inesistente «ZZ»"))
        #expect(text.contains("Unità «NOPE»"))
        #expect(text.contains("Validazione riferita a un obiettivo inesistente «QQ»"))
    }

    @Test func parentCyclesAreCut() {
        let nodes = [
            objective("A", parent: "B", level: .strategicObjective), objective("B", parent: "A", level: .strategicObjective),
            objective("O", parent: "A"),
        ]
        let r = score(nodes, values: [grade("O", direct: 70)])
        #expect(r.issues.contains { $0.message.contains("Ciclo nella gerarchia") })
        #expect(r.objective("O")?.effective == 70)
    }
}
