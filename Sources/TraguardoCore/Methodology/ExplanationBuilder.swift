/// Builds explanations from a report: reads the compiled inputs and the stored outcomes, renders Italian text.
extension ScoreReport {
    public func explain(objective key: String) -> ObjectiveExplanation? {
        guard let o = plan.objNode.firstIndex(where: { plan.nodes[Int($0)].key == key }) else { return nil }
        return explainObjective(o)
    }

    /// Every objective's explanation, in plan order (for exports).
    public var explanations: [ObjectiveExplanation] { (0..<plan.obj.count).map(explainObjective) }

    func explainIndicator(_ i: Int) -> IndicatorExplanation {
        let x = plan.indicators[Int(plan.indicatorSource[i])]
        let r = plan.ind[i], d = plan.indDates[i]
        let day = { (o: Int32) in o == .min ? nil : Day(ordinal: Int(o)) }
        let score = results.indScore[i]
        let outcome = results.indOutcome[i]
        let ruleScore = rules.score(r, asOf: plan.asOfOrdinal).0
        var ratio: Double?
        if r.kind == .higher || r.kind == .progress || r.kind == .lower, !r.actual.isNaN, r.target > 0 { ratio = r.actual / r.target * 100 }
        let isLate = !r.lateMonths.isNaN && r.lateMonths > 0
        let counted = isLate ? rules.dateRule.lateStep.count(months: r.lateMonths, days: Int(r.lateDays)) : nil
        var e = IndicatorExplanation(
            key: x.key, name: x.name, form: x.form, direction: x.direction, unit: x.form == .percent ? "%" : x.unit,
            target: r.target.isNaN ? nil : r.target,
            targetUpper: r.upper.isNaN ? nil : r.upper, targetDate: day(d.target), extendedDeadline: day(d.extended),
            targetRaw: x.target?.raw, actual: r.actual.isNaN ? nil : r.actual, actualDate: day(d.actual),
            actualFlag: r.flags & IndicatorRow.flagTrue != 0 ? true : (r.flags & IndicatorRow.flagFalse != 0 ? false : nil),
            progress: r.progress.isNaN ? nil : r.progress, status: ProgressStatus.from(code: r.status),
            lateMonths: rules.dateRule.lateStep.countsDays ? nil : counted, lateDays: isLate ? Int(r.lateDays) : nil, lateCounted: counted,
            ratio: ratio, beforeThreshold: !ruleScore.isNaN && ruleScore != score ? ruleScore : nil, weight: r.weight.isNaN ? nil : r.weight,
            outcome: outcome, score: score.isNaN ? nil : score,
            counted: outcome.counted, text: "")
        e.text = ExplanationText.indicator(e, rules: rules, asOf: plan.asOf)
        return e
    }

    func explainObjective(_ o: Int) -> ObjectiveExplanation {
        let row = plan.obj[o]
        let n = Int(plan.objNode[o])
        let node = plan.nodes[n]
        let flags = results.objFlags[o]
        let indicators = (Int(row.indStart)..<Int(row.indEnd)).map(explainIndicator)
        let weighting: ObjectiveExplanation.Weighting =
            indicators.contains(where: \.counted)
            ? (flags & ScoreResults.weighted != 0 ? .explicit : (flags & ScoreResults.partialWeights != 0 ? .equalFallback : .equal)) : .none
        let validation = plan.validation(ofNode: n)
        let inherited = row.inherits >= 0 ? plan.nodes[Int(plan.objNode[Int(row.inherits)])].key : node.inheritsFromKey
        let m = methodology
        var e = ObjectiveExplanation(
            key: node.key, title: node.title, methodology: "\(m.name) (\(m.id), versione \(m.version))",
            outcome: results.objOutcome[o], indicators: indicators, indicatorWeighting: weighting,
            directScore: row.direct.isNaN ? nil : row.direct, status: ProgressStatus.from(code: row.status),
            inheritedFrom: inherited, computed: results.objComputed[o].isNaN ? nil : results.objComputed[o],
            beforeThreshold: results.objRaw[o].isNaN ? nil : results.objRaw[o],
            validated: flags & ScoreResults.validatedApplied != 0 ? row.validated : nil,
            validationReason: validation?.reason, validationMinutes: validation?.minutes,
            validationIgnored: flags & ScoreResults.validationIgnored != 0,
            effective: results.objEffective[o].isNaN ? nil : results.objEffective[o],
            counted: !results.objEffective[o].isNaN, rounding: rules.rounding.label, text: "")
        e.text = ExplanationText.objective(
            e, rules: rules, year: plan.year, horizon: node.horizon?.raw,
            inheritedTitle: inherited.flatMap { k in plan.nodes.first { $0.key == k }?.title })
        return e
    }

