import Testing
import TraguardoCore

/// Seeded random plans: every run sees the same cases, so a failure is reproducible from its seed.
@Suite("Engine properties")
struct PropertyTests {
    struct RandomPlan {
        var nodes: [PlanNode] = []
        var indicators: [Indicator] = []
        var values: [MonitoringValue] = []
        var validations: [Validation] = []
        var units = (1...5).map { OrgUnit(key: "U\($0)", code: "\($0)", name: "Unità \($0)", kind: .settore) }
    }

    static func randomPlan(seed: UInt64) -> RandomPlan {
        var g = SeededRandom(seed: seed)
        var p = RandomPlan()
        let forms: [(IndicatorForm, Direction)] = [
            (.number, .atLeast), (.percent, .greater), (.number, .atMost), (.number, .less),
            (.date, .within), (.boolean, .equal), (.milestone, .equal), (.progress, .atLeast),
            (.number, .equal), (.number, .negative), (.number, .range),
        ]
        for o in 0..<Int.random(in: 4...30, using: &g) {
            let key = "O\(o)"
            let shared = Int.random(in: 0..<8, using: &g) == 0
            let owners = shared ? p.units.map(\.key) : [p.units[Int.random(in: 0..<5, using: &g)].key]
            p.nodes.append(
                PlanNode(
                    key: key, level: .performanceObjective, title: key, ownerUnitKeys: owners, crossCutting: shared,
                    weight: Bool.random(using: &g) ? Double(Int.random(in: 1...30, using: &g)) : nil))
            for i in 0..<Int.random(in: 0...5, using: &g) {
                let (form, dir) = forms.randomElement(using: &g)!
                let ik = "\(key)-I\(i)"
                let t = Double(Int.random(in: 0...200, using: &g))
                let due = Day(year: 2024, month: Int.random(in: 1...12, using: &g), day: Int.random(in: 1...28, using: &g))!
                let target = form == .date ? Target(date: due) : Target(number: t, upper: t + 50, flag: form == .boolean ? true : nil)
                p.indicators.append(
                    Indicator(
                        key: ik, nodeKey: key, order: i, name: ik, form: form, direction: dir, target: target,
                        weight: Bool.random(using: &g) ? Double.random(in: 1...50, using: &g) : nil))
                guard Int.random(in: 0..<6, using: &g) > 0 else { continue }
                let done = Int.random(in: 0..<3, using: &g) == 0 ? Day(year: 2024, month: Int.random(in: 1...12, using: &g), day: 15) : nil
                p.values.append(
                    MonitoringValue(
                        campaignKey: "C", nodeKey: key, indicatorKey: ik,
                        actual: Measure(number: Double.random(in: -20...300, using: &g), date: done, flag: Bool.random(using: &g) ? true : nil),
                        progress: Bool.random(using: &g) ? Double.random(in: 0...100, using: &g) : nil,
                        status: Int.random(in: 0..<10, using: &g) == 0 ? .rinviato : nil))
            }
            switch Int.random(in: 0..<12, using: &g) {
            case 0: p.values.append(MonitoringValue(campaignKey: "C", nodeKey: key, status: .nonConsuntivato))
            case 1: p.values.append(MonitoringValue(campaignKey: "C", nodeKey: key, status: .nonValutabile))
            case 2: p.values.append(MonitoringValue(campaignKey: "C", nodeKey: key, directScore: Double.random(in: 0...100, using: &g)))
            case 3: p.validations.append(Validation(campaignKey: "C", nodeKey: key, score: Double(Int.random(in: 0...100, using: &g)), reason: "NdV"))
            case 4: p.validations.append(Validation(campaignKey: "C", nodeKey: key, excluded: true, reason: "Decisione"))
            default: break
            }
        }
        return p
    }

    static func methodology(seed: UInt64, capped: Bool = true) -> Methodology {
        var g = SeededRandom(seed: seed &* 31)
        return baseMethodology { m in
            m.indicators.higherBetter.cap = capped ? 100 : nil
            if Bool.random(using: &g) { m.indicators.higherBetter.floor = 40 }
            if capped && Int.random(in: 0..<3, using: &g) == 0 {
                m.indicators.higherBetter.bands = [
                    .init(from: 0, score: 0), .init(from: 50, score: 50), .init(from: 75, score: 75), .init(from: 100, score: 100),
                ]
            }
            m.indicators.lowerBetter.partial = PartialRule.allCases.randomElement(using: &g)!
            m.indicators.date.notYetDue = NotYetDueRule.allCases.randomElement(using: &g)!
            m.rollUps.unitMean = MeanKind.allCases.randomElement(using: &g)!
            m.rounding.when = RoundingMoment.allCases.randomElement(using: &g)!
            m.statuses = StatusTreatment.defaults.map {
                $0.status == .nonConsuntivato ? .init(status: .nonConsuntivato, counting: .fixed, value: 50) : $0
            }
        }
    }

