/// Scores of an individual scheme: criteria sums, components from achievements, result-pay shares.
public struct IndividualInput: Sendable {
    /// Criterion scores by criterion key.
    public var criteria: [String: Double]
    /// Achievement percent (0–100) by component key, for non-criteria components.
    public var achievements: [String: Double]
    /// Achievement percent of each pay share's objective (after any exogenous factors the Nucleo recognised).
    public var payShares: [String: Double]

    public init(criteria: [String: Double] = [:], achievements: [String: Double] = [:], payShares: [String: Double] = [:]) {
        self.criteria = criteria
        self.achievements = achievements
        self.payShares = payShares
    }
}

public struct IndividualScore: Hashable, Sendable, Codable {
    public var schemeKey: String
    public var totalPoints: Double
    public var points: Double
    public var components: [Component]
    public var payShares: [Share]
    /// Percent of the retribuzione di risultato earned: each share × its achievement, the rest × points/total.
    public var resultPayPercent: Double
    public var warnings: [String]

    /// "Totale 86 punti su 100: Comportamenti 42/50; ... Retribuzione di risultato spettante: 90,2%."
    public var italianText: String {
        let parts = components.map { "\($0.name) \(ScoreFormat.compact($0.points))/\(ScoreFormat.compact($0.maxPoints))" }
        let shares = payShares.map { "quota «\($0.name)» \(ScoreFormat.compact($0.percent))% raggiunta al \(ScoreFormat.compact($0.achievement))%" }
        return "Totale \(ScoreFormat.compact(points)) punti su \(ScoreFormat.compact(totalPoints)): " + parts.joined(separator: "; ") + ". "
            + (shares.isEmpty ? "" : shares.joined(separator: "; ") + ". ")
            + "Retribuzione di risultato spettante: \(ScoreFormat.compact(resultPayPercent))%."
    }

    public struct Component: Hashable, Sendable, Codable {
        public var key: String
        public var name: String
        public var maxPoints: Double
        public var points: Double
        public var criteria: [String: Double]
    }

    public struct Share: Hashable, Sendable, Codable {
        public var key: String
        public var name: String
        public var percent: Double
        public var achievement: Double
        public var earnedPercent: Double
    }
}

public enum IndividualScorer {
    public static func score(_ scheme: IndividualScheme, _ input: IndividualInput) -> IndividualScore {
        var warnings: [String] = []
        var components: [IndividualScore.Component] = []
        for c in scheme.components {
            var points = 0.0
            var given: [String: Double] = [:]
            if c.kind == .criteria {
                for k in c.criteria {
                    guard let raw = input.criteria[k.key] else {
                        warnings.append("Manca il punteggio del criterio «\(k.name)»: contato 0.")
                        continue
                    }
                    let v = Swift.min(k.maxPoints, Swift.max(0, raw))
                    if v != raw {
                        warnings.append(
                            "Punteggio \(ScoreFormat.compact(raw)) fuori dall'intervallo 0–\(ScoreFormat.compact(k.maxPoints)) per «\(k.name)»: portato a \(ScoreFormat.compact(v))."
                        )
                    }
                    given[k.key] = v
                    points += v
                }
            } else if let a = input.achievements[c.key] {
                points = c.maxPoints * Swift.min(100, Swift.max(0, a)) / 100
            } else {
                warnings.append("Manca il grado di raggiungimento per «\(c.name)»: contato 0.")
            }
            components.append(.init(key: c.key, name: c.name, maxPoints: c.maxPoints, points: points, criteria: given))
        }
        let points = components.reduce(0) { $0 + $1.points }
        var shares: [IndividualScore.Share] = []
        for s in scheme.payShares {
            let a = Swift.min(100, Swift.max(0, input.payShares[s.key] ?? 0))
            if input.payShares[s.key] == nil { warnings.append("Manca il raggiungimento dell'obiettivo legato alla quota «\(s.name)»: contato 0.") }
            shares.append(.init(key: s.key, name: s.name, percent: s.percent, achievement: a, earnedPercent: s.percent * a / 100))
        }
        let residual = Swift.max(0, 100 - scheme.payShares.reduce(0) { $0 + $1.percent })
        let pay = shares.reduce(0) { $0 + $1.earnedPercent } + residual * (scheme.totalPoints > 0 ? points / scheme.totalPoints : 0)
        return IndividualScore(
            schemeKey: scheme.key, totalPoints: scheme.totalPoints, points: points, components: components,
            payShares: shares, resultPayPercent: pay, warnings: warnings)
    }
}
