/// The raw numbers of one scoring run, index-aligned with the compiled plan. NaN = not counted.
struct ScoreResults: Sendable {
    var indScore: [Double]
    var indOutcome: [IndicatorOutcome]
    /// Consuntivo: the computed score, never rounded.
    var objComputed: [Double]
    /// The computed score before the methodology's objective threshold or bands changed it (NaN when they did not).
    var objRaw: [Double]
    /// What roll-ups use: the validated score when there is one, rounded when the policy rounds every level.
    var objEffective: [Double]
    var objOutcome: [ObjectiveOutcome]
    var objFlags: [UInt8]
    var unitExact: [Double]
    var unitCounted: [Int32]
    var unitTotal: [Int32]
    var unitFlags: [UInt8]
    var nodeExact: [Double]
    var enteObjectives = Double.nan
    var enteObjectivesCount = 0
    var enteUnits = Double.nan
    var enteUnitsCount = 0
    /// The same roll-ups over the computed scores only (the "consuntivo" column the entes print beside the validated one).
    var unitComputed: [Double]
    var nodeComputed: [Double]
    var enteObjectivesComputed = Double.nan
    var enteUnitsComputed = Double.nan

    static let weighted: UInt8 = 1, partialWeights: UInt8 = 2, validatedApplied: UInt8 = 4
    static let validationIgnored: UInt8 = 8, pending: UInt8 = 16

    init(_ plan: CompiledPlan) {
        indScore = Array(repeating: .nan, count: plan.ind.count)
        indOutcome = Array(repeating: .missingExcluded, count: plan.ind.count)
        objComputed = Array(repeating: .nan, count: plan.obj.count)
        objEffective = objComputed
        objRaw = objComputed
        objOutcome = Array(repeating: .notReportedExcluded, count: plan.obj.count)
        objFlags = Array(repeating: 0, count: plan.obj.count)
        unitExact = Array(repeating: .nan, count: plan.units.count)
        unitCounted = Array(repeating: 0, count: plan.units.count)
        unitTotal = unitCounted
        unitFlags = Array(repeating: 0, count: plan.units.count)
        nodeExact = Array(repeating: .nan, count: plan.nodes.count)
        unitComputed = unitExact
        nodeComputed = nodeExact
    }
}
