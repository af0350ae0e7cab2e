/// Planner warnings about weights, against what the methodology expects (never errors: seed 002 sums to 40%
/// per Area and 80% for a person heading two Areas, and that may be exactly what the SMVP means).
public struct WeightWarning: Hashable, Sendable, Codable {
    public enum Scope: String, Sendable, Codable { case unit = "unita", person = "persona", objective = "obiettivo" }
    public var scope: Scope
    public var key: String
    public var name: String
    public var sum: Double
    public var expected: Double
    public var message: String
}

public enum WeightCheck {
    /// Sums the weights of the objectives each unit and each responsabile owns (trasversali and objectives
    /// without a weight are left out: they are weighted elsewhere or not at all), and of the indicators of
    /// each objective when they have weights.
    public static func check(
        nodes: [PlanNode], units: [OrgUnit], people: [Person] = [], indicators: [Indicator] = [],
        policy: WeightPolicy
    ) -> [WeightWarning] {
        var out: [WeightWarning] = []
        let unitSymbol = policy.unit.symbol
        func fmt(_ x: Double) -> String { ScoreFormat.compact(x) + unitSymbol }
        let weighted = nodes.filter { !$0.crossCutting && ($0.weight ?? 0) > 0 }
        if let expected = policy.expectedPerUnit {
            for u in units {
                let owned = weighted.filter { $0.ownerUnitKeys.contains(u.key) }
                guard !owned.isEmpty else { continue }
                let sum = owned.reduce(0) { $0 + $1.weight! }
                if Swift.abs(sum - expected) > policy.tolerance {
                    out.append(
                        .init(
                            scope: .unit, key: u.key, name: u.displayName, sum: sum, expected: expected,
                            message: "I pesi degli obiettivi dell'unità «\(u.displayName)» sommano a \(fmt(sum)), non a \(fmt(expected))."))
                }
            }
        }
        if let expected = policy.expectedPerPerson {
            var keys: [String] = []
            for n in weighted { for k in n.responsiblePersonKeys where !keys.contains(k) { keys.append(k) } }
            for k in keys {
                let sum = weighted.filter { $0.responsiblePersonKeys.contains(k) }.reduce(0) { $0 + $1.weight! }
                let name = people.first { $0.key == k }?.displayName ?? k
                if Swift.abs(sum - expected) > policy.tolerance {
                    let how = sum > expected ? "oltre i" : "meno dei"
                    out.append(
                        .init(
                            scope: .person, key: k, name: name, sum: sum, expected: expected,
                            message: "I pesi degli obiettivi di «\(name)» sommano a \(fmt(sum)), \(how) \(fmt(expected)) attesi per persona."))
                }
            }
        }
        if let expected = policy.expectedPerObjective {
            for n in nodes {
                let ws = indicators.filter { $0.nodeKey == n.key }.compactMap(\.weight)
                guard !ws.isEmpty else { continue }
                let sum = ws.reduce(0, +)
                if Swift.abs(sum - expected) > policy.tolerance {
                    out.append(
                        .init(
                            scope: .objective, key: n.key, name: n.title, sum: sum, expected: expected,
                            message:
                                "I pesi degli indicatori di «\(n.title)» sommano a \(ScoreFormat.compact(sum))%, non a \(ScoreFormat.compact(expected))%."
                        ))
                }
            }
        }
        return out
    }
}
