/// What changes when the same plan is scored with another methodology (the preview before switching preset).
public struct ScoreChange: Hashable, Sendable, Codable {
    public enum Level: String, Sendable, Codable { case objective = "obiettivo", unit = "unita", node = "nodo", ente }
    public var level: Level
    public var key: String
    public var name: String
    /// The effective score (the Nucleo's validated one where present, else the computed one).
    public var before: Double?
    public var after: Double?
    /// Objectives: the computed score, which moves even when a validated score keeps the effective one still.
    public var computedBefore: Double?
    public var computedAfter: Double?
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
            if differ(p?.effective, o.effective) || differ(p?.computed, o.computed) || p?.outcome != o.outcome {
                out.append(
                    .init(
                        level: .objective, key: o.key, name: o.title, before: p?.effective, after: o.effective,
                        computedBefore: p?.computed, computedAfter: o.computed, outcomeBefore: p?.outcome, outcomeAfter: o.outcome))
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

extension ScoreChange {
    /// The figures as a reader sees them under each methodology's rounding ("80,00", or "80,00 (validato 85,00)" for
    /// an objective the Nucleo validated); nil when nothing a reader sees moves.
    public func shown(before rb: RoundingPolicy, after ra: RoundingPolicy) -> (before: String, after: String)? {
        let was = ScoreSheet.format(before, rb), now = ScoreSheet.format(after, ra)
        guard level == .objective else { return was == now ? nil : (was, now) }
        let computedWas = ScoreSheet.format(computedBefore, rb), computedNow = ScoreSheet.format(computedAfter, ra)
        guard was != now || computedWas != computedNow else { return nil }
        // The effective score differs from the computed one only where the Nucleo validated.
        let validatedBefore = before != computedBefore, validatedAfter = after != computedAfter
        return (
            computedWas + (validatedBefore ? " (validato \(was))" : ""), computedNow + (validatedAfter ? " (validato \(now))" : "")
        )
    }

    public var levelLabel: String {
        switch level {
        case .objective: "Obiettivo"
        case .unit: "Unità"
        case .node: "Nodo"
        case .ente: "Ente"
        }
    }

    /// "Obiettivo «Digitalizzare gli atti»: 80,00 (validato 85,00) → 91,67 (validato 85,00)".
    public func italianLine(before rb: RoundingPolicy, after ra: RoundingPolicy) -> String? {
        shown(before: rb, after: ra).map { "\(levelLabel) «\(name)»: \($0.before) → \($0.after)" }
    }
}
