/// Everything a report holds, materialised as one Codable value: what `traguardo score --json` prints and
/// what the web shows, with each explanation a click away.
public struct ScoreSummary: Hashable, Sendable, Codable {
    public struct MethodologyRef: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var version: Int
    }

    public struct ObjectiveEntry: Hashable, Sendable, Codable {
        public var score: ScoreReport.ObjectiveScore
        public var explanation: ObjectiveExplanation?
    }

    public struct UnitEntry: Hashable, Sendable, Codable {
        public var score: ScoreReport.RollUpScore
        public var explanation: RollUpExplanation?
    }

    public var methodology: MethodologyRef
    public var asOf: Day
    public var year: Int
    public var objectives: [ObjectiveEntry]
    public var units: [UnitEntry]
    public var nodes: [ScoreReport.RollUpScore]
    public var ente: ScoreReport.EnteScore
    public var enteExplanation: RollUpExplanation?
    public var organisational: OrganisationalScore?
    public var issues: [ScoringIssue]
}

extension ScoreReport {
    public func summary(explanations: Bool = true) -> ScoreSummary {
        let m = methodology
        let objectives = (0..<plan.obj.count).map {
            ScoreSummary.ObjectiveEntry(score: objectiveScore($0), explanation: explanations ? explainObjective($0) : nil)
        }
        let units = self.units.map { ScoreSummary.UnitEntry(score: $0, explanation: explanations ? explain(unit: $0.key) : nil) }
        return ScoreSummary(
            methodology: .init(id: m.id, name: m.name, version: m.version), asOf: plan.asOf, year: plan.year,
            objectives: objectives, units: units, nodes: nodes, ente: ente,
            enteExplanation: explanations ? explainEnte() : nil, organisational: organisational, issues: issues)
    }
}
