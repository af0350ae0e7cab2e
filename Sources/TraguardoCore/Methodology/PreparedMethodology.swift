/// A methodology turned into lookup tables and plain numbers for the scoring loop.
public struct PreparedMethodology: Sendable {
    public let methodology: Methodology
    let cap: Double
    let floor: Double
    let bandFrom: [Double]
    let bandScore: [Double]
    let lowerPartial: PartialRule
    let exactPartial: PartialRule
    let dateRule: DateRule
    let nothingDue: NotYetDueRule
    /// Indicator scores below this become 0 (-∞ = none).
    let indicatorZeroBelow: Double
    /// Whether the objective rule maps scores (a threshold or bands).
    let mapsObjectives: Bool
    let notYetDue: NotYetDueRule
    let missedUsesProgress: Bool
    let noDateScore: Double
    let missingZero: Bool
    /// Indexed by status code (0 = no status).
    let statusCounting: [StatusTreatment.Counting]
    let statusValue: [Double]
    let statusGrade: [Double]
    let notReportedCounting: StatusTreatment.Counting
    let notReportedValue: Double
    let sources: [ObjectiveSource]
    let excludeBeforeHorizon: Bool
    let reasonRequired: Bool
    let roundEach: Bool
    let rounding: RoundingPolicy
    let unitWeighted: Bool
    let nodeWeighted: Bool
    let enteWeighted: Bool
    let crossEvery: Bool
    let includeSubunits: Bool
    let childlessFull: Bool

    public init(_ m: Methodology) {
        methodology = m
        let hb = m.indicators.higherBetter
        cap = hb.cap ?? .infinity
        floor = hb.floor ?? -.infinity
        let bands = hb.bands.sorted { $0.from < $1.from }
        bandFrom = bands.map(\.from)
        bandScore = bands.map(\.score)
        lowerPartial = m.indicators.lowerBetter.partial
        exactPartial = m.indicators.exactPartial
        dateRule = m.indicators.date
        nothingDue = m.objectives.nothingDue
        indicatorZeroBelow = m.indicators.zeroBelow ?? -.infinity
        mapsObjectives = m.objectives.zeroBelow != nil || !m.objectives.bands.isEmpty
        notYetDue = m.indicators.date.notYetDue
        missedUsesProgress = m.indicators.date.missedUsesProgress
        noDateScore = m.indicators.date.achievedWithoutDateScore
        missingZero = m.indicators.missingValue == .zero
        var counting = [StatusTreatment.Counting](repeating: .normal, count: ProgressStatus.codes.count + 1)
        var values = [Double](repeating: .nan, count: counting.count)
        for t in m.statuses {
            counting[Int(t.status.code)] = t.counting
            values[Int(t.status.code)] = t.value ?? .nan
        }
        statusCounting = counting
        statusValue = values
        var grades = [Double](repeating: .nan, count: counting.count)
        for g in m.objectives.statusGrades { grades[Int(g.status.code)] = g.score }
        statusGrade = grades
        let nc = m.treatment(of: .nonConsuntivato)
        notReportedCounting = nc?.counting == .fixed ? .fixed : .excluded
        notReportedValue = nc?.value ?? .nan
        sources = m.objectives.sources
        excludeBeforeHorizon = m.objectives.excludeBeforeHorizon
        reasonRequired = m.nucleo.reasonRequired
        roundEach = m.rounding.when == .eachLevel
        rounding = m.rounding
        unitWeighted = m.rollUps.unitMean == .weighted
        nodeWeighted = m.rollUps.nodeMean == .weighted
        enteWeighted = m.rollUps.enteMean == .weighted
        crossEvery = m.rollUps.crossCuttingInEveryOwner
        includeSubunits = m.rollUps.includeSubunits
        childlessFull = m.rollUps.childlessNode == .full
    }

    /// Whether a unit counts an objective it got through `tag`.
    @inline(__always) func counts(_ tag: MembershipTag) -> Bool {
        switch tag {
        case .direct: true
        case .shared: crossEvery
        case .subunit: includeSubunits
        case .subunitShared: includeSubunits && crossEvery
        }
    }
}
