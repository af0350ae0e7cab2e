import Testing
import TraguardoCore

/// Seed 002 (Leggiuno, PIAO 2024-2026): weights, the 100-point scheme and the warnings of research/seed-002.md §3, §7.
@Suite("Seed 002 acceptance")
struct Seed002Tests {
    /// 5 Areas × 4 objectives at PESO 10%, Sartori heading Areas 01 and 02 (seed-002 §2.3), as a fallback fixture.
    static func fixture() -> (nodes: [PlanNode], units: [OrgUnit], people: [Person]) {
        let heads = ["P-sartori-clarissa", "P-sartori-clarissa", "P-nodari-claudia", "P-bezzolato-ettore", "P-sereno-chiara"]
        let units = (1...5).map { OrgUnit(key: "U-0\($0)", code: "0\($0)", name: "Area \($0)", kind: .area) }
        var nodes: [PlanNode] = []
        for a in 1...5 {
            for o in 1...4 {
                nodes.append(
                    PlanNode(
                        key: "OP-\(a).\(o)", level: .performanceObjective, title: "\(a).\(o)", ownerUnitKeys: ["U-0\(a)"],
                        responsiblePersonKeys: [heads[a - 1]], weight: 10, weightRaw: "10%"))
            }
        }
        let people = [Person(key: "P-sartori-clarissa", familyName: "Sartori", givenName: "Clarissa")]
        return (nodes, units, people)
    }

    func planData() throws -> (nodes: [PlanNode], units: [OrgUnit], people: [Person]) {
        if let b = try Repo.bundle("leggiuno") { return (b.nodes, b.units, b.people) }
        return Self.fixture()
    }

    @Test func weightsSumTo40PerAreaAnd80ForSartori() throws {
        let (nodes, units, people) = try planData()
        let m = try Repo.preset("leggiuno-2024")
        let warnings = WeightCheck.check(nodes: nodes, units: units, people: people, policy: try #require(m.weights))
        #expect(warnings.filter { $0.scope == .unit }.isEmpty)  // every Area = 40 points, as the SMVP's 40
        let person = warnings.filter { $0.scope == .person }
        #expect(person.count == 1)
        #expect(person.first?.sum == 80)
        #expect(person.first?.message == "I pesi degli obiettivi di «Sartori Clarissa» sommano a 80 punti, oltre i 40 punti attesi per persona.")
    }

    @Test func aValidatorExpecting100FlagsAllFiveAreas() throws {
        let (nodes, units, people) = try planData()
        let warnings = WeightCheck.check(nodes: nodes, units: units, people: people, policy: WeightPolicy(expectedPerUnit: 100))
        #expect(warnings.count == 5)
        #expect(warnings.allSatisfy { $0.sum == 40 && $0.message.contains("sommano a 40%, non a 100%") })
        let whole = nodes.filter { !$0.crossCutting }.compactMap(\.weight).reduce(0, +)
        #expect(whole == 200)  // the whole PDO sums to 200%
    }

    @Test func theHundredPointScheme() throws {
        let m = try Repo.preset("leggiuno-2024")
        #expect(m.validate().filter { $0.severity == .error }.isEmpty)
        let scheme = try #require(m.individualSchemes.first)
        let behaviours = try #require(scheme.components.first { $0.kind == .criteria })
        #expect(behaviours.criteria.map(\.maxPoints) == [5, 5, 7, 3, 5, 3, 7, 7, 5, 3])
        #expect(behaviours.criteria.reduce(0) { $0 + $1.maxPoints } == 50)
        #expect(scheme.components.map(\.maxPoints) == [50, 10, 40])
        #expect(scheme.components.reduce(0) { $0 + $1.maxPoints } == 100)
        #expect(scheme.components[1].note?.contains("10 residui") == true)  // the residual 10 is not described
        #expect(m.notes.contains { $0.contains("80%") && $0.contains("40%") })
    }

    @Test func sixtyBehaviourPointsWithTheseCriteriaIsFlagged() throws {
        var m = try Repo.preset("leggiuno-2024")
        m.individualSchemes[0].components[0].maxPoints = 60  // "up to 60 for behaviours in 10 criteria"
        m.individualSchemes[0].components[1].maxPoints = 0
        let errors = m.validate().filter { $0.severity == .error }.map(\.message)
        #expect(errors.contains("I criteri della componente «Comportamenti organizzativi» sommano a 50 punti ma la componente ne prevede 60."))
    }

    @Test func hypotheticalBehaviourScoresSumTo42() throws {
        let scheme = try #require(try Repo.preset("leggiuno-2024").individualSchemes.first)
        let keys = scheme.components[0].criteria.map(\.key)
        let given = Dictionary(uniqueKeysWithValues: zip(keys, [4, 5, 6, 3, 4, 2, 6, 5, 4, 3].map(Double.init)))
        let s = IndividualScorer.score(
            scheme,
            IndividualInput(
                criteria: given, achievements: ["performance-organizzativa": 100, "obiettivi": 85],
                payShares: ["tempi-pagamento": 100]))
        #expect(s.components[0].points == 42)
        #expect(s.components[2].points == 34)
        #expect(s.points == 86)
        #expect(approx(s.resultPayPercent, 30 + 70 * 0.86))
        #expect(s.warnings.isEmpty)
        #expect(s.italianText.hasPrefix("Totale 86 punti su 100: Comportamenti organizzativi 42/50;"))
        #expect(s.italianText.hasSuffix("Retribuzione di risultato spettante: 90,2%."))
    }

    /// «Tempo medio di pagamento» ≤ 30 giorni drives 30% of the retribuzione di risultato (R = € 2.000 → € 600).
    @Test func paymentTimelinessShare() throws {
        let m = try Repo.preset("leggiuno-2024")
        func achievement(days: Double, validation v: Validation? = nil) -> Double? {
            let r = score(
                [objective("OP-ORG-1")], indicators: [indicator("TMP", "OP-ORG-1", .atMost, target: Target(number: 30))],
                values: [reading("TMP", "OP-ORG-1", number: days)], validations: v.map { [$0] } ?? [], methodology: m)
            return r.objective("OP-ORG-1")?.effective
        }
        #expect(achievement(days: 28) == 100)
        let missed = try #require(achievement(days: 41))
        #expect(missed < 100)
        let recognised = achievement(
            days: 41, validation: validation("OP-ORG-1", score: 100, reason: "Fattori esogeni: fatture non corrette o in attesa di nota di credito"))
        #expect(recognised == 100)
        let share = try #require(m.individualSchemes[0].payShares.first)
        #expect(share.percent == 30)
        #expect(2_000 * share.percent / 100 == 600)
        let scheme = m.individualSchemes[0]
        let met = IndividualScorer.score(scheme, IndividualInput(payShares: ["tempi-pagamento": 100])).payShares[0].earnedPercent
        let notMet = IndividualScorer.score(scheme, IndividualInput(payShares: ["tempi-pagamento": 0])).payShares[0].earnedPercent
        #expect(met == 30 && notMet == 0)
    }
}
