/// How objective scores add up to units (settori/CdR), cascade nodes and the ente.
public struct RollUpPolicy: Hashable, Sendable, Codable {
    /// Unit/CdR score: simple mean of its counted objectives, or weighted by the objectives' weights.
    public var unitMean: MeanKind
    /// A trasversale objective counts in every unit it is shared with (seed 004); otherwise only in the
    /// coordinating unit (or its first owner).
    public var crossCuttingInEveryOwner: Bool
    /// A unit's score also includes the objectives of its sub-units (servizi under a settore).
    public var includeSubunits: Bool
    /// Cascade nodes (obiettivo operativo/strategico, indirizzo): mean of their children's scores.
    public var nodeMean: MeanKind
    /// A cascade node with no children and nothing measured (a strategic objective without operational ones).
    public var childlessNode: ChildlessNodeRule
    /// Ente: mean over all counted objectives, each counted once (simple or weighted).
    public var enteMean: MeanKind

    public init(
        unitMean: MeanKind = .simple, crossCuttingInEveryOwner: Bool = true, includeSubunits: Bool = true,
        nodeMean: MeanKind = .simple, childlessNode: ChildlessNodeRule = .excluded, enteMean: MeanKind = .simple
    ) {
        self.unitMean = unitMean
        self.crossCuttingInEveryOwner = crossCuttingInEveryOwner
        self.includeSubunits = includeSubunits
        self.nodeMean = nodeMean
        self.childlessNode = childlessNode
        self.enteMean = enteMean
    }
}

public enum MeanKind: String, CaseIterable, Sendable, Codable {
    case simple = "semplice", weighted = "ponderata"

    public var label: String { self == .simple ? "media semplice" : "media ponderata" }
}

public enum ChildlessNodeRule: String, CaseIterable, Sendable, Codable {
    /// Left out of its parent's mean.
    case excluded
    /// Counted as 100.
    case full
}

/// What the plan's weights are expected to add up to (warnings for the planner, never crashes).
/// Seed 002: PESO 10% per objective is read as points of the 40 reserved to objectives, so 40 per Area.
public struct WeightPolicy: Hashable, Sendable, Codable {
    public var unit: WeightUnit
    /// Expected sum of the objectives' weights in each unit (100, or 40 points).
    public var expectedPerUnit: Double?
    /// Expected sum per responsabile (catches a person heading two areas: 80 > 40).
    public var expectedPerPerson: Double?
    /// Expected sum of the indicators' weights within an objective (when given).
    public var expectedPerObjective: Double?
    public var tolerance: Double

    public init(
        unit: WeightUnit = .percent, expectedPerUnit: Double? = 100, expectedPerPerson: Double? = nil,
        expectedPerObjective: Double? = 100, tolerance: Double = 0.01
    ) {
        self.unit = unit
        self.expectedPerUnit = expectedPerUnit
        self.expectedPerPerson = expectedPerPerson
        self.expectedPerObjective = expectedPerObjective
        self.tolerance = tolerance
    }
}

public enum WeightUnit: String, CaseIterable, Sendable, Codable {
    case percent = "percentuale", points = "punti"

    public var symbol: String { self == .percent ? "%" : " punti" }
}

extension RollUpPolicy {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self), d = RollUpPolicy()
        self.init(
            unitMean: try c.value(.unitMean, or: d.unitMean),
            crossCuttingInEveryOwner: try c.value(.crossCuttingInEveryOwner, or: d.crossCuttingInEveryOwner),
            includeSubunits: try c.value(.includeSubunits, or: d.includeSubunits), nodeMean: try c.value(.nodeMean, or: d.nodeMean),
            childlessNode: try c.value(.childlessNode, or: d.childlessNode), enteMean: try c.value(.enteMean, or: d.enteMean))
    }
}

extension WeightPolicy {
    enum CodingKeys: String, CodingKey { case unit, expectedPerUnit, expectedPerPerson, expectedPerObjective, tolerance }

    /// The expected sums are written even when absent (`null` = not checked): a missing key reads back as 100.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unit, forKey: .unit)
        try c.encode(expectedPerUnit, forKey: .expectedPerUnit)
        try c.encodeIfPresent(expectedPerPerson, forKey: .expectedPerPerson)
        try c.encode(expectedPerObjective, forKey: .expectedPerObjective)
        try c.encode(tolerance, forKey: .tolerance)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self), d = WeightPolicy()
        self.init(
            unit: try c.value(.unit, or: d.unit), expectedPerUnit: try c.optional(.expectedPerUnit, or: d.expectedPerUnit),
            expectedPerPerson: try c.optional(.expectedPerPerson, or: d.expectedPerPerson),
            expectedPerObjective: try c.optional(.expectedPerObjective, or: d.expectedPerObjective),
            tolerance: try c.value(.tolerance, or: d.tolerance))
    }
}
