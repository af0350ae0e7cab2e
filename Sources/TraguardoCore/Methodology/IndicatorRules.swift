/// How a single indicator becomes a score 0–100 (or more, when uncapped), per form and direction.
public struct IndicatorScoring: Hashable, Sendable, Codable {
    /// Numeric indicators where more is better (≥, >): actual/target.
    public var higherBetter: HigherBetterRule
    /// Numeric indicators where less is better (≤, <, "entro" a number).
    public var lowerBetter: LowerBetterRule
    /// "=" targets: met or, when proportional, min/max of actual and target.
    public var exactPartial: PartialRule
    public var date: DateRule
    /// An indicator with no value in the campaign: left out of its objective's mean, or counted as 0.
    public var missingValue: MissingValueRule
    /// Any indicator scoring below this (whatever its form) scores 0: with 50, a date indicator at 41,67 counts 0.
    public var zeroBelow: Double?

    public init(
        higherBetter: HigherBetterRule = .init(), lowerBetter: LowerBetterRule = .init(),
        exactPartial: PartialRule = .none, date: DateRule = .init(), missingValue: MissingValueRule = .excluded, zeroBelow: Double? = nil
    ) {
        self.higherBetter = higherBetter
        self.lowerBetter = lowerBetter
        self.exactPartial = exactPartial
        self.date = date
        self.missingValue = missingValue
        self.zeroBelow = zeroBelow
    }
}

/// Ratio actual/target in percent, then cap, floor or threshold bands.
public struct HigherBetterRule: Hashable, Sendable, Codable {
    /// Upper bound of the score (100 = "tetto al 100%"); nil = uncapped (overachievement rewarded).
    public var cap: Double?
    /// Below this ratio (percent) the score is 0 ("soglia minima").
    public var floor: Double?
    /// When non-empty the ratio is mapped to bands (e.g. 0/50/75/100) instead of being used as is.
    public var bands: [ScoreBand]

    public init(cap: Double? = 100, floor: Double? = nil, bands: [ScoreBand] = []) {
        self.cap = cap
        self.floor = floor
        self.bands = bands
    }
}

/// "From `from` percent of the target, the score is `score`." Bands are read from the highest threshold down.
public struct ScoreBand: Hashable, Sendable, Codable {
    public var from: Double
    public var score: Double
    public init(from: Double, score: Double) {
        self.from = from
        self.score = score
    }
}

public struct LowerBetterRule: Hashable, Sendable, Codable {
    /// What a missed ceiling scores: target/actual, a linear loss, or nothing.
    public var partial: PartialRule
    public init(partial: PartialRule = .proportional) { self.partial = partial }
}

public enum PartialRule: String, CaseIterable, Sendable, Codable {
    /// Proportional: target/actual for ceilings, min/max for "=" targets.
    case proportional
    /// Linear loss: 100 × (2 − actual/target), i.e. each percent above the ceiling costs one point.
    case linear
    /// All or nothing.
    case none
}

public enum MissingValueRule: String, CaseIterable, Sendable, Codable {
    case excluded, zero
}

/// Date targets ("entro il 30/06"): on time = 100; late = 100 × (1 − delay/toZero), the delay counted as the SMVP
/// says (`lateStep`) and `toZero` being `monthsToZero` (or `daysToZero` when the delay is counted in days).
public struct DateRule: Hashable, Sendable, Codable {
    /// How lateness is counted: see `LateStep`.
    public var lateStep: LateStep
    /// Months of delay that bring the score to 0 (12 in "1 − m/12").
    public var monthsToZero: Double
    /// Days of delay that bring the score to 0 when the delay is counted in days (365 in "1 − giorni/365").
    public var daysToZero: Double
    /// A delay beyond this (in the rule's unit: months, or days) scores 0 whatever the formula gives; nil = none.
    public var maxDelay: Double?
    /// A deadline on the campaign's reference date is due at that campaign: "entro il 31/12" not achieved at the
    /// 31/12 campaign is missed, not "in corso". When false it is due only after that day.
    public var dueOnReferenceDay: Bool
    /// Deadline not yet reached and not achieved ("in corso"): not penalised, either left out or counted as full.
    public var notYetDue: NotYetDueRule
    /// Deadline passed, not achieved: the reported progress % (or 0 when none), or always 0.
    public var missedUsesProgress: Bool
    /// Achieved ("SI") after the deadline date but with no date given: a configurable score (one Nucleo uses 87,5).
    public var achievedWithoutDateScore: Double