    /// How a unit's score was made: which objectives (own, trasversali, of sub-units) counted and which did not.
    public func explain(unit key: String) -> RollUpExplanation? {
        guard let u = plan.units.firstIndex(where: { $0.key == key }) else { return nil }
        var counted: [RollUpExplanation.Item] = [], excluded: [RollUpExplanation.Item] = []
        for m in Int(plan.unitMemberStart[u])..<Int(plan.unitMemberStart[u + 1]) {
            let o = Int(plan.unitMembers[m])
            let node = plan.nodes[Int(plan.objNode[o])]
            let tag = plan.unitMemberTags[m]
            let via: String? =
                switch tag {
                case .direct: nil
                case .shared: "trasversale"
                case .subunit: "di una sotto-unità"
                case .subunitShared: "trasversale di una sotto-unità"
                }
            let e = results.objEffective[o]
            let weight = plan.obj[o].weight.isNaN ? nil : plan.obj[o].weight
            if !rules.counts(tag) {
                excluded.append(
                    .init(key: node.key, title: node.title, value: nil, weight: weight, note: "\(via ?? ""): non conteggiato dalla metodologia"))
            } else if plan.obj[o].flags & ObjectiveRow.childless != 0 || e.isNaN {
                excluded.append(.init(key: node.key, title: node.title, value: nil, weight: weight, note: exclusionNote(o)))
            } else {
                counted.append(.init(key: node.key, title: node.title, value: e, weight: weight, note: via))
            }
        }
        return rollUp(
            .unit, key: key, name: plan.units[u].displayName, mean: methodology.rollUps.unitMean,
            counted: counted, excluded: excluded, exact: results.unitExact[u])
    }

    /// A cascade node (obiettivo operativo/strategico, indirizzo): the mean of its children's scores.
    public func explain(node key: String) -> RollUpExplanation? {
        guard let n = plan.nodes.firstIndex(where: { $0.key == key }), plan.nodeObjective[n] < 0 else { return nil }
        var counted: [RollUpExplanation.Item] = [], excluded: [RollUpExplanation.Item] = []
        for c in Int(plan.nodeChildStart[n])..<Int(plan.nodeChildStart[n + 1]) {
            let child = Int(plan.nodeChildren[c])
            let v = results.nodeExact[child]
            let w = plan.nodeWeight[child].isNaN ? nil : plan.nodeWeight[child]
            let o = Int(plan.nodeObjective[child])
            if v.isNaN {
                excluded.append(
                    .init(
                        key: plan.nodes[child].key, title: plan.nodes[child].title, value: nil, weight: w,
                        note: o >= 0 ? exclusionNote(o) : "nessun figlio conteggiato"))
            } else {
                counted.append(.init(key: plan.nodes[child].key, title: plan.nodes[child].title, value: v, weight: w, note: nil))
            }
        }
        var e = rollUp(
            .node, key: key, name: plan.nodes[n].title, mean: methodology.rollUps.nodeMean, counted: counted,
            excluded: excluded, exact: results.nodeExact[n])
        if !plan.nodeValidated[n].isNaN, let v = plan.validation(ofNode: n) {
            e.text +=
                " Validato dal Nucleo: \(ScoreFormat.score(v.score, policy: rules.rounding)) — motivazione: «\(v.reason)»; sostituisce la media."
        }
        return e
    }

    /// The ente: mean over all counted objectives, each once.
    public func explainEnte() -> RollUpExplanation {
        var counted: [RollUpExplanation.Item] = [], excluded: [RollUpExplanation.Item] = []
        for o in 0..<plan.obj.count where plan.obj[o].flags & ObjectiveRow.childless == 0 {
            let node = plan.nodes[Int(plan.objNode[o])]
            let e = results.objEffective[o]
            let w = plan.obj[o].weight.isNaN ? nil : plan.obj[o].weight
            if e.isNaN {
                excluded.append(.init(key: node.key, title: node.title, value: nil, weight: w, note: exclusionNote(o)))
            } else {
                counted.append(.init(key: node.key, title: node.title, value: e, weight: w, note: nil))
            }
        }
        return rollUp(
            .ente, key: "ente", name: "Ente", mean: methodology.rollUps.enteMean, counted: counted, excluded: excluded,
            exact: results.enteObjectives)
    }

    func exclusionNote(_ o: Int) -> String {
        let n = Int(plan.objNode[o])
        return ExplanationText.exclusionNote(
            results.objOutcome[o], year: plan.year, horizon: plan.nodes[n].horizon?.raw,
            status: ProgressStatus.from(code: plan.obj[o].status), reason: plan.validation(ofNode: n)?.reason)
    }

    func rollUp(
        _ level: RollUpExplanation.Level, key: String, name: String, mean: MeanKind, counted: [RollUpExplanation.Item],
        excluded: [RollUpExplanation.Item], exact: Double
    ) -> RollUpExplanation {
        let weighted = mean == .weighted && !counted.isEmpty && counted.allSatisfy { ($0.weight ?? 0) > 0 }
        let sum = counted.reduce(0) { $0 + ($1.value ?? 0) * (weighted ? $1.weight! : 1) }
        let den = weighted ? counted.reduce(0) { $0 + $1.weight! } : Double(counted.count)
        var e = RollUpExplanation(
            level: level, key: key, name: name, mean: weighted ? .weighted : .simple,
            fellBackToSimple: mean == .weighted && !weighted && !counted.isEmpty, counted: counted,
            excluded: excluded, sum: sum, denominator: den, exact: exact.isNaN ? nil : exact,
            reported: reported(exact), rounding: rules.rounding.label, text: "")
        e.text = ExplanationText.rollUp(e, rules: rules)
        return e
    }
}
