import Foundation
import TraguardoCore

/// Locates the repository from this file (through the scratch package's symlinks) to read presets and bundles.
enum Repo {
    static func root(file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Sources/TraguardoPersistence").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("Repository root not found from \(file)")
    }

    static var presetsFolder: URL { root().appendingPathComponent("Sources/TraguardoPersistence/Presets") }

    static func preset(_ name: String) throws -> Methodology {
        let data = try Data(contentsOf: presetsFolder.appendingPathComponent("\(name).json"))
        return try JSONDecoder().decode(Methodology.self, from: data)
    }

    /// nil while the bundle has not been transcribed yet.
    static func bundle(_ name: String) throws -> PlanBundle? {
        let url = root().appendingPathComponent("Sources/TraguardoPersistence/DemoData/\(name).json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(PlanBundle.self, from: Data(contentsOf: url))
    }
}

/// SplitMix64: a tiny, seeded, reproducible generator for property tests.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func day(_ s: String) -> Day { Day(parsing: s)! }

/// A methodology built in code with the general rules, so unit tests do not depend on the preset files.
func baseMethodology(_ change: (inout Methodology) -> Void = { _ in }) -> Methodology {
    var m = Methodology(id: "test", name: "Test", validFrom: 2024, source: "test")
    m.objectives.statusGrades = [
        .init(status: .inLinea, score: 100), .init(status: .nonInLineaAzioniAvviate, score: 98),
        .init(status: .nonInLineaAzioniImmediate, score: 90),
    ]
    change(&m)
    return m
}

func objective(
    _ key: String, units: [String] = ["U1"], parent: String? = nil, level: CascadeLevel = .performanceObjective,
    weight: Double? = nil, crossCutting: Bool = false, coordinating: String? = nil, from: Int? = nil,
    inherits: String? = nil
) -> PlanNode {
    PlanNode(
        key: key, level: level, parentKey: parent, title: "Obiettivo \(key)", ownerUnitKeys: units, crossCutting: crossCutting,
        coordinatingUnitKey: coordinating, horizon: from.map { Horizon(firstYear: $0, lastYear: $0) }, weight: weight,
        inheritsFromKey: inherits)
}

func indicator(
    _ key: String, _ node: String, form: IndicatorForm = .number, _ direction: Direction = .atLeast,
    target: Target? = nil, weight: Double? = nil
) -> Indicator {
    Indicator(key: key, nodeKey: node, name: "Indicatore \(key)", form: form, direction: direction, target: target, weight: weight)
}

func reading(
    _ ind: String, _ node: String, number: Double? = nil, date: Day? = nil, flag: Bool? = nil, progress: Double? = nil,
    status: ProgressStatus? = nil, extended: Day? = nil
) -> MonitoringValue {
    let actual = number == nil && date == nil && flag == nil ? nil : Measure(number: number, date: date, flag: flag)
    return MonitoringValue(
        campaignKey: "C", nodeKey: node, indicatorKey: ind, actual: actual, progress: progress, status: status,
        extendedDeadline: extended)
}

func grade(_ node: String, direct: Double? = nil, status: ProgressStatus? = nil) -> MonitoringValue {
    MonitoringValue(campaignKey: "C", nodeKey: node, status: status, directScore: direct)
}

func validation(_ node: String, score: Double? = nil, excluded: Bool = false, reason: String = "Motivazione") -> Validation {
    Validation(campaignKey: "C", nodeKey: node, score: score, excluded: excluded, reason: reason)
}

let standardUnits = ["U1", "U2", "U3"].map { OrgUnit(key: $0, code: String($0.dropFirst()), name: "Unità \($0)", kind: .settore) }

func score(
    _ nodes: [PlanNode], indicators: [Indicator] = [], values: [MonitoringValue] = [], validations: [Validation] = [],
    units: [OrgUnit] = standardUnits, methodology: Methodology = baseMethodology(), asOf: Day = day("2024-12-31"),
    year: Int? = nil
) -> ScoreReport {
    ScoringEngine.score(
        ScoringInput(
            methodology: methodology, nodes: nodes, indicators: indicators, units: units, values: values,
            validations: validations, campaignKey: "C", asOf: asOf, year: year))
}

/// Scores one indicator of one objective and returns its score and the rule applied.
func scoreOne(
    form: IndicatorForm = .number, _ direction: Direction = .atLeast, target: Target?, value: MonitoringValue?,
    methodology: Methodology = baseMethodology(), asOf: Day = day("2024-12-31")
) -> (Double?, IndicatorOutcome, ScoreReport) {
    let report = score(
        [objective("O")], indicators: [indicator("I", "O", form: form, direction, target: target)],
        values: value.map { [$0] } ?? [], methodology: methodology, asOf: asOf)
    let e = report.explain(objective: "O")!.indicators[0]
    return (e.score, e.outcome, report)
}

func approx(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return Swift.abs(a - b) <= tolerance
}