    public init(
        lateStep: LateStep = .halfMonth, monthsToZero: Double = 12, daysToZero: Double = 365, maxDelay: Double? = nil,
        dueOnReferenceDay: Bool = false, notYetDue: NotYetDueRule = .excluded, missedUsesProgress: Bool = true,
        achievedWithoutDateScore: Double = 87.5
    ) {
        self.lateStep = lateStep
        self.monthsToZero = monthsToZero
        self.daysToZero = daysToZero
        self.maxDelay = maxDelay
        self.dueOnReferenceDay = dueOnReferenceDay
        self.notYetDue = notYetDue
        self.missedUsesProgress = missedUsesProgress
        self.achievedWithoutDateScore = achievedWithoutDateScore
    }
}

/// How an SMVP counts a delay. Worked example, a delay of 1 month and 20 days (30/04 → 20/06: 51 days):
/// `halfMonth` 2 (rounded up to the next half month), `monthsAndHalf` 1,5 (whole months plus one half for any
/// remainder), `month` 2 (whole months rounded up), `day` 1,67 (the exact calendar fraction, 20 of 30 days), `days` 51 (days,
/// against `daysToZero`, e.g. "1 − giorni/365").
public enum LateStep: String, CaseIterable, Sendable, Codable {
    case halfMonth = "mezzo-mese", monthsAndHalf = "mesi-e-mezzo", month = "mese", day = "giorno", days = "giorni"

    /// Whether the counted delay is in days (else months).
    public var countsDays: Bool { self == .days }

    /// The delay as the rule counts it, from the exact calendar delay in months and in days.
    @inline(__always) public func count(months: Double, days: Int) -> Double {
        switch self {
        case .halfMonth: return (months * 2).rounded(.up) / 2
        case .monthsAndHalf:
            let whole = months.rounded(.down)
            return months > whole ? whole + 0.5 : whole
        case .month: return months.rounded(.up)
        case .day: return months
        case .days: return Double(days)
        }
    }
}

extension DateRule {
    /// A late achievement: the delay as counted, its score and whether it went beyond `maxDelay`.
    @inline(__always) public func lateScore(months: Double, days: Int) -> (counted: Double, score: Double, beyondMaximum: Bool) {
        let counted = lateStep.count(months: months, days: days)
        if let maxDelay, counted > maxDelay { return (counted, 0, true) }
        let toZero = lateStep.countsDays ? daysToZero : monthsToZero
        return (counted, Swift.max(0, 100 * (1 - counted / toZero)), false)
    }
}

public enum NotYetDueRule: String, CaseIterable, Sendable, Codable {
    case excluded, full, progress
}

extension IndicatorScoring {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self), d = IndicatorScoring()
        self.init(
            higherBetter: try c.value(.higherBetter, or: d.higherBetter), lowerBetter: try c.value(.lowerBetter, or: d.lowerBetter),
            exactPartial: try c.value(.exactPartial, or: d.exactPartial), date: try c.value(.date, or: d.date),
            missingValue: try c.value(.missingValue, or: d.missingValue), zeroBelow: try c.optional(.zeroBelow, or: nil))
    }
}

extension HigherBetterRule {
    enum CodingKeys: String, CodingKey { case cap, floor, bands }

    /// `cap` is written even when absent (`null` = uncapped): a missing key reads back as the default cap of 100.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cap, forKey: .cap)
        try c.encodeIfPresent(floor, forKey: .floor)
        try c.encode(bands, forKey: .bands)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self), d = HigherBetterRule()
        self.init(cap: try c.optional(.cap, or: d.cap), floor: try c.optional(.floor, or: d.floor), bands: try c.value(.bands, or: []))
    }
}

extension LowerBetterRule {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(partial: try c.value(.partial, or: .proportional))
    }
}

extension DateRule {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self), d = DateRule()
        self.init(
            lateStep: try c.value(.lateStep, or: d.lateStep), monthsToZero: try c.value(.monthsToZero, or: d.monthsToZero),
            daysToZero: try c.value(.daysToZero, or: d.daysToZero), maxDelay: try c.optional(.maxDelay, or: nil),
            dueOnReferenceDay: try c.value(.dueOnReferenceDay, or: d.dueOnReferenceDay),
            notYetDue: try c.value(.notYetDue, or: d.notYetDue), missedUsesProgress: try c.value(.missedUsesProgress, or: d.missedUsesProgress),
            achievedWithoutDateScore: try c.value(.achievedWithoutDateScore, or: d.achievedWithoutDateScore))
    }
}