    static func run(_ p: RandomPlan, _ m: Methodology) -> ScoreReport {
        ScoringEngine.score(
            ScoringInput(
                methodology: m, nodes: p.nodes, indicators: p.indicators, units: p.units, values: p.values,
                validations: p.validations, campaignKey: "C", asOf: day("2024-09-30")))
    }

    static let seeds: [UInt64] = Array(1...150)

    @Test func scoresStayWithin0And100UnlessUncapped() {
        for seed in Self.seeds {
            let p = Self.randomPlan(seed: seed)
            let r = Self.run(p, Self.methodology(seed: seed))
            let all =
                r.objectives.compactMap(\.effective) + r.units.compactMap(\.score) + r.explanations.flatMap { $0.indicators.compactMap(\.score) }
            #expect(all.allSatisfy { $0 >= 0 && $0 <= 100 }, "seed \(seed)")
            let uncapped = Self.run(p, Self.methodology(seed: seed, capped: false))
            #expect(uncapped.objectives.compactMap(\.effective).allSatisfy { $0 >= 0 }, "seed \(seed)")
        }
    }

    @Test func higherBetterIsMonotoneInTheActual() {
        var g = SeededRandom(seed: 42)
        for seed in Self.seeds {
            let m = Self.methodology(seed: seed, capped: Bool.random(using: &g))
            let target = Double(Int.random(in: 1...500, using: &g))
            var previous = -Double.infinity
            var previousObjective = -Double.infinity
            for step in 0...40 {
                let actual = Double(step) * target / 15
                let r = score(
                    [objective("O"), objective("P")],
                    indicators: [
                        indicator("I", "O", target: Target(number: target)),
                        indicator("J", "O", .atMost, target: Target(number: 10)),
                    ],
                    values: [reading("I", "O", number: actual), reading("J", "O", number: 12), grade("P", direct: 70)], methodology: m)
                let s = r.explain(objective: "O")!.indicators[0].score!
                let o = r.objective("O")!.computed!
                #expect(s >= previous && o >= previousObjective - 1e-12, "seed \(seed), actual \(actual)")
                previous = s
                previousObjective = o
            }
        }
    }

    @Test func invariantToTheOrderOfObjectivesIndicatorsAndValues() {
        for seed in Self.seeds {
            var g = SeededRandom(seed: seed ^ 0xABCDEF)
            let p = Self.randomPlan(seed: seed)
            var q = p
            q.nodes.shuffle(using: &g)
            q.indicators.shuffle(using: &g)
            q.values.shuffle(using: &g)
            q.validations.shuffle(using: &g)
            q.units.shuffle(using: &g)
            let m = Self.methodology(seed: seed)
            let a = Self.run(p, m), b = Self.run(q, m)
            for x in a.objectives {
                let y = b.objective(x.key)!
                #expect(same(x.effective, y.effective) && x.outcome == y.outcome, "seed \(seed) \(x.key)")
            }
            for u in a.units { #expect(same(u.exact, b.unit(u.key)?.exact) && u.counted == b.unit(u.key)?.counted, "seed \(seed) \(u.key)") }
            #expect(same(a.ente.objectivesMean, b.ente.objectivesMean) && same(a.ente.unitsMean, b.ente.unitsMean), "seed \(seed)")
        }
    }

    @Test func excludingAnObjectiveNeverChangesOtherUnits() {
        for seed in Self.seeds {
            let p = Self.randomPlan(seed: seed)
            guard let victim = p.nodes.first(where: { !$0.crossCutting }) else { continue }
            var q = p
            q.validations.removeAll { $0.nodeKey == victim.key }
            q.validations.append(Validation(campaignKey: "C", nodeKey: victim.key, excluded: true, reason: "Esclusione di prova"))
            let m = Self.methodology(seed: seed)
            let a = Self.run(p, m), b = Self.run(q, m)
            for u in a.units where !victim.ownerUnitKeys.contains(u.key) {
                let v = b.unit(u.key)!
                #expect(u.counted == v.counted && u.total == v.total && same(u.exact, v.exact), "seed \(seed) unit \(u.key)")
            }
            #expect(b.objective(victim.key)?.counted == false)
        }
    }

    func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): Swift.abs(x - y) <= 1e-9 * Swift.max(1, Swift.abs(x))
        default: false
        }
    }
}
