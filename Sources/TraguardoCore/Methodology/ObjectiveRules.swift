/// How an objective gets its computed score, and which statuses change counting.
public struct ObjectiveScoring: Hashable, Sendable, Codable {
    /// Sources tried in order; the first that yields a value wins. Some enti grade objectives as a whole
    /// (direct score or status grade), others compute them from the indicators.
    public var sources: [ObjectiveSource]
    /// Grade given by a 3-level status ("in linea" 100, "azioni avviate" 98, "azioni immediate" 90).
    public var statusGrades: [StatusGrade]
    /// Warnings when a grade is not consistent with its status (seed 004: "in linea" ⇒ 100).
    public var statusChecks: [StatusRange]
    /// Objectives whose horizon starts after the evaluated year are not scored (seed 004: obj. 42, 43).
    public var excludeBeforeHorizon: Bool
    /// An objective whose indicators are all not yet due at the reference date (and that has no other source of a
    /// score): left out ("excluded", never the "non consuntivato" value), full marks, or the mean progress its
    /// indicators report. Worked example: at 30/06 an objective with one indicator "entro il 30/09", progress 40%:
    /// excluded → not counted; full → 100; progress → 40.
    public var nothingDue: NotYetDueRule
    /// An objective scoring below this (from its indicators or a direct score) scores 0: "sotto il 60% l'obiettivo
    /// non è raggiunto" → 55 becomes 0, 60 stays 60. nil = no threshold.
    public var zeroBelow: Double?
    /// When non-empty, the objective's score (after `zeroBelow`) is mapped to bands, read from the highest threshold
    /// down: ≥ 90 → 100, ≥ 70 → 80, ≥ 50 → 50, else 0 turns 87,5 into 80.
    public var bands: [ScoreBand]

    public init(
        sources: [ObjectiveSource] = [.indicators, .directScore, .statusGrade], statusGrades: [StatusGrade] = [],
        statusChecks: [StatusRange] = [], excludeBeforeHorizon: Bool = true, nothingDue: NotYetDueRule = .excluded,
        zeroBelow: Double? = nil, bands: [ScoreBand] = []
    ) {
        self.sources = sources
        self.statusGrades = statusGrades
        self.statusChecks = statusChecks
        self.excludeBeforeHorizon = excludeBeforeHorizon
        self.nothingDue = nothingDue
        self.zeroBelow = zeroBelow
        self.bands = bands
    }

    /// The score after the threshold and the bands; the input when neither applies.
    public func mapped(_ score: Double) -> Double {
        var s = score
        if let zeroBelow, s < zeroBelow { s = 0 }
        if !bands.isEmpty { s = bands.sorted { $0.from > $1.from }.first { s >= $0.from }?.score ?? 0 }
        return s
    }
}

public enum ObjectiveSource: String, CaseIterable, Sendable, Codable {
    /// Weighted mean of the counted indicators (equal weights when none are given).
    case indicators
    /// A score entered directly by the owner or the controllo di gestione.
    case directScore = "punteggio-diretto"
    /// The grade of the objective's status (`statusGrades`).
    case statusGrade = "grado-da-stato"
}

public struct StatusGrade: Hashable, Sendable, Codable {
    public var status: ProgressStatus
    public var score: Double
    public init(status: ProgressStatus, score: Double) {
        self.status = status
        self.score = score
    }
}

/// "A grade given with this status should lie in min...max" (a warning, not a rule).
public struct StatusRange: Hashable, Sendable, Codable {
    public var status: ProgressStatus
    public var min: Double
    public var max: Double
    public init(status: ProgressStatus, min: Double, max: Double) {
        self.status = status
        self.min = min
        self.max = max
    }
}

/// What a status does to counting: excluded from numerator and denominator, a fixed value that counts,
/// or nothing special (the objective is scored normally).
public struct StatusTreatment: Hashable, Sendable, Codable {
    public var status: ProgressStatus
    public var counting: Counting
    /// The value for `.fixed` (seed 004: "non consuntivato" = 50).
    public var value: Double?

    public init(status: ProgressStatus, counting: Counting, value: Double? = nil) {
        self.status = status
        self.counting = counting
        self.value = value
    }

    public enum Counting: String, CaseIterable, Sendable, Codable {
        case excluded, fixed, normal
    }

    /// RINVIATO, NON VALUTABILE and ESCLUSO leave the counts; "non consuntivato" counts as 0.
    public static let defaults: [StatusTreatment] = [
        .init(status: .rinviato, counting: .excluded),
        .init(status: .nonValutabile, counting: .excluded),
        .init(status: .escluso, counting: .excluded),
        .init(status: .nonConsuntivato, counting: .fixed, value: 0),
    ]
}

/// The Nucleo di Valutazione's validated score overrides the computed one in every roll-up.
public struct NucleoPolicy: Hashable, Sendable, Codable {
    /// A validated score or an exclusion without a reason is ignored and reported.
    public var reasonRequired: Bool
    /// Decimals of the validated score the UI proposes from the computed one (often 0: integers, half-up).
    public var validatedDecimals: Int

    public init(reasonRequired: Bool = true, validatedDecimals: Int = 0) {
        self.reasonRequired = reasonRequired
        self.validatedDecimals = validatedDecimals
    }
}

extension ObjectiveScoring {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self), d = ObjectiveScoring()
        self.init(
            sources: try c.value(.sources, or: d.sources), statusGrades: try c.value(.statusGrades, or: []),
            statusChecks: try c.value(.statusChecks, or: []), excludeBeforeHorizon: try c.value(.excludeBeforeHorizon, or: d.excludeBeforeHorizon),
            nothingDue: try c.value(.nothingDue, or: d.nothingDue), zeroBelow: try c.optional(.zeroBelow, or: nil),
            bands: try c.value(.bands, or: []))
    }
}

extension NucleoPolicy {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(reasonRequired: try c.value(.reasonRequired, or: true), validatedDecimals: try c.value(.validatedDecimals, or: 0))
    }
}
