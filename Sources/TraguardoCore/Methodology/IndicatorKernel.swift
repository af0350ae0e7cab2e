/// The per-indicator rules. Pure arithmetic on one `IndicatorRow`; NaN means "not counted".
extension PreparedMethodology {
    @inline(__always)
    func score(_ r: IndicatorRow, asOf: Int32) -> (Double, IndicatorOutcome) {
        if r.status != 0 && statusCounting[Int(r.status)] == .excluded { return (.nan, .statusExcluded) }
        if r.kind == .noTarget { return (.nan, .noTarget) }
        if r.kind == .date { return scoreDate(r, asOf: asOf) }
        if r.flags & IndicatorRow.hasValue == 0 { return missingZero ? (0, .missingZero) : (.nan, .missingExcluded) }
        let a = r.actual, t = r.target
        switch r.kind {
        case .higher, .progress:
            if a.isNaN { return (.nan, .notMeasurable) }
            return higher(ratio: t > 0 ? a / t * 100 : (a >= t ? 100 : 0))
        case .lower:
            if a.isNaN { return (.nan, .notMeasurable) }
            if a <= t { return (100, .ceilingMet) }
            switch lowerPartial {
            case .proportional: return t > 0 ? (t / a * 100, .ceilingPartial) : (0, .ceilingMissed)
            case .linear: return t > 0 ? (Swift.max(0, (2 - a / t) * 100), .ceilingPartial) : (0, .ceilingMissed)
            case .none: return (0, .ceilingMissed)
            }
        case .exact:
            if a.isNaN { return (.nan, .notMeasurable) }
            if Swift.abs(a - t) <= 1e-9 * Swift.max(1, Swift.abs(t)) { return (100, .exactMet) }
            if exactPartial != .none && a > 0 && t > 0 { return (Swift.min(a, t) / Swift.max(a, t) * 100, .exactPartial) }
            return (0, .exactMissed)
        case .negative:
            if a.isNaN { return (.nan, .notMeasurable) }
            return a < 0 ? (100, .negativeMet) : (0, .negativeMissed)
        case .range:
            if a.isNaN { return (.nan, .notMeasurable) }
            return a >= t && a <= r.upper ? (100, .rangeMet) : (0, .rangeMissed)
        case .boolean:
            let wantYes = r.flags & IndicatorRow.wantsNo == 0
            if r.flags & (IndicatorRow.flagTrue | IndicatorRow.flagFalse) != 0 {
                let yes = r.flags & IndicatorRow.flagTrue != 0
                return yes == wantYes ? (100, .yes) : (0, .no)
            }
            if !a.isNaN { return (a != 0) == wantYes ? (100, .yes) : (0, .no) }
            return (.nan, .notMeasurable)
        case .milestone:
            if r.flags & IndicatorRow.flagTrue != 0 { return (100, .yes) }
            if !r.progress.isNaN { return (Swift.min(100, Swift.max(0, r.progress)), .progress) }
            if r.flags & IndicatorRow.flagFalse != 0 { return (0, .no) }
            return (.nan, .notMeasurable)
        case .date, .noTarget:
            return (.nan, .noTarget)
        }
    }

    /// Ratio (percent of target) → cap, floor or bands.
    @inline(__always)
    func higher(ratio raw: Double) -> (Double, IndicatorOutcome) {
        let ratio = Swift.max(0, raw)
        if !bandFrom.isEmpty {
            var s = 0.0
            for i in 0..<bandFrom.count where ratio >= bandFrom[i] { s = bandScore[i] }
            return (s, .band)
        }
        if ratio < floor { return (0, .belowFloor) }
        if ratio > cap { return (cap, .capped) }
        return (ratio, .ratio)
    }

    /// On time = 100; late by m months (in steps) = 100 × (1 − m/monthsToZero); not yet due = not penalised;
    /// missed = progress % or 0; "SI" without a date after the deadline = the configured deduction.
    @inline(__always)
    func scoreDate(_ r: IndicatorRow, asOf: Int32) -> (Double, IndicatorOutcome) {
        if !r.lateMonths.isNaN {
            if r.lateMonths <= 0 { return (100, .onTime) }
            let s = dateRule.lateScore(months: r.lateMonths, days: Int(r.lateDays)).score
            return s > 0 ? (s, .late) : (0, .tooLate)
        }
        let due = dateRule.dueOnReferenceDay ? asOf >= r.deadline : asOf > r.deadline
        if r.flags & IndicatorRow.flagTrue != 0 { return due ? (noDateScore, .achievedNoDate) : (100, .onTime) }
        if !due {
            switch notYetDue {
            case .excluded: return (.nan, .notYetDueExcluded)
            case .full: return (100, .notYetDueFull)
            case .progress:
                return r.progress.isNaN ? (.nan, .notYetDueExcluded) : (Swift.min(100, Swift.max(0, r.progress)), .notYetDueProgress)
            }
        }
        // Nothing reported at all is a missing value, not a reported failure.
        if r.flags & IndicatorRow.hasValue == 0 { return missingZero ? (0, .missingZero) : (.nan, .missingExcluded) }
        if missedUsesProgress && !r.progress.isNaN { return (Swift.min(100, Swift.max(0, r.progress)), .missedProgress) }
        return (0, .missedNone)
    }
}
