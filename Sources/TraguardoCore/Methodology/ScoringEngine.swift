/// Computes every score of one plan and campaign with one methodology.
///
///     let report = ScoringEngine.score(input)              // compile + score
///     let plan = PlanCompiler.compile(input)               // or compile once...
///     let report = ScoringEngine.score(plan, with: PreparedMethodology(other))  // ...and score with any preset
public enum ScoringEngine {
    public static func score(_ input: ScoringInput) -> ScoreReport {
        score(
            PlanCompiler.compile(input), with: PreparedMethodology(input.methodology),
            organisationalValues: input.organisationalValues)
    }

    public static func score(
        _ plan: CompiledPlan, with rules: PreparedMethodology,
        organisationalValues: [String: Double] = [:]
    ) -> ScoreReport {
        var r = ScoreResults(plan)
        scoreObjectives(plan, rules, &r)
        resolveInheritance(plan, rules, &r)
        rollUpUnits(plan, rules, &r)
        rollUpTree(plan, rules, &r)
        rollUpEnte(plan, rules, &r)
        var report = ScoreReport(plan: plan, rules: rules, results: r)
        if let org = rules.methodology.organisational {
            report.organisational = OrganisationalScorer.score(
                org, values: organisationalValues,
                enteMean: report.ente.objectivesMean, unitsMean: report.ente.unitsMean)
        }
        return report
    }

