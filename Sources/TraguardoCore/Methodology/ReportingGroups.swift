/// A line of an SMVP's summary that groups services differently from the org chart: two services in one line
/// ("Servizi generali" = Affari generali + Ragioneria), or one service split across two lines ("Tecnico – lavori",
/// "Tecnico – ambiente"), each with its own average. Members are whole units (their counted objectives, as the
/// unit's own mean counts them) and single objectives; an objective in the group twice counts once.
public struct ReportingGroup: Hashable, Sendable, Codable {
    public var key: String
    public var name: String
    public var unitKeys: [String]
    public var objectiveKeys: [String]

    public init(key: String, name: String, unitKeys: [String] = [], objectiveKeys: [String] = []) {
        self.key = key
        self.name = name
        self.unitKeys = unitKeys
        self.objectiveKeys = objectiveKeys
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try c.decode(String.self, forKey: .key), name: try c.decode(String.self, forKey: .name),
            unitKeys: try c.value(.unitKeys, or: []), objectiveKeys: try c.value(.objectiveKeys, or: []))
    }
}

extension ScoreReport {
    /// Every reporting group of the methodology, both columns, with the unit mean rule (simple or weighted).
    public var groups: [RollUpScore] { methodology.reportingGroups.map(groupScore) }

    func groupScore(_ g: ReportingGroup) -> RollUpScore {
        let members = groupMembers(g)
        var effective = ScoringEngine.Mean(), computed = ScoringEngine.Mean()
        for o in members where plan.obj[o].flags & ObjectiveRow.childless == 0 {
            let weight = plan.obj[o].weight
            if !results.objEffective[o].isNaN { effective.add(results.objEffective[o], weight: weight) }
            let c = rules.roundEach ? rules.rounding.apply(results.objComputed[o]) : results.objComputed[o]
            if !c.isNaN { computed.add(c, weight: weight) }
        }
        let e = effective.value(weighted: rules.unitWeighted)
        let exact = rules.roundEach ? rules.rounding.apply(e) : e
        let c = computed.value(weighted: rules.unitWeighted)
        return RollUpScore(
            key: g.key, name: g.name, score: reported(exact), exact: exact.isNaN ? nil : exact,
            computed: reported(rules.roundEach ? rules.rounding.apply(c) : c), counted: effective.count, total: members.count)
    }

    /// A group's mean as the unit's is explained: each counted objective with its value, and the excluded ones with why.
    public func explain(group key: String) -> RollUpExplanation? {
        guard let g = methodology.reportingGroups.first(where: { $0.key == key }) else { return nil }
        var counted: [RollUpExplanation.Item] = [], excluded: [RollUpExplanation.Item] = []
        for o in groupMembers(g) {
            let node = plan.nodes[Int(plan.objNode[o])]
            let e = results.objEffective[o]
            let weight = plan.obj[o].weight.isNaN ? nil : plan.obj[o].weight
            if plan.obj[o].flags & ObjectiveRow.childless != 0 || e.isNaN {
                excluded.append(.init(key: node.key, title: node.title, value: nil, weight: weight, note: exclusionNote(o)))
            } else {
                counted.append(.init(key: node.key, title: node.title, value: e, weight: weight, note: nil))
            }
        }
        let exact = groupScore(g).exact ?? .nan
        return rollUp(.group, key: key, name: g.name, mean: methodology.rollUps.unitMean, counted: counted, excluded: excluded, exact: exact)
    }

    /// The objectives of a group, each once, in plan order.
    func groupMembers(_ g: ReportingGroup) -> [Int] {
        var members = Set<Int>()
        for key in g.unitKeys {
            guard let u = plan.units.firstIndex(where: { $0.key == key }) else { continue }
            for m in Int(plan.unitMemberStart[u])..<Int(plan.unitMemberStart[u + 1]) where rules.counts(plan.unitMemberTags[m]) {
                members.insert(Int(plan.unitMembers[m]))
            }
        }
        let wanted = Set(g.objectiveKeys)
        for o in 0..<plan.obj.count where wanted.contains(plan.nodes[Int(plan.objNode[o])].key) { members.insert(o) }
        return members.sorted()
    }

    /// Members a group names that the plan does not have: a warning, not an error (the methodology outlives plans).
    var groupIssues: [String] {
        let units = Set(plan.units.map(\.key))
        let objectives = Set(plan.objNode.map { plan.nodes[Int($0)].key })
        return methodology.reportingGroups.flatMap { g in
            g.unitKeys.filter { !units.contains($0) }.map { "Raggruppamento «\(g.name)»: l'unità \"\($0)\" non è nel piano." }
                + g.objectiveKeys.filter { !objectives.contains($0) }.map { "Raggruppamento «\(g.name)»: l'obiettivo \"\($0)\" non è nel piano." }
        }
    }
}
