/// Roll-ups: units (settori/CdR), the cascade (operativo → strategico → indirizzo) and the ente.
/// Excluded objectives are NaN and leave both numerator and denominator; each unit only reads its own members,
/// so an exclusion in one unit never changes another unit's denominator.
extension ScoringEngine {
    /// Simple or weighted mean; falls back to the simple mean when some item has no weight.
    struct Mean {
        var sum = 0.0, sumW = 0.0, totalW = 0.0, count = 0, allWeighted = true
        var lo = Double.infinity, hi = -Double.infinity

        @inline(__always) mutating func add(_ v: Double, weight w: Double) {
            count += 1
            sum += v
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
            if w > 0 {
                sumW += v * w
                totalW += w
            } else {
                allWeighted = false
            }
        }

        @inline(__always) func value(weighted: Bool) -> Double {
            guard count > 0 else { return .nan }
            return Swift.min(hi, Swift.max(lo, weighted && allWeighted ? sumW / totalW : sum / Double(count)))
        }

        /// True when a weighted mean was asked for but some weight was missing.
        func fellBack(weighted: Bool) -> Bool { weighted && count > 0 && !allWeighted }
    }

    /// Both columns: the effective scores (validated where present) and the computed ones, rounded alike.
    static func rollUpUnits(_ plan: CompiledPlan, _ p: PreparedMethodology, _ r: inout ScoreResults) {
        let computed = r.objComputed.map { p.roundEach ? p.rounding.apply($0) : $0 }
        for u in 0..<plan.units.count {
            var mean = Mean(), computedMean = Mean()
            var total: Int32 = 0
            for m in Int(plan.unitMemberStart[u])..<Int(plan.unitMemberStart[u + 1]) where p.counts(plan.unitMemberTags[m]) {
                let o = Int(plan.unitMembers[m])
                if plan.obj[o].flags & ObjectiveRow.childless != 0 { continue }
                total += 1
                let e = r.objEffective[o]
                if !e.isNaN { mean.add(e, weight: plan.obj[o].weight) }
                if !computed[o].isNaN { computedMean.add(computed[o], weight: plan.obj[o].weight) }
            }
            let v = mean.value(weighted: p.unitWeighted)
            r.unitExact[u] = p.roundEach ? p.rounding.apply(v) : v
            r.unitCounted[u] = Int32(mean.count)
            r.unitTotal[u] = total
            r.unitFlags[u] = mean.fellBack(weighted: p.unitWeighted) ? ScoreResults.partialWeights : 0
            let c = computedMean.value(weighted: p.unitWeighted)
            r.unitComputed[u] = p.roundEach ? p.rounding.apply(c) : c
        }
    }

    /// Children before parents; a node's score is the mean of its counted children (the indirizzo is the
    /// mean of the means of its strategic objectives). A validated node score overrides in the effective column.
    static func rollUpTree(_ plan: CompiledPlan, _ p: PreparedMethodology, _ r: inout ScoreResults) {
        r.nodeExact = nodeMeans(plan, p, leaves: r.objEffective, validatedOverride: true)
        r.nodeComputed = nodeMeans(plan, p, leaves: r.objComputed.map { p.roundEach ? p.rounding.apply($0) : $0 }, validatedOverride: false)
    }

    static func nodeMeans(_ plan: CompiledPlan, _ p: PreparedMethodology, leaves: [Double], validatedOverride: Bool) -> [Double] {
        var out = [Double](repeating: .nan, count: plan.nodes.count)
        for n32 in plan.bottomUp {
            let n = Int(n32)
            let o = plan.nodeObjective[n]
            if o >= 0 {
                out[n] = leaves[Int(o)]
                continue
            }
            var mean = Mean()
            for c in Int(plan.nodeChildStart[n])..<Int(plan.nodeChildStart[n + 1]) {
                let child = Int(plan.nodeChildren[c])
                let v = out[child]
                if !v.isNaN { mean.add(v, weight: plan.nodeWeight[child]) }
            }
            var v = mean.value(weighted: p.nodeWeighted)
            if validatedOverride && !plan.nodeValidated[n].isNaN { v = plan.nodeValidated[n] }
            out[n] = p.roundEach ? p.rounding.apply(v) : v
        }
        return out
    }

    /// Ente: mean over all counted objectives (each once, trasversali included once), and the
    /// "media dei servizi" = mean of the means of the units that own objectives; in both columns.
    static func rollUpEnte(_ plan: CompiledPlan, _ p: PreparedMethodology, _ r: inout ScoreResults) {
        let effective = enteMeans(plan, p, objectives: r.objEffective, units: r.unitExact)
        r.enteObjectives = effective.objectives
        r.enteObjectivesCount = effective.objectivesCount
        r.enteUnits = effective.units
        r.enteUnitsCount = effective.unitsCount
        let computed = enteMeans(plan, p, objectives: r.objComputed.map { p.roundEach ? p.rounding.apply($0) : $0 }, units: r.unitComputed)
        r.enteObjectivesComputed = computed.objectives
        r.enteUnitsComputed = computed.units
    }

    static func enteMeans(_ plan: CompiledPlan, _ p: PreparedMethodology, objectives values: [Double], units unitValues: [Double]) -> (
        objectives: Double, objectivesCount: Int, units: Double, unitsCount: Int
    ) {
        var objectives = Mean()
        for o in 0..<plan.obj.count where plan.obj[o].flags & ObjectiveRow.childless == 0 {
            if !values[o].isNaN { objectives.add(values[o], weight: plan.obj[o].weight) }
        }
        var units = Mean()
        for u in 0..<plan.units.count where plan.unitScored[u] && !unitValues[u].isNaN {
            units.add(unitValues[u], weight: .nan)
        }
        let a = objectives.value(weighted: p.enteWeighted), b = units.value(weighted: false)
        return (p.roundEach ? p.rounding.apply(a) : a, objectives.count, p.roundEach ? p.rounding.apply(b) : b, units.count)
    }
}
