/// Classifies an indicator (form + direction + target) and flattens its value into an `IndicatorRow`.
/// Calendar work (deadline, extension, months late) is done here, once, not in the scoring loop.
enum IndicatorCompiler {
    /// Reads the indicator and its value in place (buffers + indices): copying whole structs would retain and
    /// release every one of their strings, which dominated compile time.
    static func row(_ xs: UnsafeBufferPointer<Indicator>, _ k: Int, values vs: UnsafeBufferPointer<MonitoringValue>, _ vi: Int)
        -> (IndicatorRow, IndicatorDates)
    {
        var r = IndicatorRow()
        var d = IndicatorDates()
        let targetDate = xs[k].target?.date
        r.weight = xs[k].weight ?? .nan
        r.target = xs[k].target?.number ?? .nan
        r.upper = xs[k].target?.upper ?? .nan
        if xs[k].target?.flag == false { r.flags |= IndicatorRow.wantsNo }
        r.kind = kind(form: xs[k].form, direction: xs[k].direction, hasDate: targetDate != nil, hasNumber: !r.target.isNaN)
        var extended: Day?
        var done: Day?
        if vi >= 0 {
            let number = vs[vi].actual?.number, flag = vs[vi].actual?.flag
            let progress = vs[vi].progress
            let status = vs[vi].status
            done = vs[vi].actual?.date
            if number != nil || done != nil || flag != nil || progress != nil || status != nil { r.flags |= IndicatorRow.hasValue }
            r.actual = number ?? .nan
            r.progress = progress ?? .nan
            if let flag { r.flags |= flag ? IndicatorRow.flagTrue : IndicatorRow.flagFalse }
            r.status = status?.code ?? 0
            extended = vs[vi].extendedDeadline
        }
        switch r.kind {
        case .date:
            let target = targetDate
            guard let deadline = extended ?? target else {
                r.kind = .noTarget
                break
            }
            r.deadline = Int32(deadline.ordinal)
            d.target = target.map { Int32($0.ordinal) } ?? .min
            if let extended {
                d.extended = Int32(extended.ordinal)
                r.flags |= IndicatorRow.extended
            }
            if let done {
                d.actual = Int32(done.ordinal)
                r.lateMonths = DayMath.monthsLate(deadline, until: done)
                r.lateDays = Int32(Swift.max(0, done.ordinal - deadline.ordinal))
            }
        case .progress:
            if r.actual.isNaN { r.actual = r.progress }
            if r.target.isNaN { r.target = 100 }
        case .higher, .lower, .exact:
            if r.target.isNaN { r.kind = .noTarget }
        case .range:
            if r.target.isNaN || r.upper.isNaN { r.kind = .noTarget }
        default:
            break
        }
        return (r, d)
    }

    static func kind(form: IndicatorForm, direction: Direction, hasDate: Bool, hasNumber: Bool) -> IndicatorKind {
        switch form {
        case .date: return .date
        case .boolean: return .boolean
        case .milestone: return hasDate ? .date : .milestone
        case .progress: return .progress
        case .number, .percent, .ratio:
            if hasDate && !hasNumber { return .date }
            switch direction {
            case .atLeast, .greater: return .higher
            case .atMost, .less, .within: return .lower
            case .equal: return .exact
            case .negative: return .negative
            case .range: return .range
            }
        }
    }
}
