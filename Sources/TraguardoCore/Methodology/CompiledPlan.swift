/// A plan compiled for scoring: flat arrays and integer indices, no strings or dictionaries in the hot loop.
/// Why: issue 4 asks for 4.8 million indicators in under a second on one core. Compiling is independent of
/// the methodology, so one compiled plan can be scored with several presets (the "preview" of a switch).
public struct CompiledPlan: Sendable {
    // Identity, kept only for explanations and reports.
    let nodes: [PlanNode]
    let indicators: [Indicator]
    let units: [OrgUnit]
    let allValidations: [Validation]
    /// Position in `indicators` of each compiled indicator row.
    var indicatorSource: [Int32] = []
    /// Position in `allValidations` of each node's validation in the campaign (-1 none).
    var nodeValidation: [Int32] = []

    /// The Nucleo's validation of node `n` in the campaign, if any.
    func validation(ofNode n: Int) -> Validation? { nodeValidation[n] < 0 ? nil : allValidations[Int(nodeValidation[n])] }

    // Indicators, contiguous per objective.
    var ind: [IndicatorRow] = []
    var indDates: [IndicatorDates] = []

    // Objectives: the leaf nodes of the cascade.
    var obj: [ObjectiveRow] = []
    var objNode: [Int32] = []

    // The cascade: children in CSR form and a bottom-up order (children before parents).
    var nodeObjective: [Int32] = []
    var nodeChildStart: [Int32] = []
    var nodeChildren: [Int32] = []
    var nodeWeight: [Double] = []
    var nodeValidated: [Double] = []
    var bottomUp: [Int32] = []

    // Units: which objectives each unit rolls up, with how it got them (direct, shared, via a sub-unit).
    var unitMemberStart: [Int32] = []
    var unitMembers: [Int32] = []
    var unitMemberTags: [MembershipTag] = []
    var unitScored: [Bool] = []

    public let asOf: Day
    public let year: Int
    let asOfOrdinal: Int32
    /// Problems found while compiling (duplicate keys, validations without reason...), in Italian.
    public internal(set) var issues: [ScoringIssue] = []

    public var objectiveCount: Int { obj.count }
    public var indicatorCount: Int { ind.count }
    public var unitCount: Int { units.count }

    init(nodes: [PlanNode], indicators: [Indicator], units: [OrgUnit], validations: [Validation], asOf: Day, year: Int) {
        self.nodes = nodes
        self.indicators = indicators
        self.units = units
        self.allValidations = validations
        self.asOf = asOf
        self.year = year
        self.asOfOrdinal = Int32(asOf.ordinal)
    }
}

/// One indicator, numbers only. NaN means "none"; dates are ordinals.
struct IndicatorRow: Sendable {
    var target: Double = .nan
    var upper: Double = .nan
    var actual: Double = .nan
    var progress: Double = .nan
    var weight: Double = .nan
    /// Calendar months between deadline and actual date (0 when on time); NaN without an actual date.
    var lateMonths: Double = .nan
    var deadline: Int32 = .min
    /// Days between deadline and actual date (0 when on time), for rules that count days.
    var lateDays: Int32 = 0
    var kind: IndicatorKind = .noTarget
    var flags: UInt8 = 0
    /// The indicator's own status in the campaign (same coding as `ObjectiveRow.status`).
    var status: UInt8 = 0

    static let hasValue: UInt8 = 1, flagTrue: UInt8 = 2, flagFalse: UInt8 = 4, excludedStatus: UInt8 = 8
    static let wantsNo: UInt8 = 16, extended: UInt8 = 32
}

/// The dates of a date indicator, for explanations only.
struct IndicatorDates: Sendable {
    var target: Int32 = .min
    var extended: Int32 = .min
    var actual: Int32 = .min
}

struct ObjectiveRow: Sendable {
    var indStart: Int32 = 0
    var indEnd: Int32 = 0
    var direct: Double = .nan
    var validated: Double = .nan
    var weight: Double = .nan
    /// Objective index this one inherits from (-1 none, -2 reference not found).
    var inherits: Int32 = -1
    /// 0 = no status; otherwise 1 + index in `ProgressStatus.allCases`.
    var status: UInt8 = 0
    var flags: UInt8 = 0

    static let excludedByDecision: UInt8 = 1, beforeHorizon: UInt8 = 2, childless: UInt8 = 4, hasValidation: UInt8 = 8
    static let validationNoReason: UInt8 = 16, noEntries: UInt8 = 32
}

enum MembershipTag: UInt8, Sendable {
    /// The unit owns the objective (or coordinates it).
    case direct
    /// A trasversale objective shared with the unit.
    case shared
    /// Owned by a sub-unit.
    case subunit
    /// Shared with a sub-unit.
    case subunitShared
}

/// A problem met while compiling or scoring, in Italian, with the key it concerns.
public struct ScoringIssue: Hashable, Sendable, Codable {
    public var key: String
    public var message: String
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}

extension ProgressStatus {
    static let codes: [ProgressStatus] = allCases
    /// 1 + position in `allCases` (0 is "no status").
    var code: UInt8 {
        switch self {
        case .inLinea: 1
        case .nonInLineaAzioniAvviate: 2
        case .nonInLineaAzioniImmediate: 3
        case .inCorso: 4
        case .raggiunto: 5
        case .parzialmenteRaggiunto: 6
        case .nonRaggiunto: 7
        case .rinviato: 8
        case .nonValutabile: 9
        case .nonConsuntivato: 10
        case .escluso: 11
        case .nonInLinea: 12
        }
    }
    static func from(code: UInt8) -> ProgressStatus? { code == 0 ? nil : codes[Int(code) - 1] }
}
