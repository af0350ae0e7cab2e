/// Organisational performance: each dimension's achievement (its indicators, the ente mean, or a value entered
/// by the Nucleo) times its share of the points total.
public struct OrganisationalScore: Hashable, Sendable, Codable {
    public var totalPoints: Double
    public var points: Double
    public var dimensions: [DimensionScore]

    public struct DimensionScore: Hashable, Sendable, Codable {
        public var key: String
        public var name: String
        public var weight: Double
        public var maxPoints: Double
        /// Percent 0–100; nil when nothing could be measured: the dimension is "non rilevato" (its points stay out of
        /// the total, which then says which dimensions are missing).
        public var achievement: Double?
        public var points: Double
        public var source: OrgDimensionSource
        public var indicators: [IndicatorScore]
    }

    public struct IndicatorScore: Hashable, Sendable, Codable {
        public var key: String
        public var name: String
        public var comparator: Comparator
        public var threshold: Double?
        public var value: Double?
        public var met: Bool
        public var achievement: Double?
    }

    /// The dimensions with nothing measured, by name.
    public var unmeasured: [String] { dimensions.filter { $0.achievement == nil }.map(\.name) }

    /// Nothing measured in any dimension: there is no organisational score, not a score of 0.
    public var isMeasured: Bool { dimensions.contains { $0.achievement != nil } }

    /// "Performance organizzativa: 41,25 punti su 50 — Salute finanziaria 12,5/12,5 (100%); …", with the dimensions
    /// that have no data named as "non rilevato".
    public var italianText: String {
        guard isMeasured else { return "Performance organizzativa: non rilevata (nessun valore inserito)." }
        let parts = dimensions.map { d in
            d.achievement.map { "\(d.name) \(ScoreFormat.compact(d.points))/\(ScoreFormat.compact(d.maxPoints)) (\(ScoreFormat.compact($0))%)" }
                ?? "\(d.name) non rilevato (su \(ScoreFormat.compact(d.maxPoints)))"
        }
        let partial = unmeasured.isEmpty ? "" : " (parziale: \(unmeasured.count) dimensioni non rilevate)"
        return "Performance organizzativa: \(ScoreFormat.compact(points)) punti su \(ScoreFormat.compact(totalPoints))\(partial) — "
            + parts.joined(separator: "; ") + "."
    }
}

public enum OrganisationalScorer {
    /// `values`: indicator values by key, and for `.entered` dimensions the achievement % by dimension key.
    public static func score(
        _ org: OrganisationalPerformance, values: [String: Double], enteMean: Double? = nil,
        unitsMean: Double? = nil
    ) -> OrganisationalScore {
        var dims: [OrganisationalScore.DimensionScore] = []
        for d in org.dimensions {
            let maxPoints = org.totalPoints * d.weight / 100
            var inds: [OrganisationalScore.IndicatorScore] = []
            var achievement: Double?
            switch d.source {
            case .enteMean: achievement = enteMean
            case .unitsMean: achievement = unitsMean
            case .entered: achievement = values[d.key]
            case .indicators:
                var sum = 0.0, sumW = 0.0, totalW = 0.0, count = 0, allW = true
                for i in d.indicators {
                    let v = values[i.key]
                    let (met, a) = v.map { achieve(i, $0) } ?? (false, nil)
                    inds.append(.init(key: i.key, name: i.name, comparator: i.comparator, threshold: i.threshold, value: v, met: met, achievement: a))
                    guard let a else { continue }
                    count += 1
                    sum += a
                    if let w = i.weight, w > 0 {
                        sumW += a * w
                        totalW += w
                    } else {
                        allW = false
                    }
                }
                achievement = count == 0 ? nil : (allW ? sumW / totalW : sum / Double(count))
            }
            let clamped = achievement.map { Swift.min(100, Swift.max(0, $0)) }
            dims.append(
                .init(
                    key: d.key, name: d.name, weight: d.weight, maxPoints: maxPoints, achievement: clamped,
                    points: maxPoints * (clamped ?? 0) / 100, source: d.source, indicators: inds))
        }
        return OrganisationalScore(totalPoints: org.totalPoints, points: dims.reduce(0) { $0 + $1.points }, dimensions: dims)
    }

    /// Met = 100; missed = proportional (threshold/value for ceilings, value/threshold for floors) by default.
    static func achieve(_ i: OrgIndicator, _ v: Double) -> (Bool, Double) {
        let t = i.threshold ?? 0
        let met: Bool
        switch i.comparator {
        case .lte: met = v <= t
        case .lt: met = v < t
        case .gte: met = v >= t
        case .gt: met = v > t
        case .eq: met = Swift.abs(v - t) <= 1e-9 * Swift.max(1, Swift.abs(t))
        case .negative: met = v < 0
        case .positive: met = v > 0
        }
        if met { return (true, 100) }
        guard i.partial != .none else { return (false, 0) }
        let partial: Double
        switch i.comparator {
        case .lte, .lt:
            partial = t > 0 && v > 0 ? (i.partial == .linear ? (2 - v / t) * 100 : t / v * 100) : 0
        case .gte, .gt:
            partial = t > 0 ? v / t * 100 : 0
        case .eq:
            partial = v > 0 && t > 0 ? Swift.min(v, t) / Swift.max(v, t) * 100 : 0
        case .negative, .positive:
            partial = 0
        }
        return (false, Swift.min(100, Swift.max(0, partial)))
    }
}
