/// What changes when the same plan is scored with another methodology (the preview before switching preset).
public struct ScoreChange: Hashable, Sendable, Codable {
    public enum Level: String, Sendable, Codable { case objective = "obiettivo", unit = "unita", node = "nodo", ente }
    public var level: Level
    public var key: String
    public var name: String
    public var before: Double?
    public var after: Double?
    /// Set when the rule that produced an objective's score changed too.
    public var outcomeBefore: ObjectiveOutcome?
    public var outcomeAfter: ObjectiveOutcome?
}

extension ScoreReport {
    /// Differences from `other` (the current scores) to `self` (the candidate), matched by key, beyond `tolerance`.
    public func changes(from other: ScoreReport, tolerance: Double = 1e-9) -> [ScoreChange] {
        func differ(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): false
            case (let x?, let y?): Swift.abs(x - y) > tolerance
            default: true
            }
        }
        var out: [ScoreChange] = []
        let previous = Dictionary(other.objectives.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for o in objectives {
            let p = previous[o.key]
            if differ(p?.effective, o.effective) || p?.outcome != o.outcome {
                out.append(
                    .init(
                        level: .objective, key: o.key, name: o.title, before: p?.effective, after: o.effective,
                        outcomeBefore: p?.outcome, outcomeAfter: o.outcome))
            }
        }
        for (level, mine, theirs) in [(ScoreChange.Level.unit, units, other.units), (.node, nodes, other.nodes)] {
            let byKey = Dictionary(theirs.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for r in mine where differ(byKey[r.key]?.score, r.score) {
                out.append(.init(level: level, key: r.key, name: r.name, before: byKey[r.key]?.score, after: r.score))
            }
        }
        if differ(other.ente.objectivesMean, ente.objectivesMean) {
            out.append(.init(level: .ente, key: "ente", name: "Media degli obiettivi", before: other.ente.objectivesMean, after: ente.objectivesMean))
        }
        if differ(other.ente.unitsMean, ente.unitsMean) {
            out.append(.init(level: .ente, key: "servizi", name: "Media dei servizi", before: other.ente.unitsMean, after: ente.unitsMean))
        }
        return out
    }
}
