import TraguardoCore

/// SplitMix64: deterministic, fast, and identical on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A synthetic ente shaped like the seeds: 8 units, 5 indirizzi → 15 obiettivi strategici → 150 obiettivi
/// (5 trasversali), 4 indicators each of mixed forms, a final campaign with values, statuses and validations.
enum Synthetic {
    static let unitCount = 8, objectivesPerEnte = 150, indicatorsPerObjective = 4
    static let asOf = Day(year: 2024, month: 12, day: 31)!

    static func ente(_ index: Int, seed: UInt64, methodology: Methodology) -> ScoringInput {
        var g = SplitMix64(state: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let units = (0..<unitCount).map { OrgUnit(key: "U\($0)", code: "0\($0)", name: "Settore \($0)", kind: .settore) }
        let allUnits = units.map(\.key)
        var nodes: [PlanNode] = []
        nodes.reserveCapacity(170)
        for d in 0..<5 {
            nodes.append(PlanNode(key: "D\(d)", level: .strategicDirection, title: "Indirizzo \(d)", order: d))
            for s in 0..<3 {
                nodes.append(PlanNode(key: "S\(d)-\(s)", level: .strategicObjective, parentKey: "D\(d)", title: "Strategico \(d)-\(s)", order: s))
            }
        }
        var indicators: [Indicator] = []
        var values: [MonitoringValue] = []
        var validations: [Validation] = []
        indicators.reserveCapacity(objectivesPerEnte * indicatorsPerObjective)
        values.reserveCapacity(objectivesPerEnte * (indicatorsPerObjective + 1))
        for o in 0..<objectivesPerEnte {
            let key = "O\(o)"
            let shared = o < 5
            nodes.append(
                PlanNode(
                    key: key, level: .performanceObjective, parentKey: "S\(o % 5)-\(o % 3)", title: "Obiettivo \(o)", order: o,
                    ownerUnitKeys: shared ? allUnits : [allUnits[o % unitCount]], crossCutting: shared,
                    weight: Double(1 + Int.random(in: 0..<20, using: &g))))
            let weighted = Bool.random(using: &g)
            for i in 0..<indicatorsPerObjective {
                let ik = "O\(o)-\(i)"
                let roll = Int.random(in: 0..<100, using: &g)
                let t = Double(Int.random(in: 10...500, using: &g))
                let due = Day(year: 2024, month: Int.random(in: 1...12, using: &g), day: 28)!
                let w: Double? = weighted ? Double(Int.random(in: 1...5, using: &g)) : nil
                let (form, dir, target): (IndicatorForm, Direction, Target) =
                    switch roll {
                    case 0..<35: (.number, .atLeast, Target(number: t))
                    case 35..<50: (.number, .atMost, Target(number: t))
                    case 50..<65: (.percent, .atLeast, Target(number: Double(Int.random(in: 50...100, using: &g))))
                    case 65..<85: (.date, .within, Target(date: due))
                    case 85..<95: (.boolean, .equal, Target(flag: true))
                    default: (.milestone, .equal, Target(text: "Traguardo"))
                    }
                indicators.append(Indicator(key: ik, nodeKey: key, order: i, name: ik, form: form, direction: dir, target: target, weight: w))
                guard Int.random(in: 0..<100, using: &g) < 95 else { continue }
                var v = MonitoringValue(campaignKey: "C", nodeKey: key, indicatorKey: ik)
                switch form {
                case .date:
                    let shift = Int.random(in: -60...120, using: &g)
                    if shift < 100 {
                        let done = due.ordinal + shift
                        v.actual = Measure(date: Day(year: 2024, month: 1 + (done % 360) / 31 % 12, day: 1 + done % 28))
                    } else {
                        v.progress = Double(Int.random(in: 0...90, using: &g))
                    }
                case .boolean: v.actual = Measure(flag: Int.random(in: 0..<10, using: &g) > 1)
                case .milestone: v.progress = Double(Int.random(in: 0...100, using: &g))
                default: v.actual = Measure(number: t * Double.random(in: 0.3...1.4, using: &g))
                }
                values.append(v)
            }
            let r = Int.random(in: 0..<1000, using: &g)
            if r < 20 {
                values.append(MonitoringValue(campaignKey: "C", nodeKey: key, status: .rinviato))
            } else if r < 30 {
                values.append(MonitoringValue(campaignKey: "C", nodeKey: key, status: .nonConsuntivato))
            } else if r < 60 {
                validations.append(
                    Validation(campaignKey: "C", nodeKey: key, score: Double(Int.random(in: 60...100, using: &g)), reason: "Verbale NdV"))
            } else if r < 65 {
                validations.append(Validation(campaignKey: "C", nodeKey: key, excluded: true, reason: "Escluso dal Nucleo"))
            }
        }
        return ScoringInput(
            methodology: methodology, nodes: nodes, indicators: indicators, units: units, values: values,
            validations: validations, campaignKey: "C", asOf: asOf, year: 2024)
    }

    /// The general rules (as in the `generale` preset), built in code: the benchmark reads no files.
    static var methodology: Methodology {
        var m = Methodology(id: "bench", name: "Regole generali (benchmark)", validFrom: 2024, source: "traguardo-bench")
        m.objectives.statusGrades = [
            .init(status: .inLinea, score: 100), .init(status: .nonInLineaAzioniAvviate, score: 98),
            .init(status: .nonInLineaAzioniImmediate, score: 90),
        ]
        m.rollUps.unitMean = .weighted
        return m
    }
}