    /// The hot loop: every indicator, then every objective from its sources, statuses and the Nucleo.
    static func scoreObjectives(_ plan: CompiledPlan, _ p: PreparedMethodology, _ r: inout ScoreResults) {
        let asOf = plan.asOfOrdinal
        // Move the result arrays out of `r` so they are uniquely referenced and can be written through pointers.
        var indScoreA = r.indScore, indOutcomeA = r.indOutcome, computedA = r.objComputed, effectiveA = r.objEffective
        var outcomeA = r.objOutcome, flagsA = r.objFlags, raw = r.objRaw
        r.indScore = []
        r.indOutcome = []
        r.objComputed = []
        r.objEffective = []
        r.objOutcome = []
        r.objFlags = []
        plan.ind.withUnsafeBufferPointer { ind in
            plan.obj.withUnsafeBufferPointer { obj in
                p.sources.withUnsafeBufferPointer { sources in
                    indScoreA.withUnsafeMutableBufferPointer { indScore in
                        indOutcomeA.withUnsafeMutableBufferPointer { indOutcome in
                            computedA.withUnsafeMutableBufferPointer { computedOut in
                                effectiveA.withUnsafeMutableBufferPointer { effectiveOut in
                                    outcomeA.withUnsafeMutableBufferPointer { outcomeOut in
                                        flagsA.withUnsafeMutableBufferPointer { flagsOut in
                                            for o in 0..<obj.count {
                                                let row = obj[o]
                                                var sum = 0.0, sumW = 0.0, totalW = 0.0, count = 0, allWeighted = true
                                                var notDue = 0, notDueProgress = 0.0, notDueWithProgress = 0
                                                var lo = Double.infinity, hi = -Double.infinity
                                                for i in Int(row.indStart)..<Int(row.indEnd) {
                                                    let x = ind[i]
                                                    var (s, out) = p.score(x, asOf: asOf)
                                                    if s < p.indicatorZeroBelow { s = 0 }
                                                    indScore[i] = s
                                                    indOutcome[i] = out
                                                    if out == .notYetDueExcluded {
                                                        notDue += 1
                                                        if !x.progress.isNaN {
                                                            notDueProgress += Swift.min(100, Swift.max(0, x.progress))
                                                            notDueWithProgress += 1
                                                        }
                                                    }
                                                    guard !s.isNaN else { continue }
                                                    count += 1
                                                    sum += s
                                                    lo = Swift.min(lo, s)
                                                    hi = Swift.max(hi, s)
                                                    if x.weight > 0 {
                                                        sumW += s * x.weight
                                                        totalW += x.weight
                                                    } else {
                                                        allWeighted = false
                                                    }
                                                }
                                                // A mean never leaves the range of its inputs (floating point could give 100,00000000000001).
                                                let indicatorMean =
                                                    count == 0
                                                    ? Double.nan
                                                    : Swift.min(hi, Swift.max(lo, allWeighted ? sumW / totalW : sum / Double(count)))
                                                var flags: UInt8 = 0
                                                if count > 0 {
                                                    flags |= allWeighted ? ScoreResults.weighted : (totalW > 0 ? ScoreResults.partialWeights : 0)
                                                }

                                                var computed = Double.nan
                                                var outcome = ObjectiveOutcome.notReportedExcluded
                                                let st = Int(row.status)
                                                let hasValidation = row.flags & ObjectiveRow.hasValidation != 0
                                                let usable = hasValidation && (!p.reasonRequired || row.flags & ObjectiveRow.validationNoReason == 0)
                                                if hasValidation && !usable { flags |= ScoreResults.validationIgnored }
                                                if row.flags & ObjectiveRow.excludedByDecision != 0 && usable {
                                                    outcome = .excludedByDecision
                                                } else if row.flags & ObjectiveRow.beforeHorizon != 0 && p.excludeBeforeHorizon {
                                                    outcome = .excludedHorizon
                                                } else if row.flags & ObjectiveRow.childless != 0 {
                                                    if p.childlessFull {
                                                        computed = 100
                                                        outcome = .childlessFull
                                                    } else {
                                                        outcome = .childlessExcluded
                                                    }
                                                } else if row.flags & ObjectiveRow.noEntries != 0 {
                                                    // Nothing entered is "non rilevato", never a zero. The SMVP's value for
                                                    // "non consuntivato" applies to an objective given that status.
                                                    outcome = .notReported
                                                } else if st != 0 && p.statusCounting[st] == .excluded {
                                                    outcome = .excludedStatus
                                                } else if st != 0 && p.statusCounting[st] == .fixed {
                                                    computed = p.statusValue[st]
                                                    outcome = .statusFixed
                                                } else if row.inherits == -2 {
                                                    outcome = .missingReference
                                                } else if row.inherits >= 0 {
                                                    outcome = .inherited
                                                    flags |= ScoreResults.pending
                                                } else {
                                                    var found = false
                                                    for src in sources {
                                                        switch src {
                                                        case .indicators:
                                                            if !indicatorMean.isNaN {
                                                                computed = indicatorMean
                                                                outcome = .indicators
                                                                found = true
                                                            }
                                                        case .directScore:
                                                            if !row.direct.isNaN {
                                                                computed = row.direct
                                                                outcome = .directScore
                                                                found = true
                                                            }
                                                        case .statusGrade:
                                                            if st != 0 && !p.statusGrade[st].isNaN {
                                                                computed = p.statusGrade[st]
                                                                outcome = .statusGrade
                                                                found = true
                                                            }
                                                        }
                                                        if found { break }
                                                    }
                                                    // Nothing due yet is not "non consuntivato": the SMVP says what it is worth.
                                                    if !found && count == 0 && notDue > 0 {
                                                        found = true
                                                        switch p.nothingDue {
                                                        case .excluded: outcome = .nothingDueExcluded
                                                        case .full:
                                                            computed = 100
                                                            outcome = .nothingDueFull
                                                        case .progress:
                                                            if notDueWithProgress > 0 {
                                                                computed = notDueProgress / Double(notDueWithProgress)
                                                                outcome = .nothingDueProgress
                                                            } else {
                                                                outcome = .nothingDueExcluded
                                                            }
                                                        }
                                                    }
                                                    if !found && p.notReportedCounting == .fixed {
                                                        computed = p.notReportedValue
                                                        outcome = .notReportedFixed
                                                    }
                                                }
                                                if p.mapsObjectives && !computed.isNaN && (outcome == .indicators || outcome == .directScore) {
                                                    let mapped = p.methodology.objectives.mapped(computed)
                                                    if mapped != computed {
                                                        raw[o] = computed
                                                        computed = mapped
                                                    }
                                                }
                                                computedOut[o] = computed
                                                outcomeOut[o] = outcome
                                                effectiveOut[o] = effective(computed, row, usable, p, &flags)
                                                flagsOut[o] = flags
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        r.indScore = indScoreA
        r.indOutcome = indOutcomeA
        r.objComputed = computedA
        r.objEffective = effectiveA
        r.objOutcome = outcomeA
        r.objFlags = flagsA
        r.objRaw = raw
    }

    /// The Nucleo's validated score wins over the computed one, except for an objective it excluded.
    @inline(__always)
    static func effective(_ computed: Double, _ row: ObjectiveRow, _ usable: Bool, _ p: PreparedMethodology, _ flags: inout UInt8) -> Double {
        var e = computed
        if usable && !row.validated.isNaN && row.flags & ObjectiveRow.excludedByDecision == 0 {
            e = row.validated
            flags |= ScoreResults.validatedApplied
        }
        return p.roundEach ? p.rounding.apply(e) : e
    }

    /// "VEDI RENDICONTAZIONE ...": an objective takes the score of the objective it refers to.
    static func resolveInheritance(_ plan: CompiledPlan, _ p: PreparedMethodology, _ r: inout ScoreResults) {
        var pending = (0..<plan.obj.count).filter { r.objFlags[$0] & ScoreResults.pending != 0 }
        var progress = true
        while progress && !pending.isEmpty {
            progress = false
            pending.removeAll { o in
                let row = plan.obj[o]
                let t = Int(row.inherits)
                guard r.objFlags[t] & ScoreResults.pending == 0 else { return false }
                let usable =
                    row.flags & ObjectiveRow.hasValidation != 0
                    && (!p.reasonRequired || row.flags & ObjectiveRow.validationNoReason == 0)
                r.objFlags[o] &= ~ScoreResults.pending
                r.objComputed[o] = r.objEffective[t]
                r.objEffective[o] = effective(r.objEffective[t], row, usable, p, &r.objFlags[o])
                progress = true
                return true
            }
        }
        for o in pending {
            r.objFlags[o] &= ~ScoreResults.pending
            r.objOutcome[o] = .circularReference
        }
    }
}
